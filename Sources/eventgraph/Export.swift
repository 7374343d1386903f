import ArgumentParser
import EventGraph

/// `eventgraph export GRAPH --format dot|json`: the graph in a data format.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph in a data format: dot (the actor diagram's DOT) or json (node-link).")

    @OptionGroup var input: GraphOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "Data format.")
    var format: ExportFormat

    @Option(help: ArgumentHelp("Language tag for actor names in DOT labels.", valueName: "TAG"))
    var lang: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (written only if the export succeeds); standard output if omitted.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let graph = try input.load()
        let filtered = graph.filtered(by: try filters.filter(for: graph))
        let text: String = switch format {
        case .dot: filtered.diagram(.actors, options: DiagramOptions(language: lang)).text
        case .json: filtered.nodeLinkJSON.text
        }
        try OutputFile.write(text: text, to: output)
    }
}
