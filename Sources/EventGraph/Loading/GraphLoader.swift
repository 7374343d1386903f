import Foundation

/// Loads one or more YAML/JSON files (or folders of them) into one validated graph.
///
/// Every problem in every file is collected and thrown together as an ``InputError``,
/// sorted by position, each as `FILE:LINE:COLUMN: error: message`.
public struct GraphLoader: Sendable {
    /// The schema graphs are checked against before their own `schema:` sections are added.
    public var baseSchema: Schema
    /// Bounds on the work one input may cause (file size, YAML alias expansion).
    public var limits: InputLimits
    /// Records of a JSON or YAML section per chunk read on two threads (tests make it small; 0: one
    /// thread, the default on a machine with one core).
    var recordsPerChunk = ProcessInfo.processInfo.activeProcessorCount > 1 ? GraphDocument.chunkRecords : 0

    public init(baseSchema: Schema = .builtIn, limits: InputLimits = .standard) {
        self.baseSchema = baseSchema
        self.limits = limits
    }

    /// File extensions read from folders.
    public static let fileExtensions: Set<String> = ["yaml", "yml", "json"]

    /// Expands files and folders into the sorted list of input files.
    /// Folders are searched recursively for `.yaml`, `.yml` and `.json` files.
    /// - Throws: ``InputError`` for a path that does not exist or a folder with no graph files.
    public static func inputFiles(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        var problems: [Diagnostic] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(SourceLocation(file: path), "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { fileExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
                .map { "\(base)/\($0)" }
            if found.isEmpty {
                problems.append(Diagnostic(SourceLocation(file: path), "folder has no .yaml, .yml or .json files"))
            }
            files.append(contentsOf: found)
        }
        if !problems.isEmpty { throw InputError(problems) }
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }
    }

    /// Loads and validates the files and folders at `paths`: each file read in its syntax
    /// (`.json` as JSON, others as YAML) into the one record form, checked by the one
    /// validator, stored in the one ``GraphStore``.
    /// - Throws: ``InputError`` with every diagnostic of every file.
    public func load(paths: [String]) throws(InputError) -> GraphView {
        let files = try Self.inputFiles(paths)
        return try load(files) { index, skims in
            GraphDocument.open(file: files[index], index: index, limits: limits, recordsPerChunk: recordsPerChunk,
                               skimsSections: skims)
        }
    }

    /// Opens the `names.count` documents with `open(index, skimsSections)` and validates them:
    /// first with large YAML sections left out of the first pass (checked as they are read),
    /// and again the exact way if a document needs it (``GraphDocument/needsExactRead``), so
    /// the answers and diagnostics are those of the exact way.
    private func load(_ names: [String], open: (Int, Bool) -> Result<GraphDocument, InputError>) throws(InputError) -> GraphView {
        var skims = true
        while true {
            var validator = GraphValidator(schema: baseSchema)
            var opened: [GraphDocument] = []
            for (index, name) in names.enumerated() {
                switch open(index, skims) {
                case let .success(document):
                    validator.add(document)
                    opened.append(document)
                case let .failure(error): validator.fail(error.diagnostics, file: name)
                }
            }
            let store: Result<GraphStore, InputError>
            do { store = .success(try validator.finish()) } catch { store = .failure(error) }
            if skims && opened.contains(where: \.needsExactRead) {
                skims = false
                continue
            }
            return GraphView(store: try store.get())
        }
    }

    /// Loads and validates in-memory documents (the `name` is used in diagnostics and, by its
    /// extension, decides the syntax).
    /// - Throws: ``InputError`` with every diagnostic of every document.
    public func load(_ documents: [InputDocument]) throws(InputError) -> GraphView {
        try load(documents.map(\.name)) { index, skims in
            GraphDocument.open(name: documents[index].name, index: index, text: documents[index].text, limits: limits,
                               recordsPerChunk: recordsPerChunk, skimsSections: skims)
        }
    }
}

extension GraphLoader {
    /// Loads and validates one JSON document held as bytes (an import's result), read as a
    /// `.json` file is read: no text copy.
    /// - Throws: ``InputError`` with every diagnostic.
    func load(name: String, json bytes: [UInt8]) throws(InputError) -> GraphView {
        var validator = GraphValidator(schema: baseSchema)
        switch GraphDocument.open(name: name, index: 0, json: MappedFile(copying: bytes), recordsPerChunk: recordsPerChunk) {
        case let .success(document): validator.add(document)
        case let .failure(error): validator.fail(error.diagnostics, file: name)
        }
        return GraphView(store: try validator.finish())
    }
}

/// A named text to load: a file's path and contents.
public struct InputDocument: Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
