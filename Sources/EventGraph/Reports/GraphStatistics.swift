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

    /// - Complexity: O(A + E·p + R) for p participants per event, plus sorting.
    public init(graph: GraphView, top: Int = 10) {
        func counted(_ names: [String]) -> [Count] {
            Dictionary(names.map { ($0, 1) }, uniquingKeysWith: +)
                .map { Count(name: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        }
        actorKinds = counted(graph.actors.map(\.kind))
        eventKinds = counted(graph.events.map(\.kind))
        relationKinds = counted(graph.relations.map(\.kind))
        claims = counted(graph.events.map(\.claim.rawValue))
        sources = graph.sources.count
        inferredDates = graph.events.filter { $0.dateBasis == .inferred }.count
        if let range = graph.dateRange {
            dateRange = (DayInterval.isoDate(range.first), DayInterval.isoDate(range.last))
        }
        var degree: [String: Int] = [:]
        for event in graph.events {
            for id in Set(event.allParticipants) where graph.actor(id) != nil { degree[id, default: 0] += 1 }
        }
        for relation in graph.relations {
            degree[relation.from, default: 0] += 1
            degree[relation.to, default: 0] += 1
        }
        mostConnected = Array(degree.map { Count(name: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
            .prefix(top))
    }

    /// A plain-text report.
    public func text(graph: GraphView) -> String {
        var out = ""
        if let title = graph.title { out += "\(title)\n\n" }
        out += graph.summary + "\n"
        if let range = dateRange { out += "dates: \(range.first) … \(range.last) (\(inferredDates) inferred)\n" }
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
