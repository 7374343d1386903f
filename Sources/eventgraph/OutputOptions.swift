import ArgumentParser
import EventGraph
import Foundation

/// A command's `--format` values.
protocol OutputFormat: RawRepresentable, CaseIterable, ExpressibleByArgument where RawValue == String {
    /// The format when neither `--format` nor the `-o` file's extension names one (nil: required).
    static var standard: Self? { get }
    /// Bytes a terminal cannot show (PNG, PDF): refused on a terminal without `-o`.
    var isBinary: Bool { get }
}

extension OutputFormat {
    var isBinary: Bool { rawValue == "png" || rawValue == "pdf" }

    /// Formats whose file is JSON, so a `.json` (or, for ftm, `.jsonl`) file name fits them.
    var writesJSON: Bool { ["timelinejs", "kumu-json", "ftm"].contains(rawValue) }

    /// The format a file extension names (`x.png` → png, `x.md` → markdown), if this command has it.
    static func named(byExtensionOf path: String) -> Self? {
        let ext = (path as NSString).pathExtension.lowercased()
        let aliases = ["md": "markdown", "txt": "text", "htm": "html", "mmd": "mermaid", "cql": "cypher", "gv": "dot"]
        return Self(rawValue: aliases[ext] ?? ext)
    }
}

/// `-o`, `--format` and `--lang`, shared by every command that writes a result: where the
/// output goes, in which format (by default the `-o` file's extension), and which language
/// names are shown in.
struct OutputOptions<Format: OutputFormat>: ParsableArguments {
    @Option(help: ArgumentHelp("Output format (default: the one the -o file's extension names\(Format.standard.map { ", else \($0.rawValue)" } ?? "; required otherwise")).", valueName: "FORMAT"))
    var format: Format?

    @Option(help: ArgumentHelp("Language tag for actor names (zh-Hans, zh-Hant, …).", valueName: "TAG"))
    var lang: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, written only if the whole output succeeds (a folder for formats of several files); standard output if omitted or '-'.", valueName: "FILE"))
    var output: String?

    /// The output file, nil for standard output.
    var file: String? { output == "-" ? nil : output }

    func validate() throws { _ = try resolvedFormat() }

    /// `--format`, else the `-o` extension's format, else the command's default; a
    /// `--format` that contradicts the extension is refused.
    func resolvedFormat() throws -> Format {
        let fromExtension = file.flatMap { Format.named(byExtensionOf: $0) }
        if let format {
            if let fromExtension, fromExtension != format, !format.rawValue.hasSuffix("csv"), format.rawValue != "kumu",
               !(format.writesJSON && fromExtension.rawValue == "json") {
                throw ValidationError("--format \(format.rawValue) contradicts the output file's extension (.\((file! as NSString).pathExtension)); name the file .\(format.rawValue) or drop --format")
            }
            return format
        }
        if let fromExtension { return fromExtension }
        if let standard = Format.standard { return standard }
        throw ValidationError("give --format (\(Format.allCases.map(\.rawValue).joined(separator: ", "))) or an -o file whose extension names one")
    }

    /// Writes one output (atomically; never onto an input) and, for a file, says so on standard output.
    func write(_ bytes: [UInt8], inputs: [String], what: String, summary: String) throws {
        let format = try resolvedFormat()
        if file == nil && format.isBinary && isatty(STDOUT_FILENO) != 0 {
            throw CommandFailure(message: "refusing to write \(format.rawValue.uppercased()) to a terminal: give -o FILE, or redirect standard output to a file")
        }
        try write(inputs: inputs, what: what, summary: summary) { $0.write(bytes) }
    }

    /// Writes text (no copy of it is made).
    func write(text: String, inputs: [String], what: String, summary: String) throws {
        try write(inputs: inputs, what: what, summary: summary) { $0.write(text) }
    }

    /// Streams an output as it is made (``OutputFile/write(to:inputs:_:)``): nothing is
    /// left at `-o` unless all of it was written.
    func write(inputs: [String], what: String, summary: String, _ write: (ExportSink) -> Void) throws {
        let format = try resolvedFormat()
        let count = try OutputFile.write(to: file, inputs: inputs, write)
        report(format, count, what, summary)
    }

    private func report(_ format: Format, _ count: Int, _ what: String, _ summary: String) {
        if let file {
            print("wrote \(file) (\(what), \(format.rawValue), \(count) bytes)\(summary.isEmpty ? "" : ": \(summary)")")
        }
    }
}
