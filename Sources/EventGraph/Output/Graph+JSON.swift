extension GraphView {
    /// The graph as node-link JSON: `nodes` (actors then events, each with `type`), `links`
    /// (event participations with their role, then relations), and `sources`. The shape
    /// `networkx.node_link_graph(data, edges="links")` reads. Deterministic.
    public var nodeLinkJSON: JSONValue {
        var nodes: [JSONValue] = []
        for actor in actors {
            nodes.append(.object([
                "id": .string(actor.id), "type": "actor", "kind": .string(actor.kind), "name": .string(actor.name),
                "names": actor.names.isEmpty ? nil : .object(actor.names.map { ($0.language, .string($0.name)) }),
                "aliases": actor.aliases.isEmpty ? nil : .strings(actor.aliases),
                "country": actor.country.map(JSONValue.string),
                "description": actor.description.map(JSONValue.string),
                "tags": actor.tags.isEmpty ? nil : .strings(actor.tags),
                "since": actor.since.map { .string($0.description) },
                "until": actor.until.map { .string($0.description) },
            ]))
        }
        for event in events {
            nodes.append(.object([
                "id": .string(event.id), "type": "event", "kind": .string(event.kind),
                "date": .string(event.date.description),
                "start": .string(event.date.start.description),
                "end": eventEnd(event).map(JSONValue.string),
                "title": .string(event.title),
                "description": event.description.map(JSONValue.string),
                "amount": event.amount.map { .object(["value": .number($0.value), "currency": $0.currency.map(JSONValue.string)]) },
                "status": event.status.map { .string($0.rawValue) },
                "claim": .string(event.claim.rawValue),
                "claimed_by": event.claimedBy.map(JSONValue.string),
                "date_basis": .string(event.dateBasis.rawValue),
                "date_note": event.dateNote.map(JSONValue.string),
                "date_source": event.dateSource.map(JSONValue.string),
                "after": event.relativeDate.flatMap { $0.after.isEmpty ? nil : .strings($0.after) },
                "before": event.relativeDate.flatMap { $0.before.isEmpty ? nil : .strings($0.before) },
                "within_days": event.relativeDate?.within.map { .number(Double($0)) },
                "sources": GraphView.evidenceJSON(event.sources),
                "tags": event.tags.isEmpty ? nil : .strings(event.tags),
            ]))
        }
        var links: [JSONValue] = []
        for event in events {
            for binding in event.roles {
                for id in binding.ids {
                    links.append(.object([("source", .string(event.id)), ("target", .string(id)),
                                          ("type", "role"), ("role", .string(binding.role))]))
                }
            }
        }
        for relation in relations {
            links.append(.object([
                "source": .string(relation.from), "target": .string(relation.to), "type": "relation",
                "id": .string(relation.id), "kind": .string(relation.kind),
                "role": relation.role.map(JSONValue.string),
                "since": relation.since.map { .string($0.description) },
                "until": relation.until.map { .string($0.description) },
                "sources": relation.sources.isEmpty ? nil : GraphView.evidenceJSON(relation.sources),
            ]))
        }
        let sourceList: [JSONValue] = sources.map { source in
            .object([
                "id": .string(source.id), "title": .string(source.title),
                "publisher": source.publisher.map(JSONValue.string), "author": source.author.map(JSONValue.string),
                "published": source.published.map { .string($0.description) },
                "url": source.url.map(JSONValue.string), "language": source.language.map(JSONValue.string),
                "file": source.file.map(JSONValue.string),
            ])
        }
        let periodList: [JSONValue] = periods.map { period in
            .object([
                "id": .string(period.id), "title": .string(period.title),
                "from": .string(period.from.description), "to": .string(period.to.description),
                "color": period.color.map(JSONValue.string),
                "actors": period.actors.isEmpty ? nil : .strings(period.actors),
            ])
        }
        return .object([
            "directed": true, "multigraph": true,
            "graph": .object(["title": title.map(JSONValue.string), "description": description.map(JSONValue.string),
                              "periods": periodList.isEmpty ? nil : .array(periodList)]),
            "nodes": .array(nodes), "links": .array(links), "sources": .array(sourceList),
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
            .object(["source": .string(item.source), "quote": item.quote.map(JSONValue.string), "note": item.note.map(JSONValue.string)])
        })
    }
}
