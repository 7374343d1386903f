#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one record form every syntax is read into: a tree of mappings, lists and scalars in a
/// flat node arena, each node with its text range and a position mark.
///
/// The JSON reader fills a tree one record at a time over the mapped file bytes (and resets
/// it between records), the YAML reader fills one over libyaml's events (the top level, then
/// each record);
/// the validator reads both through the same calls (``RecordReader``), so a rule and its
/// message exist once whatever the syntax.
final class RecordTree {
    enum Kind: UInt8 {
        case mapping, list
        /// A quoted string (JSON string, YAML quoted or block scalar).
        case string
        /// An unquoted scalar: a JSON number or `true`/`false`, a YAML plain scalar.
        case plain
        /// JSON `null`; YAML `~`, `null` or an empty plain scalar.
        case null
    }

    struct Node {
        var kind: Kind
        /// JSON string with backslash escapes (decoded by ``text(_:)``).
        var escaped: Bool
        /// Text bytes `start..<end` in ``base`` (scalars only).
        var start: Int
        var end: Int
        /// Position: a byte offset (JSON) or a packed line and column (YAML); see ``locator``.
        var mark: Int
        /// First child of a container (mappings: key, value, key, value …), -1 when empty.
        var first: Int32
        /// Next sibling, -1 at the end.
        var next: Int32
        /// Children (mappings: entries).
        var count: Int32
    }

    /// A mapping entry: the key's text and node, and the value's node.
    struct Entry {
        let key: String
        let keyNode: Int32
        let value: Int32
    }

    // Not checked at run time: a tree belongs to one reader on one thread, and every access is
    // a short read or write of one element (the checks cost 5 % of a load).
    @exclusivity(unchecked) private(set) var nodes: [Node] = []
    /// The bytes scalar ranges point into (the mapped file, or the YAML reader's own buffer).
    private(set) var base: UnsafePointer<UInt8>
    /// Keeps ``base`` alive.
    private var owner: AnyObject?
    let locator: Locator

    init(base: UnsafePointer<UInt8>, owner: AnyObject?, locator: Locator) {
        self.base = base
        self.owner = owner
        self.locator = locator
        nodes.reserveCapacity(64)
    }

    var file: String { locator.file }

    @inline(__always) func append(_ node: Node) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    @inline(__always) func update(_ i: Int32, _ body: (inout Node) -> Void) { body(&nodes[Int(i)]) }

    func reset() { nodes.removeAll(keepingCapacity: true) }

    /// Points the scalar ranges at another buffer (the YAML reader's, once it is complete).
    func rebase(_ base: UnsafePointer<UInt8>, owner: AnyObject) {
        self.base = base
        self.owner = owner
    }

    @inline(__always) subscript(_ i: Int32) -> Node { nodes[Int(i)] }

    @inline(__always) func kind(_ i: Int32) -> Kind { nodes[Int(i)].kind }

    @inline(__always) func isNull(_ i: Int32) -> Bool { nodes[Int(i)].kind == .null }

    /// The words diagnostics use for a node's type.
    func typeName(_ i: Int32) -> String {
        switch nodes[Int(i)].kind {
        case .mapping: "a mapping"
        case .list: "a list"
        case .null: "nothing"
        case .string, .plain: "a value"
        }
    }

    /// The children of a list (or the keys and values of a mapping, alternating), followed
    /// along their links (no array is made).
    func children(_ i: Int32) -> Children { Children(tree: self, first: nodes[Int(i)].first) }

    struct Children: Sequence, IteratorProtocol {
        let tree: RecordTree
        var first: Int32

        mutating func next() -> Int32? {
            guard first >= 0 else { return nil }
            defer { first = tree.nodes[Int(first)].next }
            return first
        }
    }

    /// The entries of a mapping in written order (keys as text; duplicates kept).
    func entries(_ i: Int32) -> [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(Int(nodes[Int(i)].count))
        var k = nodes[Int(i)].first
        while k >= 0 {
            let v = nodes[Int(k)].next
            result.append(Entry(key: text(k), keyNode: k, value: v))
            k = nodes[Int(v)].next
        }
        return result
    }

    /// The text of a scalar as written (strings decoded); empty for containers.
    func text(_ i: Int32) -> String {
        let node = nodes[Int(i)]
        let raw = UnsafeBufferPointer(start: base + node.start, count: node.end - node.start)
        return node.escaped ? JSONText.decode(raw) : String(decoding: raw, as: UTF8.self)
    }

    /// Calls `body` with the raw bytes of an unescaped scalar; nil for containers, nulls and
    /// escaped strings.
    @inline(__always) func withScalarBytes<R>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R?) -> R? {
        let node = nodes[Int(i)]
        guard node.kind == .string || node.kind == .plain, !node.escaped else { return nil }
        return body(UnsafeBufferPointer(start: base + node.start, count: node.end - node.start))
    }

    /// Whether two scalar nodes have the same raw bytes (callers compare lengths first).
    @inline(__always) func sameBytes(_ a: Int32, _ b: Int32) -> Bool {
        let x = nodes[Int(a)], y = nodes[Int(b)]
        return x.end - x.start == y.end - y.start && memcmpEqual(base + x.start, base + y.start, x.end - x.start)
    }

    /// Calls `body` with the raw bytes of a scalar as written (escapes not decoded).
    @inline(__always) func withRawBytes<R>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let node = nodes[Int(i)]
        return body(UnsafeBufferPointer(start: base + node.start, count: node.end - node.start))
    }

    /// `FILE:LINE:COLUMN` of a node.
    func location(_ i: Int32) -> SourceLocation { locator.location(nodes[Int(i)].mark) }

    /// The packed position of a node (see ``PackedLocation``).
    func packed(_ i: Int32) -> PackedLocation { locator.packed(nodes[Int(i)].mark) }
}

/// Turns the marks of one document's nodes into lines and columns (columns count Unicode
/// scalars, as libyaml does).
final class Locator {
    let file: String
    /// The index of the file in the load (for ``PackedLocation``).
    let fileIndex: Int
    private let bytes: UnsafeBufferPointer<UInt8>?
    private var lineStarts: [Int]?
    /// Monotonic cursor: the line of `cursorOffset` (records are read front to back).
    @exclusivity(unchecked) private var cursorOffset = 0
    @exclusivity(unchecked) private var cursorLine = 1
    @exclusivity(unchecked) private var cursorColumn = 1
    @exclusivity(unchecked) private var cursorLineStart = 0

    /// The Unicode scalars in `base[from..<to]` (bytes that do not continue a UTF-8 sequence),
    /// counted eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
    @inline(__always) static func scalars(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var n = 0, i = from
        while i + 8 <= to {
            n += 8 - ByteWord.continuations(ByteWord.load(base + i)).nonzeroBitCount
            i += 8
        }
        while i < to {
            if base[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    /// A locator of byte offsets into `bytes` (JSON).
    init(file: String, fileIndex: Int, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.fileIndex = fileIndex
        self.bytes = bytes
    }

    /// A locator of packed `line << 24 | column` marks (YAML).
    init(file: String, fileIndex: Int) {
        self.file = file
        self.fileIndex = fileIndex
        bytes = nil
    }

    static func yamlMark(line: Int, column: Int) -> Int { line << 24 | min(column, (1 << 24) - 1) }

    func lineAndColumn(_ mark: Int) -> (line: Int, column: Int) {
        guard let bytes else { return (mark >> 24, mark & ((1 << 24) - 1)) }
        let offset = min(max(mark, 0), bytes.count)
        if offset >= cursorOffset {
            // Forward from the cursor: jump from line break to line break (memchr), then count
            // the scalars since the last line start.
            guard let base = bytes.baseAddress else { return (1, 1) }
            var line = cursorLine, column = cursorColumn, lineStart = cursorLineStart
            var i = cursorOffset
            while i < offset, let hit = memchr(base + i, 0x0A, offset - i) {
                line += 1
                column = 1
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                lineStart = i
            }
            column += Self.scalars(base, i, offset)
            cursorOffset = offset; cursorLine = line; cursorColumn = column; cursorLineStart = lineStart
            return (line, column)
        }
        if offset >= cursorLineStart, let base = bytes.baseAddress {
            // Back on the cursor's line (a record's key after its fields).
            return (cursorLine, 1 + Self.scalars(base, cursorLineStart, offset))
        }
        if lineStarts == nil {
            var s = [0]
            for i in 0..<bytes.count where bytes[i] == 0x0A { s.append(i + 1) }
            lineStarts = s
        }
        let s = lineStarts!
        var lo = 0, hi = s.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if s[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, 1 + Self.scalars(bytes.baseAddress!, s[lo], offset))
    }

    func location(_ mark: Int) -> SourceLocation {
        let (line, column) = lineAndColumn(mark)
        return SourceLocation(file: file, line: line, column: column)
    }

    func packed(_ mark: Int) -> PackedLocation {
        let (line, column) = lineAndColumn(mark)
        return PackedLocation(file: fileIndex, line: line, column: column)
    }
}

/// A position in 8 bytes (file index, line, column), for the store's columns.
struct PackedLocation: Hashable, Sendable {
    let raw: UInt64

    init(file: Int, line: Int, column: Int) {
        raw = UInt64(min(file, 0xFFFF)) << 48 | UInt64(min(line, 0x0FFF_FFFF)) << 20 | UInt64(min(column, 0xF_FFFF))
    }

    init(raw: UInt64) { self.raw = raw }

    var file: Int { Int(raw >> 48) }
    var line: Int { Int((raw >> 20) & 0x0FFF_FFFF) }
    var column: Int { Int(raw & 0xF_FFFF) }

    func location(files: [String]) -> SourceLocation {
        SourceLocation(file: files[file], line: line, column: column)
    }
}
