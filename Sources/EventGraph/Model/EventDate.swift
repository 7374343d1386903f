/// When an event happened: one partial date, or a span with a start and an end.
public enum EventDate: Hashable, Sendable, CustomStringConvertible {
    case on(PartialDate)
    case span(start: PartialDate, end: PartialDate)

    /// The first partial date (the date itself, or the span's start).
    public var start: PartialDate {
        switch self {
        case let .on(date): date
        case let .span(start, _): start
        }
    }

    /// Every day the event may have taken place on.
    public var interval: DayInterval {
        switch self {
        case let .on(date): date.interval
        case let .span(start, end): DayInterval(first: start.interval.first, last: end.interval.last)
        }
    }

    /// As written: `2025-03`, or `2025-01-20..2025-02` for a span.
    public var description: String {
        switch self {
        case let .on(date): date.description
        case let .span(start, end): "\(start)..\(end)"
        }
    }
}
