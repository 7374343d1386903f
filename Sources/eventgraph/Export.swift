import ArgumentParser
import EventGraph
import Foundation

/// `eventgraph export GRAPH --format …`: the graph in a data format (see docs/exports.md).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph in a data format: dot, json, graphml, gexf, cypher, neo4j-csv, timelinejs, kumu, kumu-json, ftm, mermaid or csv.",
        discussion: "neo4j-csv, kumu and csv write several files into the folder given with -o (created if missing). See docs/exports.md.")

    @OptionGroup var input: GraphOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var out: OutputOptions<ExportFormat>

    @Option(help: "timelinejs: group slides by event kind or by the event's first actor.")
    var group: TimelineJSExporter.Grouping = .kind

    func validate() throws {
        let format = try out.resolvedFormat()
        if format.writesFolder && out.file == nil {
            throw ValidationError("--format \(format.rawValue) writes several files: give the folder to write them into with -o")
        }
        if group != .kind && format != .timelinejs { throw ValidationError("--group applies to --format timelinejs only") }
    }

    func run() throws {
        let format = try out.resolvedFormat(), lang = out.lang
        let graph = try input.load()
        let filtered = graph.filtered(by: try filters.filter(for: graph))
        guard let exporter = format.exporter(grouping: group, language: lang) else {
            try out.write(text: filtered.diagram(.actors, options: DiagramOptions(language: lang)).text, inputs: input.graph,
                          what: "export", summary: filtered.summary)
            return
        }
        if let ftm = exporter as? FtMExporter {
            for sentence in ftm.leftOut(filtered) { FileHandle.standardError.write(Data("note: \(sentence)\n".utf8)) }
        }
        if format.writesFolder {
            guard let output = out.file else { return }
            let names = try OutputFolder.write(to: output, inputs: input.graph) { exporter.write(filtered, to: $0) }
            print("wrote \(names.joined(separator: ", ")) into \(output) (\(format.rawValue)): \(filtered.summary)")
        } else {
            try out.write(inputs: input.graph, what: "export", summary: filtered.summary) { exporter.write(filtered, to: $0) }
        }
    }
}
