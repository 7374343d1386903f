import ArgumentParser
import EventGraph
import EventGraphRendering

/// `path --format`.
enum PathFormat: String, OutputFormat {
    case text, markdown, json, dot, svg, png, pdf
    static let standard: PathFormat? = .text
}

/// `eventgraph path GRAPH… FROM TO`: relation paths between two actors, each hop cited.
struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Relation paths between two actors, each hop cited.",
        discussion: """
        A path goes actor → link → actor, where a link is an event (joining every actor or event in its \
        roles) or a relation; its length is its number of links. By default: the shortest path (the \
        smallest by ids among equally short ones). --k N: the N shortest simple paths. --all: every simple \
        path up to --max-hops links (at most --limit of them).

        --temporal keeps time-respecting paths only: each link dated not before the previous one \
        (--strict: after it; --max-gap: at most DAYS apart). Partial dates are intervals, so each path is \
        marked certain or possible; relations may be crossed at any time within since/until, and no link \
        while an actor it joins did not exist (lifespans). A single temporal path has the fewest links \
        (then the earliest arrival); --earliest asks for the earliest arrival, --latest-departure for the \
        latest day one can leave FROM and still reach TO, --fastest for the fewest days from the first \
        link to the last. With --temporal, --from DATE also means no link before DATE, and --by DATE no \
        link after it. See docs/paths.md.

        Examples:
          eventgraph path Samples/quickstart Benchmark MOFCOM
          eventgraph path Samples/quickstart benchmark mofcom --k 3 --format markdown
          eventgraph path Graphs/ai-race Benchmark 商务部 --temporal --format json
          eventgraph path Graphs/ai-race benchmark mofcom --temporal --latest-departure --by 2025-12
          eventgraph path Graphs/ai-race benchmark mofcom --all --max-hops 5 --via investment,acquisition,review
        """)

    @Argument(help: ArgumentHelp("Graph files or folders, then the two actors: id, name, per-language name or alias.",
                                 valueName: "GRAPH… FROM TO"))
    var arguments: [String] = []

    @OptionGroup var filters: FilterOptions
    @OptionGroup var out: OutputOptions<PathFormat>
    @OptionGroup var layoutLimit: LayoutOptions

    @Option(help: ArgumentHelp("The N shortest simple paths (Yen's algorithm).", valueName: "N"))
    var k: Int?

    @Flag(help: "Every simple path up to --max-hops links.")
    var all = false

    @Option(name: .customLong("max-hops"), help: ArgumentHelp("Most links on a path for --all (default 4) and for --temporal --k (default: the fewest + 4).", valueName: "N"))
    var maxHops: Int?

    @Option(help: ArgumentHelp("Most paths --all lists; reaching it is reported.", valueName: "N"))
    var limit: Int = 100

    @Option(help: ArgumentHelp("Only links of these kinds (event or relation kinds), comma-separated.", valueName: "KIND,…"))
    var via: String?

    @Option(help: ArgumentHelp("Actors, events or relations the paths must not touch (ids or names), comma-separated.", valueName: "ID,…"))
    var avoid: String?

    @Flag(help: "Only time-respecting paths: each link dated not before the previous one.")
    var temporal = false

    @Flag(help: "With --temporal: the path that arrives earliest (instead of the one with the fewest links).")
    var earliest = false

    @Flag(name: .customLong("latest-departure"), help: "With --temporal: the path that can leave FROM latest and still reach TO (by --by, if given).")
    var latestDeparture = false

    @Flag(help: "With --temporal: the path with the fewest days from its first link to its last.")
    var fastest = false

    @OptionGroup var time: TimeRuleOptions

    @Option(help: "Graphviz layout engine (svg, png, pdf).")
    var layout: LayoutOption = .dot

    @Option(help: ArgumentHelp("Diagrams: other links shown around each actor on a path.", valueName: "N"))
    var context: Int = 3

    func validate() throws {
        _ = try TrailingNames(arguments, count: 2, usage: "GRAPH… FROM TO")
        if let k, k < 1 { throw ValidationError("--k must be 1 or more") }
        if k != nil && all { throw ValidationError("--k and --all cannot be combined; pick one") }
        if let maxHops, maxHops < 1 { throw ValidationError("--max-hops must be 1 or more") }
        if maxHops != nil && k == nil && !all { throw ValidationError("--max-hops goes with --all or --temporal --k") }
        if maxHops != nil && k != nil && !temporal { throw ValidationError("--max-hops goes with --all or --temporal --k (plain --k has no length limit)") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        let objectives = [(earliest, "--earliest"), (latestDeparture, "--latest-departure"), (fastest, "--fastest")].filter(\.0).map(\.1)
        if !temporal {
            if let first = objectives.first { throw ValidationError("\(first) goes with --temporal") }
            if time.strict { throw ValidationError("--strict goes with --temporal") }
            if time.maxGap != nil { throw ValidationError("--max-gap goes with --temporal") }
            if time.by != nil { throw ValidationError("--by goes with --temporal") }
        }
        if temporal { _ = try time.rule(from: filters) }
        if objectives.count > 1 { throw ValidationError("\(objectives.joined(separator: " and ")) cannot be combined; pick one") }
        if let first = objectives.first, k != nil || all { throw ValidationError("\(first) finds one path; it cannot be combined with --k or --all") }
        if context < 0 { throw ValidationError("--context must be 0 or more") }
    }

    func run() throws {
        let input = try TrailingNames(arguments, count: 2, usage: "GRAPH… FROM TO")
        let format = try out.resolvedFormat(), lang = out.lang
        let network = try loadGraph(input.graph)
        let from = try network.resolveActorNode(input.names[0])
        let to = try network.resolveActorNode(input.names[1])
        if from == to {
            throw CommandFailure(message: "FROM and TO are the same actor (\(network.links.id(from))); a path needs two different actors")
        }
        let filter = try filters.filter(for: network)
        let viaKinds = FilterOptions.list(via)
        let schema = network.schema
        let unknown = viaKinds.filter { schema.eventKinds[$0] == nil && schema.relationKinds[$0] == nil }
        if !unknown.isEmpty {
            throw UsageError("--via: unknown kind\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); event kinds: \(schema.eventKindOrder.joined(separator: ", ")); relation kinds: \(schema.relationKindOrder.joined(separator: ", "))")
        }
        var avoided: [Int] = []
        for name in FilterOptions.list(avoid) {
            let node = try network.resolveNode(name)
            if node == from || node == to {
                throw UsageError("--avoid: '\(name)' is \(node == from ? "FROM" : "TO"); a path cannot avoid its own ends")
            }
            avoided.append(node)
        }
        let mode: PathQuery.Mode = k.map { .kShortest($0) } ?? (all ? .all(limit: limit) : .shortest)
        let query = PathQuery(mode: mode,
                              temporal: temporal ? try time.rule(from: filters) : nil,
                              objective: earliest ? .earliestArrival : latestDeparture ? .latestDeparture : fastest ? .fastest : .fewestLinks,
                              maxLength: maxHops, filter: filter, via: Set(viaKinds), avoid: avoided)
        let answer = network.findPaths(from: from, to: to, query: query)
        if answer.paths.isEmpty {
            throw CommandFailure(message: network.noPathSentence(answer, language: lang))
        }
        let report = PathReport(network: network, answer: answer, language: lang)
        let bytes: [UInt8]
        var warnings: [String] = []
        switch format {
        case .text: bytes = Array(report.text.utf8)
        case .markdown: bytes = Array(report.markdown.utf8)
        case .json: bytes = Array(report.json.text.utf8)
        case .dot, .svg, .png, .pdf:
            let document = PathDiagram(answer: answer, network: network, context: context,
                                       options: DiagramOptions(language: lang)).document
            (bytes, warnings) = try layoutLimit.output(of: document, format: format.rawValue, layout: layout.layout)
        }
        try out.write(bytes, inputs: input.graph, what: "path", summary: "\(answer.paths.count) path\(answer.paths.count == 1 ? "" : "s")")
        if answer.truncated && (format != .text && format != .markdown || out.file != nil) {
            warnings.append("stopped at --limit \(limit): more paths exist")
        }
        for warning in warnings { Entry.printError("warning: \(warning)") }
    }
}
