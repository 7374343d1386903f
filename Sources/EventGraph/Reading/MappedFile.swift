#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory mapping of a whole file (unmapped on deinit).
///
/// `@unchecked Sendable`: immutable after init (the pointer and count never change and the
/// bytes are read-only).
final class MappedFile: @unchecked Sendable {
    let path: String
    let base: UnsafePointer<UInt8>?
    let count: Int
    /// True for bytes copied into memory this object allocated (not a mapping).
    private let owned: Bool

    /// Maps `path`; nil when it cannot be opened or mapped (or is not a regular file).
    init?(path: String) {
        self.path = path
        owned = false
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        count = Int(info.st_size)
        if count == 0 {
            base = nil
            return
        }
        guard let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        _ = madvise(pointer, count, Int32(MADV_SEQUENTIAL))
        base = UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self))
    }

    init(copying bytes: [UInt8]) {
        path = ""
        owned = true
        count = bytes.count
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { if let b = $0.baseAddress { storage.initialize(from: b, count: bytes.count) } }
        base = UnsafePointer(storage)
    }

    deinit {
        guard let base else { return }
        if owned { UnsafeMutablePointer(mutating: base).deallocate() } else { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
