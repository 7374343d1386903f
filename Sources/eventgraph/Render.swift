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

    @Option(name: .customLong("max-actors"), help: ArgumentHelp("actors and events views: draw only the N most connected actors and the links among them when there are more, and say so in the title (with --focus, the N nearest the focus, most connected first; 0 draws every actor).", valueName: "N"))
    var maxActors: Int = DiagramOptions.overviewActors

    @Option(help: "Graphviz layout engine.")
    var layout: LayoutOption = .dot

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    @Option(help: ArgumentHelp("Animate: one drawing per month, quarter or year into the -o folder, each the graph as of the period's end, laid out once so nothing moves, and animation.svg playing them (actors and events views).", valueName: "STEP"))
    var frames: FrameStep?

    func validate() throws {
        if let lanes, lanes < 1 { throw ValidationError("--lanes must be 1 or more") }
        if maxActors < 0 { throw ValidationError("--max-actors must be 0 (no limit) or more") }
        if lanes != nil && view != .themes { throw ValidationError("--lanes applies to --view themes only") }
        if !actors.isEmpty && view != .timeline && view != .themes {
            throw ValidationError("--actor applies to --view timeline and --view themes only")
        }
        if frames != nil {
            if view != .actors && view != .events { throw ValidationError(FrameError.unsupportedView(view).description) }
            if try out.resolvedFormat() == .html { throw ValidationError("--frames draws one svg, png, pdf or dot file per frame, not a page") }
            guard out.file != nil else { throw ValidationError("--frames writes a folder of files: give -o DIR") }
        }
    }

    func run() throws {
        let format = try out.resolvedFormat(), lang = out.lang
        let graph = try input.load()
        let filter = try filters.filter(for: graph)
        var filtered = graph.filtered(by: filter)
        var options = DiagramOptions(language: lang, legend: !noLegend)
        // A big graph's actor or event diagram, or a big neighbourhood, is drawn as a readable
        // overview (not the page, which zooms): the most connected actors, or those nearest the
        // focus, said in the title. (--frames makes its overview of the union, in FrameSequence.)
        if view == .actors || view == .events, format != .html, frames == nil,
           let overview = filtered.overview(limit: maxActors, focus: filter.focus, depth: filter.depth) {
            filtered = overview.view
            let advice = filter.focus == nil ? "--max-actors 0 draws all; --focus ID one neighbourhood" : "--max-actors 0 draws all"
            options.title = "\(graph.title.map { $0 + " — " } ?? "")\(overview.caption) (\(advice))"
        }
        options.actors = try actors.map { try graph.resolveActor($0) }
        options.lanes = lanes ?? DiagramOptions.defaultLanes
        if filter.window.first != Int.min || filter.window.last != Int.max { options.timeWindow = filter.window }
        if let frames { return try renderFrames(graph, filter, frames, options, format) }
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

    /// `--frames`: lay the union out once, draw every frame and the animation, write them all or nothing.
    private func renderFrames(_ graph: GraphView, _ filter: GraphFilter, _ step: FrameStep,
                              _ options: DiagramOptions, _ format: RenderFormat) throws {
        let sequence = try FrameSequence(graph: graph, filter: filter, view: view, step: step, options: options,
                                         maximumActors: maxActors)
        let engine = layout.layout
        let (positions, layoutWarnings) = try layoutLimit.limit(sequence.document, layout: engine) { try sequence.layOut(with: engine) }
        let (files, warnings) = try sequence.draw(positions, format: GraphvizFormat(rawValue: format.rawValue))
        try OutputFolder.write(files.map { (name: $0.name, bytes: $0.bytes) }, to: out.file!, inputs: input.graph)
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        print("wrote \(out.file!) (\(sequence.frames.count) \(view.rawValue) frames by \(step.rawValue), \(sequence.frames.first!)…\(sequence.frames.last!), \(format.rawValue), and \(FrameSequence.animationFileName); \(bytes) bytes): \(sequence.summary)")
        for warning in layoutWarnings + warnings { Entry.printError("warning: graphviz: \(warning)") }
    }
}
