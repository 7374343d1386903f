import ArgumentParser
import EventGraph
import EventGraphRendering

/// `eventgraph render GRAPH`: draw a diagram in-process through libgraphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a diagram (SVG, PNG, PDF or DOT) through libgraphviz, styled by kind with a legend.")

    @OptionGroup var input: GraphOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "Which diagram: actors (actor graph) or events (event graph).")
    var view: DiagramView = .actors

    @Option(help: "Output format.")
    var format: RenderFormat = .svg

    @Option(help: "Graphviz layout engine.")
    var layout: LayoutOption = .dot

    @Option(help: ArgumentHelp("Language tag for actor names (zh-Hans, zh-Hant, …).", valueName: "TAG"))
    var lang: String?

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (written only if the whole render succeeds); standard output if omitted.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let graph = try input.load()
        let filtered = graph.filtered(by: try filters.filter(for: graph))
        let options = DiagramOptions(language: lang, legend: !noLegend)
        let document = filtered.diagram(view, options: options)
        let bytes: [UInt8]
        var warnings: [String] = []
        switch format {
        case .dot:
            bytes = Array(document.text.utf8)
        case .svg, .png, .pdf:
            let result = try document.render(layout: layout.layout, format: GraphvizFormat(rawValue: format.rawValue)!)
            bytes = result.bytes
            warnings = result.warnings
        }
        try OutputFile.write(bytes, to: output)
        for warning in warnings { Entry.printError("warning: graphviz: \(warning)") }
        if let output, output != "-" {
            print("wrote \(output) (\(view.rawValue) view, \(format.rawValue), \(bytes.count) bytes): \(filtered.summary)")
        }
    }
}
