import Foundation
import Yams

/// Loads one or more YAML/JSON files (or folders of them) into one validated ``Graph``.
///
/// Every problem in every file is collected and thrown together as an ``InputError``,
/// sorted by position, each as `FILE:LINE:COLUMN: error: message`.
public struct GraphLoader: Sendable {
    /// The schema graphs are checked against before their own `schema:` sections are added.
    public var baseSchema: Schema

    public init(baseSchema: Schema = .builtIn) {
        self.baseSchema = baseSchema
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

    /// Loads and validates the files and folders at `paths`.
    /// - Throws: ``InputError`` with every diagnostic of every file.
    public func load(paths: [String]) throws(InputError) -> Graph {
        let files = try Self.inputFiles(paths)
        var documents: [InputDocument] = []
        var problems: [Diagnostic] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append(Diagnostic(SourceLocation(file: file), "cannot read the file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic(SourceLocation(file: file), "the file is not UTF-8 text"))
                continue
            }
            documents.append(InputDocument(name: file, text: text))
        }
        if !problems.isEmpty { throw InputError(problems) }
        return try load(documents)
    }

    /// Loads and validates in-memory documents (the `name` is used in diagnostics).
    /// - Throws: ``InputError`` with every diagnostic of every document.
    public func load(_ documents: [InputDocument]) throws(InputError) -> Graph {
        var assembler = GraphAssembler(schema: baseSchema)
        for document in documents {
            assembler.parse(document)
        }
        return try assembler.finish()
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

extension Event {
    /// Fields an event record may have besides its kind's roles.
    static let fieldNames: [String] = ["kind", "date", "start", "end", "title", "description", "amount", "status",
                                       "claim", "claimed_by", "date_basis", "date_note", "date_source", "sources", "tags"]
}
