import Foundation

/// A large record section (`events`, …) cut into chunks of records (``GraphDocument/chunkRecords``)
/// that can be parsed independently, so that reading it uses both cores.
///
/// JSON: the cuts are found while the document's top level skips the section: the offset after
/// every n-th comma between its records. Each chunk is parsed as strictly as the whole
/// section would be; a chunk that does not end exactly at the next chunk's start (only
/// possible if the skip and the parser disagree) is read again, with the rest of the section,
/// in one piece.
///
/// YAML (a block-style section): the cuts are the first lines of every n-th record, found by
/// the reader's first pass (``YAMLSectionLayout``); each chunk's text is parsed alone, and a
/// chunk that does not give the records and aliases the first pass counted in it is read
/// again, with the rest of the section, by a parser of the whole document.
///
/// ``read(decode:commit:)`` hands the records to `commit` in input order, so the store and the
/// diagnostics are the same as a one-thread read.
struct ChunkedSection: Sendable {
    let mapped: MappedFile
    let file: String
    let fileIndex: Int
    let isObject: Bool
    /// Byte offsets: the section's opening bracket, then just after the comma ending each chunk
    /// (JSON); the first line of each chunk (YAML).
    let starts: [Int]
    /// Records per chunk (the last may have fewer).
    let recordsPerChunk: Int
    /// A YAML section: where its chunks are and the document's anchors (nil for JSON).
    var yaml: YAMLSection? = nil

    /// How reading a chunk ended.
    enum End: Sendable {
        /// At the next chunk's start.
        case next
        /// At the section's closing bracket.
        case sectionEnd
        /// Somewhere else: the chunk and the rest of the section are read again as one.
        case misaligned
        /// At a syntax error (the section stops there, as a one-thread read does).
        case syntaxError(Diagnostic)
    }

    /// What a chunk decoded (one batch of its records), the diagnostics decoding them gave, and how it ended.
    struct Chunk<Batch: Sendable>: Sendable {
        var records: Batch
        var diagnostics: [Diagnostic]
        var end: End
    }

    var count: Int { starts.count }

    /// What one thread reads chunks with: the reader its records are decoded with, and for
    /// YAML its own parser of chunks (whose record tree the reader reads).
    struct ChunkReader {
        let records: RecordReader
        let yaml: YAMLEventReader?
    }

    /// A reader of its own (tree, position cursor, YAML parser) over the section's bytes, for one thread.
    func makeReader() -> ChunkReader {
        if let yaml {
            let parser = YAMLEventReader.chunkReader(of: yaml.source)
            return ChunkReader(records: RecordReader(tree: parser.records), yaml: parser)
        }
        let bytes = mapped.bytes
        let locator = Locator(file: file, fileIndex: fileIndex, bytes: bytes)
        let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        return ChunkReader(records: RecordReader(tree: RecordTree(base: base, owner: mapped, locator: locator)), yaml: nil)
    }

    /// Parses chunk `index` (to the section's end with `toEnd`), decoding each record into a
    /// new batch with `decode(reader, key, value, &batch)`.
    func decodeChunk<Batch: Sendable>(_ index: Int, toEnd: Bool = false, with chunkReader: ChunkReader, makeBatch: () -> Batch,
                                      _ decode: (RecordReader, Int32, Int32, inout Batch) -> Void) -> Chunk<Batch> {
        let reader = chunkReader.records
        var records = makeBatch()
        if let yaml, let parser = chunkReader.yaml {
            let end = parser.readChunk(index, of: yaml, toEnd: toEnd) { key, value in decode(reader, key, value, &records) }
            return Chunk(records: records, diagnostics: reader.takeDiagnostics(), end: end)
        }
        let tree = reader.tree
        var parser = JSONParser(bytes: mapped.bytes, at: starts[index], into: tree)
        let stop = toEnd || index + 1 == starts.count ? nil : starts[index + 1]
        let end: End
        do {
            end = try GraphDocument.forEachElement(&parser, isObject: isObject, opening: index == 0, stop: stop) { key, value in
                decode(reader, key, value, &records)
            }
        } catch {
            end = .syntaxError(Diagnostic(tree.locator.location(error.offset), "not valid JSON: \(error.reason)"))
        }
        return Chunk(records: records, diagnostics: reader.takeDiagnostics(), end: end)
    }

    /// Decodes the chunks on this thread and one more, and calls `commit` with each chunk's
    /// batch and diagnostics on this thread, in input order.
    /// - Returns: the syntax error that stopped the section, if any.
    func read<Batch: Sendable>(makeBatch: @escaping @Sendable () -> Batch,
                               decode: @escaping @Sendable (RecordReader, Int32, Int32, inout Batch) -> Void,
                               commit: (Batch, [Diagnostic]) -> Void) -> Diagnostic? {
        let board = ChunkBoard<Batch>(count: count)
        let section = self
        if count > 1 {
            Thread {
                let reader = section.makeReader()
                while let index = board.claim(waiting: true) {
                    board.deliver(index, section.decodeChunk(index, with: reader, makeBatch: makeBatch, decode))
                    board.freeRetired()
                }
                board.workerFinished()
            }.start()
        } else {
            // One chunk (a small YAML section): no second thread.
            board.workerFinished()
        }
        defer { board.stopAndWaitForWorker() }

        // This thread commits the next chunk when it is decoded, else decodes one itself,
        // else (the window is full) waits for the worker's.
        let reader = makeReader()
        var index = 0
        while index < count {
            guard let chunk = board.take(index) else {
                if let claimed = board.claim(waiting: false) {
                    board.deliver(claimed, decodeChunk(claimed, with: reader, makeBatch: makeBatch, decode))
                } else {
                    board.waitForDelivery(of: index)
                }
                continue
            }
            switch chunk.end {
            case .next, .sectionEnd:
                commit(chunk.records, chunk.diagnostics)
                // The worker frees the committed records (a tenth of this thread's time otherwise).
                board.committed(index, retiring: chunk.records)
                index += 1
            case .misaligned:
                board.stopAndWaitForWorker()
                let rest = decodeChunk(index, toEnd: true, with: reader, makeBatch: makeBatch, decode)
                commit(rest.records, rest.diagnostics)
                if case let .syntaxError(problem) = rest.end { return problem }
                return nil
            case let .syntaxError(problem):
                commit(chunk.records, chunk.diagnostics)
                return problem
            }
        }
        return nil
    }
}

/// The chunks of one ``ChunkedSection/read(decode:commit:)``: which are claimed, which are
/// decoded, how far the committing thread is; the worker stays at most ``window`` chunks ahead.
///
/// `@unchecked Sendable`: every stored property is read and written only while holding
/// `condition`'s lock.
private final class ChunkBoard<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private var next = 0
    private var committedUpTo = 0
    private var stopped = false
    private var workerDone = false
    private var results: [ChunkedSection.Chunk<Batch>?]
    /// Batches of committed chunks, for the worker to free.
    private var retired: [Batch] = []
    private let window = 6

    init(count: Int) {
        self.count = count
        results = Array(repeating: nil, count: count)
    }

    /// The next unclaimed chunk, if it is within the window of the last committed one
    /// (`waiting`: else waits until it is); nil when there is none or reading stopped.
    func claim(waiting: Bool) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while waiting && !stopped && next < count && next - committedUpTo >= window { condition.wait() }
        guard !stopped && next < count && next - committedUpTo < window else { return nil }
        next += 1
        return next - 1
    }

    /// Chunk `index` if it is decoded (and forgets it), else nil.
    func take(_ index: Int) -> ChunkedSection.Chunk<Batch>? {
        condition.lock()
        defer { condition.unlock() }
        guard let chunk = results[index] else { return nil }
        results[index] = nil
        return chunk
    }

    /// Waits until chunk `index` is decoded.
    func waitForDelivery(of index: Int) {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
    }

    func deliver(_ index: Int, _ chunk: ChunkedSection.Chunk<Batch>) {
        condition.lock()
        results[index] = chunk
        condition.broadcast()
        condition.unlock()
    }

    func committed(_ index: Int, retiring records: Batch) {
        condition.lock()
        committedUpTo = index + 1
        retired.append(records)
        condition.broadcast()
        condition.unlock()
    }

    /// Frees the records of committed chunks (on the calling thread).
    func freeRetired() {
        condition.lock()
        let dead = retired
        retired = []
        condition.unlock()
        _ = consume dead
    }

    func workerFinished() {
        condition.lock()
        workerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Lets the worker stop after its current chunk and waits until it has.
    func stopAndWaitForWorker() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !workerDone { condition.wait() }
    }
}
