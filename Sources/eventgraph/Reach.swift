import ArgumentParser
import EventGraph
import EventGraphRendering

/// `reach --format`.
enum ReachFormat: String, OutputFormat {
    case text, json, dot, svg, png, pdf
    static let standard: ReachFormat? = .text
}

/// `eventgraph reach GRAPH… ACTOR`: every actor ACTOR could have influenced by time-respecting
/// chains (or, `--reverse`, that could have influenced ACTOR).
struct Reach: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every actor an actor could have influenced by time-respecting chains (--reverse: could have been influenced by).",
        discussion: """
        A chain goes actor → link → actor …, each link (event or relation) crossed on a day not before the \
        previous link's (--strict: after it; --max-gap: at most DAYS apart), and only while the actors it \
        joins existed (lifespans). Each actor reached is listed with the earliest day a chain can arrive \
        (--reverse: the latest day a chain can leave it and still reach ACTOR), the links of that chain and \
        whether the chain is certain or only possible under partial dates. --from DATE: no link before \
        DATE; --by DATE: none after it. --chains cites each chain hop by hop; diagrams draw the chains. \
        The shared filters apply. See docs/paths.md.

        Examples:
          eventgraph reach Samples/quickstart Benchmark
          eventgraph reach Graphs/ai-race nvidia --from 2025-01 --by 2025-06 --chains
          eventgraph reach Graphs/ai-race mofcom --reverse --format svg -o influenced-mofcom.svg
        """)

    @Argument(help: ArgumentHelp("Graph files or folders, then the actor: id, name, per-language name or alias.",
                                 valueName: "GRAPH… ACTOR"))
    var arguments: [String] = []

    @OptionGroup var filters: FilterOptions
    @OptionGroup var time: TimeRuleOptions
    @OptionGroup var out: OutputOptions<ReachFormat>
    @OptionGroup var layoutLimit: LayoutOptions

    @Flag(help: "The actors that could have influenced ACTOR (chains arriving at it) instead of those it could have influenced.")
    var reverse = false

    @Flag(help: "Cite each actor's chain, hop by hop (text and JSON; diagrams always draw the chains).")
    var chains = false

    @Option(help: ArgumentHelp("Most actors to list (the earliest reached first; --reverse: the latest departures first); reaching it is reported.", valueName: "N"))
    var limit: Int = 1000

    @Option(help: "Graphviz layout engine (svg, png, pdf).")
    var layout: LayoutOption = .dot

    func validate() throws {
        _ = try TrailingNames(arguments, count: 1, usage: "GRAPH… ACTOR")
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        _ = try time.rule(from: filters)
    }

    func run() throws {
        let input = try TrailingNames(arguments, count: 1, usage: "GRAPH… ACTOR")
        let format = try out.resolvedFormat(), lang = out.lang
        let network = try loadGraph(input.graph)
        let origin = try network.resolveActorNode(input.names[0])
        let diagram = ![.text, .json].contains(format)
        let query = ReachQuery(reverse: reverse, rule: try time.rule(from: filters), filter: try filters.filter(for: network),
                               limit: limit, chains: chains || diagram)
        let view = network.view(for: query)
        guard view.allows(origin) else {
            throw CommandFailure(message: "\(network.displayName(origin, language: lang)) (\(network.links.id(origin))) has no link the filters keep; nothing to reach from")
        }
        let answer = network.reach(from: origin, query: query, search: PathSearch(view: view))
        let bytes: [UInt8]
        var warnings: [String] = []
        switch format {
        case .text: bytes = Array(ReachReport(network: network, answer: answer, language: lang).text.utf8)
        case .json: bytes = Array(ReachReport(network: network, answer: answer, language: lang).json.text.utf8)
        case .dot, .svg, .png, .pdf:
            let document = PathDiagram(reach: answer, network: network, options: DiagramOptions(language: lang)).document
            (bytes, warnings) = try layoutLimit.output(of: document, format: format.rawValue, layout: layout.layout)
        }
        let count = answer.reached.count
        try out.write(bytes, inputs: input.graph, what: "reach", summary: "\(count) actor\(count == 1 ? "" : "s") reached")
        if answer.truncated && (format != .text || out.file != nil) {
            warnings.append("stopped at --limit \(limit): more actors are reached")
        }
        for warning in warnings { Entry.printError("warning: \(warning)") }
    }
}
