extension GraphView {
    /// The graph as node-link JSON: `nodes` (actors then events, each with `type`), `links`
    /// (event participations with their role, then relations), and `sources`. The shape
    /// `networkx.node_link_graph(data, edges="links")` reads. Deterministic.
    public var nodeLinkJSON: JSONValue {
        var links: [JSONValue] = []
        for event in events { links += roleLinksJSON(event) }
        return .object([
            "directed": true, "multigraph": true, "graph": graphJSON,
            "nodes": .array(actors.map(nodeJSON) + events.map(nodeJSON)),
            "links": .array(links + relations.map(linkJSON)),
            "sources": sourcesJSON,
        ])
    }

    /// Writes ``nodeLinkJSON``'s text one node and one link at a time, without making the
    /// whole document (``NodeLinkJSONExporter``), in chunks on two threads
    /// (``ExportSink/writeChunked(_:into:_:)``).
    func writeNodeLinkJSON(to out: ExportSink) {
        out.write("{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": ")
        graphJSON.write(to: out, depth: 1)
        out.write(",\n  \"nodes\": ")
        let view = self
        let actorCount = actorNodes.count, eventCount = eventNodes.count, relationCount = relationNodes.count
        out.writeChunked(actorCount) { items, out in
            for (i, actor) in zip(items, view.actors[items]) { Self.writeItem(view.nodeJSON(actor), at: i, to: out) }
        }
        out.writeChunked(eventCount) { items, out in
            for (i, event) in zip(items, view.eventsWithoutRoles[items]) {
                Self.startItem(at: actorCount + i, to: out)
                var node = JSONObjectWriter(out, depth: 2)
                view.eventNode(event, into: &node)
                node.end()
            }
        }
        out.write(actorCount + eventCount == 0 ? "[]" : "\n  ]")
        out.write(",\n  \"links\": ")
        let offsets = roleLinkOffsets()
        out.writeChunked(eventCount) { items, out in
            for i in items {
                var position = offsets[i]
                let node = Int(view.eventNodes[i])
                // The ids' bytes copied from the store: no `String` or `JSONValue` per link.
                view.links.withIDBytes(node) { source in
                    view.forEachRoleLinkSymbol(ofEvent: node) { role, target, _ in
                        Self.startItem(at: position, to: out)
                        var link = JSONObjectWriter(out, depth: 2)
                        view.withIDBytes(ofSymbol: target) { Self.roleLink(source: source, target: $0, role: role, into: &link) }
                        link.end()
                        position += 1
                    }
                }
            }
        }
        let roleLinks = offsets[eventCount]
        out.writeChunked(relationCount) { items, out in
            for (i, relation) in zip(items, view.relations[items]) { Self.writeItem(view.linkJSON(relation), at: roleLinks + i, to: out) }
        }
        out.write(roleLinks + relationCount == 0 ? "[]" : "\n  ]")
        out.write(",\n  \"sources\": ")
        sourcesJSON.write(to: out, depth: 1)
        out.write("\n}\n")
    }

    /// Item `position` of the `nodes` or `links` list: `[` before the first, `,` before the others.
    private static func writeItem(_ value: JSONValue, at position: Int, to out: ExportSink) {
        startItem(at: position, to: out)
        value.write(to: out, depth: 2)
    }

    /// What comes before item `position` of the `nodes` or `links` list.
    private static func startItem(at position: Int, to out: ExportSink) {
        out.write(position == 0 ? "[" : ",")
        out.writeJSONLineBreak(depth: 2)
    }

    /// The `graph` member: title, description, periods.
    private var graphJSON: JSONValue {
        let periodList: [JSONValue] = periods.map { period in
            .object([
                "id": .string(period.id), "title": .string(period.title),
                "from": .string(period.from.description), "to": .string(period.to.description),
                "color": period.color.map(JSONValue.string),
                "actors": period.actors.isEmpty ? nil : .strings(period.actors),
            ])
        }
        return .object(["title": title.map(JSONValue.string), "description": description.map(JSONValue.string),
                        "periods": periodList.isEmpty ? nil : .array(periodList)])
    }

    private func nodeJSON(_ actor: Actor) -> JSONValue {
        .object([
            "id": .string(actor.id), "type": "actor", "kind": .string(actor.kind), "name": .string(actor.name),
            "names": actor.names.isEmpty ? nil : .object(actor.names.map { ($0.language, .string($0.name)) }),
            "aliases": actor.aliases.isEmpty ? nil : .strings(actor.aliases),
            "country": actor.country.map(JSONValue.string),
            "description": actor.description.map(JSONValue.string),
            "tags": actor.tags.isEmpty ? nil : .strings(actor.tags),
            "since": actor.since.map { .string($0.description) },
            "until": actor.until.map { .string($0.description) },
        ])
    }

    private func nodeJSON(_ event: Event) -> JSONValue {
        var node = JSONObjectCollector()
        eventNode(event, into: &node)
        return node.object
    }

    /// An event node's members: the one shape, collected (``nodeLinkJSON``) or streamed.
    private func eventNode<Node: JSONObjectBuilding>(_ event: Event, into node: inout Node) {
        node.string("id", event.id)
        node.string("type", "event")
        node.string("kind", event.kind)
        node.string("date", event.date.description)
        node.string("start", event.date.start.description)
        node.string("end", eventEnd(event))
        node.string("title", event.title)
        node.string("description", event.description)
        node.value("amount", event.amount.map { .object(["value": .number($0.value), "currency": $0.currency.map(JSONValue.string)]) })
        node.string("status", event.status?.rawValue)
        node.string("claim", event.claim.rawValue)
        node.string("claimed_by", event.claimedBy)
        node.string("date_basis", event.dateBasis.rawValue)
        node.string("date_note", event.dateNote)
        node.string("date_source", event.dateSource)
        node.strings("after", event.relativeDate.flatMap { $0.after.isEmpty ? nil : $0.after })
        node.strings("before", event.relativeDate.flatMap { $0.before.isEmpty ? nil : $0.before })
        node.value("within_days", event.relativeDate?.within.map { .number(Double($0)) })
        node.objects("sources", event.sources) { GraphView.evidenceMembers($0, into: &$1) }
        node.strings("tags", event.tags.isEmpty ? nil : event.tags)
    }

    /// One link per participant of the event, with its role.
    private func roleLinksJSON(_ event: Event) -> [JSONValue] {
        var eventID = event.id
        return eventID.withUTF8 { source in
            event.roles.flatMap { binding in
                binding.ids.map { id in
                    var target = id, link = JSONObjectCollector()
                    target.withUTF8 { Self.roleLink(source: source, target: $0, role: binding.role, into: &link) }
                    return link.object
                }
            }
        }
    }

    /// A role link's members: the one shape, collected (``nodeLinkJSON``) or streamed.
    private static func roleLink<Link: JSONObjectBuilding>(source: UnsafeBufferPointer<UInt8>, target: UnsafeBufferPointer<UInt8>,
                                                           role: String, into link: inout Link) {
        link.string("source", bytes: source)
        link.string("target", bytes: target)
        link.string("type", "role")
        link.string("role", role)
    }

    private func linkJSON(_ relation: Relation) -> JSONValue {
        .object([
            "source": .string(relation.from), "target": .string(relation.to), "type": "relation",
            "id": .string(relation.id), "kind": .string(relation.kind),
            "role": relation.role.map(JSONValue.string),
            "since": relation.since.map { .string($0.description) },
            "until": relation.until.map { .string($0.description) },
            "sources": relation.sources.isEmpty ? nil : GraphView.evidenceJSON(relation.sources),
        ])
    }

    /// The last date of a span, or of the days a relative date allows.
    private func eventEnd(_ event: Event) -> String? {
        switch event.date {
        case let .span(_, end), let .between(_, end): return end.description
        case .on: return nil
        }
    }

    static func evidenceJSON(_ evidence: [Evidence]) -> JSONValue {
        .array(evidence.map { item in
            var object = JSONObjectCollector()
            evidenceMembers(item, into: &object)
            return object.object
        })
    }

    /// A citation's members: `source`, then `quote` and `note` when given.
    static func evidenceMembers<Object: JSONObjectBuilding>(_ item: Evidence, into object: inout Object) {
        object.string("source", item.source)
        object.string("quote", item.quote)
        object.string("note", item.note)
    }
}
