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
        /// A YAML section that pass 1 did not read, at something a chunk read alone cannot vouch
        /// for: the section stops, and the document is to be read again the exact way
        /// (``YAMLSectionCheck``).
        case unchecked
    }

    /// What a chunk decoded (one batch of its records), the diagnostics decoding them gave, and how it ended.
    struct Chunk<Batch: Sendable>: Sendable {
        var records: Batch
        var diagnostics: [Diagnostic]
        var end: End
        /// A chunk of a YAML section that pass 1 did not read: what its parse counted.
        var check: YAMLSectionCheck.Chunk? = nil
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
            return Chunk(records: records, diagnostics: reader.takeDiagnostics(), end: end, check: parser.takeChunkCheck(of: yaml))
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
                if let check = section.yaml?.check {
                    guard let counted = chunk.check, check.accept(counted, entry: section.yaml!.layout.entry, records: section.yaml!.layout.count, first: index == 0,
                                                                  last: index + 1 == section.count) else {
                        check.refuse()
                        return .stop
                    }
                }
                commit(chunk.records, chunk.diagnostics)
                return .goOn
            case .unchecked:
                section.yaml?.check?.refuse()
                return .stop
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

