extension GraphDiff {
    /// What happened, started, ended (and, with `known`, became known) after `from` and by `to`.
    ///
    /// The window runs from the day after `from`'s last day through `to`'s last day, so
    /// `--at 2025-06 --at 2025-11` covers 2025-07-01…2025-11-30.
    /// - Parameters:
    ///   - graph: the graph (already filtered, if wanted).
    ///   - from: the earlier date; must end before `to` ends (otherwise nothing is found).
    ///   - to: the later date.
    ///   - known: also list the sources published in the window and what they made known.
    /// - Complexity: O(S + E·s + R·s) for s evidence items per element.
    public init(graph: GraphView, from: PartialDate, to: PartialDate, known: Bool = false) {
        let after = from.interval.last, through = to.interval.last
        func inWindow(_ day: Int) -> Bool { after < day && day <= through }
        var entries: [Entry] = []
        for event in graph.events where inWindow(event.date.interval.first) {
            entries.append(Entry(change: .added, element: .event, id: event.id, label: event.title,
                                 date: event.date.description, sortDay: event.date.interval.first))
        }
        for relation in graph.relations {
            let label = GraphDiff.label(of: relation, in: graph)
            let date = GraphDiff.validity(of: relation)
            if let since = relation.since, inWindow(since.interval.first) {
                entries.append(Entry(change: .added, element: .relation, id: relation.id, label: label, date: date, sortDay: since.interval.first))
            }
            if let until = relation.until, inWindow(until.interval.last) {
                entries.append(Entry(change: .ended, element: .relation, id: relation.id, label: label, date: date, sortDay: until.interval.last))
            }
        }
        if known {
            let before = graph.sourcesKnown(by: from), by = graph.sourcesKnown(by: to)
            let fresh = by.subtracting(before)
            for source in graph.sources where fresh.contains(source.id) {
                entries.append(Entry(change: .known, element: .source, id: source.id, label: source.title,
                                     date: source.published?.description, sortDay: source.published?.interval.last ?? 0))
            }
            func newlyKnown(_ evidence: [Evidence]) -> [String]? {
                let cited = evidence.map(\.source)
                guard !cited.contains(where: before.contains) else { return nil }
                var seen = Set<String>()
                let sources = cited.filter { fresh.contains($0) && seen.insert($0).inserted }
                return sources.isEmpty ? nil : sources
            }
            for event in graph.events {
                guard let sources = newlyKnown(event.sources) else { continue }
                entries.append(Entry(change: .known, element: .event, id: event.id, label: event.title,
                                     date: event.date.description, sources: sources, sortDay: event.date.interval.first))
            }
            for relation in graph.relations {
                guard let sources = newlyKnown(relation.sources) else { continue }
                entries.append(Entry(change: .known, element: .relation, id: relation.id, label: GraphDiff.label(of: relation, in: graph),
                                     date: GraphDiff.validity(of: relation), sources: sources))
            }
        }
        self.init(comparison: .dates(from: from, to: to, known: known), entries: entries, graph: graph)
    }

    /// `Jensen Huang leads Nvidia (CEO)`.
    static func label(of relation: Relation, in graph: GraphView) -> String {
        let from = graph.actor(relation.from)?.name ?? relation.from, to = graph.actor(relation.to)?.name ?? relation.to
        let kind = graph.schema.relationKinds[relation.kind]?.label ?? relation.kind
        return "\(from) \(kind) \(to)" + (relation.role.map { " (\($0))" } ?? "")
    }

    /// `since 1993`, `2024..2025-06`, `until 2025-03`, or nil when undated.
    static func validity(of relation: Relation) -> String? {
        switch (relation.since, relation.until) {
        case let (since?, until?): "\(since)..\(until)"
        case let (since?, nil): "since \(since)"
        case let (nil, until?): "until \(until)"
        case (nil, nil): nil
        }
    }
}
