import ArgumentParser
import EventGraph
import Foundation

/// `eventgraph import [--mapping MAP | --from ftm] FILE… [-o FILE] [--skip-bad-rows]`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn tables (CSV, JSON) or a FollowTheMoney entity stream into a graph file.",
        discussion: """
            A mapping says which column gives which field (docs/import.md). Built-in mappings: \
            \(ImportMapping.builtInNames.joined(separator: ", ")); without --mapping the files are read as \
            `export --format csv` writes them (eventgraph-csv). A folder stands for the .csv files in it. \
            --from ftm reads FollowTheMoney entities, one JSON object a line. The result is checked by the \
            same loader as every command; every problem is reported as FILE:LINE:COLUMN and nothing is \
            written unless --skip-bad-rows leaves the bad rows out. Output is YAML up to \
            \(MappedImporter.yamlLimit) records, else JSON with one record a line (or as -o's extension says).
            """)

    enum Source: String, ExpressibleByArgument, CaseIterable { case ftm }

    @Argument(help: ArgumentHelp("Input files (CSV, JSON), or folders of CSV files.", valueName: "FILE"))
    var inputs: [String]

    @Option(help: ArgumentHelp("A mapping file, or a built-in mapping's name (\(ImportMapping.builtInNames.joined(separator: ", "))).", valueName: "MAP"))
    var mapping: String?

    @Option(name: .customLong("from"), help: ArgumentHelp("Read another format instead of tables: ftm (FollowTheMoney entities, one JSON object a line).", valueName: "FORMAT"))
    var from: Source?

    @Flag(help: "Import the good rows; report every skipped row with its reason, and a count.")
    var skipBadRows = false

    @Option(name: .shortAndLong, help: ArgumentHelp("File to write (only if the import succeeds): .yaml/.yml or .json; standard output if omitted.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if mapping != nil && from != nil { throw ValidationError("--mapping and --from are two ways to read the inputs; give one.") }
        if let output, output != "-", !(output.hasSuffix(".yaml") || output.hasSuffix(".yml") || output.hasSuffix(".json")) {
            throw ValidationError("-o names a .yaml, .yml or .json file ('\(output)').")
        }
    }

    func run() throws {
        let syntax: MappedImporter.OutputSyntax? = output.flatMap { $0.hasSuffix(".json") ? .json : ($0 == "-" ? nil : .yaml) }
        let files = try Self.files(inputs, csvOnly: from == nil && mapping == nil)
        let result: MappedImporter.Result
        if from == .ftm {
            result = try FtMImporter().run(files, skipBadRows: skipBadRows, syntax: syntax)
        } else {
            let name = mapping ?? "eventgraph-csv"
            let map: ImportMapping
            if let builtIn = ImportMapping.builtIn(name) {
                map = builtIn
            } else {
                guard FileManager.default.fileExists(atPath: name) else {
                    throw InputError([Diagnostic(SourceLocation(file: name), "no such mapping file, and no built-in mapping of that name (built in: \(ImportMapping.builtInNames.joined(separator: ", ")))")])
                }
                guard let text = try? String(contentsOfFile: name, encoding: .utf8) else {
                    throw InputError([Diagnostic(SourceLocation(file: name), "cannot read the mapping as UTF-8 text")])
                }
                map = try ImportMapping(yaml: text, file: name)
            }
            result = try MappedImporter(mapping: map).run(files, skipBadRows: skipBadRows, syntax: syntax, writingTo: output, protecting: inputs)
        }
        if from == .ftm { try OutputFile.write(result.bytes, to: output, inputs: inputs) }
        let stderr = FileHandle.standardError
        for note in result.notes { stderr.write(Data((note.description + "\n").utf8)) }
        for skipped in result.skipped { stderr.write(Data((skipped.description + "\n").utf8)) }
        if result.skippedRows > 0 { stderr.write(Data("skipped \(result.skippedRows) row\(result.skippedRows == 1 ? "" : "s") (\(result.skipped.count) problem\(result.skipped.count == 1 ? "" : "s"))\n".utf8)) }
        if let output, output != "-" {
            print("wrote \(output) (\(result.syntax == .json ? "JSON" : "YAML")) from \(files.count) file\(files.count == 1 ? "" : "s"): \(result.summary)")
        }
    }

    /// The input files, folders expanded to their .csv files; every missing one reported.
    static func files(_ inputs: [String], csvOnly: Bool) throws(InputError) -> [MappedImporter.Input] {
        var problems: [Diagnostic] = []
        var result: [MappedImporter.Input] = []
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(SourceLocation(file: input), "no such file or folder"))
                continue
            }
            var paths = [input]
            if isDirectory.boolValue {
                let base = input.hasSuffix("/") ? String(input.dropLast()) : input
                paths = ((try? fm.contentsOfDirectory(atPath: input)) ?? [])
                    .filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted().map { "\(base)/\($0)" }
                if paths.isEmpty { problems.append(Diagnostic(SourceLocation(file: input), "folder has no .csv files")) }
            }
            for path in paths {
                guard let file = MappedImporter.Input(path: path) else {
                    problems.append(Diagnostic(SourceLocation(file: path), "cannot read the file"))
                    continue
                }
                result.append(file)
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return result
    }
}
