/// Node-link JSON (``Graph/nodeLinkJSON``), the shape `networkx.node_link_graph(data, edges="links")` reads.
public struct NodeLinkJSONExporter: GraphExporter {
    public let formatName = "json"

    public init() {}

    public func export(_ graph: Graph) -> ExportOutput { .file(graph.nodeLinkJSON.text) }
}
