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
    /// What holds the bytes, and so what deinit gives back.
    private let storage: Storage

    private enum Storage {
        /// A mapping of the file (unmapped).
        case mapped
        /// Memory this object allocated and copied the bytes into (deallocated).
        case owned
        /// Someone else's bytes, valid while this object is used (``init(borrowing:)``).
        case borrowed
    }

    /// Maps `path`; nil when it cannot be opened or mapped (or is not a regular file).
    init?(path: String) {
        self.path = path
        storage = .mapped
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
        storage = .owned
        count = bytes.count
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { if let b = $0.baseAddress { storage.initialize(from: b, count: bytes.count) } }
        base = UnsafePointer(storage)
    }

    /// Bytes someone else owns, not copied: they must outlive every use of this object and of
    /// what is read from it (``GraphLoader/check(name:json:)`` reads a document and lets it go
    /// inside the scope of its array's buffer).
    init(borrowing bytes: UnsafeBufferPointer<UInt8>) {
        path = ""
        storage = .borrowed
        count = bytes.count
        base = bytes.baseAddress.map { UnsafePointer($0) }
    }

    deinit {
        guard let base else { return }
        switch storage {
        case .owned: UnsafeMutablePointer(mutating: base).deallocate()
        case .mapped: munmap(UnsafeMutableRawPointer(mutating: base), count)
        case .borrowed: break
        }
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
