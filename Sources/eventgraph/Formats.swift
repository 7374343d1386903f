import ArgumentParser
import EventGraph
import EventGraphRendering

/// `render --format`.
enum RenderFormat: String, CaseIterable, ExpressibleByArgument {
    case svg, png, pdf, dot
}

/// `render --view`.
extension DiagramView: ExpressibleByArgument {}

/// `render --layout`: the Graphviz engines a user picks by name.
enum LayoutOption: String, CaseIterable, ExpressibleByArgument {
    case dot, neato, fdp, sfdp, circo, twopi

    var layout: GraphvizLayout {
        switch self {
        case .dot: .dot
        case .neato: .neato
        case .fdp: .fdp
        case .sfdp: .sfdp
        case .circo: .circo
        case .twopi: .twopi
        }
    }
}

/// `export --format`.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case dot, json
}
