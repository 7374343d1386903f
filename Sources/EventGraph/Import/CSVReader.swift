/// A byte-level, streaming RFC 4180 reader over a whole file's bytes (mapped or in memory):
/// comma-separated fields, double-quoted fields that may hold commas, doubled quotes and line
/// breaks (kept as written, as TimelineJS's parser keeps them), records ended by CRLF, LF or
/// CR. A UTF-8 byte-order mark is skipped; blank lines are skipped.
///
/// One record at a time: ``next()`` fills ``fields`` with byte ranges into the buffer, and
/// only the cells a mapping reads become strings (``text(_:)``). Positions (line, and the
/// column in characters) are worked out only when a message needs them.
struct CSVReader {
    /// One field: its bytes, whether it was quoted with `""` inside (needs unescaping), and
    /// where it starts.
    struct Field {
        var start: Int
        var end: Int
        var escaped: Bool
        var quoted: Bool
        var line: Int
        /// Byte offset of the start of the field's line (for the column).
        var lineStart: Int
    }

    /// A CSV syntax problem and where it is.
    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// The fields of the current record.
    private(set) var fields: [Field] = []
    /// The line the current record starts on.
    private(set) var recordLine = 1
    private(set) var problems: [Problem] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3; lineStart = 3 }
        fields.reserveCapacity(32)
    }

    /// Where the reader is: the next record starts at `offset`, on `line`.
    struct Position: Sendable, Equatable {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    var position: Position { Position(offset: i, line: line, lineStart: lineStart) }

    /// A reader that goes on from `position` (of a reader over the same bytes).
    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Position) {
        self.bytes = bytes
        i = position.offset
        line = position.line
        lineStart = position.lineStart
        fields.reserveCapacity(32)
    }

    /// Where to cut the rest of the file into pieces of about `size` bytes, each starting at
    /// a record (the reader's own position first): found by reading the records as ``next()``
    /// does, without keeping their fields.
    func cuts(every size: Int) -> [Position] {
        var reader = self
        reader.fields = []
        var cuts = [reader.position]
        var next = reader.i + size
        while reader.i < bytes.count {
            reader.readRecord(keeping: false)
            if reader.i >= next && reader.i < bytes.count {
                cuts.append(reader.position)
                next = reader.i + size
            }
        }
        return cuts
    }

    /// The text of a field (doubled quotes undone).
    func text(_ field: Field) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.escaped else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = 0
        while k < slice.count {
            out.append(slice[k])
            if slice[k] == 0x22, k + 1 < slice.count, slice[k + 1] == 0x22 { k += 2 } else { k += 1 }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the field's text (doubled quotes undone) to `out` as ``text(_:)`` gives it:
    /// bytes that are not UTF-8 become U+FFFD as in a `String`. Returns its range in `out`.
    func append(_ field: Field, to out: inout [UInt8]) -> Range<Int> {
        let start = out.count
        let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        if !field.escaped {
            out.append(contentsOf: slice)
        } else {
            var k = 0
            while k < slice.count {
                out.append(slice[k])
                if slice[k] == 0x22, k + 1 < slice.count, slice[k + 1] == 0x22 { k += 2 } else { k += 1 }
            }
        }
        if !ImportText.isASCII(out, start..<out.count) {
            let text = ImportText.string(out, start..<out.count)
            out.removeSubrange(start...)
            out.append(contentsOf: text.utf8)
        }
        return start..<out.count
    }

    /// True when the field is empty or only spaces and tabs.
    func isBlank(_ field: Field) -> Bool {
        var k = field.start
        while k < field.end {
            let b = bytes[k]
            if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return false }
            k += 1
        }
        return true
    }

    /// The field's column in characters (1-based), counted on its line.
    func column(_ field: Field) -> Int { column(offset: field.start - (field.quoted ? 1 : 0), lineStart: field.lineStart) }

    private func column(offset: Int, lineStart: Int) -> Int {
        var n = 1
        var k = lineStart
        while k < offset {
            if bytes[k] & 0xC0 != 0x80 { n += 1 }
            k += 1
        }
        return n
    }

    /// Reads the next non-blank record into ``fields``; false at the end, or when the next
    /// record starts at or after `end`.
    mutating func next(before end: Int = .max) -> Bool {
        while true {
            fields.removeAll(keepingCapacity: true)
            guard i < bytes.count, i < end else { return false }
            recordLine = line
            readRecord(keeping: true)
            if fields.count == 1 && fields[0].start == fields[0].end { continue }
            return true
        }
    }

    private mutating func newLine(after k: Int) {
        line += 1
        lineStart = k
    }

    /// Reads a record; `keeping`: its fields go into ``fields`` and its problems into ``problems``.
    private mutating func readRecord(keeping: Bool) {
        let n = bytes.count
        while true {
            let fieldLine = line, fieldLineStart = lineStart
            if i < n, bytes[i] == 0x22 {
                let quoteAt = i
                i += 1
                let start = i
                var escaped = false
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == 0x22 {
                        if i + 1 < n, bytes[i + 1] == 0x22 { escaped = true; i += 2; continue }
                        closed = true
                        break
                    }
                    if b == 0x0A { newLine(after: i + 1) } else if b == 0x0D, i + 1 < n, bytes[i + 1] != 0x0A { newLine(after: i + 1) } else if b == 0x0D, i + 1 >= n { newLine(after: i + 1) }
                    i += 1
                }
                let end = i
                if closed { i += 1 } else if keeping {
                    problems.append(Problem(line: fieldLine, column: column(offset: quoteAt, lineStart: fieldLineStart),
                                            message: "a quoted field is never closed (a \" is missing)"))
                }
                if keeping { fields.append(Field(start: start, end: end, escaped: escaped, quoted: true, line: fieldLine, lineStart: fieldLineStart)) }
                if i < n, bytes[i] != 0x2C, bytes[i] != 0x0A, bytes[i] != 0x0D {
                    if keeping { problems.append(Problem(line: line, column: column(offset: i, lineStart: lineStart),
                                            message: "unexpected text after a closing quote; double a \" inside a quoted field")) }
                    while i < n, bytes[i] != 0x2C, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                }
            } else {
                let start = i
                while i < n {
                    let b = bytes[i]
                    if b == 0x2C || b == 0x0A || b == 0x0D { break }
                    if b == 0x22 && keeping {
                        problems.append(Problem(line: line, column: column(offset: i, lineStart: lineStart),
                                                message: "a \" inside an unquoted field; quote the whole field and double the \""))
                    }
                    i += 1
                }
                if keeping { fields.append(Field(start: start, end: i, escaped: false, quoted: false, line: fieldLine, lineStart: fieldLineStart)) }
            }
            if i < n, bytes[i] == 0x2C {
                i += 1
                if i == n && keeping { fields.append(Field(start: i, end: i, escaped: false, quoted: false, line: line, lineStart: lineStart)) }
                continue
            }
            // End of the record.
            if i < n {
                if bytes[i] == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 2 } else { i += 1 }
                newLine(after: i)
            }
            return
        }
    }
}
