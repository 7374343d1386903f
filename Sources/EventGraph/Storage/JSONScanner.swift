#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory mapping of a whole file (unmapped on deinit).
final class MappedFile: @unchecked Sendable {
    let path: String
    let base: UnsafePointer<UInt8>?
    let count: Int

    /// Maps `path`; nil when it cannot be opened or mapped.
    init?(path: String) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        count = Int(info.st_size)
        if count == 0 {
            base = nil
            return
        }
        guard let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        _ = madvise(pointer, count, Int32(MADV_SEQUENTIAL))
        base = UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self))
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Lets the kernel drop the pages before `offset` from memory (they are read back from the
    /// file if touched again): keeps the resident size of a streaming scan small.
    func release(before offset: Int) {
        guard let base, offset - released >= 16 << 20 else { return }
        let end = (offset / Self.pageSize) * Self.pageSize
        _ = madvise(UnsafeMutableRawPointer(mutating: base) + released, end - released, Int32(MADV_DONTNEED))
        released = end
    }
}

/// One JSON value in a ``JSONScanner``'s arena. Strings keep their byte range (quotes
/// included); objects hold key, value, key, value … as children.
struct JNode {
    enum Kind: UInt8 { case object, array, string, number, literalTrue, literalFalse, null }
    var kind: Kind
    /// The string has escapes (decode before use).
    var escaped: Bool
    /// Byte offset of the first byte (the quote, bracket or digit).
    var start: Int
    /// Byte offset just past the last byte.
    var end: Int
    /// First child (containers), -1 when empty.
    var first: Int32
    /// Next sibling, -1 at the end.
    var next: Int32
    /// Number of children (objects: number of pairs).
    var count: Int32
}

/// The growable node storage of a scanner: plain memory, no uniqueness or bounds checks on
/// the hot path (records are parsed and read one at a time, then the arena is reset).
final class NodeArena: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<JNode>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func append(_ node: JNode) -> Int32 {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
        return Int32(count - 1)
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<JNode>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    @inline(__always) func reset() { count = 0 }
}

/// Why the scanner gave up: anything but strict RFC 8259 JSON it fully understands (the
/// loader then falls back to the YAML loader, which reports the exact error).
struct JSONSyntaxError: Error {
    let offset: Int
    let reason: String
}

/// A strict JSON parser over mapped bytes into a reusable node arena: the caller parses one
/// record at a time, reads it, and resets the arena, so nothing of size proportional to the
/// file is allocated.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    var pos: Int
    let arena = NodeArena()

    init(bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        // An empty file still needs a valid pointer.
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = bytes.count
        pos = position
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
            throw JSONSyntaxError(offset: pos, reason: "expected '\(Character(Unicode.Scalar(byte)))'")
        }
        pos += 1
    }

    /// Parses a string at `pos` (which must be a quote) into a node; returns its index.
    mutating func parseString() throws(JSONSyntaxError) -> Int32 {
        let start = pos
        guard pos < count, base[pos] == 0x22 else { throw JSONSyntaxError(offset: pos, reason: "expected a string") }
        pos += 1
        var escaped = false
        while true {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while pos + 8 <= count {
                let w = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let q = w ^ 0x2222_2222_2222_2222, b = w ^ 0x5C5C_5C5C_5C5C_5C5C
                let special = ((q &- ones) & ~q) | ((b &- ones) & ~b) | ((w &- 0x2020_2020_2020_2020) & ~w) | w
                if special & highs != 0 { break }
                pos += 8
            }
            guard pos < count else { throw JSONSyntaxError(offset: start, reason: "unterminated string") }
            let b = base[pos]
            if b == 0x22 { pos += 1; break }
            if b < 0x20 { throw JSONSyntaxError(offset: pos, reason: "control character in string") }
            if b >= 0x80 {
                // Validate one UTF-8 sequence (JSON text outside strings is ASCII).
                let length: Int
                var scalar: UInt32
                if b & 0xE0 == 0xC0 { length = 2; scalar = UInt32(b & 0x1F) }
                else if b & 0xF0 == 0xE0 { length = 3; scalar = UInt32(b & 0x0F) }
                else if b & 0xF8 == 0xF0 { length = 4; scalar = UInt32(b & 0x07) }
                else { throw JSONSyntaxError(offset: pos, reason: "not UTF-8") }
                guard pos + length <= count else { throw JSONSyntaxError(offset: pos, reason: "not UTF-8") }
                for j in 1..<length {
                    let c = base[pos + j]
                    guard c & 0xC0 == 0x80 else { throw JSONSyntaxError(offset: pos, reason: "not UTF-8") }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    throw JSONSyntaxError(offset: pos, reason: "not UTF-8")
                }
                pos += length
                continue
            }
            if b == 0x5C {
                escaped = true
                guard pos + 1 < count else { throw JSONSyntaxError(offset: pos, reason: "bad escape") }
                let e = base[pos + 1]
                switch e {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: pos += 2
                case 0x75:
                    guard pos + 6 <= count, let v = Self.hex4(base + pos + 2) else {
                        throw JSONSyntaxError(offset: pos, reason: "bad \\u escape")
                    }
                    // Surrogates and NUL: leave these to the YAML loader.
                    if (0xD800...0xDFFF).contains(v) || v == 0 { throw JSONSyntaxError(offset: pos, reason: "unsupported \\u escape") }
                    pos += 6
                default: throw JSONSyntaxError(offset: pos, reason: "bad escape")
                }
                continue
            }
            pos += 1
        }
        return arena.append(JNode(kind: .string, escaped: escaped, start: start, end: pos, first: -1, next: -1, count: 0))
    }

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

    /// Parses any value at `pos` (after white space); returns its node index.
    mutating func parseValue(depth: Int = 0) throws(JSONSyntaxError) -> Int32 {
        skipWhitespace()
        guard pos < count else { throw JSONSyntaxError(offset: pos, reason: "unexpected end of file") }
        guard depth < 200 else { throw JSONSyntaxError(offset: pos, reason: "nesting too deep") }
        let b = base[pos]
        switch b {
        case 0x22:
            return try parseString()
        case 0x7B, 0x5B:
            let isObject = b == 0x7B
            let start = pos
            pos += 1
            let me = arena.append(JNode(kind: isObject ? .object : .array, escaped: false, start: start, end: start,
                                        first: -1, next: -1, count: 0))
            var last: Int32 = -1
            var n: Int32 = 0
            skipWhitespace()
            let close: UInt8 = isObject ? 0x7D : 0x5D
            if pos < count && base[pos] == close {
                pos += 1
                arena.base[Int(me)].end = pos
                return me
            }
            while true {
                skipWhitespace()
                if isObject {
                    let key = try parseString()
                    if last >= 0 { arena.base[Int(last)].next = key } else { arena.base[Int(me)].first = key }
                    try expect(0x3A)
                    let value = try parseValue(depth: depth + 1)
                    arena.base[Int(key)].next = value
                    last = value
                } else {
                    let value = try parseValue(depth: depth + 1)
                    if last >= 0 { arena.base[Int(last)].next = value } else { arena.base[Int(me)].first = value }
                    last = value
                }
                n += 1
                skipWhitespace()
                guard pos < count else { throw JSONSyntaxError(offset: pos, reason: "unexpected end of file") }
                if base[pos] == 0x2C { pos += 1; continue }
                if base[pos] == close { pos += 1; break }
                throw JSONSyntaxError(offset: pos, reason: "expected ',' or a closing bracket")
            }
            arena.base[Int(me)].count = n
            arena.base[Int(me)].end = pos
            return me
        case 0x74, 0x66, 0x6E:
            let (word, kind): ([UInt8], JNode.Kind) = b == 0x74 ? (Array("true".utf8), .literalTrue)
                : b == 0x66 ? (Array("false".utf8), .literalFalse) : (Array("null".utf8), .null)
            guard pos + word.count <= count, (0..<word.count).allSatisfy({ base[pos + $0] == word[$0] }) else {
                throw JSONSyntaxError(offset: pos, reason: "unexpected word")
            }
            let start = pos
            pos += word.count
            return arena.append(JNode(kind: kind, escaped: false, start: start, end: pos, first: -1, next: -1, count: 0))
        case 0x2D, 0x30...0x39:
            let start = pos
            if base[pos] == 0x2D { pos += 1 }
            guard pos < count, (0x30...0x39).contains(base[pos]) else { throw JSONSyntaxError(offset: pos, reason: "bad number") }
            if base[pos] == 0x30 { pos += 1 } else { while pos < count, (0x30...0x39).contains(base[pos]) { pos += 1 } }
            if pos < count, base[pos] == 0x2E {
                pos += 1
                guard pos < count, (0x30...0x39).contains(base[pos]) else { throw JSONSyntaxError(offset: pos, reason: "bad number") }
                while pos < count, (0x30...0x39).contains(base[pos]) { pos += 1 }
            }
            if pos < count, base[pos] == 0x65 || base[pos] == 0x45 {
                pos += 1
                if pos < count, base[pos] == 0x2B || base[pos] == 0x2D { pos += 1 }
                guard pos < count, (0x30...0x39).contains(base[pos]) else { throw JSONSyntaxError(offset: pos, reason: "bad number") }
                while pos < count, (0x30...0x39).contains(base[pos]) { pos += 1 }
            }
            return arena.append(JNode(kind: .number, escaped: false, start: start, end: pos, first: -1, next: -1, count: 0))
        default:
            throw JSONSyntaxError(offset: pos, reason: "unexpected character")
        }
    }

    // MARK: Reading nodes

    @inline(__always) subscript(_ i: Int32) -> JNode { arena.base[Int(i)] }

    /// The children of a container.
    func children(_ i: Int32) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(Int(arena.base[Int(i)].count) * (arena.base[Int(i)].kind == .object ? 2 : 1))
        var c = arena.base[Int(i)].first
        while c >= 0 {
            result.append(c)
            c = arena.base[Int(c)].next
        }
        return result
    }

    /// The raw bytes of a string's content (between the quotes; escapes not decoded).
    @inline(__always) func rawContent(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
        let node = arena.base[Int(i)]
        return UnsafeBufferPointer(start: base + node.start + 1, count: node.end - node.start - 2)
    }

    /// The text of a scalar as YAML reads it: a string's decoded content, a number or literal as
    /// written.
    func text(_ i: Int32) -> String {
        let node = arena.base[Int(i)]
        switch node.kind {
        case .string:
            if !node.escaped { return String(decoding: rawContent(i), as: UTF8.self) }
            return decode(rawContent(i))
        default:
            return String(decoding: UnsafeBufferPointer(start: base + node.start, count: node.end - node.start), as: UTF8.self)
        }
    }

    private func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = 0
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
                let v = Self.hex4(raw.baseAddress! + i + 2)!
                bytes.append(contentsOf: Array(String(Character(Unicode.Scalar(v)!)).utf8))
                i += 6
                continue
            default: bytes.append(e)
            }
            i += 2
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the key string equals `name` (ASCII, no escapes).
    @inline(__always) func keyIs(_ i: Int32, _ name: StaticString) -> Bool {
        let node = arena.base[Int(i)]
        let n = name.utf8CodeUnitCount
        guard !node.escaped, node.end - node.start - 2 == n else { return false }
        let p = name.utf8Start
        for j in 0..<n where base[node.start + 1 + j] != p[j] { return false }
        return true
    }

    /// True when two string nodes have the same decoded content.
    func sameString(_ a: Int32, _ b: Int32) -> Bool {
        let x = arena.base[Int(a)], y = arena.base[Int(b)]
        if !x.escaped && !y.escaped {
            let n = x.end - x.start
            guard n == y.end - y.start else { return false }
            return memcmpEqual(base + x.start, base + y.start, n)
        }
        return text(a) == text(b)
    }

    /// `null` (YAML's plain null; quoted "null" is a string).
    @inline(__always) func isNull(_ i: Int32) -> Bool { arena.base[Int(i)].kind == .null }

    @inline(__always) func isScalar(_ i: Int32) -> Bool {
        let k = arena.base[Int(i)].kind
        return k != .object && k != .array
    }

    /// The words NodeReader uses for a node's type.
    func typeName(_ i: Int32) -> String {
        switch arena.base[Int(i)].kind {
        case .object: "a mapping"
        case .array: "a list"
        case .null: "nothing"
        default: "a value"
        }
    }
}

/// Line starts of one file, built on first use, for `LINE:COLUMN` of byte offsets (columns
/// count Unicode scalars, as libyaml does).
final class LineIndex: @unchecked Sendable {
    private let file: MappedFile
    private var starts: [Int]?

    init(file: MappedFile) { self.file = file }

    func location(of offset: Int, name: String) -> SourceLocation {
        if starts == nil {
            var s = [0]
            let bytes = file.bytes
            for i in 0..<bytes.count where bytes[i] == 0x0A { s.append(i + 1) }
            starts = s
        }
        let s = starts!
        var lo = 0, hi = s.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if s[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let bytes = file.bytes
        var column = 1
        var i = s[lo]
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: name, line: lo + 1, column: column)
    }
}
