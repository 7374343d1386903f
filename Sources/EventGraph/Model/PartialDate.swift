/// A calendar date known to a year, a half or quarter of a year, a month or a day,
/// optionally marked "about" (`~`).
///
/// A partial date stands for the interval of days it covers: `2025` is 2025-01-01…2025-12-31,
/// `2025-H2` is 2025-07-01…2025-12-31, `2025-Q3` is 2025-07-01…2025-09-30, `2025-03` is
/// 2025-03-01…2025-03-31. Comparisons between partial dates are therefore three-valued (see
/// ``DayInterval/ordering(to:)``).
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, half, quarter, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// A half (`H1`, `H2`) or quarter (`Q1`…`Q4`) of a year.
    public enum YearPart: Hashable, Sendable, CustomStringConvertible {
        case half(Int)
        case quarter(Int)

        /// The first and last month it covers.
        public var months: ClosedRange<Int> {
            switch self {
            case let .half(h): (h - 1) * 6 + 1 ... h * 6
            case let .quarter(q): (q - 1) * 3 + 1 ... q * 3
            }
        }

        /// `H2`, `Q3`.
        public var description: String {
            switch self {
            case let .half(h): "H\(h)"
            case let .quarter(q): "Q\(q)"
            }
        }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?
    /// A half or quarter, for a date known to that (then `month` is nil).
    public let part: YearPart?
    /// Written with a leading `~`: the date is approximate.
    public let approximate: Bool

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        switch part {
        case .quarter?: return .quarter
        case .half?: return .half
        case nil: return .year
        }
    }

    /// Creates a validated date; returns nil for impossible dates (month 13, February 30).
    public init?(year: Int, month: Int? = nil, day: Int? = nil, approximate: Bool = false) {
        self.init(year: year, month: month, day: day, part: nil, approximate: approximate)
    }

    /// A half or quarter of a year (`2025-Q3`); nil for a part that does not exist.
    public init?(year: Int, part: YearPart, approximate: Bool = false) {
        self.init(year: year, month: nil, day: nil, part: part, approximate: approximate)
    }

    private init?(year: Int, month: Int?, day: Int?, part: YearPart?, approximate: Bool) {
        guard (1...9999).contains(year) else { return nil }
        switch part {
        case let .half(h)?: guard (1...2).contains(h), month == nil else { return nil }
        case let .quarter(q)?: guard (1...4).contains(q), month == nil else { return nil }
        case nil: break
        }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...PartialDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
        self.part = part
        self.approximate = approximate
    }

    /// Parses `YYYY`, `YYYY-H1`/`YYYY-H2`, `YYYY-Q1`…`YYYY-Q4`, `YYYY-MM` or `YYYY-MM-DD`,
    /// optionally prefixed with `~`.
    /// Throws ``DateSyntaxError`` with a sentence explaining what is wrong.
    public init(parsing text: String) throws(DateSyntaxError) {
        var body = Substring(text.trimmingWhitespace())
        var approximate = false
        if body.first == "~" {
            approximate = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
           let letter = parts[1].first, "QqHh".contains(letter) {
            let number = Int(parts[1].dropFirst())
            let isQuarter = letter == "Q" || letter == "q"
            guard parts[1].count == 2, let number, (1...(isQuarter ? 4 : 2)).contains(number),
                  let date = PartialDate(year: Int(parts[0])!, part: isQuarter ? .quarter(number) : .half(number),
                                         approximate: approximate)
            else {
                throw DateSyntaxError(text: text, reason: isQuarter ? "quarters are Q1 to Q4" : "halves are H1 and H2")
            }
            self = date
            return
        }
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ part, width in
                  part.count == width && part.allSatisfy { $0.isASCII && $0.isNumber }
              })
        else {
            throw DateSyntaxError(text: text, reason: "expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Q1…Q4 or YYYY-H1/H2 (optionally with ~ in front)")
        }
        let numbers = parts.map { Int($0)! }
        let month = numbers.count > 1 ? numbers[1] : nil
        let day = numbers.count > 2 ? numbers[2] : nil
        if let month, !(1...12).contains(month) {
            throw DateSyntaxError(text: text, reason: "month \(month) does not exist")
        }
        guard let date = PartialDate(year: numbers[0], month: month, day: day, approximate: approximate) else {
            throw DateSyntaxError(text: text, reason: "day \(day ?? 0) does not exist in that month")
        }
        self = date
    }

    /// A fast parse of well-formed `[~]YYYY[-MM[-DD]]` bytes; nil for anything else (which
    /// ``init(parsing:)`` then reads or explains: quarters, halves, mistakes).
    init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        var i = 0
        var approximate = false
        if b.count > 0 && b[0] == 0x7E { approximate = true; i = 1 }
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for j in i..<(i + n) {
                let c = b[j]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        guard let year = digits(4) else { return nil }
        var month: Int?, day: Int?
        if i < b.count {
            guard b[i] == 0x2D else { return nil }
            i += 1
            guard let m = digits(2) else { return nil }
            month = m
            if i < b.count {
                guard b[i] == 0x2D else { return nil }
                i += 1
                guard let d = digits(2) else { return nil }
                day = d
            }
        }
        guard i == b.count else { return nil }
        self.init(year: year, month: month, day: day, approximate: approximate)
    }

    /// The date as written: `~2025-03`.
    public var description: String {
        var text = approximate ? "~" : ""
        text += String.zeroPadded(year, width: 4)
        if let part { text += "-\(part)" }
        if let month { text += "-" + String.zeroPadded(month, width: 2) }
        if let day { text += "-" + String.zeroPadded(day, width: 2) }
        return text
    }

    /// The days this date covers.
    public var interval: DayInterval {
        switch (month, day) {
        case let (month?, day?):
            let d = PartialDate.dayNumber(year: year, month: month, day: day)
            return DayInterval(first: d, last: d)
        case let (month?, nil):
            return DayInterval(first: PartialDate.dayNumber(year: year, month: month, day: 1),
                               last: PartialDate.dayNumber(year: year, month: month,
                                                           day: PartialDate.daysInMonth(year: year, month: month)))
        default:
            let months = part?.months ?? 1...12
            return DayInterval(first: PartialDate.dayNumber(year: year, month: months.lowerBound, day: 1),
                               last: PartialDate.dayNumber(year: year, month: months.upperBound,
                                                           day: PartialDate.daysInMonth(year: year, month: months.upperBound)))
        }
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day number (inverse of ``dayNumber(year:month:day:)``).
    public static func civil(fromDayNumber z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// Why a date string was rejected.
public struct DateSyntaxError: Error, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "invalid date '\(text)': \(reason)" }
}

/// A closed interval of days (day numbers since 1970-01-01).
public struct DayInterval: Hashable, Sendable {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    /// How two intervals are ordered in time.
    public enum Ordering: Sendable, Equatable {
        /// Every day of `self` is before (or, non-strictly, not after) every day of the other.
        case certain
        /// Some choice of days satisfies the order, another does not.
        case possible
        /// No choice of days satisfies the order.
        case impossible
    }

    /// Whether `self` can be *not after* `other` (`strict: false`) or *before* it (`strict: true`).
    public func ordering(to other: DayInterval, strict: Bool = false) -> Ordering {
        if strict {
            if last < other.first { return .certain }
            if first < other.last { return .possible }
            return .impossible
        }
        if last <= other.first { return .certain }
        if first <= other.last { return .possible }
        return .impossible
    }

    public func overlaps(_ other: DayInterval) -> Bool { first <= other.last && other.first <= last }

    /// `YYYY-MM-DD` of a day number.
    public static func isoDate(_ day: Int) -> String {
        let civil = PartialDate.civil(fromDayNumber: day)
        guard (0...9999).contains(civil.year) else {
            return String.zeroPadded(civil.year, width: 4) + "-" + String.zeroPadded(civil.month, width: 2) + "-" + String.zeroPadded(civil.day, width: 2)
        }
        // Exports write two of these per event: made in place, without joining five strings.
        return String(unsafeUninitializedCapacity: 10) { text in
            func digits(_ value: Int, _ width: Int, endingAt end: Int) {
                var rest = value
                for i in stride(from: end - 1, through: end - width, by: -1) {
                    text[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            digits(civil.year, 4, endingAt: 4)
            text[4] = UInt8(ascii: "-")
            digits(civil.month, 2, endingAt: 7)
            text[7] = UInt8(ascii: "-")
            digits(civil.day, 2, endingAt: 10)
            return 10
        }
    }
}

extension String {
    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        if value >= 0, width == 2 && value < 100 || width == 4 && value < 10000 {
            return String(unsafeUninitializedCapacity: width) { text in
                var rest = value
                for i in stride(from: width - 1, through: 0, by: -1) {
                    text[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                return width
            }
        }
        let digits = value.description
        let padding = width - digits.count
        return padding > 0 ? String(repeating: "0", count: padding) + digits : digits
    }

    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
