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

    /// ``parse(_:format:)`` of the text at `r` in `buf` (a row's scratch): the date's range
    /// (ISO dates are read as bytes; other formats appended as parsed).
    static func parse(_ buf: inout [UInt8], _ r: Range<Int>, format: ImportMapping.DateValue.Format) -> Range<Int>? {
        guard format == .iso else {
            return parse(ImportText.string(buf, r), format: format).map { ImportText.append($0, to: &buf) }
        }
        let t = ImportText.trim(&buf, r)
        let offset = !t.isEmpty && buf[t.lowerBound] == UInt8(ascii: "~") ? 1 : 0
        var end = t.upperBound
        if t.count > 10 + offset, buf[t.lowerBound + 10 + offset] == UInt8(ascii: "T") || buf[t.lowerBound + 10 + offset] == UInt8(ascii: " ") {
            guard isTime(ImportText.string(buf, (t.lowerBound + 11 + offset)..<t.upperBound)) else { return nil }
            end = t.lowerBound + 10 + offset
        }
        guard isISODate(buf[(t.lowerBound + offset)..<end]) else { return nil }
        return t.lowerBound..<end
    }

    static func parse(_ text: String, format: ImportMapping.DateValue.Format) -> String? {
        var text = text.trimmingWhitespace()
        switch format {
        case .iso:
            // A time of day after `T` or a space, following a full date.
            var bytes = Array(text.utf8)
            let offset = bytes.first == UInt8(ascii: "~") ? 1 : 0
            if bytes.count > 10 + offset, bytes[10 + offset] == UInt8(ascii: "T") || bytes[10 + offset] == UInt8(ascii: " ") {
                guard isTime(String(decoding: bytes[(11 + offset)...], as: UTF8.self)) else { return nil }
                bytes = Array(bytes[..<(10 + offset)])
                text = String(decoding: bytes, as: UTF8.self)
            }
            guard isISODate(bytes[offset...]) else { return nil }
            return text
        case .compact:
            guard text.utf8.count == 8, text.utf8.allSatisfy(isDigit) else { return nil }
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

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn`, `YYYY-Hn` (checked as bytes: this runs for every row).
    static func isISODate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let s = bytes.startIndex
        func b(_ k: Int) -> UInt8 { bytes[s + k] }
        let count = bytes.count
        guard count >= 4, isDigit(b(0)), isDigit(b(1)), isDigit(b(2)), isDigit(b(3)) else { return false }
        if count == 4 { return true }
        guard b(4) == UInt8(ascii: "-") else { return false }
        if count == 7 {
            if (b(5) == UInt8(ascii: "Q") && (0x31...0x34).contains(b(6))) || (b(5) == UInt8(ascii: "H") && (0x31...0x32).contains(b(6))) { return true }
            return isDigit(b(5)) && isDigit(b(6))
        }
        return count == 10 && isDigit(b(5)) && isDigit(b(6)) && b(7) == UInt8(ascii: "-") && isDigit(b(8)) && isDigit(b(9))
    }

    /// `HH:MM`, `HH:MM:SS` (fractions, `Z` or an offset allowed), or TimelineJS's `h:mm AM`.
    static func isTime(_ text: String) -> Bool {
        var b = Array(text.trimmingWhitespace().utf8)[...]
        func digits(_ min: Int, _ max: Int) -> Bool {
            var n = 0
            while n < max, let f = b.first, isDigit(f) { b = b.dropFirst(); n += 1 }
            return n >= min
        }
        func eat(_ c: Character) -> Bool {
            guard let f = b.first, f == c.asciiValue! else { return false }
            b = b.dropFirst()
            return true
        }
        guard digits(1, 2), eat(":"), digits(2, 2) else { return false }
        if eat(":") {
            guard digits(2, 2) else { return false }
            if eat(".") { guard digits(1, 9) else { return false } }
        }
        _ = eat(" ")
        if let f = b.first, "AaPp".utf8.contains(f) {
            b = b.dropFirst()
            guard eat("M") || eat("m") else { return false }
        }
        if eat("Z") { return b.isEmpty }
        if eat("+") || eat("-") {
            guard digits(2, 2) else { return false }
            _ = eat(":")
            guard digits(2, 2) else { return false }
        }
        return b.isEmpty
    }
}
