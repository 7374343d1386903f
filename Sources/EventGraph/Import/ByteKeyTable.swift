import Foundation

/// Byte strings numbered in the order they are first added (0, 1, 2 …): an open-addressing
/// hash table over one byte arena, so looking up a cell's bytes makes no `String` and no
/// allocation. Keys compare as bytes (callers whose keys stand for text keep `String`
/// equality, which is canonical equivalence, for non-ASCII text: ``ValueTable``, ``ActorNames``).
struct ByteKeyTable: Sendable {
    /// The keys' bytes, back to back.
    private var arena: [UInt8] = []
    /// Where key `n` ends in `arena` (it starts where key `n - 1` ends).
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// By hash (a power of two long, at most half full): a key's number in the low 32 bits
    /// and its hash's high 32 bits above (one memory read to rule a slot out); 0 is empty
    /// (numbers are stored plus one).
    private var slots: [UInt64] = Array(repeating: 0, count: 16)

    var count: Int { ends.count }

    /// The bytes of key `n`.
    func key(_ n: Int) -> ArraySlice<UInt8> { arena[(n == 0 ? 0 : ends[n - 1])..<ends[n]] }

    /// The number of `key`, if it was added.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var s = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[s]
                if slot == 0 { return nil }
                if slot & 0xFFFF_FFFF_0000_0000 == tag {
                    let n = Int(slot & 0xFFFF_FFFF) - 1
                    if equals(n, key) { return n }
                }
                s = (s + 1) & mask
            }
        }
    }

    /// Makes room for `count` keys without growing the table.
    mutating func reserve(_ count: Int) {
        ends.reserveCapacity(count)
        hashes.reserveCapacity(count)
        var size = slots.count
        while size < 2 * count { size *= 2 }
        guard size > slots.count else { return }
        slots = Array(repeating: 0, count: size)
        for k in 0..<ends.count { place(k, mask: size - 1) }
    }

    /// Adds `key` unless it is there; its number either way.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        let hash = Self.hash(key)
        var mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[s]
            if slot == 0 { break }
            let n = Int(slot & 0xFFFF_FFFF) - 1
            if hashes[n] == hash && equals(n, key) { return (n, false) }
            s = (s + 1) & mask
        }
        let n = ends.count
        arena.append(contentsOf: key)
        ends.append(arena.count)
        hashes.append(hash)
        if (n + 1) * 2 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            mask = slots.count - 1
            for k in 0...n { place(k, mask: mask) }
        } else {
            slots[s] = slot(n)
        }
        return (n, true)
    }

    private func slot(_ n: Int) -> UInt64 { (hashes[n] & 0xFFFF_FFFF_0000_0000) | UInt64(n + 1) }

    private mutating func place(_ n: Int, mask: Int) {
        var s = Int(truncatingIfNeeded: hashes[n]) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = slot(n)
    }

    private func equals(_ n: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = n == 0 ? 0 : ends[n - 1]
        guard ends[n] - start == key.count else { return false }
        if key.isEmpty { return true }
        return arena.withUnsafeBufferPointer { a in
            memcmp(a.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    /// A 64-bit hash of the bytes (8 at a time, then mixed).
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count {
            tail |= UInt64(key[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }
}
