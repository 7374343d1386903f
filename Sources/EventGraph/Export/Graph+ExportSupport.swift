/// Pieces every exporter needs: day intervals as ISO dates, evidence as text, labels.
extension GraphView {
    /// `YYYY-MM-DD` of the first and last day an event may have happened on.
    func isoInterval(of event: Event) -> (start: String, end: String) { isoInterval(of: event.date) }

    /// `YYYY-MM-DD` of the first and last day a date covers.
    func isoInterval(of date: EventDate) -> (start: String, end: String) {
        let interval = date.interval
        return (DayInterval.isoDate(interval.first), DayInterval.isoDate(interval.last))
    }

    /// `YYYY-MM-DD` of the first day of `since` and the last day of `until` (nil when open).
    func isoValidity(of relation: Relation) -> (start: String?, end: String?) {
        Self.isoDays(since: relation.since, until: relation.until)
    }

    /// The ISO first day of `since` and last day of `until` (a relation's validity, an actor's lifespan).
    static func isoDays(since: PartialDate?, until: PartialDate?) -> (start: String?, end: String?) {
        (since.map { DayInterval.isoDate($0.interval.first) }, until.map { DayInterval.isoDate($0.interval.last) })
    }

    /// The label of an event kind from the schema (the kind itself when unlabelled).
    func eventKindLabel(_ kind: String) -> String { schema.eventKinds[kind]?.label ?? kind }

    /// The label of an actor kind from the schema.
    func actorKindLabel(_ kind: String) -> String { schema.actorKinds[kind]?.label ?? kind }

    /// The label of a relation kind from the schema.
    func relationKindLabel(_ kind: String) -> String { schema.relationKinds[kind]?.label ?? kind }

    /// Whether a relation kind is directed (unknown kinds are).
    func isDirected(relationKind kind: String) -> Bool { schema.relationKinds[kind]?.directed ?? true }

    /// One line of citations: `seed-manus: “quote” (note); …`.
    static func evidenceText(_ evidence: [Evidence]) -> String {
        evidence.map { item in
            var text = item.source
            if let quote = item.quote { text += ": “\(quote)”" }
            if let note = item.note { text += " (\(note))" }
            return text
        }.joined(separator: "; ")
    }

    /// Source ids of the evidence, in order, without repeats.
    static func sourceIDs(_ evidence: [Evidence]) -> [String] {
        guard evidence.count > 8 else {
            // A few pieces (the usual case, once per exported event): no set to hash into.
            var ids: [String] = []
            for item in evidence where !ids.contains(item.source) { ids.append(item.source) }
            return ids
        }
        var seen = Set<String>()
        return evidence.map(\.source).filter { seen.insert($0).inserted }
    }

    /// Writes the evidence as compact JSON (`[{"source":…,"quote":…,"note":…}]`) escaped for
    /// an XML attribute or text, made in `scratch` (emptied first) instead of a String.
    static func writeEvidenceJSONAsXML(_ evidence: [Evidence], to out: ExportSink, attribute: Bool, scratch: ExportSink) {
        scratch.used = 0
        evidenceJSON(evidence).write(to: scratch, depth: nil)
        scratch.withBytes { out.writeXML(utf8: $0, attribute: attribute) }
    }

    /// An amount as plain digits (`2000000000`, `1.5`), without grouping.
    static func amountValueText(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 9.007e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// The source documents as JSON (the `sources` list of ``nodeLinkJSON``).
    var sourcesJSON: JSONValue {
        .array(sources.map { source in
            .object([
                "id": .string(source.id), "title": .string(source.title),
                "publisher": source.publisher.map(JSONValue.string), "author": source.author.map(JSONValue.string),
                "published": source.published.map { .string($0.description) },
                "url": source.url.map(JSONValue.string), "language": source.language.map(JSONValue.string),
                "file": source.file.map(JSONValue.string),
            ])
        })
    }
}

/// What writes one chunk of a node-and-edge format's elements (GraphML, GEXF) into its sink.
protocol GraphElementWriter: SendableMetatype {
    init(_ out: ExportSink)
    mutating func node(_ actor: Actor)
    /// An event node (its value has no roles: they are written as role edges).
    mutating func node(_ event: Event, _ graph: GraphView)
    mutating func roleEdge(_ edge: RoleEdge)
    mutating func edge(_ relation: Relation, _ graph: GraphView)
}

/// One role edge of a node-and-edge format: event → participant, with what it carries of the event.
struct RoleEdge {
    /// The edge's number (`e1`, `e2`, … in event order).
    let number: Int
    let event: GraphView.EventHeader
    /// The event's date as written, and its first and last day as ISO dates.
    let date: String
    let days: (start: String, end: String)
    let role: String
    /// The participant's id, as bytes in the store: valid only during the writer's ``GraphElementWriter/roleEdge(_:)``.
    let target: UnsafeBufferPointer<UInt8>
}

extension GraphView {
    /// Writes the nodes (actors, then events), `between`, then the edges (each event's role
    /// edges, then the relations), each list in chunks on two threads
    /// (``ExportSink/writeChunked(_:into:_:)``). Role edges are numbered e1, e2, … in event
    /// order; a chunk starts at its events' offset (``roleLinkOffsets()``).
    func writeElements<Writer: GraphElementWriter>(with _: Writer.Type, to out: ExportSink, between: String) {
        let graph = self
        out.writeChunked(actorNodes.count) { items, out in
            var writer = Writer(out)
            for actor in graph.actors[items] { writer.node(actor) }
        }
        out.writeChunked(eventNodes.count) { items, out in
            var writer = Writer(out)
            for event in graph.eventsWithoutRoles[items] { writer.node(event, graph) }
        }
        out.write(between)
        let offsets = roleLinkOffsets()
        out.writeChunked(eventNodes.count) { items, out in
            var writer = Writer(out)
            for i in items {
                let node = Int(graph.eventNodes[i])
                let event = graph.eventHeader(at: node)
                let date = event.date.description, days = graph.isoInterval(of: event.date)
                var number = offsets[i] + 1
                graph.forEachRoleLinkSymbol(ofEvent: node) { role, target, _ in
                    graph.withIDBytes(ofSymbol: target) {
                        writer.roleEdge(RoleEdge(number: number, event: event, date: date, days: days, role: role, target: $0))
                    }
                    number += 1
                }
            }
        }
        out.writeChunked(relationNodes.count) { items, out in
            var writer = Writer(out)
            for relation in graph.relations[items] { writer.edge(relation, graph) }
        }
    }
}
