#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an export's bytes go while they are made: a small reusable buffer, emptied into
/// the output whenever it fills, so writing a graph of any size needs only the graph and
/// this buffer in memory.
///
/// A sink writes one file: into memory (``collect(_:)``), to standard output, or to a
/// temporary file that ``OutputFile`` renames into place only when the whole export
/// succeeded. A format of several files asks the sink of its folder (``OutputFolder``, or
/// ``collect(_:)``) for one sink per file with ``file(named:)``; they may be written in
/// turns, and they keep the order in which they were asked for.
///
/// Writing never throws: the first failure (a full disk) is kept, later bytes are dropped,
/// and whoever made the sink reports the failure and removes the temporary files. The
/// escapers of each output context write straight into the buffer: ``writeXML(_:attribute:)``
/// (XMLText.swift), ``writeCSVRecord(_:)`` (CSVWriter.swift), ``writeJSONString(_:)``
/// (JSONValue.swift).
public final class ExportSink {
    enum Destination {
        /// Bytes stay in the buffer.
        case memory
        /// Bytes are written to an open descriptor when the buffer fills.
        case descriptor(Int32)
        /// Bytes are dropped (a file that could not be opened; its error is reported).
        case discard
    }

    // The buffer is raw memory, not an array, and exempt from run-time exclusivity checks:
    // a sink is used by one exporter on one thread, and every access is in this module.
    // Those checks and the array's copy-on-write tests were a third of an export's time.
    /// Bytes not yet written out (every byte, in memory): `base[0..<used]`.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) var used = 0
    let destination: Destination
    /// Bytes already written out.
    @exclusivity(unchecked) private var flushed = 0
    /// The error number of the first failed write.
    private(set) var failure: Int32?
    /// ``flush()`` once `used` reaches this: ``chunk``, or never for a memory sink (whose
    /// flush does nothing: calling it after every write past 64 KiB cost a chunk of an export).
    private let flushAt: Int

    /// The files of a folder's sink, in the order they were asked for.
    private(set) var files: [(name: String, sink: ExportSink)] = []
    /// Makes the sink of a new file in a folder on disk (nil: in memory, or a one-file sink).
    private let makeFile: ((String) throws(OutputFileError) -> ExportSink)?
    /// The first file that could not be made.
    private(set) var fileFailure: OutputFileError?

    /// The buffer is written out once it holds this many bytes.
    static let chunk = 1 << 16

    /// Records (events, actors, …) an exporter writes per chunk on two threads
    /// (``writeChunked(_:into:_:)``); the files of a folder take their folder's. The bytes do
    /// not depend on it (tests write with other sizes to show that).
    var itemsPerChunk = 4096

    private init(_ destination: Destination, capacity: Int, makeFile: ((String) throws(OutputFileError) -> ExportSink)? = nil) {
        self.destination = destination
        self.capacity = capacity
        if case .memory = destination { flushAt = .max } else { flushAt = Self.chunk }
        base = .allocate(capacity: capacity)
        self.makeFile = makeFile
    }

    /// A sink keeping everything in memory (its files too).
    convenience init() { self.init(.memory, capacity: 256) }

    /// A sink writing through a buffer to an open descriptor (which the caller closes).
    convenience init(descriptor: Int32) { self.init(.descriptor(descriptor), capacity: Self.chunk + Self.chunk / 4) }

    /// The sink of a folder on disk: `makeFile` opens each file.
    convenience init(makingFiles makeFile: @escaping (String) throws(OutputFileError) -> ExportSink) {
        self.init(.discard, capacity: 16, makeFile: makeFile)
    }

    private convenience init(discarding: Void) { self.init(.discard, capacity: Self.chunk + Self.chunk / 4) }

    deinit { base.deallocate() }

    /// Everything an exporter writes, kept in memory: one text, or the files it asked for
    /// with ``file(named:)``.
    public static func collect(_ write: (ExportSink) -> Void) -> ExportOutput {
        let sink = ExportSink()
        write(sink)
        if sink.files.isEmpty { return .file(sink.text) }
        return .folder(sink.files.map { ExportFile(name: $0.name, text: $0.sink.text) })
    }

    /// The text written into a memory sink.
    static func text(_ write: (ExportSink) -> Void) -> String {
        let sink = ExportSink()
        write(sink)
        return sink.text
    }

    /// The bytes written so far.
    public var count: Int { flushed + used }

    /// The bytes of a memory sink as text.
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: used), as: UTF8.self) }

    /// The sink of the next file of a multi-file export, named `name` inside the output
    /// folder. Only a folder's sink (or a memory one) has files; bytes and files are never
    /// mixed in one sink.
    public func file(named name: String) -> ExportSink {
        precondition(count == 0, "an export writes either bytes or files, not both")
        let file: ExportSink
        if let makeFile {
            do throws(OutputFileError) {
                file = fileFailure == nil ? try makeFile(name) : ExportSink(discarding: ())
            } catch {
                fileFailure = error
                file = ExportSink(discarding: ())
            }
        } else {
            precondition(destination.isMemory, "this output is one file; the format writes a folder")
            file = ExportSink()
        }
        file.itemsPerChunk = itemsPerChunk
        files.append((name, file))
        return file
    }

    // MARK: Bytes

    /// Writes UTF-8 text.
    @inline(__always)
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes.
    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Writes bytes (a large block straight through, without copying it into the buffer).
    public func write(_ bytes: UnsafeRawBufferPointer) { append(bytes) }

    /// Writes an integer in decimal (as `String(number)`).
    public func write(_ number: Int) {
        reserve(20)
        if number < 0 { base[used] = UInt8(ascii: "-"); used += 1 }
        var value = number.magnitude
        let start = used
        repeat {
            base[used] = UInt8(ascii: "0") + UInt8(value % 10)
            used += 1
            value /= 10
        } while value > 0
        var digits = UnsafeMutableBufferPointer(start: base + start, count: used - start)
        digits.reverse()
        didAppend()
    }

    /// Writes one byte.
    @inline(__always)
    func write(byte: UInt8) {
        append(byte: byte)
        didAppend()
    }

    /// `count` spaces.
    func write(spaces count: Int) {
        reserve(count)
        (base + used).initialize(repeating: UInt8(ascii: " "), count: count)
        used += count
        didAppend()
    }

    private func append(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= Self.chunk, case let .descriptor(fd) = destination {
            flush()
            if failure == nil { failure = OutputTarget.writeAll(fd, bytes) }
            flushed += bytes.count
            startWriteback(fd, upTo: flushed)
            return
        }
        append(raw: bytes)
        didAppend()
    }

    // MARK: For the escapers

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if used + extra > capacity { grow(used + extra) }
    }

    private func grow(_ needed: Int) {
        let bigger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        moved.update(from: base, count: used)
        base.deallocate()
        base = moved
        capacity = bigger
    }

    /// Appends one byte (making room for it), without emptying the buffer.
    @inline(__always)
    func append(byte: UInt8) {
        reserve(1)
        base[used] = byte
        used += 1
    }

    /// Appends bytes (making room for them), without emptying the buffer.
    @inline(__always)
    func append(raw bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        let from = source.assumingMemoryBound(to: UInt8.self)
        if bytes.count <= 16 {
            // Most pieces are a few bytes (a key, a tag, an id): a loop beats a call to memmove.
            for i in 0..<bytes.count { base[used + i] = from[i] }
        } else {
            (base + used).update(from: from, count: bytes.count)
        }
        used += bytes.count
    }

    /// Appends bytes (making room for them), without emptying the buffer.
    @inline(__always)
    func append(raw bytes: UnsafeBufferPointer<UInt8>) { append(raw: UnsafeRawBufferPointer(bytes)) }

    /// The bytes in the buffer (all of them, in memory).
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: used))
    }

    /// Called by the escapers after appending: empties the buffer once it is full.
    @inline(__always)
    func didAppend() {
        if used >= flushAt { flush() }
    }

    /// Writes out the buffer (nothing for a memory sink).
    func flush() {
        switch destination {
        case .memory: return
        case .discard: break
        case let .descriptor(fd):
            if failure == nil { failure = OutputTarget.writeAll(fd, UnsafeRawBufferPointer(start: base, count: used)) }
            startWriteback(fd, upTo: flushed + used)
        }
        flushed += used
        used = 0
    }

    /// Bytes handed to the disk so far (``startWriteback(_:upTo:)``).
    private var writebackStart = 0

    /// Asks the kernel to start writing the bytes out every few megabytes, so the disk works
    /// while the export is made instead of all at once in the final `fsync` (1M events as
    /// GraphML, 1.8 GB: that wait went from 0.9 s to 5 ms). Linux starts the writeback of a
    /// range on `POSIX_FADV_DONTNEED` without waiting for it (and drops the pages already
    /// written from the cache). Only a hint: its result is ignored.
    private func startWriteback(_ fd: Int32, upTo end: Int) {
        #if os(Linux)
        guard end - writebackStart >= 8 << 20 else { return }
        _ = posix_fadvise(fd, off_t(writebackStart), off_t(end - writebackStart), POSIX_FADV_DONTNEED)
        writebackStart = end
        #endif
    }
}

private extension ExportSink.Destination {
    var isMemory: Bool { if case .memory = self { true } else { false } }
}
