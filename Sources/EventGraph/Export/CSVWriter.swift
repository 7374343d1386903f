import Foundation

/// Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted
/// (with `"` doubled) when it holds a comma, a quote, a line break or leading/trailing
/// space. A cell a spreadsheet would run as a formula gets a leading `'`
/// (``SpreadsheetCell``). Deterministic.
public struct CSVWriter: Sendable {
    private(set) var text = ""

    public init() {}

    /// Appends one record.
    public mutating func write(_ fields: [String]) {
        text += fields.map(CSVWriter.field).joined(separator: ",")
        text += "\r\n"
    }

    /// The CSV text of a header and its rows.
    public static func document(header: [String], rows: [[String]]) -> String {
        var writer = CSVWriter()
        writer.write(header)
        for row in rows { writer.write(row) }
        return writer.text
    }

    /// One field: neutralised against formula injection (``SpreadsheetCell``), then quoted
    /// when needed.
    public static func field(_ raw: String) -> String {
        let value = SpreadsheetCell.neutralised(raw)
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
