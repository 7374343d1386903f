#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Large arrays that are read at random (hash tables, per-node arrays) placed on transparent
/// huge pages where the system allows it (`madvise(MADV_HUGEPAGE)`), so that random access is
/// not dominated by TLB misses. A no-op elsewhere.
enum HugePages {
    static let threshold = 4 << 20

    /// Advises huge pages for the 2 MiB-aligned interior of `count` elements at `base`.
    static func advise(_ base: UnsafeMutableRawPointer?, bytes: Int) {
        #if os(Linux)
        guard let base, bytes >= threshold else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, Int32(MADV_HUGEPAGE))
        #endif
    }

    /// An array of `count` copies of `value`, on huge pages when large.
    static func array<T>(repeating value: T, count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            advise(UnsafeMutableRawPointer(buffer.baseAddress), bytes: count * MemoryLayout<T>.stride)
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}
