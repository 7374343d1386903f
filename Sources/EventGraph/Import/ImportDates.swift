/// Dates in the formats tables use, turned into EventGraph's partial dates (`YYYY`,
/// `YYYY-MM`, `YYYY-MM-DD`). A time of day is accepted and dropped: EventGraph dates are days.
enum ImportDates {
    static func example(_ format: ImportMapping.DateValue.Format) -> String {
        switch format {
        case .iso: "like 2025, 2025-03, 2025-03-14 or 2025-03-14T09:30"
        case .dayFirst: "like 14/03/2025, 14.03.2025 or 14-03-2025 09:30"
        case .monthFirst: "like 03/14/2025"
        case .compact: "like 20250314"
        }
    }

    static func parse(_ text: String, format: ImportMapping.DateValue.Format) -> String? {
        var text = text.trimmingWhitespace()
        switch format {
        case .iso:
            // A time of day after `T` or a space, following a full date.
            let scalars = Array(text.unicodeScalars)
            let offset = scalars.first == "~" ? 1 : 0
            if scalars.count > 10 + offset, scalars[10 + offset] == "T" || scalars[10 + offset] == " " {
                let time = String(String.UnicodeScalarView(scalars[(11 + offset)...]))
                guard isTime(time) else { return nil }
                text = String(String.UnicodeScalarView(scalars[..<(10 + offset)]))
            }
            let body = text.hasPrefix("~") ? String(text.dropFirst()) : text
            guard body.wholeMatch(of: /[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|[0-9]{4}-(Q[1-4]|H[12])/) != nil else { return nil }
            return text
        case .compact:
            guard text.wholeMatch(of: /[0-9]{8}/) != nil else { return nil }
            let s = Array(text)
            return String(s[0..<4]) + "-" + String(s[4..<6]) + "-" + String(s[6..<8])
        case .dayFirst, .monthFirst:
            var datePart = text
            if let space = text.firstIndex(where: { $0 == " " || $0 == "T" }) {
                guard isTime(String(text[text.index(after: space)...])) else { return nil }
                datePart = String(text[..<space])
            }
            let pieces = datePart.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
            guard pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }) else { return nil }
            let (d, m) = format == .dayFirst ? (pieces[0], pieces[1]) : (pieces[1], pieces[0])
            return parts(year: pieces[2], month: m, day: d)
        }
    }

    /// Year, month and day cells (month and day optional; a day needs a month).
    static func parts(year: String, month: String?, day: String?) -> String? {
        guard let y = Int(year), y >= 0, y <= 9999, year.allSatisfy(\.isASCII) else { return nil }
        var text = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
        if let month {
            guard let m = Int(month), month.count <= 2 else { return nil }
            text += "-" + (m < 10 ? "0" : "") + String(m)
            if let day {
                guard let d = Int(day), day.count <= 2 else { return nil }
                text += "-" + (d < 10 ? "0" : "") + String(d)
            }
        } else if day != nil {
            return nil
        }
        return text
    }

    /// `HH:MM`, `HH:MM:SS` (fractions, `Z` or an offset allowed), or TimelineJS's `h:mm AM`.
    static func isTime(_ text: String) -> Bool {
        text.trimmingWhitespace().wholeMatch(of: /[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?( ?([AaPp][Mm]))?(Z|[+-][0-9]{2}:?[0-9]{2})?/) != nil
    }
}
