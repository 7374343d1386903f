import Foundation

/// One input file read in its own syntax (JSON or YAML) into the one record form.
///
/// The top level is read when the document is opened; the records of the `sources`,
/// `actors`, `relations` and `events` sections are handed out one at a time by
/// ``forEachRecord(in:_:)``, parsed from the mapped file just then (JSON by ``JSONParser``, YAML
/// by ``YAMLEventReader`` through libyaml's events), so a large file is never held as a tree.
final class GraphDocument {
    /// The sections whose records are read one at a time.
    static let recordSections: Set<String> = ["sources", "actors", "relations", "events"]

    let name: String
    /// The top level's nodes.
    let top: RecordTree
    /// The root node in ``top``; nil for an empty document.
    let root: Int32?
    private let mapped: MappedFile?
    private let records: RecordTree?
    /// For YAML: the reader that parses the record sections again, record by record.
    private let yaml: YAMLEventReader?
    /// For JSON sections of more than one chunk of records: where later chunks start.
    private let splits: [Int32: [Int]]
    private let recordsPerChunk: Int

    /// Records per chunk of a section read on two threads (``chunkedSection(_:)``): large
    /// enough that handing chunks between threads costs nothing measurable, small enough that
    /// the chunks in flight stay a few megabytes.
    static let chunkRecords = 2048

    private init(name: String, top: RecordTree, root: Int32?, mapped: MappedFile?, records: RecordTree?,
                 yaml: YAMLEventReader? = nil, splits: [Int32: [Int]] = [:], recordsPerChunk: Int = 0) {
        self.recordsPerChunk = recordsPerChunk
        self.yaml = yaml
        self.name = name
        self.top = top
        self.root = root
        self.mapped = mapped
        self.records = records
        self.splits = splits
    }

    /// Reads a file by its extension: `.json` as JSON, anything else as YAML.
    /// - Returns: the document, or the diagnostics that stop it from being read.
    /// `recordsPerChunk`: how many records of a section one chunk holds (JSON: ``chunkedSection(_:)``;
    /// YAML: built on a worker thread, see ``YAMLEventReader``; 0: no chunks, one thread).
    /// `skimsSections`: a YAML document's block sections may be left out of its first pass and
    /// checked as they are read (``YAMLEventReader/read(name:index:bytes:limits:recordsPerChunk:skimsSections:)``);
    /// the caller then reads the document again without if ``needsExactRead``.
    static func open(file: String, index: Int, limits: InputLimits, recordsPerChunk: Int = chunkRecords,
                     skimsSections: Bool = false) -> Result<GraphDocument, InputError> {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            return .failure(InputError([Diagnostic(SourceLocation(file: file), "is a folder, not a graph file")]))
        }
        guard let mapped = MappedFile(path: file) else {
            return .failure(InputError([Diagnostic(SourceLocation(file: file), "cannot read the file")]))
        }
        if mapped.count > limits.maxFileBytes {
            return .failure(InputError([Diagnostic(SourceLocation(file: file),
                "the file is \(mapped.count) bytes, over the limit of \(limits.maxFileBytes) bytes per file; raise it with EVENTGRAPH_MAX_FILE_BYTES=\(mapped.count)")]))
        }
        if file.lowercased().hasSuffix(".json") {
            return json(name: file, index: index, mapped: mapped, recordsPerChunk: recordsPerChunk)
        }
        let invalid = firstInvalidUTF8Offset(mapped.bytes)
        guard invalid == mapped.count else {
            return .failure(InputError([Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                                                   "the file is not UTF-8 text (first bad byte at offset \(invalid))")]))
        }
        return yaml(name: file, index: index, mapped: mapped, limits: limits, recordsPerChunk: recordsPerChunk,
                    skimsSections: skimsSections)
    }

    /// Reads in-memory text (the name decides the syntax, as for files).
    static func open(name: String, index: Int, text: String, limits: InputLimits, recordsPerChunk: Int = chunkRecords,
                     skimsSections: Bool = false) -> Result<GraphDocument, InputError> {
        if name.lowercased().hasSuffix(".json") {
            return open(name: name, index: index, json: MappedFile(copying: Array(text.utf8)), recordsPerChunk: recordsPerChunk)
        }
        return yaml(name: name, index: index, mapped: MappedFile(copying: Array(text.utf8)), limits: limits,
                    recordsPerChunk: recordsPerChunk, skimsSections: skimsSections)
    }

    /// Reads JSON bytes held in memory (as a file's bytes are read: no text copy).
    static func open(name: String, index: Int, json bytes: MappedFile,
                     recordsPerChunk: Int = chunkRecords) -> Result<GraphDocument, InputError> {
        json(name: name, index: index, mapped: bytes, recordsPerChunk: recordsPerChunk)
    }

    // MARK: JSON

    private static func json(name: String, index: Int, mapped: MappedFile, recordsPerChunk: Int) -> Result<GraphDocument, InputError> {
        let bytes = mapped.bytes
        let locator = Locator(file: name, fileIndex: index, bytes: bytes)
        let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let top = RecordTree(base: base, owner: mapped, locator: locator)
        let records = RecordTree(base: base, owner: mapped, locator: locator)
        var parser = JSONParser(bytes: bytes, into: top)
        func failure(_ error: JSONSyntaxError) -> Result<GraphDocument, InputError> {
            .failure(InputError([Diagnostic(locator.location(error.offset), "not valid JSON: \(error.reason)")]))
        }
        do throws(JSONSyntaxError) {
            parser.skipWhitespace()
            guard parser.pos < bytes.count else {
                return .success(GraphDocument(name: name, top: top, root: nil, mapped: mapped, records: records))
            }
            let root: Int32
            var splits: [Int32: [Int]] = [:]
            if parser.peek() == 0x7B {
                root = try readTopObject(&parser, records: records, recordsPerChunk: recordsPerChunk, splits: &splits)
            } else {
                root = try parser.parseValue()
            }
            parser.skipWhitespace()
            if parser.pos < bytes.count {
                throw JSONSyntaxError(offset: parser.pos, reason: "more text after the end of the top-level value")
            }
            return .success(GraphDocument(name: name, top: top, root: root, mapped: mapped, records: records, splits: splits,
                                          recordsPerChunk: recordsPerChunk))
        } catch {
            return failure(error)
        }
    }

    /// The top-level object: small values parsed into the top tree; each record section
    /// checked record by record (into the reusable record tree) and left as a placeholder
    /// node whose `start` is the section's byte offset.
    private static func readTopObject(_ parser: inout JSONParser, records: RecordTree, recordsPerChunk: Int,
                                      splits: inout [Int32: [Int]]) throws(JSONSyntaxError) -> Int32 {
        let top = parser.tree
        let start = parser.pos
        parser.pos += 1
        let me = top.append(.init(kind: .mapping, escaped: false, start: start, end: start, mark: start, first: -1, next: -1, count: 0))
        var last: Int32 = -1
        var n: Int32 = 0
        parser.skipWhitespace()
        if parser.peek() == 0x7D {
            parser.pos += 1
            return me
        }
        while true {
            parser.skipWhitespace()
            let key = try parser.parseString()
            if last >= 0 { top.update(last) { $0.next = key } } else { top.update(me) { $0.first = key } }
            try parser.expect(0x3A)
            parser.skipWhitespace()
            let value: Int32
            let opener = parser.peek()
            if (opener == 0x7B || opener == 0x5B), recordSections.contains(top.text(key)) {
                // Records are parsed (and their syntax checked) when the validator reads them.
                let offset = parser.pos
                var sectionSplits: [Int] = []
                try parser.skipContainer(splittingEvery: max(recordsPerChunk, 0), at: &sectionSplits)
                let estimate = min((parser.pos - offset) / 160, Int(Int32.max) - 1)
                value = top.append(.init(kind: opener == 0x7B ? .mapping : .list, escaped: false, start: offset, end: parser.pos,
                                         mark: offset, first: -1, next: -1, count: Int32(-1 - estimate)))
                if !sectionSplits.isEmpty { splits[value] = sectionSplits }
            } else {
                value = try parser.parseValue(depth: 1)
            }
            top.update(key) { $0.next = value }
            last = value
            n += 1
            parser.skipWhitespace()
            guard let b = parser.peek() else { throw JSONSyntaxError(offset: parser.pos, reason: "unexpected end of file") }
            if b == 0x2C { parser.pos += 1; continue }
            if b == 0x7D { parser.pos += 1; break }
            throw JSONSyntaxError(offset: parser.pos, reason: "expected ',' or '}'")
        }
        top.update(me) { $0.count = n }
        return me
    }

    /// Parses the elements of the object or array at the parser's position one at a time,
    /// resetting the parser's tree before each; calls `body(key, value)` (key -1 in arrays).
    /// Returns the number of elements.
    ///
    /// With `opening` false the parser starts at an element (just after a comma), and with a
    /// `stop` it returns once a comma brings it to that offset (a chunk of the section).
    @discardableResult
    static func forEachElement(_ parser: inout JSONParser, isObject: Bool, opening: Bool = true, stop: Int? = nil,
                               _ body: (Int32, Int32) -> Void) throws(JSONSyntaxError) -> ChunkedSection.End {
        let tree = parser.tree
        let close: UInt8 = isObject ? 0x7D : 0x5D
        if opening {
            parser.pos += 1
            parser.skipWhitespace()
            if parser.peek() == close {
                parser.pos += 1
                return stop == nil ? .sectionEnd : .misaligned
            }
        }
        while true {
            tree.reset()
            parser.skipWhitespace()
            var key: Int32 = -1
            if isObject {
                key = try parser.parseString()
                try parser.expect(0x3A)
            }
            let value = try parser.parseValue(depth: 2)
            body(key, value)
            parser.skipWhitespace()
            guard let b = parser.peek() else { throw JSONSyntaxError(offset: parser.pos, reason: "unexpected end of file") }
            if b == 0x2C {
                parser.pos += 1
                if let stop, parser.pos >= stop { return parser.pos == stop ? .next : .misaligned }
                continue
            }
            if b == close {
                parser.pos += 1
                return stop == nil ? .sectionEnd : .misaligned
            }
            throw JSONSyntaxError(offset: parser.pos, reason: isObject ? "expected ',' or '}'" : "expected ',' or ']'")
        }
    }

    // MARK: YAML

    /// UTF-8 bytes (checked) read by libyaml's events: the top level now, record sections again
    /// when the validator reads them.
    private static func yaml(name: String, index: Int, mapped: MappedFile, limits: InputLimits,
                             recordsPerChunk: Int, skimsSections: Bool) -> Result<GraphDocument, InputError> {
        YAMLEventReader.read(name: name, index: index, bytes: mapped.bytes, limits: limits,
                             recordsPerChunk: recordsPerChunk, skimsSections: skimsSections).map { reader in
            GraphDocument(name: name, top: reader.top, root: reader.root, mapped: mapped, records: reader.records, yaml: reader,
                          recordsPerChunk: recordsPerChunk)
        }
    }

    // MARK: Records

    /// Calls `body(tree, key, value)` for each record of a section value (`key` is -1 for
    /// list items). For a placeholder the records are parsed now, one at a time; a syntax
    /// error stops the section and is returned.
    func forEachRecord(in section: Int32, _ body: (RecordTree, Int32, Int32) -> Void) -> Diagnostic? {
        // A document to be read again: what is read now is dropped (and a whole-document parser
        // could not count aliases past a section that pass 1 did not read).
        if isRefused { return nil }
        let node = top[section]
        if node.count < 0, let yaml {
            return yaml.forEachRecord(section: node.start, count: Int(-1 - node.count), body)
        }
        if node.count < 0, let records, let mapped {
            var parser = JSONParser(bytes: mapped.bytes, at: node.start, into: records)
            do {
                try Self.forEachElement(&parser, isObject: node.kind == .mapping) { key, value in body(records, key, value) }
            } catch {
                return Diagnostic(top.locator.location(error.offset), "not valid JSON: \(error.reason)")
            }
            return nil
        }
        if node.kind == .mapping {
            for entry in top.entries(section) { body(top, entry.keyNode, entry.value) }
        } else {
            for item in top.children(section) { body(top, -1, item) }
        }
        return nil
    }

    /// Runs `body`, which reads record sections (``forEachRecord(in:_:)``) in document order: a
    /// YAML document keeps one parser positioned from one section to the next meanwhile.
    func readingRecords(_ body: () -> Void) {
        if let yaml { yaml.readingInOrder(body) } else { body() }
    }

    /// A JSON section of more than one chunk of records, or a block-style YAML section, as
    /// chunks that can be read on several threads; nil for other sections (read them with
    /// ``forEachRecord(in:_:)``), and for every section when records are not read in chunks.
    ///
    /// A YAML section of one chunk is read this way too (on this thread): its text is parsed
    /// alone, where a parser of the whole document would parse every section before it again.
    func chunkedSection(_ section: Int32) -> ChunkedSection? {
        if isRefused { return nil }
        if let yaml, let mapped, let chunks = yaml.chunks(of: section) {
            return ChunkedSection(mapped: mapped, file: name, fileIndex: top.locator.fileIndex, isObject: chunks.layout.isMapping,
                                  starts: chunks.layout.starts, recordsPerChunk: recordsPerChunk, yaml: chunks)
        }
        guard let mapped, let splits = splits[section] else { return nil }
        let node = top[section]
        return ChunkedSection(mapped: mapped, file: name, fileIndex: top.locator.fileIndex, isObject: node.kind == .mapping,
                              starts: [node.start] + splits, recordsPerChunk: recordsPerChunk)
    }

    /// Whether the document must be read again, without skimming its sections (see
    /// ``open(file:index:limits:recordsPerChunk:skimsSections:)``): a section pass 1 did not read
    /// was not all read, or not all as pass 1 would have accepted it. Asked once every section
    /// has been read; the reading's results are then to be dropped.
    var needsExactRead: Bool {
        yaml?.sectionCheck.map { !$0.vouches } ?? false
    }

    /// Whether a chunk of a section pass 1 did not read was found wrong (the rest is not read).
    private var isRefused: Bool {
        yaml?.sectionCheck?.refused ?? false
    }

    /// The number of records of a section value (for JSON, an estimate from its size), for
    /// reserving capacity.
    func recordCount(in section: Int32) -> Int {
        let node = top[section]
        return node.count < 0 ? Int(-1 - node.count) : Int(node.count)
    }
}

/// Limits on what one input may make the loader do.
public struct InputLimits: Sendable {
    /// Largest file read (bytes). Default 2 GiB; `EVENTGRAPH_MAX_FILE_BYTES` overrides.
    public var maxFileBytes: Int
    /// A YAML document may expand (through aliases) to at most max(this, its byte count) values.
    public var minExpandedNodes: Int

    public init(maxFileBytes: Int = 2 << 30, minExpandedNodes: Int = 1 << 20) {
        self.maxFileBytes = maxFileBytes
        self.minExpandedNodes = minExpandedNodes
    }

    /// The defaults, with `EVENTGRAPH_MAX_FILE_BYTES` applied.
    public static var standard: InputLimits {
        var limits = InputLimits()
        if let text = ProcessInfo.processInfo.environment["EVENTGRAPH_MAX_FILE_BYTES"], let n = Int(text), n > 0 {
            limits.maxFileBytes = n
        }
        return limits
    }
}

/// The offset of the first byte that is not part of valid UTF-8 (the byte count when all are).
func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var pos = 0
    while pos < bytes.count {
        // ASCII eight bytes at a time.
        while pos + 8 <= bytes.count, ByteWord.nonASCII(ByteWord.load(base + pos)) == 0 {
            pos += 8
        }
        guard pos < bytes.count else { break }
        if base[pos] < 0x80 { pos += 1; continue }
        do { pos += try JSONText.utf8SequenceLength(base, pos, bytes.count) } catch { return pos }
    }
    return pos
}
