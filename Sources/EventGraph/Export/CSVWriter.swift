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
        // Scalars, not Characters: a comma or quote followed by a combining mark is one
        // Character that equals neither, yet a CSV reader sees the comma or the quote.
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        guard needsQuotes else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }
}

extension ExportSink {
    /// ``SpreadsheetCell/formulaStarts`` (all ASCII) as a bit per byte value.
    static let formulaStartBytes: UInt128 = SpreadsheetCell.formulaStarts.reduce(0) { bits, scalar in
        precondition(scalar.isASCII, "a formula start outside ASCII needs the character test")
        return bits | 1 << UInt128(scalar.value)
    }

    /// Writes one CSV record (fields as ``CSVWriter/field(_:)``, then CRLF).
    func writeCSVRecord(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { append(byte: UInt8(ascii: ",")) }
            writeCSVField(field)
        }
        append(byte: 13)
        append(byte: 10)
        didAppend()
    }

    /// Writes one field exactly as ``CSVWriter/field(_:)`` makes it, without making a String:
    /// byte by byte for ASCII text (where bytes and characters are the same), through
    /// ``CSVWriter/field(_:)`` itself otherwise (its tests for commas, quotes and edge spaces
    /// look at whole characters).
    func writeCSVField(_ raw: String) {
        var raw = raw
        let done = raw.withUTF8 { bytes -> Bool in
            var quotes = false
            var marks = 0
            for byte in bytes {
                if byte >= 0x80 { return false }
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 { quotes = true }
            }
            // A formula mark: decided by SpreadsheetCell's own rule, asked only when the first
            // character after any `'`s is one that starts a formula.
            while marks < bytes.count && bytes[marks] == UInt8(ascii: "'") { marks += 1 }
            var mark = false
            if marks < bytes.count, bytes[marks] < 0x80, ExportSink.formulaStartBytes & (1 << UInt128(bytes[marks])) != 0 {
                mark = SpreadsheetCell.needsMark(String(decoding: bytes, as: UTF8.self))
            }
            func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
            if let first = bytes.first, let last = bytes.last, (!mark && isSpace(first)) || isSpace(last) { quotes = true }
            if quotes { append(byte: UInt8(ascii: "\"")) }
            if mark { append(byte: UInt8(ascii: "'")) }
            if quotes {
                var run = 0
                for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") {
                    append(raw: UnsafeBufferPointer(rebasing: bytes[run...i]))
                    append(byte: UInt8(ascii: "\""))
                    run = i + 1
                }
                append(raw: UnsafeBufferPointer(rebasing: bytes[run...]))
                append(byte: UInt8(ascii: "\""))
            } else {
                append(raw: bytes)
            }
            return true
        }
        if !done { write(CSVWriter.field(raw)) }
    }
}
