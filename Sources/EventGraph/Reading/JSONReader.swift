/// Why a JSON text was rejected: the byte offset and a short reason.
struct JSONSyntaxError: Error {
    let offset: Int
    let reason: String
}

/// A strict RFC 8259 parser over bytes into a ``RecordTree``: the caller parses one value
/// (a record) at a time, reads it and resets the tree, so nothing proportional to the file is
/// allocated.
struct JSONParser {
    let base: UnsafePointer<UInt8>
    let count: Int
    var pos: Int
    let tree: RecordTree

    init(bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0, into tree: RecordTree) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = bytes.count
        pos = position
        self.tree = tree
    }

    @inline(__always) mutating func skipWhitespace() {
        while pos < count {
            let b = base[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { break }
        }
    }

    @inline(__always) func peek() -> UInt8? { pos < count ? base[pos] : nil }

    mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        skipWhitespace()
        guard pos < count, base[pos] == byte else {
            throw JSONSyntaxError(offset: pos, reason: pos < count ? "expected '\(Character(Unicode.Scalar(byte)))'" : "unexpected end of file")
        }
        pos += 1
    }

    /// Parses a string at `pos` (which must be a quote); returns its node.
    mutating func parseString() throws(JSONSyntaxError) -> Int32 {
        let start = pos
        guard pos < count, base[pos] == 0x22 else { throw JSONSyntaxError(offset: pos, reason: "expected a string in quotes") }
        pos += 1
        var escaped = false
        while true {
            // Eight bytes at a time while none is a quote, a backslash, a control or a non-ASCII byte;
            // then straight to the first such byte (the lowest flag of these tests is exact: a
            // borrow can only flag bytes above a true hit).
            while pos + 8 <= count {
                let w = ByteWord.load(base + pos)
                let special = ByteWord.equal(w, 0x22) | ByteWord.equal(w, 0x5C) | ByteWord.below(w, 0x20) | ByteWord.nonASCII(w)
                if special != 0 {
                    pos += ByteWord.first(special)
                    break
                }
                pos += 8
            }
            guard pos < count else { throw JSONSyntaxError(offset: start, reason: "unterminated string") }
            let b = base[pos]
            if b == 0x22 { pos += 1; break }
            if b < 0x20 { throw JSONSyntaxError(offset: pos, reason: "control character in a string (write it as an escape such as \\n)") }
            if b >= 0x80 {
                let length = try JSONText.utf8SequenceLength(base, pos, count)
                pos += length
                continue
            }
            if b == 0x5C {
                escaped = true
                guard pos + 1 < count else { throw JSONSyntaxError(offset: pos, reason: "bad escape") }
                switch base[pos + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: pos += 2
                case 0x75:
                    guard pos + 6 <= count, let v = JSONText.hex4(base + pos + 2) else {
                        throw JSONSyntaxError(offset: pos, reason: "bad \\u escape")
                    }
                    if (0xD800...0xDBFF).contains(v) {
                        // A surrogate pair: a low surrogate must follow.
                        guard pos + 12 <= count, base[pos + 6] == 0x5C, base[pos + 7] == 0x75,
                              let low = JSONText.hex4(base + pos + 8), (0xDC00...0xDFFF).contains(low) else {
                            throw JSONSyntaxError(offset: pos, reason: "unpaired surrogate in \\u escape")
                        }
                        pos += 12
                    } else if (0xDC00...0xDFFF).contains(v) {
                        throw JSONSyntaxError(offset: pos, reason: "unpaired surrogate in \\u escape")
                    } else {
                        pos += 6
                    }
                default: throw JSONSyntaxError(offset: pos, reason: "bad escape")
                }
                continue
            }
            pos += 1
        }
        return tree.append(.init(kind: .string, escaped: escaped, start: start + 1, end: pos - 1, mark: start,
                                 first: -1, next: -1, count: 0))
    }

    /// Skips the object or array at `pos` by its brackets and string quotes alone; the
    /// parse that reads its records later checks everything else.
    mutating func skipContainer() throws(JSONSyntaxError) {
        var none: [Int] = []
        try skipContainer(splittingEvery: 0, at: &none)
    }

    /// Skips the object or array at `pos`, noting in `splits` the offset after every
    /// `every`-th comma between its elements (0: none) — where its elements can be parsed
    /// from independently (``GraphDocument/chunkStarts(of:)``).
    mutating func skipContainer(splittingEvery every: Int, at splits: inout [Int]) throws(JSONSyntaxError) {
        let start = pos
        var depth = 0
        var commas = 0
        while pos < count {
            let b = base[pos]
            switch b {
            case 0x22:
                pos += 1
                while true {
                    while pos + 8 <= count {
                        let w = ByteWord.load(base + pos)
                        let hits = ByteWord.equal(w, 0x22) | ByteWord.equal(w, 0x5C)
                        if hits != 0 {
                            pos += ByteWord.first(hits)
                            break
                        }
                        pos += 8
                    }
                    guard pos < count else { throw JSONSyntaxError(offset: start, reason: "unterminated string") }
                    let c = base[pos]
                    if c == 0x22 { pos += 1; break }
                    pos += c == 0x5C ? 2 : 1
                }
                continue
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D:
                depth -= 1
                if depth == 0 { pos += 1; return }
            case 0x2C where depth == 1 && every > 0:
                commas += 1
                if commas == every {
                    commas = 0
                    splits.append(pos + 1)
                }
            default: break
            }
            pos += 1
        }
        throw JSONSyntaxError(offset: start, reason: "unexpected end of file: a bracket is not closed")
    }

    /// Parses any value at `pos` (after white space); returns its node.
    mutating func parseValue(depth: Int = 0) throws(JSONSyntaxError) -> Int32 {
        skipWhitespace()
        guard pos < count else { throw JSONSyntaxError(offset: pos, reason: "unexpected end of file") }
        guard depth < 200 else { throw JSONSyntaxError(offset: pos, reason: "nesting deeper than 200 levels") }
        let b = base[pos]
        switch b {
        case 0x22:
            return try parseString()
        case 0x7B, 0x5B:
            let isObject = b == 0x7B
            let start = pos
            pos += 1
            let me = tree.append(.init(kind: isObject ? .mapping : .list, escaped: false, start: start, end: start,
                                       mark: start, first: -1, next: -1, count: 0))
            var last: Int32 = -1
            var n: Int32 = 0
            skipWhitespace()
            let close: UInt8 = isObject ? 0x7D : 0x5D
            if pos < count && base[pos] == close {
                pos += 1
                return me
            }
            while true {
                skipWhitespace()
                if isObject {
                    let key = try parseString()
                    if last >= 0 { tree.update(last) { $0.next = key } } else { tree.update(me) { $0.first = key } }
                    try expect(0x3A)
                    let value = try parseValue(depth: depth + 1)
                    tree.update(key) { $0.next = value }
                    last = value
                } else {
                    let value = try parseValue(depth: depth + 1)
                    if last >= 0 { tree.update(last) { $0.next = value } } else { tree.update(me) { $0.first = value } }
                    last = value
                }
                n += 1
                skipWhitespace()
                guard pos < count else { throw JSONSyntaxError(offset: pos, reason: "unexpected end of file") }
                if base[pos] == 0x2C { pos += 1; continue }
                if base[pos] == close { pos += 1; break }
                throw JSONSyntaxError(offset: pos, reason: isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
            tree.update(me) { $0.count = n }
            return me
        case 0x74, 0x66, 0x6E:
            let word: StaticString = b == 0x74 ? "true" : b == 0x66 ? "false" : "null"
            let n = word.utf8CodeUnitCount
            guard pos + n <= count, (0..<n).allSatisfy({ base[pos + $0] == word.utf8Start[$0] }) else {
                throw JSONSyntaxError(offset: pos, reason: "unexpected word (JSON has true, false and null; strings need quotes)")
            }
            let start = pos
            pos += n
            return tree.append(.init(kind: b == 0x6E ? .null : .plain, escaped: false, start: start, end: pos, mark: start,
                                     first: -1, next: -1, count: 0))
        case 0x2D, 0x30...0x39:
            let start = pos
            func digits() throws(JSONSyntaxError) {
                guard pos < count, (0x30...0x39).contains(base[pos]) else { throw JSONSyntaxError(offset: pos, reason: "bad number") }
                while pos < count, (0x30...0x39).contains(base[pos]) { pos += 1 }
            }
            if base[pos] == 0x2D { pos += 1 }
            if pos < count, base[pos] == 0x30 { pos += 1 } else { try digits() }
            if pos < count, base[pos] == 0x2E { pos += 1; try digits() }
            if pos < count, base[pos] == 0x65 || base[pos] == 0x45 {
                pos += 1
                if pos < count, base[pos] == 0x2B || base[pos] == 0x2D { pos += 1 }
                try digits()
            }
            return tree.append(.init(kind: .plain, escaped: false, start: start, end: pos, mark: start,
                                     first: -1, next: -1, count: 0))
        default:
            throw JSONSyntaxError(offset: pos, reason: "unexpected character '\(Character(Unicode.Scalar(b)))'")
        }
    }
}

/// Decoding helpers for JSON string text.
enum JSONText {
    static func hex4(_ p: UnsafePointer<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for i in 0..<4 {
            let c = p[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// The length of the valid UTF-8 sequence at `pos`, or a syntax error.
    static func utf8SequenceLength(_ base: UnsafePointer<UInt8>, _ pos: Int, _ count: Int) throws(JSONSyntaxError) -> Int {
        let b = base[pos]
        let length: Int
        var scalar: UInt32
        if b & 0xE0 == 0xC0 { length = 2; scalar = UInt32(b & 0x1F) }
        else if b & 0xF0 == 0xE0 { length = 3; scalar = UInt32(b & 0x0F) }
        else if b & 0xF8 == 0xF0 { length = 4; scalar = UInt32(b & 0x07) }
        else { throw JSONSyntaxError(offset: pos, reason: "the text is not UTF-8") }
        guard pos + length <= count else { throw JSONSyntaxError(offset: pos, reason: "the text is not UTF-8") }
        for j in 1..<length {
            let c = base[pos + j]
            guard c & 0xC0 == 0x80 else { throw JSONSyntaxError(offset: pos, reason: "the text is not UTF-8") }
            scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
            throw JSONSyntaxError(offset: pos, reason: "the text is not UTF-8")
        }
        return length
    }

    /// The content of a string with escapes (already validated by the parser).
    static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = 0
        func flush() {
            if !bytes.isEmpty {
                scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        while i < raw.count {
            let b = raw[i]
            guard b == 0x5C else { bytes.append(b); i += 1; continue }
            let e = raw[i + 1]
            switch e {
            case 0x62: bytes.append(0x08)
            case 0x66: bytes.append(0x0C)
            case 0x6E: bytes.append(0x0A)
            case 0x72: bytes.append(0x0D)
            case 0x74: bytes.append(0x09)
            case 0x75:
                var v = hex4(raw.baseAddress! + i + 2)!
                i += 6
                if (0xD800...0xDBFF).contains(v), let low = hex4(raw.baseAddress! + i + 2) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                flush()
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                continue
            default: bytes.append(e)
            }
            i += 2
        }
        flush()
        return String(scalars)
    }
}
