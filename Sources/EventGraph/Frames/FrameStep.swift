/// How long one frame of `render --frames` covers: a month, a quarter or a year.
public enum FrameStep: String, CaseIterable, Sendable {
    case month, quarter, year

    /// Months per frame.
    var months: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .year: 12
        }
    }

    /// The index of the frame a day falls in (months since year 0, divided by the step).
    func index(ofDay day: Int) -> Int {
        let civil = PartialDate.civil(fromDayNumber: day)
        return (civil.year * 12 + civil.month - 1) / months
    }

    /// How many frames cover the days `interval` (from the frame of its first day to the frame
    /// of its last), without making them.
    public func count(covering interval: DayInterval) -> Int {
        index(ofDay: interval.last) - index(ofDay: interval.first) + 1
    }

    /// The frames covering `interval`, in date order.
    public func frames(covering interval: DayInterval) -> [FramePeriod] {
        (index(ofDay: interval.first)...index(ofDay: interval.last)).compactMap { FramePeriod(step: self, index: $0) }
    }
}

/// One frame of a sequence: a month (`2025-03`), a quarter (`2025-Q1`) or a year (`2025`).
public struct FramePeriod: Hashable, Sendable, CustomStringConvertible {
    public let step: FrameStep
    public let year: Int
    /// 1…12 for months, 1…4 for quarters, nil for years.
    public let number: Int?

    /// The frame with this index (see ``FrameStep/index(ofDay:)``); nil outside years 1…9999.
    init?(step: FrameStep, index: Int) {
        let firstMonth = index * step.months
        let year = firstMonth / 12
        guard (1...9999).contains(year) else { return nil }
        self.step = step
        self.year = year
        switch step {
        case .month: number = firstMonth % 12 + 1
        case .quarter: number = firstMonth % 12 / 3 + 1
        case .year: number = nil
        }
    }

    /// The last month of the frame, as a date: the graph "as of" it is the frame's picture.
    public var asOf: PartialDate {
        switch step {
        case .month: PartialDate(year: year, month: number!)!
        case .quarter: PartialDate(year: year, month: number! * 3)!
        case .year: PartialDate(year: year)!
        }
    }

    /// The days the frame covers.
    public var interval: DayInterval {
        let firstMonth = step == .year ? 1 : step == .quarter ? number! * 3 - 2 : number!
        return DayInterval(first: PartialDate(year: year, month: firstMonth)!.interval.first, last: asOf.interval.last)
    }

    /// The sortable file name stem: `2025-03`, `2025-Q1`, `2025`.
    public var description: String {
        let y = String.zeroPadded(year, width: 4)
        switch step {
        case .month: return y + "-" + String.zeroPadded(number!, width: 2)
        case .quarter: return y + "-Q\(number!)"
        case .year: return y
        }
    }

    /// The caption: `March 2025`, `Q1 2025`, `2025`.
    public var title: String {
        let y = String.zeroPadded(year, width: 4)
        switch step {
        case .month: return "\(TimelinePeriod.monthNames[number! - 1]) \(y)"
        case .quarter: return "Q\(number!) \(y)"
        case .year: return y
        }
    }
}
