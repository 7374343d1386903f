import CLibYAML
import Foundation

/// Reads one YAML document through libyaml's event stream (`yaml_parser_parse`) straight into
/// the one record form, keeping what Yams' composer used to decide (the same diagnostics, marks
/// and expansion bound) without building a tree of the whole document.
///
/// Two passes over the text:
/// 1. ``read(name:index:bytes:limits:recordsPerChunk:skimsSections:)`` parses the whole
///    stream once: every syntax error, key given twice, undefined alias, second document and
///    the alias expansion bound is found here, as before, and stops the document. The top
///    level is built into ``top``, except the records of a record section
///    (``GraphDocument/recordSections``), which are built one at a time into ``records`` and
///    dropped: the section is a placeholder node (`count < 0`, its entry's index in the root
///    mapping in `start`). Anchored nodes are kept, expanded, to be copied wherever they are
///    aliased; each alias's anchor is noted in order. In a block-style section, the first
///    line of every `recordsPerChunk`-th record is noted (``YAMLSectionLayout``). With
///    `recordsPerChunk` > 0 a large document is parsed on another thread (``ParseJob``) while
///    this one builds it.
/// 2. A section with a layout is read in chunks (``GraphDocument/chunkedSection(_:)``, as a
///    JSON section is): each chunk's text parsed alone by a reader of its thread
///    (``chunkReader(of:)``, ``readChunk(_:of:toEnd:_:)``). Other sections:
///    ``forEachRecord(section:count:_:)`` parses again up to that section and hands out its
///    records one at a time, built into ``records``; inside ``readingInOrder(_:)`` one parser
///    stays positioned from section to section (the validator reads them in document order).
///    A section of more than `recordsPerChunk` records (0: none) is parsed and built on a
///    worker thread, a chunk of records per tree (``HandoffQueue``), while the calling
///    thread reads them.
///
/// Skimmed sections (`skimsSections`, what ``GraphLoader`` asks for): libyaml would read a
/// large block section twice, and pass 1's records are dropped. So pass 1 first tries the
/// document with the block sections a byte scan finds (``YAMLSectionScan``) left out: each
/// replaced by one stand-in record (``pass1Bytes``; marks and chunk cuts are moved back to the
/// document's lines and bytes, ``documentLine(_:)``, ``documentOffset(_:)``). Its sections'
/// chunks are then the only reading of their text: each is checked as pass 1 would check it
/// (``checksRecords``, ``YAMLSectionCheck``). Any problem pass 1 finds in that text, or a
/// section not where the scan put it, and it reads the document the exact way instead; any
/// problem a chunk finds, and the loader reads the document again the exact way
/// (``GraphDocument/needsExactRead``). So every diagnostic is the exact reading's.
final class YAMLEventReader {
    /// The document's top level; its scalars point into ``topText``.
    let top: RecordTree
    /// One record at a time (reset before each).
    let records: RecordTree
    /// The root node in ``top``; nil for an empty stream.
    @exclusivity(unchecked) private(set) var root: Int32?

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The text pass 1 parses: the document's, or with the sections of a ``YAMLSectionScan``
    /// replaced by stand-ins (only during ``read(name:index:bytes:limits:recordsPerChunk:skimsSections:)``).
    private var pass1Bytes: UnsafeBufferPointer<UInt8>
    /// Pass 1 over stand-ins: where its text and the document's differ (``YAMLSectionScan/presented(_:)``).
    @exclusivity(unchecked) private var shifts: [YAMLSectionScan.Shift] = []
    /// Pass 1 over stand-ins: the sections the scan found, and each one's placeholder node,
    /// root entry and the aliases before it once pass 1 has found it where the scan put it.
    private var planned: [YAMLSectionScan.Section] = []
    private var found: [Int: (node: Int32, entry: Int, aliases: Int)] = [:]
    /// Pass 1 over stand-ins: the planned section being read (its index in ``planned``).
    private var readingPlanned: Int?
    /// The checks of the sections read from their chunks alone (nil: every section was read by pass 1).
    private(set) var sectionCheck: YAMLSectionCheck?
    /// Pass 2 on a chunk of such a section: check what pass 1 would have (keys given twice,
    /// no anchors, aliases or tags) and count its values and record keys into ``chunkCheck``.
    @exclusivity(unchecked) private var checksRecords = false
    @exclusivity(unchecked) private var chunkCheck = YAMLSectionCheck.Chunk()
    /// Pass 2 on a chunk that is checked: the keys of the open mappings inside its records
    /// (their text in ``recordBytes``), innermost last, and where each mapping's start.
    @exclusivity(unchecked) private var chunkKeys: [(start: Int, end: Int)] = []
    @exclusivity(unchecked) private var chunkKeyStarts: [Int] = []
    /// A checked chunk refuses a mapping of more keys than this (comparing each with each).
    private static let checkedKeysLimit = 64
    private let topText = TextBuffer()
    private let recordText = TextBuffer()
    /// Where a section's records are built: ``records`` and its text, or the current chunk's.
    @exclusivity(unchecked) private var recordTree: RecordTree
    @exclusivity(unchecked) private var recordBytes: TextBuffer

    /// Anchored nodes, expanded, each a pre-order run of nodes (scalars in ``anchoredText``).
    @exclusivity(unchecked) private var anchoredNodes: [RecordTree.Node] = []
    private let anchoredText: TextBuffer
    /// Every anchored node in the order it ends (when its anchor takes effect).
    @exclusivity(unchecked) private var anchors: [Anchor] = []
    /// Pass 1: an anchor's name → its latest node in ``anchors``.
    private var anchorsByName: [String: Int32] = [:]
    /// The node in ``anchors`` each alias of the document stands for, in order.
    @exclusivity(unchecked) private var aliasTargets: [Int32] = []

    struct Anchor {
        /// The node's first index in ``anchoredNodes``; -1 when it was not kept.
        var root: Int32
        var size: Int
        var tag: String?
        var key: YAMLMappingKeys.Key?
    }

    /// An open mapping or list.
    private struct Frame {
        /// The node in the tree being built (-1: a record section in pass 2).
        var node: Int32
        var last: Int32 = -1
        var count: Int32 = 0
        let isMapping: Bool
        var atKey = true
        /// A record section: its children are records, each built into ``records``.
        let isSection: Bool
        /// Pass 1: its anchor or tag is the last of ``properties``.
        let hasProperties: Bool
        /// The root mapping: whether the key just read names a record section.
        var sectionKey = false
        /// In a record section: the current record's key.
        var recordKey: Int32 = -1
    }

    private struct Stop: Error {
        let diagnostic: Diagnostic
    }

    /// A chunk of a section that pass 1 did not read has something only pass 1 can judge (its
    /// message is never shown: the document is read again the exact way).
    private static let unchecked = Stop(diagnostic: Diagnostic(SourceLocation(file: "", line: 1, column: 1), "not checked"))

    // The state of one pass. Not checked at run time (a reader belongs to one thread; these are
    // read and written for every event).
    @exclusivity(unchecked) private var stack: [Frame] = []
    @exclusivity(unchecked) private var inSection = false
    @exclusivity(unchecked) private var isFirstPass = true
    /// Pass 1: the keys of the open mappings.
    @exclusivity(unchecked) private var mappingKeys = YAMLMappingKeys()
    /// Pass 1: the anchors and tags of open mappings and lists that have one.
    @exclusivity(unchecked) private var properties: [(anchor: String?, tag: String?)] = []
    /// Pass 1: values made so far (aliases expanded), against the bound.
    @exclusivity(unchecked) private var expanded = 0
    private let limit: Int
    @exclusivity(unchecked) private var stoppedAt: Int?
    /// Pass 2: aliases read so far.
    @exclusivity(unchecked) private var aliasCount = 0
    /// Pass 2: the records handed out.
    @exclusivity(unchecked) private var deliver: ((RecordTree, Int32, Int32) -> Void)?
    /// Pass 2 inside ``readingInOrder(_:)``: the positioned parser.
    private var cursor: Cursor?
    /// Pass 2 on a worker thread: where built chunks go, and the chunk being built.
    @exclusivity(unchecked) private var chunkQueue: HandoffQueue<RecordChunk>?
    @exclusivity(unchecked) private var chunk: RecordChunk?

    /// Sections of more records than this are read on two threads, in chunks of this many
    /// records, as JSON sections are (``GraphDocument/chunkRecords``; 0: one thread).
    private let recordsPerChunk: Int
    /// Pass 1: the block section being read, while its records can still be cut into chunks.
    @exclusivity(unchecked) private var layout: YAMLSectionLayout?
    /// Pass 1: the document declares tag handles (`%TAG`): its sections are not cut.
    private var hasTagDirectives = false
    /// Pass 1: the chunks of each block section (by its placeholder node in ``top``).
    private var layouts: [Int32: YAMLSectionLayout] = [:]
    /// Pass 1: the line (from 0, as libyaml counts) that starts at byte ``lineCursorOffset``.
    private var lineCursor = 0
    private var lineCursorOffset = 0
    /// Whether every line break of the text is a line feed (CR LF counts as one), so that
    /// counting line feeds counts libyaml's lines; a lone CR, NEL, LS or PS breaks a line
    /// for libyaml too. Found when a section is first cut.
    private lazy var breaksAreLineFeeds = Self.breaksAreLineFeeds(pass1Bytes)
    /// Pass 2 on a chunk: added to libyaml's lines (the chunk's text starts at this line's end).
    @exclusivity(unchecked) private var lineOffset = 0
    /// Pass 2: records read but not handed out (a section read again from a chunk on).
    @exclusivity(unchecked) private var skipRecords = 0
    /// Pass 2 on a chunk: the records handed out.
    @exclusivity(unchecked) private var delivered = 0

    private init(name: String, index: Int, bytes: UnsafeBufferPointer<UInt8>, limits: InputLimits, recordsPerChunk: Int,
                 anchoredText: TextBuffer = TextBuffer()) {
        self.recordsPerChunk = recordsPerChunk
        self.anchoredText = anchoredText
        let locator = Locator(file: name, fileIndex: index)
        top = RecordTree(base: topText.base, owner: topText, locator: locator)
        records = RecordTree(base: recordText.base, owner: recordText, locator: locator)
        recordTree = records
        recordBytes = recordText
        self.bytes = bytes
        pass1Bytes = bytes
        limit = max(limits.minExpandedNodes, bytes.count)
    }

    var locator: Locator { top.locator }

    /// The plain scalars read as null: empty, `~`, `null`, `Null`, `NULL`.
    @inline(__always) static func isNullWord(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        switch value.count {
        case 0: return true
        case 1: return value[0] == 0x7E
        case 4:
            let (a, b, c, d) = (value[0], value[1], value[2], value[3])
            guard a == 0x6E || a == 0x4E else { return false }
            if b == 0x75 && c == 0x6C && d == 0x6C { return true }  // null, Null
            return a == 0x4E && b == 0x55 && c == 0x4C && d == 0x4C  // NULL
        default: return false
        }
    }

    // MARK: Pass 1

    /// Parses the whole document (UTF-8 bytes that outlive the reader).
    ///
    /// With `skimsSections` (and records read in chunks), block sections that a
    /// ``YAMLSectionScan`` finds are not parsed here: pass 1 parses the rest of the document
    /// (the sections' records replaced by a stand-in each) and the sections are checked
    /// chunk by chunk as they are read (``sectionCheck``). Whatever pass 1 then finds wrong,
    /// or finds not where the scan put it, makes it read the document the exact way, so its
    /// diagnostics are the same; what the chunks find wrong is for the caller to act on
    /// (``GraphDocument/needsExactRead``: the document is read again without skimming).
    static func read(name: String, index: Int, bytes: UnsafeBufferPointer<UInt8>, limits: InputLimits,
                     recordsPerChunk: Int, skimsSections: Bool = false) -> Result<YAMLEventReader, InputError> {
        if skimsSections, recordsPerChunk > 0, breaksAreLineFeeds(bytes),
           let scan = YAMLSectionScan(bytes, recordsPerChunk: recordsPerChunk) {
            let (text, shifts) = scan.presented(bytes)
            let skimmed: YAMLEventReader? = text.withUnsafeBufferPointer { presented in
                let reader = YAMLEventReader(name: name, index: index, bytes: bytes, limits: limits, recordsPerChunk: recordsPerChunk)
                reader.pass1Bytes = presented
                reader.shifts = shifts
                reader.planned = scan.sections
                defer { reader.pass1Bytes = bytes }
                do throws(Stop) {
                    try reader.firstPass()
                } catch {
                    return nil
                }
                return reader.stoppedAt == nil && reader.placePlannedSections() ? reader : nil
            }
            if let skimmed {
                skimmed.endFirstPass()
                return .success(skimmed)
            }
        }
        let reader = YAMLEventReader(name: name, index: index, bytes: bytes, limits: limits, recordsPerChunk: recordsPerChunk)
        do throws(Stop) {
            try reader.firstPass()
        } catch {
            return .failure(InputError([error.diagnostic]))
        }
        if let stop = reader.stoppedAt {
            return .failure(InputError([Diagnostic(reader.locator.location(stop),
                "the document grows past \(reader.limit) values when its aliases (*name) are expanded; a graph file may not repeat large anchored blocks")]))
        }
        reader.endFirstPass()
        return .success(reader)
    }

    /// Pass 1 is over: the top level is kept, and what pass 2 needs on any thread is made.
    private func endFirstPass() {
        top.rebase(topText.base, owner: topText)
        records.reset()
        source = YAMLRecordSource(name: locator.file, index: locator.fileIndex, bytes: bytes, anchors: anchors,
                                  anchoredNodes: anchoredNodes, anchoredText: anchoredText, aliasTargets: aliasTargets)
        recordText.reset()
    }

    /// Pass 1 over stand-ins is over: whether it found every planned section where the scan put
    /// it (its stand-in as its one record); then each one's placeholder gets the scan's record
    /// count and its chunks, to be checked as they are read.
    private func placePlannedSections() -> Bool {
        guard !hasTagDirectives, found.count == planned.count else { return false }
        var entries: Set<Int> = []
        var standIns = 0
        for (i, section) in planned.enumerated() {
            let (node, entry, aliases) = found[i]!
            top.update(node) { $0.count = Int32(-1 - section.count) }
            layouts[node] = YAMLSectionLayout(entry: entry, isMapping: section.isMapping, starts: section.starts, lines: section.lines,
                                              aliases: Array(repeating: aliases, count: section.starts.count), records: section.records,
                                              end: section.end, endAliases: aliases, count: section.count, isCheckedByChunks: true)
            entries.insert(entry)
            standIns += YAMLSectionScan.standInValues(section)
        }
        sectionCheck = YAMLSectionCheck(sections: entries, values: expanded - standIns, limit: limit)
        return true
    }

    /// Documents of at least this many bytes are parsed for pass 1 on another thread, when
    /// records are read on two threads.
    static let pipelineBytes = 1 << 16

    private func firstPass() throws(Stop) {
        isFirstPass = true
        guard recordsPerChunk > 0 && pass1Bytes.count >= Self.pipelineBytes else {
            try Self.withParser(over: pass1Bytes) { parser throws(Stop) in
                let slot = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
                var filled = false
                defer {
                    if filled { yaml_event_delete(slot) }
                    slot.deallocate()
                }
                try firstPass { () throws(Stop) in
                    if filled { yaml_event_delete(slot) }
                    filled = yaml_parser_parse(parser, slot) == 1
                    guard filled else { throw syntaxError(parser) }
                    return slot
                }
            }
            return
        }
        // libyaml on another thread, a run of events at a time; the events are built here.
        let queue = HandoffQueue<EventRun>(window: 4)
        let job = ParseJob(bytes: pass1Bytes, file: locator.file, queue: queue)
        Thread { job.run() }.start()
        var run: EventRun?
        var next = 0
        // Stopped (at the end or at a problem): the parser is done with the bytes before they
        // can go, and the runs it had made are freed.
        defer { queue.cancel() }
        try firstPass { () throws(Stop) in
            while next == run?.count ?? 0 {
                if let used = run { queue.recycle(used) }
                run = queue.take()
                next = 0
                guard run != nil else {
                    throw Stop(diagnostic: queue.stoppedBy ?? Diagnostic(SourceLocation(file: locator.file, line: 1, column: 1),
                                                                          "not valid YAML"))
                }
            }
            next += 1
            return run!.events + (next - 1)
        }
    }

    /// Pass 1 over the events that `nextEvent` gives (each valid until the next call; its
    /// source frees it).
    private func firstPass(_ nextEvent: () throws(Stop) -> UnsafeMutablePointer<yaml_event_t>) throws(Stop) {
        var documents = 0
        while true {
            let slot = try nextEvent()
            switch slot.pointee.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                if documents > 0 {
                    throw Stop(diagnostic: Self.diagnostic(problem: "but found another document",
                        context: ("expected a single document in the stream", 1), line: slot.pointee.start_mark.line + 1,
                        column: slot.pointee.start_mark.column + 1, file: locator.file))
                }
                documents += 1
                // A chunk's text parsed alone would not know the document's tag handles.
                let directives = slot.pointee.data.document_start.tag_directives
                if directives.start != directives.end { hasTagDirectives = true }
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            default:
                try handle(&slot.pointee)
            }
        }
    }

    /// libyaml's events in the order parsed, a run at a time (see ``HandoffQueue``). The
    /// parser's thread moves the text of each node event (value, anchor, tag) into the run's
    /// own blocks and frees libyaml's copy at once, so that libyaml's memory is allocated and
    /// freed on one thread while it is in its cache; a document start keeps its directives
    /// until the run is emptied for reuse or dropped (the other events own nothing).
    private final class EventRun {
        static let capacity = 1024
        static let blockBytes = 1 << 16
        let events = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: capacity)
        private(set) var count = 0
        /// Events that still own libyaml's memory.
        private var owning: [Int] = []
        /// Text blocks (they never move); `block` is being filled, `used` bytes of it.
        private var blocks: [UnsafeMutableBufferPointer<UInt8>] = []
        private var block = 0
        private var used = 0

        deinit {
            empty()
            for block in blocks { block.deallocate() }
            events.deallocate()
        }

        /// Frees what the events still own and forgets them (the blocks are kept).
        func empty() {
            for i in owning { yaml_event_delete(events + i) }
            owning.removeAll(keepingCapacity: true)
            count = 0
            block = 0
            used = 0
        }

        /// Parses the next event into the run; false at a syntax error.
        func parse(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Bool {
            let event = events + count
            guard yaml_parser_parse(parser, event) == 1 else { return false }
            count += 1
            // libyaml allocates each string with malloc (yaml_malloc), so each is freed with free.
            switch event.pointee.type {
            case YAML_SCALAR_EVENT:
                event.pointee.data.scalar.anchor = move(cString: event.pointee.data.scalar.anchor)
                event.pointee.data.scalar.tag = move(cString: event.pointee.data.scalar.tag)
                event.pointee.data.scalar.value = move(event.pointee.data.scalar.value, count: event.pointee.data.scalar.length + 1)
            case YAML_ALIAS_EVENT:
                event.pointee.data.alias.anchor = move(cString: event.pointee.data.alias.anchor)
            case YAML_MAPPING_START_EVENT:
                event.pointee.data.mapping_start.anchor = move(cString: event.pointee.data.mapping_start.anchor)
                event.pointee.data.mapping_start.tag = move(cString: event.pointee.data.mapping_start.tag)
            case YAML_SEQUENCE_START_EVENT:
                event.pointee.data.sequence_start.anchor = move(cString: event.pointee.data.sequence_start.anchor)
                event.pointee.data.sequence_start.tag = move(cString: event.pointee.data.sequence_start.tag)
            case YAML_DOCUMENT_START_EVENT:
                owning.append(count - 1)
            default:
                break  // Stream start (its encoding) and the ends own nothing.
            }
            return true
        }

        private func move(cString text: UnsafeMutablePointer<yaml_char_t>?) -> UnsafeMutablePointer<yaml_char_t>? {
            guard let text else { return nil }
            return move(text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)) + 1)
        }

        /// `n` bytes at `text` copied into the blocks, and libyaml's copy freed.
        private func move(_ text: UnsafeMutablePointer<yaml_char_t>?, count n: Int) -> UnsafeMutablePointer<yaml_char_t>? {
            guard let text else { return nil }
            defer { free(text) }
            while block < blocks.count && used + n > blocks[block].count {
                block += 1
                used = 0
            }
            if block == blocks.count {
                blocks.append(.allocate(capacity: max(Self.blockBytes, n)))
                used = 0
            }
            let target = blocks[block].baseAddress! + used
            target.update(from: text, count: n)
            used += n
            return target
        }
    }

    /// Pass 1's parser on its own thread: parses the document into event runs until its end, a
    /// syntax error or the reader's cancelling.
    ///
    /// `@unchecked Sendable`: its bytes are only read, and outlive it (the reader cancels the
    /// queue, which waits for ``run()`` to finish, before it returns).
    private final class ParseJob: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let queue: HandoffQueue<EventRun>

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, queue: HandoffQueue<EventRun>) {
            self.bytes = bytes
            self.file = file
            self.queue = queue
        }

        func run() {
            YAMLEventReader.withParser(over: bytes) { parser in
                var problem: Diagnostic?
                var ended = false
                while !ended, let run = queue.emptyItem({ EventRun() }) {
                    run.empty()
                    while run.count < EventRun.capacity {
                        guard run.parse(parser) else {
                            problem = YAMLEventReader.syntaxError(parser, bytes: bytes, file: file).diagnostic
                            ended = true
                            break
                        }
                        if run.events[run.count - 1].type == YAML_STREAM_END_EVENT {
                            ended = true
                            break
                        }
                    }
                    queue.put(run)
                }
                queue.finish(problem)
            }
        }
    }

    // MARK: Pass 2

    /// Keeps one parser positioned across the ``forEachRecord(section:count:_:)`` calls made by
    /// `body` (freed when it returns), so sections read in document order are parsed once.
    func readingInOrder<R>(_ body: () -> R) -> R {
        withParser { parser in
            cursor = Cursor(parser: parser)
            defer { cursor = nil }
            return body()
        }
    }

    /// Where a pass-2 parser is: between the root mapping's entries (`children` keys and
    /// values read).
    private struct Cursor {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var depth = 0
        var children = 0
        var aliases = 0
    }

    /// Calls `body(tree, key, value)` for each record of the section at entry `section` of the
    /// root mapping (`key` -1 in a list), which has `count` records; a syntax error (not
    /// possible after pass 1, which read the same text) is returned.
    func forEachRecord(section: Int, count: Int, _ body: (RecordTree, Int32, Int32) -> Void) -> Diagnostic? {
        // An empty section (`[]`, `{}`) has nothing to read again: no parser need get to it.
        guard count > 0 else { return nil }
        if var cursor = self.cursor, cursor.children <= 2 * section + 1 {
            defer { self.cursor = cursor }
            return read(section, count: count, &cursor, body)
        }
        return withParser { parser in
            var cursor = Cursor(parser: parser)
            return read(section, count: count, &cursor, body)
        }
    }

    private func read(_ section: Int, count: Int, _ cursor: inout Cursor,
                      _ body: (RecordTree, Int32, Int32) -> Void) -> Diagnostic? {
        guard recordsPerChunk > 0 && count > recordsPerChunk else {
            return withoutActuallyEscaping(body) { body in
                deliver = body
                defer { deliver = nil }
                return readSection(section, &cursor)
            }
        }
        // libyaml and the trees on a worker, the records' checks and commits here.
        let queue = HandoffQueue<RecordChunk>(window: 4)
        let job = WorkerJob(reader: self, cursor: cursor, section: section, queue: queue)
        Thread { job.run() }.start()
        while let chunk = queue.take() {
            for record in chunk.records { body(chunk.tree, record.key, record.value) }
            chunk.reset()
            queue.recycle(chunk)
        }
        let problem = queue.stoppedBy
        cursor = job.cursor
        return problem
    }

    /// A section read on a worker thread: the reader and its parser belong to the worker from
    /// `run()`'s start until it calls ``HandoffQueue/finish(_:)``.
    private final class WorkerJob: @unchecked Sendable {
        let reader: YAMLEventReader
        var cursor: Cursor
        let section: Int
        let queue: HandoffQueue<RecordChunk>

        init(reader: YAMLEventReader, cursor: Cursor, section: Int, queue: HandoffQueue<RecordChunk>) {
            self.reader = reader
            self.cursor = cursor
            self.section = section
            self.queue = queue
        }

        func run() {
            reader.chunkQueue = queue
            reader.switchChunk(to: reader.emptyChunk(queue))
            let problem = reader.readSection(section, &cursor)
            if let last = reader.chunk, !last.records.isEmpty { reader.hand(last, to: queue) }
            reader.chunkQueue = nil
            reader.chunk = nil
            reader.recordTree = reader.records
            reader.recordBytes = reader.recordText
            queue.finish(problem)
        }
    }

    /// Records in one tree, built on a worker thread: each record's key (-1 in a list) and value.
    /// A chunk belongs to one thread at a time (see ``HandoffQueue``).
    final class RecordChunk {
        let tree: RecordTree
        let text: TextBuffer
        var records: [(key: Int32, value: Int32)] = []

        init(locator: Locator) {
            text = TextBuffer(capacity: 1 << 16)
            tree = RecordTree(base: text.base, owner: text, locator: locator)
        }

        /// Empties it for reuse.
        func reset() {
            tree.reset()
            text.reset()
            records.removeAll(keepingCapacity: true)
        }
    }

    private func switchChunk(to next: RecordChunk) {
        chunk = next
        recordTree = next.tree
        recordBytes = next.text
    }

    /// An empty chunk to build records into (the queue is never cancelled).
    private func emptyChunk(_ queue: HandoffQueue<RecordChunk>) -> RecordChunk {
        queue.emptyItem { RecordChunk(locator: locator) }!
    }

    /// Hands a built chunk over, its tree pointed at its text.
    private func hand(_ chunk: RecordChunk, to queue: HandoffQueue<RecordChunk>) {
        chunk.tree.rebase(chunk.text.base, owner: chunk.text)
        queue.put(chunk)
    }

    private func readSection(_ section: Int, _ cursor: inout Cursor) -> Diagnostic? {
        isFirstPass = false
        aliasCount = cursor.aliases
        defer { cursor.aliases = aliasCount }
        do throws(Stop) {
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(cursor.parser, &event) == 1 else { throw syntaxError(cursor.parser) }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    aliasCount += 1
                    if cursor.depth == 1 { cursor.children += 1 }
                case YAML_SCALAR_EVENT:
                    if cursor.depth == 1 { cursor.children += 1 }
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if cursor.depth == 1 && cursor.children == 2 * section + 1 {
                        stack = [Frame(node: -1, isMapping: event.type == YAML_MAPPING_START_EVENT, isSection: true,
                                       hasProperties: false)]
                        inSection = true
                        while !stack.isEmpty {
                            var inner = yaml_event_t()
                            guard yaml_parser_parse(cursor.parser, &inner) == 1 else { throw syntaxError(cursor.parser) }
                            defer { yaml_event_delete(&inner) }
                            try handle(&inner)
                        }
                        cursor.children += 1
                        return nil
                    }
                    cursor.depth += 1
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    cursor.depth -= 1
                    if cursor.depth == 1 { cursor.children += 1 }
                default:
                    continue
                }
            }
        } catch {
            stack = []
            inSection = false
            return error.diagnostic
        }
    }

    // MARK: Sections in chunks

    /// What pass 2 needs of the document on any thread (made when pass 1 is over).
    private(set) var source: YAMLRecordSource?

    /// The chunks of a section (its placeholder node in ``top``) that another parser can read
    /// from their own first lines, on any thread (``readChunk(_:of:toEnd:_:)``); nil when it
    /// is read from the document's start (a flow-style section, one with unusual line breaks,
    /// or none when records are not read in chunks).
    func chunks(of section: Int32) -> YAMLSection? {
        guard let layout = layouts[section], let source else { return nil }
        return YAMLSection(layout: layout, source: source, check: layout.isCheckedByChunks ? sectionCheck : nil)
    }

    /// Pass 1: a record of the block section starts at `mark`; every `recordsPerChunk`-th
    /// record that starts a line (after nothing but its indentation, and a list's dash) starts
    /// a chunk. When the first one does not, the section is not cut.
    private func noteRecordStart(_ record: Int, at mark: yaml_mark_t) {
        if let last = layout!.records.last, record - last < recordsPerChunk { return }
        guard let start = lineStart(of: mark, dashes: !layout!.isMapping) else {
            if record == 0 { layout = nil }
            return
        }
        layout!.starts.append(documentOffset(start))
        layout!.lines.append(documentLine(Int(mark.line)))
        layout!.aliases.append(aliasTargets.count)
        layout!.records.append(record)
    }

    /// Pass 1: the block section ends at `mark` (where the next token starts).
    private func endLayout(of node: Int32, records: Int, at mark: yaml_mark_t) {
        layout!.end = documentOffset(lineStart(of: mark, dashes: false) ?? pass1Bytes.count)
        layout!.endAliases = aliasTargets.count
        layout!.count = records
        if !layout!.starts.isEmpty { layouts[node] = layout }
        layout = nil
    }

    /// The offset in the document of byte `offset` of pass 1's text (outside the stand-ins).
    private func documentOffset(_ offset: Int) -> Int {
        guard let shift = shifts.last(where: { $0.presentedEnd <= offset }) else { return offset }
        return offset + shift.delta
    }

    /// The line (from 0) in the document of line `line` of pass 1's text (outside the stand-ins).
    @inline(__always) private func documentLine(_ line: Int) -> Int {
        guard !shifts.isEmpty, let shift = shifts.last(where: { $0.standInLine < line }) else { return line }
        return line + shift.linesLeftOut
    }

    /// The byte offset (in pass 1's text) of the start of `mark`'s line, when the bytes before
    /// the mark on it are spaces (`dashes`: and at least one `-`); nil otherwise. Marks come in
    /// document order.
    private func lineStart(of mark: yaml_mark_t, dashes: Bool) -> Int? {
        let bytes = pass1Bytes
        guard breaksAreLineFeeds, let base = bytes.baseAddress else { return nil }
        let line = Int(mark.line), column = Int(mark.column)
        while lineCursor < line {
            guard let hit = memchr(base + lineCursorOffset, 0x0A, bytes.count - lineCursorOffset) else { return nil }
            lineCursorOffset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            lineCursor += 1
        }
        let start = lineCursorOffset
        guard lineCursor == line, start + column <= bytes.count else { return nil }
        var sawDash = false
        for i in start..<(start + column) {
            if base[i] == 0x2D && dashes { sawDash = true } else if base[i] != 0x20 { return nil }
        }
        return sawDash || !dashes ? start : nil
    }

    /// Whether every CR is followed by LF and no NEL, LS or PS is in `bytes`.
    private static func breaksAreLineFeeds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        /// Whether every `first` byte is followed by bytes that `rest` accepts (given the next two, 0 past the end).
        func every(_ first: UInt8, _ rest: (UInt8, UInt8) -> Bool) -> Bool {
            var at = 0
            while at < bytes.count, let hit = memchr(base + at, Int32(first), bytes.count - at) {
                at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                if !rest(at < bytes.count ? base[at] : 0, at + 1 < bytes.count ? base[at + 1] : 0) { return false }
            }
            return true
        }
        return every(0x0D) { next, _ in next == 0x0A } && every(0xC2) { next, _ in next != 0x85 }
            && every(0xE2) { next, last in next != 0x80 || (last != 0xA8 && last != 0xA9) }
    }

    /// A reader of a document's record chunks for one thread: its own parsers and trees, the
    /// document's text and anchors.
    static func chunkReader(of source: YAMLRecordSource) -> YAMLEventReader {
        let reader = YAMLEventReader(name: source.name, index: source.index, bytes: source.bytes, limits: InputLimits(),
                                     recordsPerChunk: 0, anchoredText: source.anchoredText)
        reader.isFirstPass = false
        reader.anchors = source.anchors
        reader.anchoredNodes = source.anchoredNodes
        reader.aliasTargets = source.aliasTargets
        return reader
    }

    /// Reads chunk `index` of `section` (a reader of ``chunkReader(of:)``) with a parser over
    /// the chunk's text alone, calling `body(key, value)` with each record in ``records``.
    /// It is the document's reading only if it reads the records and aliases pass 1 counted
    /// there, else it ends `.misaligned`. With `toEnd` the section is read from that chunk to
    /// its end by a parser of the whole document (as a one-thread read does).
    func readChunk(_ index: Int, of section: YAMLSection, toEnd: Bool, _ body: (Int32, Int32) -> Void) -> ChunkedSection.End {
        let layout = section.layout
        return withoutActuallyEscaping(body) { body in
            deliver = { _, key, value in body(key, value) }
            defer { deliver = nil }
            // A section pass 1 did not read has only its chunks' word: one read alone must be right.
            if layout.isCheckedByChunks && toEnd { return .unchecked }
            if toEnd {
                skipRecords = layout.records[index]
                defer { skipRecords = 0 }
                let problem = withParser { parser in
                    var cursor = Cursor(parser: parser)
                    return readSection(layout.entry, &cursor)
                }
                return problem.map { .syntaxError($0) } ?? .sectionEnd
            }
            let last = index + 1 == layout.starts.count
            let text = UnsafeBufferPointer(rebasing: bytes[layout.starts[index]..<(last ? layout.end : layout.starts[index + 1])])
            lineOffset = layout.lines[index]
            aliasCount = layout.aliases[index]
            delivered = 0
            checksRecords = layout.isCheckedByChunks
            chunkCheck = YAMLSectionCheck.Chunk()
            defer {
                lineOffset = 0
                checksRecords = false
            }
            let complete = Self.withParser(over: text) { parser in readChunkSection(parser, isMapping: layout.isMapping) }
            let records = (last ? layout.count : layout.records[index + 1]) - layout.records[index]
            guard complete, delivered == records, aliasCount == (last ? layout.endAliases : layout.aliases[index + 1]) else {
                return layout.isCheckedByChunks ? .unchecked : .misaligned
            }
            return last ? .sectionEnd : .next
        }
    }

    /// Reads a chunk's text (its records as one block mapping or list); false at anything else.
    private func readChunkSection(_ parser: UnsafeMutablePointer<yaml_parser_t>, isMapping: Bool) -> Bool {
        do throws(Stop) {
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError(parser) }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT:
                    continue
                case YAML_MAPPING_START_EVENT where isMapping, YAML_SEQUENCE_START_EVENT where !isMapping:
                    stack = [Frame(node: -1, isMapping: isMapping, isSection: true, hasProperties: false)]
                    inSection = true
                    while !stack.isEmpty {
                        var inner = yaml_event_t()
                        guard yaml_parser_parse(parser, &inner) == 1 else { throw syntaxError(parser) }
                        defer { yaml_event_delete(&inner) }
                        try handle(&inner)
                    }
                    return true
                default:
                    return false
                }
            }
        } catch {
            stack = []
            inSection = false
            chunkKeys.removeAll(keepingCapacity: true)
            chunkKeyStarts.removeAll(keepingCapacity: true)
            return false
        }
    }

    /// A checked chunk: a key of the innermost open mapping of a record, refused (``unchecked``)
    /// when it is given twice there, as pass 1 compares keys (scalars by their text, as Swift
    /// strings: ASCII text by its bytes), or is not a scalar, or the mapping has too many keys.
    private func addCheckedKey(_ node: Int32) throws(Stop) {
        let key = recordTree[node]
        guard key.kind != .mapping && key.kind != .list else { throw Self.unchecked }
        let from = chunkKeyStarts[chunkKeyStarts.count - 1]
        guard chunkKeys.count - from < Self.checkedKeysLimit else { throw Self.unchecked }
        let base = recordBytes.base
        let text = UnsafeBufferPointer(start: base + key.start, count: key.end - key.start)
        for other in chunkKeys[from...] {
            let otherText = UnsafeBufferPointer(start: base + other.start, count: other.end - other.start)
            if text.count == otherText.count && memcmp(base + key.start, base + other.start, text.count) == 0 {
                throw Self.unchecked
            }
            if (text.contains { $0 >= 0x80 } || otherText.contains { $0 >= 0x80 })
                && String(decoding: text, as: UTF8.self) == String(decoding: otherText, as: UTF8.self) {
                throw Self.unchecked
            }
        }
        chunkKeys.append((key.start, key.end))
    }

    /// What the checks of the last chunk read (``readChunk(_:of:toEnd:_:)``) counted; nil when
    /// its section was read by pass 1.
    func takeChunkCheck(of section: YAMLSection) -> YAMLSectionCheck.Chunk? {
        guard section.layout.isCheckedByChunks else { return nil }
        defer { chunkCheck = YAMLSectionCheck.Chunk() }
        return chunkCheck
    }

    // MARK: Events

    /// Builds one node event into the tree being built.
    private func handle(_ event: inout yaml_event_t) throws(Stop) {
        let mark = Locator.yamlMark(line: documentLine(event.start_mark.line) + 1 + lineOffset, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            if checksRecords {
                guard scalar.anchor == nil && scalar.tag == nil else { throw Self.unchecked }
                chunkCheck.values += 1
            }
            beginChild(event.start_mark)
            if isFirstPass { count(1, mark: mark) }
            let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
            let kind: RecordTree.Kind = plain ? (Self.isNullWord(value) ? .null : .plain) : .string
            let text = inSection ? recordBytes : topText, tree = self.tree
            let start = text.append(scalar.value, count: scalar.length)
            let node = tree.append(.init(kind: kind, escaped: false, start: start, end: text.count, mark: mark,
                                         first: -1, next: -1, count: 0))
            place(node, in: tree)
            if isFirstPass, let anchor = scalar.anchor {
                let tag = Self.scalarTag(scalar.tag, quotedImplicit: scalar.quoted_implicit)
                register(String(cString: anchor), node: node, tag: tag,
                         key: .scalar(String(decoding: value, as: UTF8.self), tag: tag))
            }
            try finished(node) { .scalar(String(decoding: value, as: UTF8.self), tag: Self.scalarTag(scalar.tag, quotedImplicit: scalar.quoted_implicit)) }
        case YAML_ALIAS_EVENT:
            if checksRecords { throw Self.unchecked }
            beginChild(event.start_mark)
            let target: Int32
            if isFirstPass {
                let name = String(cString: event.data.alias.anchor)
                guard let found = anchorsByName[name] else {
                    throw Stop(diagnostic: Self.diagnostic(problem: "found undefined alias", context: nil,
                        line: event.start_mark.line + 1, column: event.start_mark.column + 1, file: locator.file))
                }
                target = found
                aliasTargets.append(found)
            } else {
                target = aliasTargets[aliasCount]
                aliasCount += 1
            }
            let anchor = anchors[Int(target)]
            if isFirstPass, anchor.root >= 0 { count(anchor.size, mark: mark, expanding: anchor.root) }
            let node: Int32, tree = self.tree
            if anchor.root >= 0 && stoppedAt == nil {
                node = expand(anchor, into: tree)
            } else {
                node = tree.append(.init(kind: .null, escaped: false, start: 0, end: 0, mark: mark, first: -1, next: -1, count: 0))
            }
            place(node, in: tree)
            try finished(node, isAlias: true) { self.key(of: target) }
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            if checksRecords {
                guard anchorPointer == nil && (isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag) == nil
                else { throw Self.unchecked }
                chunkCheck.values += 1
            }
            beginChild(event.start_mark)
            if isFirstPass { count(1, mark: mark) }
            // A record section: the root mapping's value under a section key, not anchored.
            let isSection = isFirstPass && stack.count == 1 && stack[0].sectionKey && !stack[0].atKey && anchorPointer == nil
            let tree = self.tree
            let node = tree.append(.init(kind: isMapping ? .mapping : .list, escaped: false,
                                         start: isSection ? Int(stack[0].count) : 0, end: 0, mark: mark,
                                         first: -1, next: -1, count: 0))
            place(node, in: tree)
            var tag: String?
            if isFirstPass {
                let implicit = isMapping ? event.data.mapping_start.implicit : event.data.sequence_start.implicit
                let raw = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
                if implicit == 0, let raw {
                    let name = String(cString: raw)
                    if name != "!" && name != (isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq") { tag = name }
                }
            }
            let anchor = isFirstPass ? anchorPointer.map { String(cString: $0) } : nil
            let hasProperties = anchor != nil || tag != nil
            if hasProperties { properties.append((anchor, tag)) }
            if isFirstPass && isMapping { mappingKeys.open() }
            if checksRecords && isMapping { chunkKeyStarts.append(chunkKeys.count) }
            stack.append(Frame(node: node, isMapping: isMapping, isSection: isSection, hasProperties: hasProperties))
            if isSection {
                inSection = true
                let isBlock = isMapping ? event.data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE
                    : event.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE
                if recordsPerChunk > 0 && isBlock && !hasTagDirectives {
                    layout = YAMLSectionLayout(entry: Int(stack[0].count), isMapping: isMapping)
                }
                // A section the scan found: its stand-in starts where its first record does.
                let line = documentLine(Int(event.start_mark.line)), column = Int(event.start_mark.column)
                if isBlock, let i = planned.firstIndex(where: {
                    $0.firstLine == line && $0.indent == column && $0.isMapping == isMapping
                }) {
                    readingPlanned = i
                }
            }
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            let frame = stack.removeLast()
            let (anchor, tag) = frame.hasProperties ? properties.removeLast() : (nil, nil)
            if checksRecords && !frame.isSection && frame.isMapping { chunkKeys.removeSubrange(chunkKeyStarts.removeLast()...) }
            if isFirstPass && frame.isMapping, let (names, first) = mappingKeys.close() {
                let (line, column) = locator.lineAndColumn(first)
                throw Stop(diagnostic: Diagnostic(SourceLocation(file: locator.file, line: max(line, 1), column: max(column, 1)),
                    "\(names.map { "'\($0)'" }.joined(separator: ", ")) \(names.count == 1 ? "is" : "are") given twice in the same mapping"))
            }
            if frame.isSection {
                inSection = false
                guard frame.node >= 0 else { return }
                if let i = readingPlanned {
                    // Found where planned only if the stand-in is its one record.
                    if frame.count == 1 && found[i] == nil { found[i] = (frame.node, Int(stack[0].count), aliasTargets.count) }
                    readingPlanned = nil
                }
                top.update(frame.node) { $0.count = -1 - frame.count }
                if layout != nil { endLayout(of: frame.node, records: Int(frame.count), at: event.start_mark) }
                try finished(frame.node) { .unique(Int(frame.node)) }
                return
            }
            tree.update(frame.node) { $0.count = frame.count }
            if let anchor { register(anchor, node: frame.node, tag: tag, key: nil) }
            try finished(frame.node) { self.key(ofTree: frame.node, tag: tag) }
        default:
            break
        }
    }

    /// The tree nodes are built into: a record's, inside a record section, else the top level's.
    private var tree: RecordTree { inSection ? recordTree : top }

    /// Before a node starts: a record section's next record starts with an empty tree (or, on
    /// a worker, after the chunk's records; a full chunk is handed over first).
    @inline(__always) private func beginChild(_ mark: yaml_mark_t) {
        guard let parent = stack.last, parent.isSection, !parent.isMapping || parent.atKey else { return }
        if isFirstPass && layout != nil { noteRecordStart(Int(parent.count), at: mark) }
        if let chunkQueue, let chunk {
            if chunk.records.count >= recordsPerChunk {
                hand(chunk, to: chunkQueue)
                switchChunk(to: emptyChunk(chunkQueue))
            }
        } else {
            recordTree.reset()
            recordBytes.reset()
        }
        stack[stack.count - 1].last = -1
    }

    /// Links a new node to its parent (mappings: key, value, key … in one sibling chain) in
    /// `tree` (``tree``, loaded once an event).
    @inline(__always) private func place(_ node: Int32, in tree: RecordTree) {
        let i = stack.count - 1
        guard i >= 0 else {
            root = node
            return
        }
        let parent = stack[i]
        if parent.last >= 0 {
            tree.update(parent.last) { $0.next = node }
        } else if !parent.isSection {
            tree.update(parent.node) { $0.first = node }
        }
        stack[i].last = node
    }

    /// A node is complete: counts it in its parent, checks a key (pass 1), hands out a record.
    @inline(__always) private func finished(_ node: Int32, isAlias: Bool = false, key: () -> YAMLMappingKeys.Key) throws(Stop) {
        let i = stack.count - 1
        guard i >= 0 else { return }
        if stack[i].isMapping {
            if stack[i].atKey {
                stack[i].atKey = false
                if isFirstPass { mappingKeys.add(key(), mark: tree[node].mark) }
                if checksRecords && !stack[i].isSection { try addCheckedKey(node) }
                if checksRecords && stack[i].isSection {
                    // A record's key, compared with the section's other keys by its text's hash
                    // (Swift strings: canonically equivalent text hashes alike, as pass 1
                    // compares keys); a key that is not a scalar is left to pass 1.
                    let key = tree[node]
                    guard key.kind != .mapping && key.kind != .list else { throw Self.unchecked }
                    chunkCheck.keys.append(String(decoding: UnsafeBufferPointer(start: recordBytes.base + key.start,
                                                                                count: key.end - key.start), as: UTF8.self).hashValue)
                }
                if isFirstPass && i == 0 {
                    let k = top[node]
                    stack[0].sectionKey = !isAlias && (k.kind == .plain || k.kind == .string)
                        && GraphDocument.recordSections.contains(String(decoding: UnsafeBufferPointer(
                            start: topText.base + k.start, count: k.end - k.start), as: UTF8.self))
                }
                if stack[i].isSection { stack[i].recordKey = node }
                return
            }
            stack[i].atKey = true
        }
        stack[i].count += 1
        guard stack[i].isSection else { return }
        if let chunk {
            chunk.records.append((stack[i].recordKey, node))
        } else if skipRecords > 0 {
            skipRecords -= 1
        } else if let deliver {
            recordTree.rebase(recordBytes.base, owner: recordBytes)
            delivered += 1
            deliver(recordTree, stack[i].recordKey, node)
        }
        stack[i].recordKey = -1
    }

    // MARK: Anchors and aliases

    /// Counts values towards the bound; the first value past it is where the document stops.
    @inline(__always) private func count(_ n: Int, mark: Int, expanding root: Int32 = -1) {
        let before = expanded
        expanded += n
        if expanded > limit, stoppedAt == nil {
            stoppedAt = root >= 0 ? anchoredNodes[Int(root) + (limit - before)].mark : mark
        }
    }

    /// Keeps an anchored node (just ended; its subtree is the tree's nodes from `node` on).
    private func register(_ name: String, node: Int32, tag: String?, key: YAMLMappingKeys.Key?) {
        anchorsByName[name] = Int32(anchors.count)
        guard stoppedAt == nil else {
            anchors.append(Anchor(root: -1, size: 0, tag: tag, key: key))
            return
        }
        let source = tree
        let text = inSection ? recordBytes : topText
        let from = Int(node), to = source.nodes.count
        let base = Int32(anchoredNodes.count) - node
        anchoredNodes.reserveCapacity(anchoredNodes.count + (to - from))
        Self.copyNodes(source.nodes, from..<to, base: base, text: text, into: anchoredText) { anchoredNodes.append($0) }
        anchors.append(Anchor(root: node + base, size: to - from, tag: tag, key: key))
    }

    /// Copies an anchored node into the tree being built (`target`); returns the copy's root.
    private func expand(_ anchor: Anchor, into target: RecordTree) -> Int32 {
        let text = inSection ? recordBytes : topText
        let from = Int(anchor.root), to = from + anchor.size
        let base = Int32(target.nodes.count) - anchor.root
        Self.copyNodes(anchoredNodes, from..<to, base: base, text: anchoredText, into: text) { _ = target.append($0) }
        return anchor.root + base
    }

    /// Copies the pre-order run of nodes `range` (one node and its descendants), its links
    /// moved by `base` (the root's sibling link cut) and its scalars' text copied from `source`
    /// into `target`, handing each copy to `append`.
    private static func copyNodes(_ nodes: [RecordTree.Node], _ range: Range<Int>, base: Int32, text source: TextBuffer,
                                  into target: TextBuffer, _ append: (RecordTree.Node) -> Void) {
        for i in range {
            var copy = nodes[i]
            if copy.first >= 0 { copy.first += base }
            copy.next = i == range.lowerBound || copy.next < 0 ? -1 : copy.next + base
            if copy.kind != .mapping && copy.kind != .list {
                let start = target.appendCopy(of: source, start: copy.start, end: copy.end)
                copy.end = target.count
                copy.start = start
            }
            append(copy)
        }
    }

    /// The key an alias stands for (for keys given twice).
    private func key(of anchor: Int32) -> YAMLMappingKeys.Key {
        if let key = anchors[Int(anchor)].key { return key }
        let a = anchors[Int(anchor)]
        guard a.root >= 0 else { return .unique(-1 - Int(anchor)) }
        let key = Self.key(ofNode: Int(a.root), in: anchoredNodes, text: anchoredText, tag: a.tag)
        anchors[Int(anchor)].key = key
        return key
    }

    private func key(ofTree node: Int32, tag: String?) -> YAMLMappingKeys.Key {
        Self.key(ofNode: Int(node), in: tree.nodes, text: inSection ? recordBytes : topText, tag: tag)
    }

    /// A mapping or list used as a key, by content (tags inside it are not kept).
    private static func key(ofNode i: Int, in nodes: [RecordTree.Node], text: TextBuffer, tag: String?) -> YAMLMappingKeys.Key {
        let node = nodes[i]
        switch node.kind {
        case .mapping, .list:
            var children: [YAMLMappingKeys.Key] = []
            var c = node.first
            while c >= 0 {
                children.append(key(ofNode: Int(c), in: nodes, text: text, tag: nil))
                c = nodes[Int(c)].next
            }
            return node.kind == .mapping ? .mapping(children, tag: tag) : .list(children, tag: tag)
        default:
            let bytes = UnsafeBufferPointer(start: text.base + node.start, count: node.end - node.start)
            return .scalar(String(decoding: bytes, as: UTF8.self), tag: tag)
        }
    }

    /// A scalar's resolved tag as Yams compared keys: nil for `str` (untagged, quoted, `!`).
    private static func scalarTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, quotedImplicit: Int32) -> String? {
        guard quotedImplicit == 0, let raw = tag else { return nil }
        let name = String(cString: raw)
        return name == "!" || name == "tag:yaml.org,2002:str" ? nil : name
    }

    // MARK: libyaml

    /// Runs `body` with a parser over the document's bytes, freed when it returns.
    private func withParser<R, E: Error>(_ body: (UnsafeMutablePointer<yaml_parser_t>) throws(E) -> R) throws(E) -> R {
        try Self.withParser(over: bytes, body)
    }

    /// Runs `body` with a parser over `bytes` (the document's, or a chunk's), freed when it returns.
    private static func withParser<R, E: Error>(over bytes: UnsafeBufferPointer<UInt8>,
                                                _ body: (UnsafeMutablePointer<yaml_parser_t>) throws(E) -> R) throws(E) -> R {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { fatalError("libyaml cannot allocate a parser") }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        var empty: UInt8 = 0
        if let base = bytes.baseAddress, bytes.count > 0 {
            yaml_parser_set_input_string(parser, base, bytes.count)
            return try body(parser)
        }
        return try withUnsafePointer(to: &empty) { pointer throws(E) in
            yaml_parser_set_input_string(parser, pointer, 0)
            return try body(parser)
        }
    }

    /// libyaml's error as one positioned sentence (no dump of the document), worded as Yams'
    /// errors were.
    private func syntaxError(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Stop {
        Self.syntaxError(parser, bytes: bytes, file: locator.file)
    }

    /// ``syntaxError(_:)`` of a parser over `bytes` of `file`.
    private static func syntaxError(_ parser: UnsafeMutablePointer<yaml_parser_t>, bytes: UnsafeBufferPointer<UInt8>,
                                    file: String) -> Stop {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown problem"
        switch p.error {
        case YAML_READER_ERROR:
            // Yams gave the offset in characters (grapheme clusters) of the text.
            let text = String(decoding: bytes, as: UTF8.self)
            let offset = text.utf8.index(text.utf8.startIndex, offsetBy: p.problem_offset, limitedBy: text.utf8.endIndex)?
                .samePosition(in: text).map { text.distance(from: text.startIndex, to: $0) }
            return Stop(diagnostic: Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                "cannot read the text: \(problem)\(offset.map { " at byte \($0)" } ?? "")"))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let context = p.context.map { (String(cString: $0), p.context_mark.line + 1) }
            return Stop(diagnostic: Self.diagnostic(problem: problem, context: context, line: p.problem_mark.line + 1,
                                                    column: p.problem_mark.column + 1, file: file))
        case YAML_MEMORY_ERROR:
            fatalError("libyaml ran out of memory")
        default:
            return Stop(diagnostic: Diagnostic(SourceLocation(file: file, line: 1, column: 1), "not valid YAML"))
        }
    }

    /// A syntax problem as one sentence, with a hint when it is usually bad indentation.
    static func diagnostic(problem: String, context: (text: String, line: Int)?, line: Int, column: Int,
                           file: String) -> Diagnostic {
        var message = "not valid YAML: \(problem)"
        if let context { message += " (\(context.text) at line \(context.line))" }
        if problem.contains("mapping values are not allowed") || problem.contains("did not find expected key")
            || problem.contains("block") {
            message += "; check the indentation of this line and the one above"
        }
        return Diagnostic(SourceLocation(file: file, line: line, column: column), message)
    }
}

/// Where the records of a block section of a YAML document start, every
/// ``GraphDocument/chunkRecords`` records (found in pass 1): each chunk's text can be parsed
/// alone, so that reading the section uses both cores (``ChunkedSection``).
struct YAMLSectionLayout: Sendable {
    /// The section's entry in the root mapping.
    let entry: Int
    let isMapping: Bool
    /// Per chunk: the byte offset where its first line starts, that line (from 0), the aliases
    /// before it and the records before it.
    var starts: [Int] = []
    var lines: [Int] = []
    var aliases: [Int] = []
    var records: [Int] = []
    /// Where the section's text ends (the start of the line after it), the aliases before
    /// then and its records.
    var end = 0
    var endAliases = 0
    var count = 0
    /// Pass 1 did not read the section (a ``YAMLSectionScan`` found it): each chunk read alone
    /// must be right, checked as pass 1 would (``YAMLSectionCheck``), else the document is read
    /// again the exact way.
    var isCheckedByChunks = false
}

/// A YAML section read in chunks: where they are, and the document they are in.
struct YAMLSection: Sendable {
    let layout: YAMLSectionLayout
    let source: YAMLRecordSource
    /// For a section pass 1 did not read: the document's checks of such sections.
    var check: YAMLSectionCheck? = nil
}

/// What reading a YAML document's records needs of pass 1, on any thread: the text, the
/// anchored nodes and the anchor each alias stands for.
///
/// `@unchecked Sendable`: nothing in it changes once pass 1 is over (the arrays are values, the
/// anchored text and the document's bytes are only read; the bytes outlive the readers, see
/// ``ChunkedSection/mapped``).
final class YAMLRecordSource: @unchecked Sendable {
    let name: String
    let index: Int
    let bytes: UnsafeBufferPointer<UInt8>
    let anchors: [YAMLEventReader.Anchor]
    let anchoredNodes: [RecordTree.Node]
    let anchoredText: TextBuffer
    let aliasTargets: [Int32]

    init(name: String, index: Int, bytes: UnsafeBufferPointer<UInt8>, anchors: [YAMLEventReader.Anchor],
         anchoredNodes: [RecordTree.Node], anchoredText: TextBuffer, aliasTargets: [Int32]) {
        self.name = name
        self.index = index
        self.bytes = bytes
        self.anchors = anchors
        self.anchoredNodes = anchoredNodes
        self.anchoredText = anchoredText
        self.aliasTargets = aliasTargets
    }
}
