/// GEXF 1.3 (https://gexf.net), Gephi's own format, dynamic so Gephi's timeline works:
/// every event node and role edge has `start`/`end` (the first and last day its partial
/// date covers: `2025-03` → 2025-03-01…2025-03-31), every relation edge its `since`/`until`.
/// An actor with a lifespan has it as `start`/`end` (first day of `since`, last of `until`), so
/// it appears and leaves on Gephi's timeline; others are present throughout. Attributes are
/// declared per class with types.
public struct GEXFExporter: GraphExporter {
    public let formatName = "gexf"

    public init() {}

    private static let nodeAttributes = ["type", "kind", "names", "aliases", "country", "description", "tags", "since", "until", "date",
                                         "approximate", "claim", "claimed_by", "status", "date_basis", "date_note", "date_source",
                                         "amount", "currency", "sources", "evidence"]
    private static let edgeAttributes = ["type", "kind", "role", "directed", "date", "since", "until", "claim", "sources", "evidence"]
    private static let types: [String: String] = ["approximate": "boolean", "directed": "boolean", "amount": "double"]

    public func write(_ graph: GraphView, to out: ExportSink) {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
        out.write("xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
        out.write("  <meta>\n    <creator>EventGraph</creator>\n")
        if let title = graph.title {
            out.write("    <title>")
            out.writeXML(title, attribute: false)
            out.write("</title>\n")
        }
        if let description = graph.description {
            out.write("    <description>")
            out.writeXML(description, attribute: false)
            out.write("</description>\n")
        }
        out.write("  </meta>\n")
        out.write("  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n")
        for (domain, names) in [("node", Self.nodeAttributes), ("edge", Self.edgeAttributes)] {
            out.write("    <attributes class=\"\(domain)\" mode=\"static\">\n")
            for name in names {
                out.write("      <attribute id=\"\(name)\" title=\"\(name)\" type=\"\(Self.types[name] ?? "string")\"/>\n")
            }
            out.write("    </attributes>\n")
        }
        out.write("    <nodes>\n")
        graph.writeElements(with: Writer.self, to: out, between: "    </nodes>\n    <edges>\n")
        out.write("    </edges>\n  </graph>\n</gexf>\n")
    }

    /// Writes the elements of one chunk into its sink.
    private struct Writer: GraphElementWriter {
        let out: ExportSink
        /// Where evidence JSON is made before it is escaped.
        let scratch = ExportSink()
        /// Whether the current element's `<attvalues>` is open.
        var opened = false
        let indent = "        "

        init(_ out: ExportSink) { self.out = out }

        /// One of an element's `<attvalues>`: each non-empty value, the list only when one is written.
        mutating func value(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            if !opened {
                out.write(indent)
                out.write("<attvalues>\n")
                opened = true
            }
            out.write(indent)
            out.write("  <attvalue for=\"")
            out.write(key)
            out.write("\" value=\"")
            out.writeXML(value)
            out.write("\"/>\n")
        }

        func evidence(_ evidence: [Evidence]) {
            // Never empty (`[]` at least), so the list is open already.
            out.write(indent)
            out.write("  <attvalue for=\"evidence\" value=\"")
            GraphView.writeEvidenceJSONAsXML(evidence, to: out, attribute: true, scratch: scratch)
            out.write("\"/>\n")
        }

        mutating func endValues() {
            if opened {
                out.write(indent)
                out.write("</attvalues>\n")
            }
            opened = false
        }

        mutating func node(_ actor: Actor) {
            out.write("      <node")
            out.writeXMLAttribute("id", actor.id)
            out.writeXMLAttribute("label", actor.name)
            let lifespan = GraphView.isoDays(since: actor.since, until: actor.until)
            if let start = lifespan.start { out.write(" start=\"\(start)\"") }
            if let end = lifespan.end { out.write(" end=\"\(end)\"") }
            out.write(">\n")
            value("type", "actor")
            value("kind", actor.kind)
            value("names", actor.names.map { "\($0.language): \($0.name)" }.joined(separator: "; "))
            value("aliases", actor.aliases.joined(separator: "; "))
            value("country", actor.country)
            value("description", actor.description)
            value("tags", actor.tags.joined(separator: "; "))
            value("since", actor.since?.description)
            value("until", actor.until?.description)
            endValues()
            out.write("      </node>\n")
        }

        mutating func node(_ event: Event, _ graph: GraphView) {
            let days = graph.isoInterval(of: event)
            out.write("      <node")
            out.writeXMLAttribute("id", event.id)
            out.writeXMLAttribute("label", event.title)
            out.writeXMLAttribute("start", days.start)
            out.writeXMLAttribute("end", days.end)
            out.write(">\n")
            value("type", "event")
            value("kind", event.kind)
            value("description", event.description)
            value("tags", event.tags.joined(separator: "; "))
            value("date", event.date.description)
            value("approximate", event.date.start.approximate ? "true" : "false")
            value("claim", event.claim.rawValue)
            value("claimed_by", event.claimedBy)
            value("status", event.status?.rawValue)
            value("date_basis", event.dateBasis.rawValue)
            value("date_note", event.dateNote)
            value("date_source", event.dateSource)
            value("amount", event.amount.map { GraphView.amountValueText($0.value) })
            value("currency", event.amount?.currency)
            value("sources", GraphView.sourceIDs(event.sources).joined(separator: "; "))
            evidence(event.sources)
            endValues()
            out.write("      </node>\n")
        }

        /// One role edge.
        mutating func roleEdge(_ edge: RoleEdge) {
            out.write("      <edge id=\"e")
            out.write(edge.number)
            out.write("\"")
            out.writeXMLAttribute("source", edge.event.id)
            out.writeXMLAttribute("target", utf8: edge.target)
            out.writeXMLAttribute("label", edge.role)
            out.writeXMLAttribute("start", edge.days.start)
            out.writeXMLAttribute("end", edge.days.end)
            out.write(">\n")
            value("type", "role")
            value("kind", edge.event.kind)
            value("role", edge.role)
            value("directed", "true")
            value("date", edge.date)
            value("claim", edge.event.claim.rawValue)
            endValues()
            out.write("      </edge>\n")
        }

        mutating func edge(_ relation: Relation, _ graph: GraphView) {
            let validity = graph.isoValidity(of: relation)
            out.write("      <edge")
            out.writeXMLAttribute("id", relation.id)
            out.writeXMLAttribute("source", relation.from)
            out.writeXMLAttribute("target", relation.to)
            out.writeXMLAttribute("label", graph.relationKindLabel(relation.kind))
            if let start = validity.start { out.write(" start=\"\(start)\"") }
            if let end = validity.end { out.write(" end=\"\(end)\"") }
            out.write(">\n")
            value("type", "relation")
            value("kind", relation.kind)
            value("role", relation.role)
            value("directed", graph.isDirected(relationKind: relation.kind) ? "true" : "false")
            value("since", relation.since?.description)
            value("until", relation.until?.description)
            value("claim", Claim.asserted.rawValue)
            value("sources", GraphView.sourceIDs(relation.sources).joined(separator: "; "))
            evidence(relation.sources)
            endValues()
            out.write("      </edge>\n")
        }
    }
}
