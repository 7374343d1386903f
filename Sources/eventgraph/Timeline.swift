import ArgumentParser
import EventGraph
import EventGraphRendering

/// `timeline --format`.
enum TimelineFormat: String, OutputFormat {
    /// text, markdown or json list the events; dot, svg, png or pdf draw the chronological chart (render --view timeline).
    case text, markdown, json, dot, svg, png, pdf
    static let standard: TimelineFormat? = .text
}

/// `eventgraph timeline GRAPH`: events in date order, grouped by year and month.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Events in date order, grouped by year and month, with participants and sources; as text, Markdown, JSON or a drawn chronological chart.",
        discussion: "Partial dates are placed by the interval they cover and shown as written; events known only to the year head their year. See docs/timelines.md.")

    @OptionGroup var input: GraphOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var out: OutputOptions<TimelineFormat>
    @OptionGroup var layoutLimit: LayoutOptions

    @Option(name: .customLong("actor"), help: ArgumentHelp("Follow this actor: list only the events it takes part in (repeatable; id or any name).", valueName: "ID"))
    var actors: [String] = []

    @Flag(name: .customLong("no-legend"), help: "Drawn chart: leave out the legend.")
    var noLegend = false

    func run() throws {
        let format = try out.resolvedFormat(), lang = out.lang
        let graph = try input.load()
        let filtered = graph.filtered(by: try filters.filter(for: graph))
        let followed = try actors.map { try graph.resolveActor($0) }
        let timeline = Timeline(graph: filtered, following: followed, language: lang)
        guard !timeline.entries.isEmpty else {
            let passing = graph.events.isEmpty ? "the graph has no events" : filtered.events.isEmpty ? "no events pass the filters"
                : "\(filtered.events.count) event\(filtered.events.count == 1 ? "" : "s") pass the filters"
            let names = followed.joined(separator: " or ")
            throw CommandFailure(message: followed.isEmpty || filtered.events.isEmpty
                ? "no events to list: \(passing)" : "no events to list: \(passing), but none involves \(names)")
        }
        let bytes: [UInt8]
        switch format {
        case .text: bytes = Array(timeline.text.utf8)
        case .markdown: bytes = Array(timeline.markdown.utf8)
        case .json: bytes = Array(timeline.json.text.utf8)
        case .dot, .svg, .png, .pdf:
            let options = DiagramOptions(language: lang, legend: !noLegend, actors: followed)
            let document = filtered.diagram(.timeline, options: options)
            if format == .dot {
                bytes = Array(document.text.utf8)
            } else {
                let result = try layoutLimit.render(document, layout: .dot, format: GraphvizFormat(rawValue: format.rawValue)!)
                for warning in result.warnings { Entry.printError("warning: graphviz: \(warning)") }
                bytes = result.bytes
            }
        }
        try out.write(bytes, inputs: input.graph, what: "timeline", summary: "\(timeline.entries.count) events")
    }
}
