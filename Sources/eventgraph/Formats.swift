import ArgumentParser
import EventGraph
import EventGraphRendering

/// `render --format`.
enum RenderFormat: String, OutputFormat {
    case svg, png, pdf, dot
    /// A self-contained interactive page (the SVG inline, with search, filters, a time slider and paths).
    case html
    static let standard: RenderFormat? = .svg
}

/// `render --frames`.
extension FrameStep: ExpressibleByArgument {}

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
enum ExportFormat: String, OutputFormat {
    static let standard: ExportFormat? = nil
    case dot, json, graphml, gexf, cypher
    case neo4jCSV = "neo4j-csv"
    case timelinejs, kumu, mermaid, csv
    case kumuJSON = "kumu-json"
    case ftm

    /// The exporter behind the format (nil for dot, which draws the actor diagram).
    func exporter(grouping: TimelineJSExporter.Grouping, language: String?) -> (any GraphExporter)? {
        switch self {
        case .dot: nil
        case .json: NodeLinkJSONExporter()
        case .graphml: GraphMLExporter()
        case .gexf: GEXFExporter()
        case .cypher: CypherExporter()
        case .neo4jCSV: Neo4jCSVExporter()
        case .timelinejs: TimelineJSExporter(grouping: grouping, language: language)
        case .kumu: KumuExporter()
        case .mermaid: MermaidExporter()
        case .csv: CSVExporter()
        case .kumuJSON: KumuJSONExporter()
        case .ftm: FtMExporter()
        }
    }

    /// Formats that write several files into the `-o` folder.
    var writesFolder: Bool { self == .neo4jCSV || self == .kumu || self == .csv }
}

/// `export --group` (timelinejs).
extension TimelineJSExporter.Grouping: ExpressibleByArgument {}
