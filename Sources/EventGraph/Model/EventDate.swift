/// When an event happened: one partial date, a span with a start and an end, or — for a
/// date given relative to other events (``RelativeDate``) — one day between two dates.
public enum EventDate: Hashable, Sendable, CustomStringConvertible {
    case on(PartialDate)
    case span(start: PartialDate, end: PartialDate)
    /// Some one day from `earliest` through `latest`: what the constraints of a relative
    /// date allow (like a partial date, an uncertain point, not a duration).
    case between(earliest: PartialDate, latest: PartialDate)

    /// The first partial date (the date itself, or the span's start).
    public var start: PartialDate {
        switch self {
        case let .on(date): date
        case let .span(start, _): start
        case let .between(earliest, _): earliest
        }
    }

    /// Every day the event may have taken place on.
    public var interval: DayInterval {
        switch self {
        case let .on(date): date.interval
        case let .span(start, end), let .between(start, end): DayInterval(first: start.interval.first, last: end.interval.last)
        }
    }

    /// As written: `2025-03`, or `2025-01-20..2025-02` for a span; one day of a range in
    /// EDTF's "one of a set" notation, `[2025-03-04..2025-03-11]`.
    public var description: String {
        switch self {
        case let .on(date): date.description
        case let .span(start, end): "\(start)..\(end)"
        case let .between(earliest, latest): "[\(earliest)..\(latest)]"
        }
    }

    /// The date of the days `interval` covers: one day, or one day between two.
    static func day(in interval: DayInterval) -> EventDate {
        func date(_ day: Int) -> PartialDate {
            let c = PartialDate.civil(fromDayNumber: day)
            return PartialDate(year: c.year, month: c.month, day: c.day)!
        }
        return interval.first == interval.last ? .on(date(interval.first)) : .between(earliest: date(interval.first), latest: date(interval.last))
    }
}

/// A date given relative to other events (`after:`, `before:`, `within:`): the event took
/// place on or after every `after` event, on or before every `before` event and, with
/// `within`, at most that many days after the `after` events (or, with only `before`, before
/// the `before` events). The loader resolves it into the narrowest ``EventDate/between(earliest:latest:)``
/// the constraints allow.
public struct RelativeDate: Hashable, Sendable, CustomStringConvertible {
    public var after: [String]
    public var before: [String]
    /// Days.
    public var within: Int?
    /// The date the event gives as well (`date:` or `start`/`end`), which the constraints narrow.
    public var given: EventDate?

    public init(after: [String] = [], before: [String] = [], within: Int? = nil, given: EventDate? = nil) {
        self.after = after
        self.before = before
        self.within = within
        self.given = given
    }

    /// `after e1, within 7 days; before e5` (with the given date first: `2025-H2, after e1`).
    public var description: String {
        var parts: [String] = given.map { [$0.description] } ?? []
        let span = within.map { ", within \($0) day\($0 == 1 ? "" : "s")" } ?? ""
        if !after.isEmpty { parts.append("after \(after.joined(separator: ", "))" + span) }
        if !before.isEmpty { parts.append("before \(before.joined(separator: ", "))" + (after.isEmpty ? span : "")) }
        return parts.joined(separator: "; ")
    }

    /// Parses `7d` or `2w` (days or weeks) into days.
    static func days(parsing text: String) -> Int? {
        guard let unit = text.last, let n = Int(text.dropLast()), n >= 0, n <= 100_000 else { return nil }
        switch unit {
        case "d": return n
        case "w": return n * 7
        default: return nil
        }
    }
}
