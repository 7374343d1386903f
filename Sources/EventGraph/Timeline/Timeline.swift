/// Events in date order, grouped by year and month: the reading order of `eventgraph timeline`
/// and of the timeline diagram.
///
/// Partial dates are placed by their interval: events sort by the first day they may have
/// happened on, then by the last, then by id. Events known only to the year come at the head
/// of their year, under the year itself (see ``TimelinePeriod``). Dates are shown as written.
public struct Timeline: Sendable {
    /// The events of one period, in order.
    public struct Group: Sendable, Equatable {
        public var period: TimelinePeriod
        public var entries: [TimelineEntry]
    }

    public let title: String?
    /// The actors followed (ids); empty when every event is listed.
    public let followed: [String]
    /// The followed actors' names in the chosen language, in the same order.
    public let followedNames: [String]
    /// Non-empty periods in date order.
    public let groups: [Group]
    /// The chosen language for names (BCP 47), or nil for display names.
    public let language: String?

    /// Every entry, in order.
    public var entries: [TimelineEntry] { groups.flatMap(\.entries) }

    /// The days covered by the listed events, nil when there are none.
    public var dateRange: DayInterval? {
        let intervals = entries.map(\.event.date.interval)
        guard let first = intervals.map(\.first).min(), let last = intervals.map(\.last).max() else { return nil }
        return DayInterval(first: first, last: last)
    }

    /// Builds the timeline of a (usually already filtered) graph.
    /// - Parameters:
    ///   - graph: the graph; filter it first with ``GraphView/filtered(by:)``.
    ///   - actors: actor ids to follow: only events in which one of them takes part (directly,
    ///     or through an event named in a role, such as a review of their acquisition) are
    ///     listed. Empty lists every event.
    ///   - language: BCP 47 tag choosing per-language actor names.
    /// - Complexity: O(E log E + E·p) for E events with p participants each.
    public init(graph: GraphView, following actors: [String] = [], language: String? = nil) {
        title = graph.title
        followed = actors
        followedNames = actors.map { graph.actor($0)?.displayName(language: language) ?? $0 }
        self.language = language
        let events = actors.isEmpty ? Array(graph.events) : graph.events(involving: actors)
        let sorted = events.sorted { a, b in
            let pa = TimelinePeriod(of: a.date), pb = TimelinePeriod(of: b.date)
            if pa != pb { return pa < pb }
            let ia = a.date.interval, ib = b.date.interval
            return (ia.first, ia.last, a.id) < (ib.first, ib.last, b.id)
        }
        var groups: [Group] = []
        var previous: DayInterval?
        for event in sorted {
            let entry = TimelineEntry(event: event, period: TimelinePeriod(of: event.date),
                                      participants: Timeline.participants(of: event, in: graph, language: language),
                                      citations: Timeline.citations(of: event, in: graph),
                                      overlapsPrevious: previous.map { $0.overlaps(event.date.interval) } ?? false)
            previous = event.date.interval
            if groups.last?.period == entry.period {
                groups[groups.count - 1].entries.append(entry)
            } else {
                groups.append(Group(period: entry.period, entries: [entry]))
            }
        }
        self.groups = groups
    }

    static func participants(of event: Event, in graph: GraphView, language: String?) -> [TimelineEntry.Participant] {
        event.roles.flatMap { binding in
            binding.ids.map { id -> TimelineEntry.Participant in
                if let actor = graph.actor(id) {
                    return .init(role: binding.role, id: id, name: actor.displayName(language: language), isEvent: false, kind: actor.kind)
                }
                let inner = graph.event(id)
                return .init(role: binding.role, id: id, name: inner?.title ?? id, isEvent: true, kind: inner?.kind ?? "event")
            }
        }
    }

    static func citations(of event: Event, in graph: GraphView) -> [TimelineEntry.Citation] {
        event.sources.map { evidence in
            let source = graph.source(evidence.source)
            return .init(source: evidence.source, title: source?.title, publisher: source?.publisher,
                         published: source?.published, quote: evidence.quote)
        }
    }
}
