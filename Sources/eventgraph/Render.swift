import ArgumentParser
import EventGraph
import EventGraphRendering

/// `eventgraph render GRAPH`: draw a diagram in-process through libgraphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a diagram (SVG, PNG, PDF or DOT) through libgraphviz, styled by kind with a legend.")

    @OptionGroup var input: GraphOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var out: OutputOptions<RenderFormat>
    @OptionGroup var layoutLimit: LayoutOptions

    @Option(help: "Which diagram: actors (actor graph), events (event graph), timeline (chronological chart) or themes (theme-line chart).")
    var view: DiagramView = .actors

    @Option(name: .customLong("actor"), help: ArgumentHelp("timeline: follow this actor; themes: a lane for this actor, in the order given (repeatable; id or any name).", valueName: "ID"))
    var actors: [String] = []

    @Option(help: ArgumentHelp("themes: how many lanes (the most connected actors) when no --actor is given (default \(DiagramOptions.defaultLanes)).", valueName: "N"))
    var lanes: Int?

    @Option(name: .customLong("max-actors"), help: ArgumentHelp("actors and events views: draw only the N most connected actors and the links among them when there are more, and say so in the title (0 draws every actor; --focus draws one neighbourhood instead).", valueName: "N"))
    var maxActors: Int = DiagramOptions.overviewActors

    @Option(help: "Graphviz layout engine.")
    var layout: LayoutOption = .dot

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    func validate() throws {
        if let lanes, lanes < 1 { throw ValidationError("--lanes must be 1 or more") }
        if maxActors < 0 { throw ValidationError("--max-actors must be 0 (no limit) or more") }
        if lanes != nil && view != .themes { throw ValidationError("--lanes applies to --view themes only") }
        if !actors.isEmpty && view != .timeline && view != .themes {
            throw ValidationError("--actor applies to --view timeline and --view themes only")
        }
    }

    func run() throws {
        let format = try out.resolvedFormat(), lang = out.lang
        let graph = try input.load()
        let filter = try filters.filter(for: graph)
        var filtered = graph.filtered(by: filter)
        var options = DiagramOptions(language: lang, legend: !noLegend)
        // A big graph's actor or event diagram is drawn as a readable overview (not the page,
        // which zooms): the most connected actors, said in the title.
        if view == .actors || view == .events, filter.focus == nil, format != .html,
           let overview = filtered.overview(limit: maxActors) {
            filtered = overview.view
            options.title = "\(graph.title.map { $0 + " — " } ?? "")\(overview.caption) (--max-actors 0 draws all; --focus ID one neighbourhood)"
        }
        options.actors = try actors.map { try graph.resolveActor($0) }
        options.lanes = lanes ?? DiagramOptions.defaultLanes
        if filter.window.first != Int.min || filter.window.last != Int.max { options.timeWindow = filter.window }
        let document = filtered.diagram(view, options: options)
        let bytes: [UInt8]
        var warnings: [String] = []
        switch format {
        case .dot:
            bytes = Array(document.text.utf8)
        case .svg, .png, .pdf:
            let result = try layoutLimit.render(document, layout: view.hasPinnedPositions ? .pinned : layout.layout,
                                                format: GraphvizFormat(rawValue: format.rawValue)!)
            bytes = result.bytes
            warnings = result.warnings
        case .html:
            let page = HTMLPage(graph: filtered, diagram: document, language: lang)
            let result = try layoutLimit.render(page.diagram, layout: view.hasPinnedPositions ? .pinned : layout.layout, format: .svg)
            bytes = Array(page.html(svg: result.text).utf8)
            warnings = result.warnings
        }
        try out.write(bytes, inputs: input.graph, what: "\(view.rawValue) view", summary: filtered.summary)
        for warning in warnings { Entry.printError("warning: graphviz: \(warning)") }
    }
}
