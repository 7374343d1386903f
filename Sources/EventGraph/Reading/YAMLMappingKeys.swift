/// The keys of the open YAML mappings (innermost last), for finding keys given twice the way
/// Yams' composer did (which ``YAMLEventReader`` replaces, keeping its messages): keys are equal
/// when their text is (as Swift strings: canonically equivalent) and their resolved tags are;
/// a repeat is reported when the mapping ends, naming every repeated key in text order at the
/// first place the first of them is written.
///
/// The keys of all open mappings share one array (a mapping's keys are all read before its
/// parent's next key), so a record's mappings allocate nothing; a mapping of more keys than
/// ``scanLimit`` moves its keys into a hash table (``Table``: a record section's mapping has a
/// key per record).
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
            tables[tables.count - 1].insert(key, mark: mark)
            return
        }
        keys.append((key, mark))
        if keys.count - start > Self.scanLimit {
            var table = Table()
            for (key, mark) in keys[start...] { table.insert(key, mark: mark) }
            keys.removeSubrange(start...)
            tables.append(table)
            starts[starts.count - 1] = -tables.count
        }
    }


    /// The innermost mapping ends: its repeated keys (scalars by text, then other keys by
    /// place) and where the first of them is first written; nil when every key is given once.
    mutating func close() -> (names: [String], mark: Int)? {
        let start = starts.removeLast()
        var found: [(key: Key, mark: Int)] = []
        if start < 0 {
            for entry in tables.removeLast().entries where entry.repeated { found.append((entry.key, entry.mark)) }
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

extension YAMLMappingKeys {
    /// The distinct keys of one large mapping (first places, and whether each is repeated), in
    /// an open-addressing table over ``hash(_:)``: cheaper than a `Dictionary` (SipHash) for
    /// the million keys of a record section.
    fileprivate struct Table {
        private(set) var entries: [(key: Key, mark: Int, repeated: Bool)] = []
        private var hashes: [UInt64] = []
        /// Entry index + 1 per slot (0: empty); a power of two, at most half full.
        private var slots = [Int32](repeating: 0, count: 64)

        mutating func insert(_ key: Key, mark: Int) {
            let hash = Self.hash(key)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let entry = Int(slots[slot] - 1)
                if hashes[entry] == hash && entries[entry].key == key {
                    entries[entry].repeated = true
                    return
                }
                slot = (slot + 1) & mask
            }
            entries.append((key, mark, false))
            hashes.append(hash)
            slots[slot] = Int32(entries.count)
            if entries.count * 2 > slots.count { grow() }
        }

        private mutating func grow() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            let mask = slots.count - 1
            for (entry, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(entry + 1)
            }
        }

        /// A hash that equal keys share. Keys are equal when their text is equal as Swift
        /// strings (canonical equivalence): an ASCII text equals only itself and the texts that
        /// differ from it by the three characters canonically equal to an ASCII one (U+037E ';',
        /// U+1FEF '`', U+212A 'K'), so such text is hashed by its bytes with those folded; other
        /// text, tags and non-scalar keys by Swift's hash.
        static func hash(_ key: Key) -> UInt64 {
            guard case let .scalar(text, tag) = key else { return mix(UInt64(bitPattern: Int64(key.hashValue))) }
            let seed = tag.map { UInt64(bitPattern: Int64($0.hashValue)) } ?? 0x9E37_79B9_7F4A_7C15
            var hash = seed
            for byte in text.utf8 {
                guard byte < 0x80 else { return foldedHash(text, seed: seed) }
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            return mix(hash)
        }

        /// ``hash(_:)`` of a text that is not ASCII.
        private static func foldedHash(_ text: String, seed: UInt64) -> UInt64 {
            var hash = seed
            for scalar in text.unicodeScalars {
                let byte: UInt8
                switch scalar.value {
                case 0..<0x80: byte = UInt8(scalar.value)
                case 0x037E: byte = 0x3B
                case 0x1FEF: byte = 0x60
                case 0x212A: byte = 0x4B
                default: return mix(seed ^ UInt64(bitPattern: Int64(text.hashValue)))
                }
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            return mix(hash)
        }

        private static func mix(_ value: UInt64) -> UInt64 {
            var x = value
            x ^= x >> 33
            x &*= 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            return x
        }
    }
}
