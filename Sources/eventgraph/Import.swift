import ArgumentParser
import EventGraph
import Foundation

/// `eventgraph import CSV… [-o FILE]`: spreadsheet CSV files to EventGraph YAML.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn spreadsheet CSV files (actors, events, relations, sources) into a graph YAML file.",
        discussion: """
            Files are recognised by name (actors…, events… or timeline…, relations… or connections…, sources…, graph…) \
            or by their header; a folder stands for the .csv files in it. The columns are those `export --format csv` \
            writes, and TimelineJS's and Kumu's usual ones (Headline, Year/Month/Day, Label, Type…). Every problem is \
            reported as FILE:LINE:COLUMN. See docs/exports.md.
            """)

    @Argument(help: ArgumentHelp("CSV files, or folders of them.", valueName: "CSV"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("YAML file to write (only if the import succeeds); standard output if omitted.", valueName: "FILE"))
    var output: String?

    func run() throws {
        var sheets: [SpreadsheetImporter.Sheet] = []
        var problems: [Diagnostic] = []
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(SourceLocation(file: input), "no such file or folder"))
                continue
            }
            var files = [input]
            if isDirectory.boolValue {
                let base = input.hasSuffix("/") ? String(input.dropLast()) : input
                files = ((try? fm.contentsOfDirectory(atPath: input)) ?? [])
                    .filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted().map { "\(base)/\($0)" }
                if files.isEmpty { problems.append(Diagnostic(SourceLocation(file: input), "folder has no .csv files")) }
            }
            for file in files {
                guard let data = fm.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    problems.append(Diagnostic(SourceLocation(file: file), "cannot read the file as UTF-8 text"))
                    continue
                }
                sheets.append(SpreadsheetImporter.Sheet(name: file, text: text))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let yaml = try SpreadsheetImporter().yaml(from: sheets)
        try OutputFile.write(text: yaml, to: output)
        if let output, output != "-" {
            let graph = try GraphLoader().load([InputDocument(name: output, text: yaml)])
            print("wrote \(output) from \(sheets.count) CSV file\(sheets.count == 1 ? "" : "s"): \(graph.summary)")
        }
    }
}
