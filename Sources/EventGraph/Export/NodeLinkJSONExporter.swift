/// Node-link JSON (``GraphView/nodeLinkJSON``), the shape `networkx.node_link_graph(data, edges="links")` reads.
public struct NodeLinkJSONExporter: GraphExporter {
    public let formatName = "json"

    public init() {}

    public func write(_ graph: GraphView, to output: ExportSink) { graph.writeNodeLinkJSON(to: output) }
}
