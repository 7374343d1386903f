/// A named era of the graph's time (`periods:`): drawn as a band on the timeline and
/// theme-line charts and the page's time slider, exported as TimelineJS `eras`, and usable
/// as a date filter (`--period ID`). Periods may overlap.
public struct Period: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var from: PartialDate
    public var to: PartialDate
    /// A validated colour (``StyleValue``), if given.
    public var color: String?
    /// Actors the era is about (ids), in the order written.
    public var actors: [String]
    public var location: SourceLocation?

    public init(id: String, title: String, from: PartialDate, to: PartialDate, color: String? = nil,
                actors: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.from = from
        self.to = to
        self.color = color
        self.actors = actors
        self.location = location
    }

    /// Every day the period covers: from the first day of `from` to the last day of `to`.
    public var interval: DayInterval { DayInterval(first: from.interval.first, last: to.interval.last) }
}
