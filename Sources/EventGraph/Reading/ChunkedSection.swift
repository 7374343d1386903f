import Foundation

/// A large JSON section (`events`, …) cut into chunks of records (``GraphDocument/chunkRecords``)
/// that can be parsed independently, so that reading it uses both cores.
///
/// The cuts are found while the document's top level skips the section: the offset after
/// every n-th comma between its records. Each chunk is parsed as strictly as the whole
/// section would be; a chunk that does not end exactly at the next chunk's start (only
/// possible if the skip and the parser disagree) is read again, with the rest of the section,
/// in one piece. ``read(decode:commit:)`` hands the records to `commit` in input order, so
/// the store and the diagnostics are the same as a one-thread read.
struct ChunkedSection: Sendable {
    let mapped: MappedFile
    let file: String
    let fileIndex: Int
    let isObject: Bool
    /// Byte offsets: the section's opening bracket, then just after the comma ending each chunk.
    let starts: [Int]
    /// Records per chunk (the last may have fewer).
    let recordsPerChunk: Int

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

    /// A reader of its own (tree and position cursor) over the section's bytes, for one thread.
    func makeReader() -> RecordReader {
        let bytes = mapped.bytes
        let locator = Locator(file: file, fileIndex: fileIndex, bytes: bytes)
        let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        return RecordReader(tree: RecordTree(base: base, owner: mapped, locator: locator))
    }

    /// Parses chunk `index` (to the section's end with `toEnd`), decoding each record into a
    /// new batch with `decode(reader, key, value, &batch)`.
    func decodeChunk<Batch: Sendable>(_ index: Int, toEnd: Bool = false, with reader: RecordReader, makeBatch: () -> Batch,
                                      _ decode: (RecordReader, Int32, Int32, inout Batch) -> Void) -> Chunk<Batch> {
        let tree = reader.tree
        var records = makeBatch()
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

    /// Decodes the chunks on this thread and one more (``OrderedChunks``), and calls `commit`
    /// with each chunk's batch and diagnostics on this thread, in input order.
    /// - Returns: the syntax error that stopped the section, if any.
    func read<Batch: Sendable>(makeBatch: @escaping @Sendable () -> Batch,
                               decode: @escaping @Sendable (RecordReader, Int32, Int32, inout Batch) -> Void,
                               commit: (Batch, [Diagnostic]) -> Void) -> Diagnostic? {
        let section = self
        var stop: (index: Int, end: End)?
        OrderedChunks.run(count: count, makeState: { section.makeReader() }, make: { reader, index in
            section.decodeChunk(index, with: reader, makeBatch: makeBatch, decode)
        }, use: { index, chunk in
            switch chunk.end {
            case .next, .sectionEnd:
                commit(chunk.records, chunk.diagnostics)
                return .goOn
            case .misaligned:
                stop = (index, chunk.end)
                return .stop
            case .syntaxError:
                commit(chunk.records, chunk.diagnostics)
                stop = (index, chunk.end)
                return .stop
            }
        })
        switch stop {
        case let (index, .misaligned)?:
            // Read again with the rest of the section in one piece (the worker has stopped).
            let rest = decodeChunk(index, toEnd: true, with: makeReader(), makeBatch: makeBatch, decode)
            commit(rest.records, rest.diagnostics)
            if case let .syntaxError(problem) = rest.end { return problem }
            return nil
        case let (_, .syntaxError(problem))?: return problem
        default: return nil
        }
    }
}

