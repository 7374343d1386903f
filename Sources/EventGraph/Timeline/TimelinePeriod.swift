/// A heading of the timeline: a year, or a month of a year.
///
/// Events whose date starts with a month (`2025-03`, `2025-03-14`, `~2025-03`, a span starting
/// `2025-03-20`) belong to that month; events known only to the year (`2025`, `~2025`, a span
/// starting `2024`) belong to the year itself, which is listed before the year's months.
public struct TimelinePeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    /// Nil for the year-level period.
    public let month: Int?

    public init(year: Int, month: Int? = nil) {
        self.year = year
        self.month = month
    }

    /// The period an event date belongs to: the month of its start, or its start's year.
    public init(of date: EventDate) {
        self.init(year: date.start.year, month: date.start.month)
    }

    /// Year-level periods sort before the months of their year.
    public static func < (a: TimelinePeriod, b: TimelinePeriod) -> Bool {
        (a.year, a.month ?? 0) < (b.year, b.month ?? 0)
    }

    /// `2025` or `2025-03`.
    public var description: String {
        String.zeroPadded(year, width: 4) + (month.map { "-" + String.zeroPadded($0, width: 2) } ?? "")
    }

    /// `March 2025`, or `2025` for the year-level period.
    public var title: String {
        guard let month else { return String.zeroPadded(year, width: 4) }
        return "\(TimelinePeriod.monthNames[month - 1]) \(String.zeroPadded(year, width: 4))"
    }

    /// The days the period covers.
    public var interval: DayInterval {
        PartialDate(year: year, month: month)!.interval
    }

    /// English month names, January first.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]
}
