/// How many actors, events, relations and sources a graph has, and the one sentence that
/// says so (`validate`'s summary, every command's `wrote …` line).
public struct GraphCounts: Sendable, Equatable {
    public var actors: Int
    public var events: Int
    public var relations: Int
    public var sources: Int

    public init(actors: Int, events: Int, relations: Int, sources: Int) {
        self.actors = actors
        self.events = events
        self.relations = relations
        self.sources = sources
    }

    /// `12 actors, 30 events, 4 relations, 5 sources`.
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [count(actors, "actor"), count(events, "event"), count(relations, "relation"), count(sources, "source")]
            .joined(separator: ", ")
    }
}
