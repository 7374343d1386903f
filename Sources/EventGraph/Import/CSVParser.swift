/// Reads RFC 4180 CSV: comma-separated fields, double-quoted fields that may hold commas,
/// doubled quotes and line breaks, and records ended by CRLF, LF or CR. A UTF-8 byte-order
/// mark is skipped. Every field remembers where it starts, for error messages.
public struct CSVParser: Sendable {
    /// One field and where it starts in the file (1-based line and column, in characters).
    public struct Field: Sendable, Equatable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    /// A CSV syntax problem and where it is.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// The records read, and every syntax problem (parsing goes on after a problem).
    public private(set) var records: [[Field]] = []
    public private(set) var problems: [Problem] = []

    /// Parses `text`. Blank lines are skipped.
    public init(_ text: String) {
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        var line = 1, column = 1
        var record: [Field] = []
        func advance(_ c: Character) {
            if c == "\n" || c == "\r" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        while i < chars.count {
            // One field.
            let startLine = line, startColumn = column
            var value = ""
            if chars[i] == "\"" {
                advance(chars[i]); i += 1
                var closed = false
                while i < chars.count {
                    let c = chars[i]
                    if c == "\"" {
                        if i + 1 < chars.count && chars[i + 1] == "\"" {
                            value.append("\""); advance(c); advance(c); i += 2
                            continue
                        }
                        advance(c); i += 1
                        closed = true
                        break
                    }
                    value.append(c == "\r\n" || c == "\r" ? "\n" : c)
                    advance(c); i += 1
                }
                if !closed {
                    problems.append(Problem(line: startLine, column: startColumn, message: "a quoted field is never closed (a \" is missing)"))
                }
                // Anything between the closing quote and the next separator is an error.
                if i < chars.count, chars[i] != ",", !Self.isLineBreak(chars[i]) {
                    problems.append(Problem(line: line, column: column, message: "unexpected text after a closing quote; double a \" inside a quoted field"))
                    while i < chars.count, chars[i] != ",", !Self.isLineBreak(chars[i]) { advance(chars[i]); i += 1 }
                }
            } else {
                while i < chars.count, chars[i] != ",", !Self.isLineBreak(chars[i]) {
                    if chars[i] == "\"" {
                        problems.append(Problem(line: line, column: column, message: "a \" inside an unquoted field; quote the whole field and double the \""))
                    }
                    value.append(chars[i]); advance(chars[i]); i += 1
                }
            }
            record.append(Field(text: value, line: startLine, column: startColumn))
            if i < chars.count, chars[i] == "," {
                advance(chars[i]); i += 1
                if i == chars.count { record.append(Field(text: "", line: line, column: column)) }
                continue
            }
            // End of record (line break or end of text).
            if i < chars.count { advance(chars[i]); i += 1 }
            if !Self.isBlank(record) { records.append(record) }
            record = []
        }
        if !Self.isBlank(record) { records.append(record) }
    }

    /// A blank line: no fields, or one empty field.
    static func isBlank(_ record: [Field]) -> Bool { record.isEmpty || (record.count == 1 && record[0].text.isEmpty) }

    static func isLineBreak(_ c: Character) -> Bool { c == "\n" || c == "\r" || c == "\r\n" }
}
