import Foundation

extension ExportSink {
    /// Writes items `0..<count` into `sinks` (one sink, or files of a folder written in
    /// turns), the first sink's ``itemsPerChunk`` at a time: each chunk is written by `write(items, chunkSinks)` into
    /// memory sinks, on this thread and one more (``OrderedChunks``), and appended to `sinks`
    /// in order. The bytes are the same as writing every item one after the other here, so a
    /// chunk must not depend on what an earlier chunk wrote (pass positions, not counters).
    static func writeChunked(_ count: Int, into sinks: [ExportSink], _ write: @escaping @Sendable (Range<Int>, [ExportSink]) -> Void) {
        let perChunk = max(1, sinks.first?.itemsPerChunk ?? count)
        guard count > perChunk else {
            write(0..<count, sinks)
            return
        }
        let chunks = (count + perChunk - 1) / perChunk
        let files = sinks.count
        // The memory sinks are reused: a fresh one per chunk would fault in fresh pages for every byte written.
        let spare = SparePool()
        OrderedChunks.run(count: chunks, makeState: {}, make: { _, index in
            let made = spare.take() ?? ChunkOutput(sinks: (0..<files).map { _ in ExportSink() })
            write(index * perChunk..<min(count, (index + 1) * perChunk), made.sinks)
            return made
        }, use: { _, output in
            for (sink, made) in zip(sinks, output.sinks) {
                made.withBytes { bytes in
                    // In writes of the buffer's size, as a one-thread export makes them: writes
                    // of megabytes cost more system time in the page cache (1M events as GEXF,
                    // 1.8 GB: 2.5–3.1 s against 1.9–2.1 s, measured on the shared machine).
                    var start = 0
                    while start < bytes.count {
                        let end = min(bytes.count, start + ExportSink.chunk)
                        sink.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<end]))
                        start = end
                    }
                }
                made.used = 0
            }
            spare.give(output)
            return .goOn
        })
    }

    /// ``writeChunked(_:into:_:)`` into this sink alone.
    func writeChunked(_ count: Int, _ write: @escaping @Sendable (Range<Int>, ExportSink) -> Void) {
        Self.writeChunked(count, into: [self]) { items, sinks in write(items, sinks[0]) }
    }
}

/// The memory sinks one chunk was written into.
///
/// `@unchecked Sendable`: the sinks belong to one thread at a time, handed on under a lock
/// each time: the thread that writes the chunk, then (through ``OrderedChunks``) the one that
/// writes it out and empties them, then (through ``SparePool``) the one that writes a later chunk.
private struct ChunkOutput: @unchecked Sendable {
    let sinks: [ExportSink]
}

/// Chunk outputs written out and emptied, for the next chunks to reuse.
///
/// `@unchecked Sendable`: `outputs` is read and written only while holding `lock`.
private final class SparePool: @unchecked Sendable {
    private let lock = NSLock()
    private var outputs: [ChunkOutput] = []

    func take() -> ChunkOutput? {
        lock.lock()
        defer { lock.unlock() }
        return outputs.popLast()
    }

    func give(_ output: ChunkOutput) {
        lock.lock()
        outputs.append(output)
        lock.unlock()
    }
}
