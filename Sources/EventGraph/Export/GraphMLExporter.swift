/// GraphML (http://graphml.graphdrawing.org/): actors and events as nodes, event roles and
/// relations as edges, every attribute declared with a `<key>` of its type. Read by
/// networkx, Gephi, yEd and Cytoscape.
///
/// Nodes carry `type` (actor/event), `kind`, `label`, dates (an event's `date` as written,
/// `start` and `end` as ISO days; an actor's lifespan `since` and `until` as written), `claim`,
/// `status`, and `sources` (ids) with `evidence` (compact JSON of every citation). The graph carries its title and the source list as JSON.
public struct GraphMLExporter: GraphExporter {
    public let formatName = "graphml"

    public init() {}

    private struct Key {
        let id: String
        let domain: String
        let type: String
    }

    private static let keys: [Key] = [
        Key(id: "title", domain: "graph", type: "string"),
        Key(id: "description", domain: "graph", type: "string"),
        Key(id: "sources", domain: "graph", type: "string"),
        Key(id: "type", domain: "node", type: "string"),
        Key(id: "kind", domain: "node", type: "string"),
        Key(id: "label", domain: "node", type: "string"),
        Key(id: "names", domain: "node", type: "string"),
        Key(id: "aliases", domain: "node", type: "string"),
        Key(id: "country", domain: "node", type: "string"),
        Key(id: "description", domain: "node", type: "string"),
        Key(id: "tags", domain: "node", type: "string"),
        Key(id: "since", domain: "node", type: "string"),
        Key(id: "until", domain: "node", type: "string"),
        Key(id: "date", domain: "node", type: "string"),
        Key(id: "start", domain: "node", type: "string"),
        Key(id: "end", domain: "node", type: "string"),
        Key(id: "approximate", domain: "node", type: "boolean"),
        Key(id: "claim", domain: "node", type: "string"),
        Key(id: "claimed_by", domain: "node", type: "string"),
        Key(id: "status", domain: "node", type: "string"),
        Key(id: "date_basis", domain: "node", type: "string"),
        Key(id: "date_note", domain: "node", type: "string"),
        Key(id: "date_source", domain: "node", type: "string"),
        Key(id: "amount", domain: "node", type: "double"),
        Key(id: "currency", domain: "node", type: "string"),
        Key(id: "sources", domain: "node", type: "string"),
        Key(id: "evidence", domain: "node", type: "string"),
        Key(id: "type", domain: "edge", type: "string"),
        Key(id: "kind", domain: "edge", type: "string"),
        Key(id: "label", domain: "edge", type: "string"),
        Key(id: "role", domain: "edge", type: "string"),
        Key(id: "directed", domain: "edge", type: "boolean"),
        Key(id: "date", domain: "edge", type: "string"),
        Key(id: "start", domain: "edge", type: "string"),
        Key(id: "end", domain: "edge", type: "string"),
        Key(id: "since", domain: "edge", type: "string"),
        Key(id: "until", domain: "edge", type: "string"),
        Key(id: "claim", domain: "edge", type: "string"),
        Key(id: "sources", domain: "edge", type: "string"),
        Key(id: "evidence", domain: "edge", type: "string"),
    ]

    public func write(_ graph: GraphView, to out: ExportSink) {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
        out.write("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        for key in Self.keys {
            out.write("  <key id=\"\(key.domain.prefix(1))_\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.id)\" attr.type=\"\(key.type)\"/>\n")
        }
        out.write("  <graph id=\"G\" edgedefault=\"directed\">\n")
        let header = Writer(out)
        header.data("graph", "title", graph.title, indent: "    ")
        header.data("graph", "description", graph.description, indent: "    ")
        header.data("graph", "sources", graph.sourcesJSON.compactText, indent: "    ")
        graph.writeElements(with: Writer.self, to: out, between: "")
        out.write("  </graph>\n</graphml>\n")
    }

    /// Writes the elements of one chunk into its sink.
    private struct Writer: GraphElementWriter {
        let out: ExportSink
        /// Where evidence JSON is made before it is escaped.
        let scratch = ExportSink()

        init(_ out: ExportSink) { self.out = out }

        func data(_ domain: String, _ key: String, _ value: String?, indent: String) {
            guard let value, !value.isEmpty else { return }
            out.write(indent)
            out.write("<data key=\"")
            out.write(byte: domain.utf8.first!)
            out.write(byte: UInt8(ascii: "_"))
            out.write(key)
            out.write("\">")
            out.writeXML(value, attribute: false)
            out.write("</data>\n")
        }

        func evidence(_ domain: String, _ evidence: [Evidence], indent: String) {
            out.write(indent)
            out.write("<data key=\"")
            out.write(byte: domain.utf8.first!)
            out.write("_evidence\">")
            GraphView.writeEvidenceJSONAsXML(evidence, to: out, attribute: false, scratch: scratch)
            out.write("</data>\n")
        }

        func node(_ actor: Actor) {
            out.write("    <node")
            out.writeXMLAttribute("id", actor.id)
            out.write(">\n")
            let i = "      "
            data("node", "type", "actor", indent: i)
            data("node", "kind", actor.kind, indent: i)
            data("node", "label", actor.name, indent: i)
            data("node", "names", actor.names.map { "\($0.language): \($0.name)" }.joined(separator: "; "), indent: i)
            data("node", "aliases", actor.aliases.joined(separator: "; "), indent: i)
            data("node", "country", actor.country, indent: i)
            data("node", "description", actor.description, indent: i)
            data("node", "tags", actor.tags.joined(separator: "; "), indent: i)
            data("node", "since", actor.since?.description, indent: i)
            data("node", "until", actor.until?.description, indent: i)
            out.write("    </node>\n")
        }

        func node(_ event: Event, _ graph: GraphView) {
            let days = graph.isoInterval(of: event)
            out.write("    <node")
            out.writeXMLAttribute("id", event.id)
            out.write(">\n")
            let i = "      "
            data("node", "type", "event", indent: i)
            data("node", "kind", event.kind, indent: i)
            data("node", "label", event.title, indent: i)
            data("node", "description", event.description, indent: i)
            data("node", "tags", event.tags.joined(separator: "; "), indent: i)
            data("node", "date", event.date.description, indent: i)
            data("node", "start", days.start, indent: i)
            data("node", "end", days.end, indent: i)
            data("node", "approximate", event.date.start.approximate ? "true" : "false", indent: i)
            data("node", "claim", event.claim.rawValue, indent: i)
            data("node", "claimed_by", event.claimedBy, indent: i)
            data("node", "status", event.status?.rawValue, indent: i)
            data("node", "date_basis", event.dateBasis.rawValue, indent: i)
            data("node", "date_note", event.dateNote, indent: i)
            data("node", "date_source", event.dateSource, indent: i)
            data("node", "amount", event.amount.map { GraphView.amountValueText($0.value) }, indent: i)
            data("node", "currency", event.amount?.currency, indent: i)
            data("node", "sources", GraphView.sourceIDs(event.sources).joined(separator: "; "), indent: i)
            evidence("node", event.sources, indent: i)
            out.write("    </node>\n")
        }

        /// One role edge.
        func roleEdge(_ edge: RoleEdge) {
            out.write("    <edge id=\"e")
            out.write(edge.number)
            out.write("\"")
            out.writeXMLAttribute("source", edge.event.id)
            out.writeXMLAttribute("target", utf8: edge.target)
            out.write(">\n")
            let i = "      "
            data("edge", "type", "role", indent: i)
            data("edge", "kind", edge.event.kind, indent: i)
            data("edge", "label", edge.role, indent: i)
            data("edge", "role", edge.role, indent: i)
            data("edge", "directed", "true", indent: i)
            data("edge", "date", edge.date, indent: i)
            data("edge", "start", edge.days.start, indent: i)
            data("edge", "end", edge.days.end, indent: i)
            data("edge", "claim", edge.event.claim.rawValue, indent: i)
            out.write("    </edge>\n")
        }

        func edge(_ relation: Relation, _ graph: GraphView) {
            let validity = graph.isoValidity(of: relation)
            out.write("    <edge")
            out.writeXMLAttribute("id", relation.id)
            out.writeXMLAttribute("source", relation.from)
            out.writeXMLAttribute("target", relation.to)
            out.write(">\n")
            let i = "      "
            data("edge", "type", "relation", indent: i)
            data("edge", "kind", relation.kind, indent: i)
            data("edge", "label", relation.role.map { "\(graph.relationKindLabel(relation.kind)) (\($0))" } ?? graph.relationKindLabel(relation.kind), indent: i)
            data("edge", "role", relation.role, indent: i)
            data("edge", "directed", graph.isDirected(relationKind: relation.kind) ? "true" : "false", indent: i)
            data("edge", "since", relation.since?.description, indent: i)
            data("edge", "until", relation.until?.description, indent: i)
            data("edge", "start", validity.start, indent: i)
            data("edge", "end", validity.end, indent: i)
            data("edge", "claim", Claim.asserted.rawValue, indent: i)
            data("edge", "sources", GraphView.sourceIDs(relation.sources).joined(separator: "; "), indent: i)
            evidence("edge", relation.sources, indent: i)
            out.write("    </edge>\n")
        }
    }
}
