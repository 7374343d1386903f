/// The keys of the open YAML mappings (innermost last), for finding keys given twice the way
/// Yams' composer did (which ``YAMLEventReader`` replaces, keeping its messages): keys are equal
/// when their text is (as Swift strings: canonically equivalent) and their resolved tags are;
/// a repeat is reported when the mapping ends, naming every repeated key in text order at the
/// first place the first of them is written.
///
/// The keys of all open mappings share one array (a mapping's keys are all read before its
/// parent's next key), so a record's mappings allocate nothing; a mapping of more keys than
/// ``scanLimit`` moves its keys into a hash table.
struct YAMLMappingKeys {
    /// A key's identity. Plain and quoted scalars resolve to the same tag (`str`; no implicit
    /// tags are resolved), so `a` and `"a"` are the same key; `tag` is nil for `str`.
    enum Key: Hashable {
        case scalar(String, tag: String?)
        indirect case mapping([Key], tag: String?)
        indirect case list([Key], tag: String?)
        /// A key that equals no other (an alias whose node was not kept: the document is
        /// already refused for its size).
        case unique(Int)

        var name: String {
            if case let .scalar(text, _) = self { return text }
            return "<uncovertable>"
        }
    }

    /// Mappings of up to this many keys are searched by scanning, larger ones by hashing.
    private static let scanLimit = 16

    private typealias Table = [Key: (mark: Int, repeated: Bool)]

    /// The keys of the open mappings that have at most ``scanLimit``, in order.
    private var keys: [(key: Key, mark: Int)] = []
    /// Per open mapping: where its keys start in ``keys``, or (negative) `-1 - i` for
    /// ``tables``[i].
    private var starts: [Int] = []
    private var tables: [Table] = []

    /// A mapping starts.
    mutating func open() {
        starts.append(keys.count)
    }

    /// A key of the innermost open mapping.
    mutating func add(_ key: Key, mark: Int) {
        let start = starts[starts.count - 1]
        if start < 0 {
            Self.insert(key, mark: mark, into: &tables[tables.count - 1])
            return
        }
        keys.append((key, mark))
        if keys.count - start > Self.scanLimit {
            var table: Table = [:]
            table.reserveCapacity(64)
            for (key, mark) in keys[start...] { Self.insert(key, mark: mark, into: &table) }
            keys.removeSubrange(start...)
            tables.append(table)
            starts[starts.count - 1] = -tables.count
        }
    }

    private static func insert(_ key: Key, mark: Int, into table: inout Table) {
        if let i = table.index(forKey: key) { table.values[i].repeated = true } else { table[key] = (mark, false) }
    }

    /// The innermost mapping ends: its repeated keys (scalars by text, then other keys by
    /// place) and where the first of them is first written; nil when every key is given once.
    mutating func close() -> (names: [String], mark: Int)? {
        let start = starts.removeLast()
        var found: [(key: Key, mark: Int)] = []
        if start < 0 {
            for (key, entry) in tables.removeLast() where entry.repeated { found.append((key, entry.mark)) }
        } else {
            defer { keys.removeSubrange(start...) }
            let end = keys.count
            guard end - start > 1 else { return nil }
            for i in start..<end where !found.contains(where: { $0.key == keys[i].key }) {
                if keys[(i + 1)..<end].contains(where: { $0.key == keys[i].key }) { found.append(keys[i]) }
            }
        }
        guard !found.isEmpty else { return nil }
        found.sort { a, b in
            switch (a.key, b.key) {
            case let (.scalar(x, _), .scalar(y, _)): x < y || (x == y && a.mark < b.mark)
            case (.scalar, _): true
            case (_, .scalar): false
            default: a.mark < b.mark
            }
        }
        return (found.map(\.key.name), found[0].mark)
    }
}
