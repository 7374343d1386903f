/// Reading the fields of a record by comparing key bytes, without a `String` or an array per
/// record: the hot path of a large load (an event and its evidence items). The rules and
/// messages are those of ``RecordReader/entries(_:what:)`` and ``RecordReader/fields(_:what:allowed:)``.
extension RecordReader {
    /// The entries of a mapping: its own children when its keys are few, plain and distinct
    /// (nothing to report), else the checked copy ``entries(_:what:)`` makes (repeats and
    /// non-scalar keys reported and left out).
    enum MappingEntries {
        case clean(first: Int32)
        case checked([Entry])

        /// Calls `body(keyNode, valueNode)` for each entry, in written order.
        @inline(__always) func forEach(_ tree: RecordTree, _ body: (Int32, Int32) -> Void) {
            switch self {
            case var .clean(k):
                while k >= 0 {
                    let v = tree[k].next
                    body(k, v)
                    k = tree[v].next
                }
            case let .checked(entries):
                for entry in entries { body(entry.keyNode, entry.value) }
            }
        }
    }

    /// The entries of a mapping (see ``MappingEntries``); nil (reported) when the node is not a mapping.
    func mappingEntries(_ node: Int32, what: @autoclosure () -> String) -> MappingEntries? {
        let t = tree
        let mapping = t[node]
        if mapping.kind == .mapping, Self.hasFewDistinctKeys(mapping.first, t) {
            return .clean(first: mapping.first)
        }
        return entries(node, what: what()).map { .checked($0) }
    }

    /// True when there are at most 16 keys from `first` on, each an unescaped ASCII scalar (so
    /// that equal text is equal bytes), and no two are the same. (False says nothing: the
    /// caller then checks the keys as text.)
    static func hasFewDistinctKeys(_ first: Int32, _ tree: RecordTree) -> Bool {
        var keys = InlineArray<16, Int32>(repeating: -1)
        var n = 0
        var k = first
        while k >= 0 {
            let key = tree[k]
            guard key.kind == .string || key.kind == .plain, !key.escaped, n < 16,
                  tree.withRawBytes(k, { $0.allSatisfy { $0 < 0x80 } }) else { return false }
            let length = key.end - key.start
            for j in 0..<n {
                let other = tree[keys[j]]
                if other.end - other.start == length && tree.sameBytes(k, keys[j]) { return false }
            }
            keys[n] = k
            n += 1
            k = tree[key.next].next
        }
        return true
    }

    /// The key nodes of a record's fields, indexed like a ``FieldNames`` table (-1: absent).
    struct FieldSlots {
        var keys = InlineArray<24, Int32>(repeating: -1)

        /// The entry of field `index`, named `name` (the table's name), if given.
        @inline(__always) func entry(_ index: Int, _ name: String, _ tree: RecordTree) -> Entry? {
            let k = keys[index]
            return k < 0 ? nil : Entry(key: name, keyNode: k, value: tree[k].next)
        }

        @inline(__always) func has(_ index: Int) -> Bool { keys[index] >= 0 }
    }

    /// The fields of a record whose field names are fixed (`names`; at most 24), as
    /// ``fields(_:what:allowed:)`` reads them: unknown fields reported with the allowed ones.
    func fieldSlots(_ node: Int32, what: @autoclosure () -> String, names: FieldNames) -> FieldSlots? {
        guard let entries = mappingEntries(node, what: what()) else { return nil }
        var slots = FieldSlots()
        let t = tree
        entries.forEach(t) { k, _ in
            if let i = names.index(of: k, in: t) {
                slots.keys[i] = k
            } else {
                reportUnknownField(k, what: what(), allowed: names.names)
            }
        }
        return slots
    }

    /// The one message for a field a record may not have.
    func reportUnknownField(_ keyNode: Int32, what: String, allowed: [String]) {
        error(keyNode, "unknown field '\(tree.text(keyNode))' in \(what); allowed: \(allowed.joined(separator: ", "))")
    }

    /// Whether a node is a scalar (reported when it is a mapping or a list; null is silently
    /// not one) — the type rule of ``string(_:what:)``.
    @inline(__always) func isScalar(_ node: Int32, what: @autoclosure () -> String) -> Bool {
        switch tree.kind(node) {
        case .null: return false
        case .mapping, .list:
            error(node, "\(what()) must be a single value, found \(typeName(node))")
            return false
        case .string, .plain: return true
        }
    }
}

/// A fixed list of field names (an event's fields, an evidence item's, a kind's roles) found
/// by the bytes of a key: length and first eight bytes compared first.
struct FieldNames: Sendable {
    let names: [String]
    private let lengths: [Int]
    private let prefixes: [UInt64]
    private let bytes: [[UInt8]]

    init(_ names: [String]) {
        self.names = names
        lengths = names.map(\.utf8.count)
        bytes = names.map { Array($0.utf8) }
        prefixes = bytes.map { b in b.withUnsafeBufferPointer { ByteHash.prefixWord($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, min($0.count, 8)) } }
    }

    var count: Int { names.count }

    /// The index of the name a scalar key node spells: plain ASCII keys compared as bytes,
    /// others (escapes, non-ASCII, which may be canonically equal to a name) as text.
    func index(of keyNode: Int32, in tree: RecordTree) -> Int? {
        let node = tree[keyNode]
        guard node.kind == .string || node.kind == .plain else { return nil }
        let n = node.end - node.start
        let p = tree.base + node.start
        if node.escaped || !UnsafeBufferPointer(start: p, count: n).allSatisfy({ $0 < 0x80 }) {
            return names.firstIndex(of: tree.text(keyNode))
        }
        let prefix = ByteHash.prefixWord(p, min(n, 8))
        for i in 0..<lengths.count where lengths[i] == n && prefixes[i] == prefix {
            if n <= 8 { return i }
            let equal = bytes[i].withUnsafeBufferPointer { memcmpEqual($0.baseAddress! + 8, p + 8, n - 8) }
            if equal { return i }
        }
        return nil
    }
}
