/// A growable byte buffer that the YAML reader's trees point into (scalar values as libyaml
/// hands them out: folded, unescaped). It moves when it grows, so a tree is pointed at it
/// (``RecordTree/rebase(_:owner:)``) once its scalars are written, and is kept alive by it.
final class TextBuffer {
    private(set) var storage: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    var base: UnsafePointer<UInt8> { UnsafePointer(storage) }

    /// Appends `n` bytes at `bytes`; returns where they start.
    @inline(__always) func append(_ bytes: UnsafePointer<UInt8>?, count n: Int) -> Int {
        let start = count
        guard n > 0, let bytes else { return start }
        if count + n > capacity { grow(to: count + n) }
        (storage + count).update(from: bytes, count: n)
        count += n
        return start
    }

    /// The bytes `start..<end` of this buffer appended to it again (for copies of anchored nodes).
    func appendCopy(of other: TextBuffer, start: Int, end: Int) -> Int {
        if count + (end - start) > capacity { grow(to: count + (end - start)) }
        return append(other.storage + start, count: end - start)
    }

    func reset() { count = 0 }

    private func grow(to needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        moved.initialize(from: storage, count: count)
        storage.deallocate()
        storage = moved
        capacity = newCapacity
    }
}
