/// One event of a ``Timeline``, with its participants and citations resolved for display.
public struct TimelineEntry: Sendable, Equatable {
    /// Someone (or an event) filling a role of the event.
    public struct Participant: Sendable, Equatable {
        public var role: String
        public var id: String
        /// The actor's name (in the chosen language) or the referenced event's title.
        public var name: String
        /// True when the role names another event rather than an actor.
        public var isEvent: Bool
        /// The actor's kind, or the event's kind.
        public var kind: String
    }

    /// A piece of evidence with its source's title and publication date.
    public struct Citation: Sendable, Equatable {
        public var source: String
        public var title: String?
        public var publisher: String?
        public var published: PartialDate?
        public var quote: String?
    }

    public var event: Event
    public var period: TimelinePeriod
    public var participants: [Participant]
    public var citations: [Citation]
    /// True when the event's interval overlaps the previous entry's, so their order is only
    /// possible, not certain.
    public var overlapsPrevious: Bool
}
