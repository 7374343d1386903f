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
        return GraphView(store: try validate(files, open: openFile(files)) { (validator) throws(InputError) in try validator.finish() })
    }

    /// Checks the files and folders at `paths` as ``load(paths:)`` does, every rule the same,
    /// without building the store: `validate`'s whole job.
    /// - Throws: ``InputError`` with every diagnostic of every file.
    public func check(paths: [String]) throws(InputError) -> GraphCheck {
        let files = try Self.inputFiles(paths)
        return try validate(files, open: openFile(files)) { (validator) throws(InputError) in try validator.check() }
    }

    /// Loads and validates in-memory documents (the `name` is used in diagnostics and, by its
    /// extension, decides the syntax).
    /// - Throws: ``InputError`` with every diagnostic of every document.
    public func load(_ documents: [InputDocument]) throws(InputError) -> GraphView {
        let store = try validate(documents.map(\.name), open: { index, skims in
            GraphDocument.open(name: documents[index].name, index: index, text: documents[index].text, limits: limits,
                               recordsPerChunk: recordsPerChunk, skimsSections: skims)
        }) { (validator) throws(InputError) in try validator.finish() }
        return GraphView(store: store)
    }

    /// Opens file `index` of `files`, its large YAML sections skimmed or not.
    private func openFile(_ files: [String]) -> (Int, Bool) -> Result<GraphDocument, InputError> {
        { index, skims in
            GraphDocument.open(file: files[index], index: index, limits: limits, recordsPerChunk: recordsPerChunk, skimsSections: skims)
        }
    }

    /// Opens the documents `names` with `open(index, skimsSections)`, validates them and
    /// `finish`es the validator: first with large YAML sections left out of the first pass
    /// (checked as they are read), and again the exact way if a document needs it
    /// (``GraphDocument/needsExactRead``), so the answers and diagnostics are those of the exact way.
    private func validate<R>(_ names: [String], open: (Int, Bool) -> Result<GraphDocument, InputError>,
                             _ finish: (inout GraphValidator) throws(InputError) -> R) throws(InputError) -> R {
        var skims = true
        while true {
            var validator = GraphValidator(schema: baseSchema)
            var opened: [GraphDocument] = []
            for (index, name) in names.enumerated() {
                let document = open(index, skims)
                if case let .success(document) = document { opened.append(document) }
                validator.add(document, name: name)
            }
            let outcome: Result<R, InputError>
            do throws(InputError) { outcome = .success(try finish(&validator)) } catch { outcome = .failure(error) }
            if skims && opened.contains(where: \.needsExactRead) {
                skims = false
                continue
            }
            return try outcome.get()
        }
    }
}

extension GraphLoader {
    /// Checks one JSON document held as bytes (an import's result), read as a `.json` file is
    /// read, in place (no copy: the document, and everything read from it, is gone when this
    /// returns; the check keeps only counts and diagnostics), without building its store.
    /// - Throws: ``InputError`` with every diagnostic.
    func check(name: String, json bytes: [UInt8]) throws(InputError) -> GraphCheck {
        try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> GraphCheck in
            var validator = GraphValidator(schema: baseSchema)
            validator.add(GraphDocument.open(name: name, index: 0, json: MappedFile(borrowing: buffer), recordsPerChunk: recordsPerChunk),
                          name: name)
            return try validator.check()
        }
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
