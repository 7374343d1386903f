/// Counts by kind, the date range and the most connected actors.
public struct GraphStatistics: Sendable {
    public struct Count: Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    public var actorKinds: [Count]
    public var eventKinds: [Count]
    public var relationKinds: [Count]
    public var claims: [Count]
    public var sources: Int
    /// The first and last day any event may have taken place on (`YYYY-MM-DD`).
    public var dateRange: (first: String, last: String)?
    /// Actors by number of events and relations they take part in, most first, ties by id.
    public var mostConnected: [Count]
    public var inferredDates: Int

    /// How the event dates are known (``DateBasis``), stated first.
    public var dateBases: [Count]
    /// Number of events.
    public var events: Int

    /// Read from the store's columns and link graph through the view: no event is made
    /// into a value.
    /// - Complexity: O(A + E + R + C) for C connections, plus sorting.
    public init(graph: GraphView, top: Int = 10) {
        func counted(_ names: some Sequence<String>) -> [Count] {
            var counts: [String: Int] = [:]
            for name in names { counts[name, default: 0] += 1 }
            return counts.map { Count(name: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        }
        let links = graph.links
        let eventNodes = graph.events.nodeIndices
        actorKinds = counted(graph.actors.nodeIndices.lazy.map { links.kind($0) })
        eventKinds = counted(eventNodes.lazy.map { links.kind($0) })
        relationKinds = counted(graph.relations.nodeIndices.lazy.map { links.kind($0) })
        claims = counted(eventNodes.lazy.map { links.claim($0).rawValue })
        let bases = counted(eventNodes.lazy.map { graph.dateBasis(ofEvent: $0).rawValue })
        dateBases = DateBasis.allCases.compactMap { basis in bases.first { $0.name == basis.rawValue } }
        inferredDates = dateBases.filter { $0.name != DateBasis.stated.rawValue }.reduce(0) { $0 + $1.count }
        events = eventNodes.count
        sources = graph.sources.count
        if let range = graph.dateRange {
            dateRange = (DayInterval.isoDate(range.first), DayInterval.isoDate(range.last))
        }
        var degrees: [Count] = []
        for node in graph.actors.nodeIndices {
            let degree = links.connections(node).reduce(0) { $0 + ($1.isParticipant && graph.allows($1.node) ? 1 : 0) }
            if degree > 0 { degrees.append(Count(name: links.id(node), count: degree)) }
        }
        mostConnected = Array(degrees.sorted { ($1.count, $0.name) < ($0.count, $1.name) }.prefix(top))
    }

    /// A plain-text report.
    public func text(graph: GraphView) -> String {
        var out = ""
        if let title = graph.title { out += "\(title)\n\n" }
        out += graph.summary + "\n"
        if let range = dateRange {
            let bases = dateBases.map { "\($0.count) \($0.name)" }.joined(separator: ", ")
            out += "dates: \(range.first) … \(range.last) (of \(events) event dates: \(bases))\n"
        }
        func section(_ heading: String, _ counts: [Count]) {
            guard !counts.isEmpty else { return }
            out += "\n\(heading):\n"
            let width = counts.map(\.name.count).max() ?? 0
            for count in counts {
                out += "  " + count.name + String(repeating: " ", count: width - count.name.count) + "  \(count.count)\n"
            }
        }
        section("actors by kind", actorKinds)
        section("events by kind", eventKinds)
        section("relations by kind", relationKinds)
        section("events by claim", claims)
        section("most connected actors (events + relations)", mostConnected.map { count in
            Count(name: "\(count.name) (\(graph.actor(count.name)?.name ?? count.name))", count: count.count)
        })
        return out
    }
}
