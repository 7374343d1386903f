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
        OrderedChunks.run(count: chunks, makeState: {}, make: { _, index in
            let made = (0..<files).map { _ in ExportSink() }
            write(index * perChunk..<min(count, (index + 1) * perChunk), made)
            return ChunkOutput(sinks: made)
        }, use: { _, output in
            for (sink, made) in zip(sinks, output.sinks) {
                made.withBytes { sink.write(UnsafeRawBufferPointer($0)) }
            }
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
/// `@unchecked Sendable`: the sinks are written only by the thread that makes the chunk, then
/// handed over whole (through ``OrderedChunks``' lock) and only read by the thread using it.
private struct ChunkOutput: @unchecked Sendable {
    let sinks: [ExportSink]
}
