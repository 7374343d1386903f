/// Word-at-a-time hashing of byte strings (ids).
enum ByteHash {
    /// The first up-to-8 bytes as a little-endian word, zero padded.
    @inline(__always)
    static func prefixWord(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        if count >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }
        var w: UInt64 = 0
        for i in 0..<count { w |= UInt64(p[i]) << UInt64(8 * i) }
        return w
    }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= count {
            h = (h ^ UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
            i += 8
        }
        if i < count {
            h = (h ^ prefixWord(p + i, count - i)) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
        }
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }

    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = b.baseAddress else { return hash(UnsafePointer(bitPattern: 1)!, 0) }
        return hash(base, b.count)
    }
}

/// Interned byte strings (ids seen while scanning) with an open-addressing hash table whose
/// slots hold the first eight bytes of the key: ids of up to eight bytes are found with one
/// memory access. Lookups and inserts take raw bytes: no `String` is made per id.
struct SymbolTable {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int32] = [0]
    private struct Slot {
        /// First eight bytes of the key.
        var prefix: UInt64
        /// `length << 48 | tag << 32 | (symbol + 1)`; 0 = empty.
        var meta: UInt64
    }
    private var slots: [Slot]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 1024
        while size < capacity * 3 / 2 { size <<= 1 }
        slots = HugePages.array(repeating: Slot(prefix: 0, meta: 0), count: size)
        mask = size - 1
        bytes.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
    }

    var count: Int { starts.count - 1 }

    /// Where a key's probe ended: its symbol when present, else the empty slot it would take.
    private struct Probe {
        var symbol: Int32?
        var slot: Int
        var prefix: UInt64
        var check: UInt64
    }

    /// Linear probing from the key's hash: compares the stored prefix word and length/hash
    /// check first, the remaining bytes only on a match.
    @inline(__always)
    private func probe(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> Probe {
        let n = key.count
        let p = key.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let h = hash ?? ByteHash.hash(p, n)
        let prefix = ByteHash.prefixWord(p, min(n, 8))
        let check = UInt64(min(n, 0xFFFF)) << 48 | (h >> 48) << 32
        var i = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slotBuffer in
            while true {
                let slot = slotBuffer[i]
                if slot.meta == 0 { return nil }
                if slot.prefix == prefix && slot.meta & 0xFFFF_FFFF_0000_0000 == check {
                    let s = Int(slot.meta & 0xFFFF_FFFF) - 1
                    if n <= 8 { return Int32(s) }
                    let equal = bytes.withUnsafeBufferPointer { byteBuffer in
                        let a = Int(starts[s])
                        return Int(starts[s + 1]) - a == n && memcmpEqual(byteBuffer.baseAddress! + a + 8, p + 8, n - 8)
                    }
                    if equal { return Int32(s) }
                }
                i = (i + 1) & mask
            }
        }
        return Probe(symbol: found, slot: i, prefix: prefix, check: check)
    }

    /// The symbol of `key`, adding it when new; `isNew` tells which. `hash`, when given, is
    /// `ByteHash.hash(key)` (computed ahead, on another thread).
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> (symbol: Int32, isNew: Bool) {
        let probed = probe(key, hash: hash)
        if let found = probed.symbol { return (found, false) }
        let symbol = Int32(count)
        bytes.append(contentsOf: key)
        starts.append(Int32(bytes.count))
        slots[probed.slot] = Slot(prefix: probed.prefix, meta: probed.check | UInt64(symbol + 1))
        if count * 2 > slots.count { grow() }
        return (symbol, true)
    }

    mutating func intern(_ text: String) -> (symbol: Int32, isNew: Bool) {
        var copy = text
        return copy.withUTF8 { intern($0) }
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = HugePages.array(repeating: Slot(prefix: 0, meta: 0), count: size)
        mask = size - 1
        for slot in old where slot.meta != 0 {
            let s = Int(slot.meta & 0xFFFF_FFFF) - 1
            let a = Int(starts[s]), b = Int(starts[s + 1])
            let h = bytes.withUnsafeBufferPointer { ByteHash.hash(UnsafeBufferPointer(rebasing: $0[a..<b])) }
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i].meta != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    /// Loads the slots where keys of these hashes start their probes, all at once, so that the
    /// cache misses overlap instead of coming one probe at a time; returns a value that depends
    /// on the loads (so they are not left out).
    func touch(_ hashes: [UInt64]) -> UInt64 {
        slots.withUnsafeBufferPointer { slotBuffer in
            var sink: UInt64 = 0
            for h in hashes { sink &+= slotBuffer[Int(truncatingIfNeeded: h) & mask].meta }
            return sink
        }
    }

    /// The symbol of `key`, if interned.
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        probe(key).symbol
    }

    /// The symbol of a text, if interned.
    func lookup(_ text: String) -> Int32? {
        var copy = text
        return copy.withUTF8 { lookup($0) }
    }

    /// The UTF-8 bytes of a symbol.
    func bytes(_ symbol: Int32) -> ArraySlice<UInt8> {
        bytes[Int(starts[Int(symbol)])..<Int(starts[Int(symbol) + 1])]
    }

    func string(_ symbol: Int32) -> String {
        String(decoding: bytes[Int(starts[Int(symbol)])..<Int(starts[Int(symbol) + 1])], as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of a symbol, in place (no copy, no `String`).
    func withBytes<R>(_ symbol: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let s = Int(starts[Int(symbol)]), e = Int(starts[Int(symbol) + 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }
}
