import ArgumentParser
import EventGraph
import EventGraphRendering

/// `neighbors --format`.
enum NeighborsFormat: String, OutputFormat {
    case text, json, dot, svg, png, pdf
    static let standard: NeighborsFormat? = .text
}

/// `eventgraph neighbors GRAPH… ID --depth N`: the ego network of an actor.
struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The ego network of an actor: everything within --depth links.",
        discussion: """
        Members are the actors within --depth links (an event or relation is one link), the links \
        crossed to reach them and the links joining two members. The shared filters apply; --depth \
        (default 1) sets the distance. Examples:
          eventgraph neighbors Samples/quickstart Manus
          eventgraph neighbors Samples/quickstart manus --depth 2 --format svg -o manus.svg
        """)

    @Argument(help: ArgumentHelp("Graph files or folders, then the actor: id, name, per-language name or alias.",
                                 valueName: "GRAPH… ID"))
    var arguments: [String] = []

    @OptionGroup var filters: FilterOptions
    @OptionGroup var out: OutputOptions<NeighborsFormat>
    @OptionGroup var layoutLimit: LayoutOptions

    @Option(help: "Graphviz layout engine (svg, png).")
    var layout: LayoutOption = .dot

    @Option(help: ArgumentHelp("Most actors to collect (the nearest first); reaching it is reported.", valueName: "N"))
    var limit: Int = 500

    func validate() throws {
        _ = try TrailingNames(arguments, count: 1, usage: "GRAPH… ID")
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let input = try TrailingNames(arguments, count: 1, usage: "GRAPH… ID")
        let format = try out.resolvedFormat(), lang = out.lang
        let graph = try loadGraph(input.graph)
        let center = try graph.resolveActorNode(input.names[0])
        var filter = try filters.filter(for: graph)
        let depth = filter.depth
        if filter.focus == nil { filter.depth = 1 }
        let network = graph.filtered(by: filter)
        guard network.allows(center) else {
            throw CommandFailure(message: "\(graph.links.id(center)) is outside the --focus area")
        }
        let ego = network.egoNetwork(of: center, depth: depth, limit: limit)
        let bytes: [UInt8]
        var warnings: [String] = []
        switch format {
        case .text: bytes = Array(EgoReport(network: network, ego: ego, language: lang).text.utf8)
        case .json: bytes = Array(EgoReport(network: network, ego: ego, language: lang).json.text.utf8)
        case .dot, .svg, .png, .pdf:
            let document = PathDiagram(ego: ego, network: network, options: DiagramOptions(language: lang)).document
            (bytes, warnings) = try layoutLimit.output(of: document, format: format.rawValue, layout: layout.layout)
        }
        try out.write(bytes, inputs: input.graph, what: "neighbors", summary: "\(ego.actors.count) actors, \(ego.links.count) links")
        if ego.truncated && format != .text { warnings.append("stopped at --limit \(limit) actors: more lie within \(depth) links") }
        for warning in warnings { Entry.printError("warning: \(warning)") }
    }
}
