/// GEXF 1.3 (https://gexf.net), Gephi's own format, dynamic so Gephi's timeline works:
/// every event node and role edge has `start`/`end` (the first and last day its partial
/// date covers: `2025-03` → 2025-03-01…2025-03-31), every relation edge its `since`/`until`.
/// Actors are undated (present throughout). Attributes are declared per class with types.
public struct GEXFExporter: GraphExporter {
    public let formatName = "gexf"

    public init() {}

    private static let nodeAttributes = ["type", "kind", "names", "aliases", "country", "description", "tags", "date",
                                         "approximate", "claim", "claimed_by", "status", "date_basis", "date_note", "date_source",
                                         "amount", "currency", "sources", "evidence"]
    private static let edgeAttributes = ["type", "kind", "role", "directed", "date", "since", "until", "claim", "sources", "evidence"]
    private static let types: [String: String] = ["approximate": "boolean", "directed": "boolean", "amount": "double"]

    public func export(_ graph: GraphView) -> ExportOutput {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>EventGraph</creator>\n"
        if let title = graph.title { out += "    <title>\(XMLText.escape(title, attribute: false))</title>\n" }
        if let description = graph.description { out += "    <description>\(XMLText.escape(description, attribute: false))</description>\n" }
        out += "  </meta>\n"
        out += "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
        for (domain, names) in [("node", Self.nodeAttributes), ("edge", Self.edgeAttributes)] {
            out += "    <attributes class=\"\(domain)\" mode=\"static\">\n"
            for name in names {
                out += "      <attribute id=\"\(name)\" title=\"\(name)\" type=\"\(Self.types[name] ?? "string")\"/>\n"
            }
            out += "    </attributes>\n"
        }
        func values(_ pairs: [(String, String?)], indent: String) {
            let present = pairs.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : (key, $0) } }
            guard !present.isEmpty else { return }
            out += "\(indent)<attvalues>\n"
            for (key, value) in present {
                out += "\(indent)  <attvalue for=\"\(key)\" value=\"\(XMLText.escape(value))\"/>\n"
            }
            out += "\(indent)</attvalues>\n"
        }
        out += "    <nodes>\n"
        for actor in graph.actors {
            out += "      <node id=\"\(XMLText.escape(actor.id))\" label=\"\(XMLText.escape(actor.name))\">\n"
            values([("type", "actor"), ("kind", actor.kind),
                    ("names", actor.names.map { "\($0.language): \($0.name)" }.joined(separator: "; ")),
                    ("aliases", actor.aliases.joined(separator: "; ")), ("country", actor.country),
                    ("description", actor.description), ("tags", actor.tags.joined(separator: "; "))], indent: "        ")
            out += "      </node>\n"
        }
        for event in graph.events {
            let days = graph.isoInterval(of: event)
            out += "      <node id=\"\(XMLText.escape(event.id))\" label=\"\(XMLText.escape(event.title))\" start=\"\(days.start)\" end=\"\(days.end)\">\n"
            values([("type", "event"), ("kind", event.kind), ("description", event.description),
                    ("tags", event.tags.joined(separator: "; ")), ("date", event.date.description),
                    ("approximate", event.date.start.approximate ? "true" : "false"), ("claim", event.claim.rawValue),
                    ("claimed_by", event.claimedBy), ("status", event.status?.rawValue),
                    ("date_basis", event.dateBasis.rawValue), ("date_note", event.dateNote), ("date_source", event.dateSource),
                    ("amount", event.amount.map { GraphView.amountValueText($0.value) }), ("currency", event.amount?.currency),
                    ("sources", GraphView.sourceIDs(event.sources).joined(separator: "; ")),
                    ("evidence", GraphView.evidenceJSONText(event.sources))], indent: "        ")
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        var number = 0
        for event in graph.events {
            let days = graph.isoInterval(of: event)
            for binding in event.roles {
                for id in binding.ids {
                    number += 1
                    out += "      <edge id=\"e\(number)\" source=\"\(XMLText.escape(event.id))\" target=\"\(XMLText.escape(id))\" label=\"\(XMLText.escape(binding.role))\" start=\"\(days.start)\" end=\"\(days.end)\">\n"
                    values([("type", "role"), ("kind", event.kind), ("role", binding.role), ("directed", "true"),
                            ("date", event.date.description), ("claim", event.claim.rawValue)], indent: "        ")
                    out += "      </edge>\n"
                }
            }
        }
        for relation in graph.relations {
            let validity = graph.isoValidity(of: relation)
            var open = "      <edge id=\"\(XMLText.escape(relation.id))\" source=\"\(XMLText.escape(relation.from))\" target=\"\(XMLText.escape(relation.to))\" label=\"\(XMLText.escape(graph.relationKindLabel(relation.kind)))\""
            if let start = validity.start { open += " start=\"\(start)\"" }
            if let end = validity.end { open += " end=\"\(end)\"" }
            out += open + ">\n"
            values([("type", "relation"), ("kind", relation.kind), ("role", relation.role),
                    ("directed", graph.isDirected(relationKind: relation.kind) ? "true" : "false"),
                    ("since", relation.since?.description), ("until", relation.until?.description),
                    ("claim", Claim.asserted.rawValue),
                    ("sources", GraphView.sourceIDs(relation.sources).joined(separator: "; ")),
                    ("evidence", GraphView.evidenceJSONText(relation.sources))], indent: "        ")
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return .file(out)
    }
}
