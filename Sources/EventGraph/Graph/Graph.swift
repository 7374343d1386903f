/// A validated graph: sources, actors, events and relations, checked against its schema.
///
/// Collections are in a deterministic order: sources, actors and events by id, relations in
/// input order (files in path order). Look-ups by id are O(1).
public struct Graph: Sendable {
    public let title: String?
    public let description: String?
    public let schema: Schema
    public let sources: [Source]
    public let actors: [Actor]
    public let events: [Event]
    public let relations: [Relation]

    private let actorIndex: [String: Int]
    private let eventIndex: [String: Int]
    private let sourceIndex: [String: Int]
    private let relationIndex: [String: Int]

    public init(title: String? = nil, description: String? = nil, schema: Schema = .builtIn,
                sources: [Source] = [], actors: [Actor] = [], events: [Event] = [], relations: [Relation] = []) {
        self.title = title
        self.description = description
        self.schema = schema
        self.sources = sources.sorted { $0.id < $1.id }
        self.actors = actors.sorted { $0.id < $1.id }
        self.events = events.sorted { $0.id < $1.id }
        self.relations = relations
        actorIndex = Self.index(self.actors.map(\.id))
        eventIndex = Self.index(self.events.map(\.id))
        sourceIndex = Self.index(self.sources.map(\.id))
        relationIndex = Self.index(self.relations.map(\.id))
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func actor(_ id: String) -> Actor? { actorIndex[id].map { actors[$0] } }
    public func event(_ id: String) -> Event? { eventIndex[id].map { events[$0] } }
    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }
    public func relation(_ id: String) -> Relation? { relationIndex[id].map { relations[$0] } }

    /// Position of an actor in ``actors``.
    public func actorPosition(_ id: String) -> Int? { actorIndex[id] }
    /// Position of an event in ``events``.
    public func eventPosition(_ id: String) -> Int? { eventIndex[id] }

    /// Events sorted by the start of their date interval, then by id: the reading order.
    public var chronologicalEvents: [Event] {
        events.sorted { ($0.date.interval.first, $0.date.interval.last, $0.id) < ($1.date.interval.first, $1.date.interval.last, $1.id) }
    }

    /// The days covered by all event dates, nil for a graph without events.
    public var dateRange: DayInterval? {
        guard let first = events.map({ $0.date.interval.first }).min(),
              let last = events.map({ $0.date.interval.last }).max() else { return nil }
        return DayInterval(first: first, last: last)
    }

    /// A summary line: `12 actors, 10 events, 3 relations, 2 sources`.
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [count(actors.count, "actor"), count(events.count, "event"),
                count(relations.count, "relation"), count(sources.count, "source")].joined(separator: ", ")
    }
}
