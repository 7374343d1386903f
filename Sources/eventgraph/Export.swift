import ArgumentParser
import EventGraph

/// `eventgraph export GRAPH --format …`: the graph in a data format (see docs/exports.md).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph in a data format: dot, json, graphml, gexf, cypher, neo4j-csv, timelinejs, kumu, mermaid or csv.",
        discussion: "neo4j-csv, kumu and csv write several files into the folder given with -o (created if missing). See docs/exports.md.")

    @OptionGroup var input: GraphOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "Data format.")
    var format: ExportFormat

    @Option(help: ArgumentHelp("Language tag for actor names in DOT labels and TimelineJS groups.", valueName: "TAG"))
    var lang: String?

    @Option(help: "timelinejs: group slides by event kind or by the event's first actor.")
    var group: TimelineJSExporter.Grouping = .kind

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (written only if the export succeeds); standard output if omitted. A folder for neo4j-csv, kumu and csv.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if format.writesFolder && (output == nil || output == "-") {
            throw ValidationError("--format \(format.rawValue) writes several files: give the folder to write them into with -o")
        }
        if group != .kind && format != .timelinejs { throw ValidationError("--group applies to --format timelinejs only") }
    }

    func run() throws {
        let graph = try input.load()
        let filtered = graph.filtered(by: try filters.filter(for: graph))
        guard let exporter = format.exporter(grouping: group, language: lang) else {
            try OutputFile.write(text: filtered.diagram(.actors, options: DiagramOptions(language: lang)).text, to: output, inputs: input.graph)
            return
        }
        switch exporter.export(filtered) {
        case let .file(text):
            try OutputFile.write(text: text, to: output, inputs: input.graph)
        case let .folder(files):
            guard let output else { return }
            try OutputFolder.write(files, to: output, inputs: input.graph)
            print("wrote \(files.map(\.name).joined(separator: ", ")) into \(output) (\(format.rawValue)): \(filtered.summary)")
        }
    }
}
