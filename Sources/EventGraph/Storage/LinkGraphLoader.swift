#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The fast loader for large JSON graphs: a strict UTF-8 JSON scanner over the mapped file
/// bytes that validates every record with the rules and messages of ``GraphLoader`` (unknown
/// fields, types, ids, kinds, roles and their actor kinds, references, duplicates, dates) and
/// feeds a ``LinkGraphBuilder`` directly. Only actors and sources become Swift values; events
/// and relations are kept in the compact ``LinkGraph`` and parsed back from the file when a
/// path cites them (``JSONRecordStore``).
///
/// It declines (returns nil, and ``PathNetwork/load(paths:baseSchema:)`` uses ``GraphLoader``)
/// for input it does not fully cover: a file that is not strict RFC 8259 JSON (the YAML loader
/// then accepts it or reports the exact syntax error), a `schema:` section, a file that is not
/// UTF-8 or cannot be read. When the input has errors and is at most
/// ``exactDiagnosticsLimit`` bytes, it also declines, so small inputs get ``GraphLoader``'s
/// diagnostics byte for byte; larger inputs get its own, which use the same sentences and
/// `FILE:LINE:COLUMN` positions.
///
/// - Complexity: O(bytes) for scanning plus O(N log N) for sorting the ids; memory about
///   60 bytes per link plus the mapped file.
public struct LinkGraphLoader: Sendable {
    public var baseSchema: Schema
    /// Inputs up to this many bytes with errors are reloaded with ``GraphLoader`` for its
    /// exact diagnostics.
    public var exactDiagnosticsLimit: Int

    public init(baseSchema: Schema = .builtIn, exactDiagnosticsLimit: Int = 16 << 20) {
        self.baseSchema = baseSchema
        self.exactDiagnosticsLimit = exactDiagnosticsLimit
    }

    /// Loads JSON files the fast way, or returns nil when the fast loader does not apply
    /// (see the type's documentation).
    /// - Throws: ``InputError`` with every problem found (large inputs only; small ones with
    ///   errors return nil so that ``GraphLoader`` reports them).
    public func loadIfPossible(files: [String]) throws(InputError) -> PathNetwork? {
        var total = 0
        let outcome = load(files: files, totalBytes: &total)
        switch outcome {
        case .declined: return nil
        case let .loaded(network): return network
        case let .invalid(diagnostics):
            if total <= exactDiagnosticsLimit { return nil }
            throw InputError(diagnostics)
        }
    }

    /// The result of the fast loader alone (no fallback): for tests and benchmarks.
    public enum Outcome: Sendable {
        case loaded(PathNetwork)
        case invalid([Diagnostic])
        /// The fast loader does not cover this input; the reason says why.
        case declined(String)
    }

    public func load(files: [String]) -> Outcome {
        var total = 0
        return load(files: files, totalBytes: &total)
    }

    func load(files: [String], totalBytes: inout Int) -> Outcome {
        let profile = LoadProfile()
        defer { profile.report() }
        var mappedFiles: [MappedFile] = []
        for file in files {
            guard let mapped = MappedFile(path: file) else { return .declined("cannot read \(file)") }
            totalBytes += mapped.count
            mappedFiles.append(mapped)
        }
        for deferred in [true, false] {
            var reader = FastGraphReader(schema: baseSchema, expectedBytes: totalBytes, deferred: deferred)
            reader.profile = profile
            profile.mark(deferred ? "map" : "careful rerun: setup")
            for (file, mapped) in zip(files, mappedFiles) {
                do {
                    try reader.read(mapped)
                } catch {
                    return .declined("\(file): \(error.reason) at byte \(error.offset)")
                }
                profile.mark("scan + validate")
            }
            reader.profile = profile
            let outcome = reader.finish()
            if !reader.needsCarefulRun { return outcome }
        }
        return .declined("internal: the careful run asked for another run")
    }
}

/// Carries a Graph built on another thread.
final class GraphBox: @unchecked Sendable {
    var graph: Graph?
}

/// Reads the second half of an events map on another thread.
final class EventRangeWorker: @unchecked Sendable {
    private(set) var reader: FastGraphReader
    let file: MappedFile
    let fileIndex: Int
    let lines: LineIndex
    let start: Int
    private(set) var end: Int
    private(set) var finished = false
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    init(reader: FastGraphReader, file: MappedFile, fileIndex: Int, lines: LineIndex, start: Int) {
        self.reader = reader
        self.file = file
        self.fileIndex = fileIndex
        self.lines = lines
        self.start = start
        end = start
    }

    func run() {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let (end, finished) = reader.readEventRange(file: file, fileIndex: fileIndex, lines: lines, start: start)
            // Records keep the file index of the main reader.
            for i in reader.nodeFile.indices { reader.nodeFile[i] = UInt16(fileIndex) }
            for i in reader.refs.indices { reader.refs[i].file = UInt16(fileIndex) }
            for i in reader.pendingEvents.indices { reader.pendingEvents[i].file = UInt16(fileIndex) }
            self.end = end
            self.finished = finished
            done.signal()
        }
    }

    /// Waits for the worker (once).
    func wait() {
        guard !joined else { return }
        done.wait()
        joined = true
    }
}

/// Why the fast reader stops (the caller falls back).
struct FastReaderDecline: Error {
    let offset: Int
    let reason: String
}

/// The scanning and validation state of ``LinkGraphLoader``.
struct FastGraphReader {
    let schema: Schema
    var profile: LoadProfile?
    var diagnostics: [Diagnostic] = []

    // Files.
    var files: [MappedFile] = []
    var lineIndexes: [LineIndex] = []
    var fileIndex = -1

    // Symbols (every id seen) and what they are.
    var symbols = SymbolTable()
    enum Category: UInt8 { case none = 0, source, actor, event }
    /// What is known about each symbol (an id seen anywhere).
    struct SymbolInfo {
        /// Defined category (the assembler's `definitions`), 0 = not defined.
        var category: UInt8 = 0
        /// A valid record (the assembler's sources/actors/events arrays).
        var appended = false
        /// Section rank of the definition: 0 sources, 1 actors, 2 events.
        var rank: UInt8 = 0
        var actorKind: UInt8 = 0
        var file: UInt16 = 0
        /// The id map (section instance) it was last seen in, for "given twice".
        var mapStamp: Int32 = -1
        /// Builder node (actors, events) or index in `sources`.
        var index: Int32 = -1
        /// Byte offset of the defining key.
        var offset: Int = 0
        var mapOffset: Int = 0
    }
    var info: [SymbolInfo] = []
    var currentMap: Int32 = 0

    // References, checked after every file is read.
    enum RefKind: UInt8 { case role = 0, source, claimant, relationFrom, relationTo }
    struct Ref {
        /// The id's symbol; -1 while pending (deferred mode: the id is the string at `offset`).
        var symbol: Int32
        /// Role references: the event's symbol (or -2 - its pending definition); relation
        /// ends: the relation's builder node.
        var owner: Int32
        /// Byte offset of the id's string node (its opening quote).
        var offset: Int
        var file: UInt16
        /// Role references: the role slot; relation ends: the relation kind index.
        var slot: UInt16
        /// Byte length of a pending id's content.
        var length: UInt16
        var kind: UInt8
    }
    var refs: [Ref] = []

    /// Deferred mode: ids of records accepted by the fast checks are interned after the scan, in
    /// batches whose memory accesses overlap, instead of one hash probe at a time while parsing.
    /// Any duplicate definition or any diagnostic then asks for a careful (immediate) rerun.
    var deferred = false
    struct PendingDefinition {
        var offset: Int
        var length: UInt16
        var file: UInt16
        var rank: UInt8
        var actorKind: UInt8
        var index: Int32
    }
    /// Actor definitions accepted by the fast checks (interned after the scan).
    var pendingDefinitions: [PendingDefinition] = []
    /// Event definitions accepted by the fast checks: never interned; duplicates among them
    /// show up as equal neighbours in the id sort, references to them are rare.
    var pendingEvents: [PendingDefinition] = []
    /// Set when the deferred scan must be redone in careful mode.
    var needsCarefulRun = false
    /// Keeps cache warm-up reads from being optimised away.
    var warmSink = 0

    // Output.
    var builder = LinkGraphBuilder(expectedNodes: 1 << 16, expectedConnections: 1 << 17)
    var nodeFile: [UInt16] = []
    var nodeOffset: [Int] = []
    var actors: [Actor] = []
    var sources: [Source] = []
    /// The graph's title and description with where they were first given (file, offset).
    var title: (String, Int, Int)?
    var description: (String, Int, Int)?
    var relationIDs = Set<String>()

    // Schema tables.
    struct RoleSlot {
        let eventKind: Schema.EventKind
        let role: Schema.Role
        let roleIndex: Int
        /// Actor kinds admitted (bit per actor kind index), all ones for nil (any actor).
        let admitted: UInt64
        var builderRole: UInt16
    }
    struct EventKindInfo {
        let kind: Schema.EventKind
        let builderKind: UInt16
        let firstSlot: Int
        let roleNames: [[UInt8]]
        /// Bit per required role.
        let requiredMask: UInt64
    }
    var eventKinds: [String: EventKindInfo] = [:]
    var eventKindList: [EventKindInfo] = []
    var eventKindBytes: [[UInt8]] = []
    var actorKindBytes: [[UInt8]] = []
    var relationKindBytes: [[UInt8]] = []

    // Scratch buffers of the fast checks (reused, so records allocate nothing).
    var recordPairs: [KeyValue] = []
    var evidencePairs: [KeyValue] = []
    var roleKeys: [KeyValue] = []
    var roleRefs: [RoleRef] = []
    var sourceRefs: [Int32] = []
    var eventSlots = [Int32](repeating: -1, count: RecordFields.event.count)
    var roleSlots: [RoleSlot] = []
    var actorKindIndex: [String: Int] = [:]
    var actorKindNames: [String] = []
    var relationKindInfo: [String: (kind: Schema.RelationKind, index: Int, builderKind: UInt16, from: UInt64, to: UInt64)] = [:]
    var relationKindList: [Schema.RelationKind] = []
    var relationBuilderKinds: [UInt16] = []
    var actorBuilderKinds: [UInt16] = []

    init(schema: Schema, expectedBytes: Int = 0, deferred: Bool = false) {
        self.schema = schema
        self.deferred = deferred
        // Careful mode interns every id: about one per 150 bytes of JSON. Deferred mode only
        // sources, actors and the ids of records that need the careful path (it grows).
        let capacity = deferred ? max(1 << 12, expectedBytes / 1500) : max(1 << 12, expectedBytes / 150)
        symbols = SymbolTable(capacity: capacity)
        HugePages.reserve(&info, capacity: capacity)
        actorKindNames = schema.actorKindOrder
        for (i, name) in actorKindNames.enumerated() { actorKindIndex[name] = i }
        for name in actorKindNames { actorBuilderKinds.append(builder.internKind(name)) }
        func mask(_ admitted: [String]?) -> UInt64 {
            guard let admitted else { return ~0 }
            var m: UInt64 = 0
            for (i, kind) in actorKindNames.enumerated() where i < 64 && schema.admits(admitted, actorKind: kind) { m |= 1 << UInt64(i) }
            return m
        }
        for name in schema.eventKindOrder {
            guard let kind = schema.eventKinds[name] else { continue }
            let first = roleSlots.count
            for (i, role) in kind.roles.enumerated() {
                roleSlots.append(RoleSlot(eventKind: kind, role: role, roleIndex: i, admitted: mask(role.kinds),
                                          builderRole: builder.internRole(role.name)))
            }
            var required: UInt64 = 0
            for (i, role) in kind.roles.enumerated() where role.required { required |= 1 << UInt64(i) }
            let info = EventKindInfo(kind: kind, builderKind: builder.internKind(name), firstSlot: first,
                                     roleNames: kind.roles.map { Array($0.name.utf8) }, requiredMask: required)
            eventKinds[name] = info
            eventKindList.append(info)
            eventKindBytes.append(Array(name.utf8))
        }
        for name in schema.relationKindOrder {
            guard let kind = schema.relationKinds[name] else { continue }
            relationKindInfo[name] = (kind, relationKindList.count, builder.internKind(name), mask(kind.from), mask(kind.to))
            relationKindList.append(kind)
            relationBuilderKinds.append(builder.internKind(name))
            relationKindBytes.append(Array(name.utf8))
        }
        actorKindBytes = actorKindNames.map { Array($0.utf8) }
        _ = builder.internRole("from")
        _ = builder.internRole("to")
    }

    var fileName: String { files[fileIndex].path }

    // MARK: Symbols

    mutating func symbol(_ s: JSONScanner, _ node: Int32) -> Int32 {
        let n = s[node]
        let result: (symbol: Int32, isNew: Bool)
        if n.kind == .string && !n.escaped {
            result = symbols.intern(s.rawContent(node))
        } else {
            result = symbols.intern(s.text(node))
        }
        if result.isNew { info.append(SymbolInfo()) }
        return result.symbol
    }

    mutating func reference(_ symbol: Int32, at offset: Int, kind: RefKind, owner: Int32 = -1, slot: UInt16 = 0) {
        refs.append(Ref(symbol: symbol, owner: owner, offset: offset, file: UInt16(fileIndex), slot: slot, length: 0, kind: kind.rawValue))
    }

    /// A reference to the id in string node `node`: interned now, or pending in deferred mode
    /// (the fast checks only pass unescaped strings shorter than 64 KiB).
    mutating func reference(_ s: JSONScanner, _ node: Int32, kind: RefKind, owner: Int32 = -1, slot: UInt16 = 0) {
        if deferred && !s[node].escaped && s[node].kind == .string && s[node].end - s[node].start - 2 < 0xFFFF {
            refs.append(Ref(symbol: -1, owner: owner, offset: s[node].start, file: UInt16(fileIndex), slot: slot,
                            length: UInt16(s[node].end - s[node].start - 2), kind: kind.rawValue))
        } else {
            reference(symbol(s, node), at: s[node].start, kind: kind, owner: owner, slot: slot)
        }
    }

    /// The symbol of raw id bytes (interned now).
    mutating func symbol(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let result = symbols.intern(bytes)
        if result.isNew { info.append(SymbolInfo()) }
        return result.symbol
    }

    /// True when a key is a valid id (lowercase letters, digits, '-', starting with a letter).
    static func isValidID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, (0x61...0x7A).contains(first) else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    func location(file: Int, offset: Int) -> SourceLocation {
        lineIndexes[file].location(of: offset, name: files[file].path)
    }

    // MARK: Top level

    static let topLevelKeys: [StaticString] = ["title", "description", "schema", "sources", "actors", "relations", "events"]

    mutating func read(_ file: MappedFile) throws(JSONSyntaxError) {
        files.append(file)
        lineIndexes.append(LineIndex(file: file))
        fileIndex = files.count - 1
        var s = JSONScanner(bytes: file.bytes)
        var r = JSONRecordReader(fileName: file.path, lines: lineIndexes[fileIndex])
        defer { diagnostics += r.diagnostics }
        s.skipWhitespace()
        guard let first = s.peek() else { return }
        guard first == 0x7B else {
            let root = try s.parseValue()
            try Self.finishDocument(&s)
            if s.isNull(root) { return }
            r.error(s, root, "the top level must be a mapping, found \(s.typeName(root))")
            return
        }
        s.pos += 1
        var seen: [(name: String, offset: Int)] = []
        s.skipWhitespace()
        if s.peek() == 0x7D {
            s.pos += 1
            try Self.finishDocument(&s)
            return
        }
        while true {
            s.arena.reset()
            s.skipWhitespace()
            let key = try s.parseString()
            try s.expect(0x3A)
            s.skipWhitespace()
            let name = s.text(key)
            let keyOffset = s[key].start
            if seen.contains(where: { $0.name == name }) {
                // Yams rejects repeated keys as a whole: leave the report to GraphLoader.
                throw JSONSyntaxError(offset: keyOffset, reason: "repeated key '\(name)'")
            } else if !Self.topLevelKeys.contains(where: { s.keyIs(key, $0) }) {
                seen.append((name, keyOffset))
                r.error(s, key, "unknown field '\(name)' in the top level; allowed: \(Self.topLevelKeys.map { "\($0)" }.joined(separator: ", "))")
                _ = try s.parseValue()
            } else {
                seen.append((name, keyOffset))
                switch name {
                case "title", "description":
                    let value = try s.parseValue()
                    if let text = r.string(s, value, what: name) {
                        let existing = name == "title" ? title : description
                        if let (other, file, offset) = existing, other != text {
                            r.error(s, key, "the graph's \(name) is given twice with different text: here and at \(location(file: file, offset: offset))")
                        } else if existing == nil {
                            if name == "title" { title = (text, fileIndex, keyOffset) } else { description = (text, fileIndex, keyOffset) }
                        }
                    }
                case "schema":
                    let value = try s.parseValue()
                    if !s.isNull(value) { throw JSONSyntaxError(offset: s[value].start, reason: "a schema section (read by the YAML loader)") }
                case "relations":
                    if s.peek() == 0x5B {
                        try readRelations(&s, &r)
                    } else {
                        let value = try s.parseValue()
                        if !s.isNull(value) { r.error(s, value, "relations must be a list, found \(s.typeName(value))") }
                    }
                default:
                    let rank: UInt8 = name == "sources" ? 0 : name == "actors" ? 1 : 2
                    if s.peek() == 0x7B {
                        try readMap(&s, &r, section: name, rank: rank)
                    } else {
                        let value = try s.parseValue()
                        if !s.isNull(value) { r.error(s, value, "\(name) must be a mapping, found \(s.typeName(value))") }
                    }
                }
            }
            s.skipWhitespace()
            guard let next = s.peek() else { throw JSONSyntaxError(offset: s.pos, reason: "unexpected end of file") }
            s.pos += 1
            if next == 0x2C { continue }
            if next == 0x7D { break }
            throw JSONSyntaxError(offset: s.pos - 1, reason: "expected ',' or '}'")
        }
        try Self.finishDocument(&s)
        if let offset = r.repeatedKey { throw JSONSyntaxError(offset: offset, reason: "repeated key") }
    }

    static func finishDocument(_ s: inout JSONScanner) throws(JSONSyntaxError) {
        s.skipWhitespace()
        if s.pos != s.count { throw JSONSyntaxError(offset: s.pos, reason: "text after the document") }
    }

    /// Streams a `sources`, `actors` or `events` mapping one entry at a time.
    mutating func readMap(_ s: inout JSONScanner, _ r: inout JSONRecordReader, section: String, rank: UInt8) throws(JSONSyntaxError) {
        currentMap += 1
        s.pos += 1
        s.skipWhitespace()
        if s.peek() == 0x7D { s.pos += 1; return }
        // A large events map: the second half on another core (see readEventsInParallel).
        var split: (position: Int, worker: EventRangeWorker)?
        if deferred && rank == 2 && s.count - s.pos > 16 << 20 {
            split = startEventWorker(from: s.pos, count: s.count)
        }
        defer { split?.worker.wait() }
        while true {
            if let (position, worker) = split, s.pos >= position {
                // The first half is read; keep the worker's part only if this half ended exactly
                // at the entry the worker started from.
                split = nil
                profile?.mark("events, first half (position \(s.pos) vs split \(position))")
                worker.wait()
                profile?.mark("waiting for the second half (finished: \(worker.finished))")
                if s.pos == position {
                    let end = merge(worker)
                    profile?.mark("merge")
                    s.pos = end
                    if worker.finished { return }
                    // The worker stopped at a record it could not accept: read on from there.
                }
            }
            s.arena.reset()
            s.skipWhitespace()
            let key = try s.parseString()
            try s.expect(0x3A)
            let value = try s.parseValue()
            if deferred && rank > 0 {
                let accepted = rank == 1 ? fastActor(s, &r, key: key, value: value, id: nil)
                    : fastEvent(s, &r, key: key, value: value, id: nil)
                if accepted {
                    if split == nil { files[fileIndex].release(before: s[key].start) }
                    s.skipWhitespace()
                    guard let next = s.peek() else { throw JSONSyntaxError(offset: s.pos, reason: "unexpected end of file") }
                    s.pos += 1
                    if next == 0x2C { s.skipWhitespace(); continue }
                    if next == 0x7D { return }
                    throw JSONSyntaxError(offset: s.pos - 1, reason: "expected ',' or '}'")
                }
            }
            let id = symbol(s, key)
            if info[Int(id)].mapStamp == currentMap {
                throw JSONSyntaxError(offset: s[key].start, reason: "repeated key '\(s.text(key))' in \(section)")
            } else {
                info[Int(id)].mapStamp = currentMap
                info[Int(id)].mapOffset = s[key].start
                switch rank {
                case 0: readSource(s, &r, key: key, value: value, id: id)
                case 1: if deferred || !fastActor(s, &r, key: key, value: value, id: id) { readActor(s, &r, key: key, value: value, id: id) }
                default: if deferred || !fastEvent(s, &r, key: key, value: value, id: id) { readEvent(s, &r, key: key, value: value, id: id) }
                }
            }
            if let offset = r.repeatedKey { throw JSONSyntaxError(offset: offset, reason: "repeated key") }
            if split == nil { files[fileIndex].release(before: s[key].start) }
            s.skipWhitespace()
            guard let next = s.peek() else { throw JSONSyntaxError(offset: s.pos, reason: "unexpected end of file") }
            s.pos += 1
            if next == 0x2C { s.skipWhitespace(); continue }
            if next == 0x7D { return }
            throw JSONSyntaxError(offset: s.pos - 1, reason: "expected ',' or '}'")
        }
    }

    // MARK: Parallel events

    /// Starts a worker on the second half of an events map: from the first `,\n"` after the
    /// middle of the remaining bytes (a record boundary in one-record-per-line files). The
    /// boundary is only a guess; ``readMap`` keeps the worker's records only if its own
    /// reading ends exactly there.
    mutating func startEventWorker(from start: Int, count: Int) -> (Int, EventRangeWorker)? {
        let bytes = files[fileIndex].bytes
        // The main thread reads a little less: its records cost more (larger arrays to grow).
        var i = start + (count - start) * 45 / 100
        let limit = min(count - 2, i + (1 << 20))
        while i < limit {
            if bytes[i] == 0x2C && bytes[i + 1] == 0x0A && bytes[i + 2] == 0x22 { break }
            i += 1
        }
        guard i < limit else { return nil }
        let worker = EventRangeWorker(reader: FastGraphReader(schema: schema, deferred: true), file: files[fileIndex],
                                      fileIndex: fileIndex, lines: lineIndexes[fileIndex], start: i + 2)
        worker.run()
        return (i + 2, worker)
    }

    /// Appends the records a worker accepted; returns where reading goes on.
    mutating func merge(_ worker: EventRangeWorker) -> Int {
        let other = worker.reader
        let nodeBase = builder.append(nodesOf: other.builder)
        let eventBase = Int32(pendingEvents.count)
        nodeFile += other.nodeFile
        nodeOffset += other.nodeOffset
        pendingEvents += other.pendingEvents.map { d in
            var d = d
            d.index += Int32(nodeBase)
            return d
        }
        refs += other.refs.map { ref in
            var ref = ref
            if ref.kind == RefKind.role.rawValue && ref.owner <= -2 { ref.owner = -2 - (eventBase + (-2 - ref.owner)) }
            return ref
        }
        return worker.end
    }

    /// Reads accepted event records from `start` until the end of the map or the first record
    /// the fast checks decline (or a syntax error): the part of ``readMap`` a worker runs.
    mutating func readEventRange(file: MappedFile, fileIndex: Int, lines: LineIndex, start: Int) -> (end: Int, finished: Bool) {
        files = [file]
        lineIndexes = [lines]
        self.fileIndex = 0
        var s = JSONScanner(bytes: file.bytes, at: start)
        var r = JSONRecordReader(fileName: file.path, lines: lines)
        var entry = start
        while true {
            s.arena.reset()
            s.skipWhitespace()
            entry = s.pos
            guard let key = try? s.parseString(), (try? s.expect(0x3A)) != nil, let value = try? s.parseValue(),
                  fastEvent(s, &r, key: key, value: value, id: nil) else { return (entry, false) }
            s.skipWhitespace()
            guard let next = s.peek() else { return (entry, false) }
            s.pos += 1
            if next == 0x2C { continue }
            if next == 0x7D { return (s.pos, true) }
            return (entry, false)
        }
    }

    mutating func readRelations(_ s: inout JSONScanner, _ r: inout JSONRecordReader) throws(JSONSyntaxError) {
        s.pos += 1
        s.skipWhitespace()
        if s.peek() == 0x5D { s.pos += 1; return }
        while true {
            s.arena.reset()
            let value = try s.parseValue()
            if !fastRelation(s, node: value) { readRelation(s, &r, node: value) }
            if let offset = r.repeatedKey { throw JSONSyntaxError(offset: offset, reason: "repeated key") }
            files[fileIndex].release(before: s[value].start)
            s.skipWhitespace()
            guard let next = s.peek() else { throw JSONSyntaxError(offset: s.pos, reason: "unexpected end of file") }
            s.pos += 1
            if next == 0x2C { continue }
            if next == 0x5D { return }
            throw JSONSyntaxError(offset: s.pos - 1, reason: "expected ',' or ']'")
        }
    }

    // MARK: Definitions

    /// `GraphAssembler.define`: a valid, new id. Processing order (file, section, position)
    /// decides which of two definitions is "first", as in the assembler.
    mutating func define(_ s: JSONScanner, _ r: inout JSONRecordReader, key: Int32, id: Int32, rank: UInt8) -> Bool {
        let valid = symbols.withBytes(id) { bytes -> Bool in
            guard let first = bytes.first, (0x61...0x7A).contains(first) else { return false }
            return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        }
        guard valid else {
            r.error(s, key, "invalid id '\(s.text(key))': \(Identifier.rule)")
            return false
        }
        let i = Int(id)
        let here = s[key].start
        if info[i].category != 0 {
            let earlier = (Int(info[i].file), Int(info[i].rank), info[i].offset) < (fileIndex, Int(rank), here)
            if earlier {
                r.error(s, key, "id '\(s.text(key))' is defined twice: here and at \(location(file: Int(info[i].file), offset: info[i].offset))")
                return false
            }
            // The earlier-read definition comes later in the assembler's order: it gets the error.
            diagnostics.append(Diagnostic(location(file: Int(info[i].file), offset: info[i].offset),
                                          "id '\(s.text(key))' is defined twice: here and at \(r.location(s, key))"))
            info[i].appended = false
        }
        info[i].category = rank + 1
        info[i].file = UInt16(fileIndex)
        info[i].rank = rank
        info[i].offset = here
        return true
    }

    // MARK: Records

    mutating func readSource(_ s: JSONScanner, _ r: inout JSONRecordReader, key: Int32, value: Int32, id: Int32) {
        let what = { "source '\(s.text(key))'" }
        guard let f = r.fields(s, value, what: what(), names: RecordFields.source) else { return }
        let title = r.requiredString(s, f, 0, key: "title", what: what(), owner: key)
        guard define(s, &r, key: key, id: id, rank: 0), let title else { return }
        let source = Source(id: s.text(key), title: title,
                            publisher: r.string(s, f[1], what: "publisher"),
                            author: r.string(s, f[2], what: "author"),
                            published: r.date(s, f[3], what: "published"),
                            url: r.string(s, f[4], what: "url"),
                            language: r.string(s, f[5], what: "language"),
                            file: r.string(s, f[6], what: "file"))
        info[Int(id)].appended = true
        info[Int(id)].index = Int32(sources.count)
        sources.append(source)
    }

    mutating func readActor(_ s: JSONScanner, _ r: inout JSONRecordReader, key: Int32, value: Int32, id: Int32) {
        let what = { "actor '\(s.text(key))'" }
        guard let f = r.fields(s, value, what: what(), names: RecordFields.actor) else { return }
        let kind = r.requiredString(s, f, 0, key: "kind", what: what(), owner: key)
        let name = r.requiredString(s, f, 1, key: "name", what: what(), owner: key)
        let kindIndex = kind.flatMap { actorKindIndex[$0] }
        if let kind, kindIndex == nil {
            r.error(s, f[0]!, "unknown actor kind '\(kind)'; known kinds: \(schema.actorKindOrder.joined(separator: ", "))")
        }
        var names: [LocalizedName] = []
        if let namesNode = f[2], !s.isNull(namesNode),
           let entries = r.fields(s, namesNode, what: "names of \(what())", names: [], extrasAllowed: true) {
            for (k, v) in entries.extras {
                if let text = r.string(s, v, what: "name '\(s.text(k))'") { names.append(LocalizedName(language: s.text(k), name: text)) }
            }
        }
        let country = r.string(s, f[4], what: "country")
        if let country, !(country.count == 2 && country.allSatisfy({ $0.isASCII && $0.isUppercase })) {
            r.error(s, f[4]!, "country must be an ISO 3166-1 alpha-2 code such as US or CN; found '\(country)'")
        }
        let defined = define(s, &r, key: key, id: id, rank: 1)
        guard defined, let kind, let name, let kindIndex else { return }
        let actor = Actor(id: s.text(key), kind: kind, name: name, names: names,
                          aliases: r.stringList(s, f[3], what: "aliases") ?? [],
                          country: country,
                          description: r.string(s, f[5], what: "description"),
                          tags: r.stringList(s, f[6], what: "tags") ?? [])
        actors.append(actor)
        let node = symbols.withBytes(id) { bytes in
            builder.addNode(idBytes: bytes, type: .actor, kind: actorBuilderKinds[kindIndex], first: 0, last: 0, claim: 0)
        }
        nodeFile.append(UInt16(fileIndex))
        nodeOffset.append(-1)
        info[Int(id)].appended = true
        info[Int(id)].index = Int32(node)
        info[Int(id)].actorKind = UInt8(kindIndex)
    }

    /// `GraphAssembler.readEvidence`; records a source reference per piece.
    mutating func readEvidence(_ s: JSONScanner, _ r: inout JSONRecordReader, _ node: Int32?, what: @autoclosure () -> String) {
        guard let node, !s.isNull(node) else { return }
        guard s[node].kind == .array else {
            r.error(s, node, "sources of \(what()) must be a list of {source, quote, note}, found \(s.typeName(node))")
            return
        }
        var item = s[node].first
        while item >= 0 {
            defer { item = s[item].next }
            guard let f = r.fields(s, item, what: "evidence of \(what())", names: RecordFields.evidence) else { continue }
            guard r.requiredPresent(s, f, 0, key: "source", what: "evidence of \(what())", owner: item) else { continue }
            let sourceNode = f[0]!
            reference(symbol(s, sourceNode), at: s[sourceNode].start, kind: .source)
            _ = r.string(s, f[1], what: "quote")
            _ = r.string(s, f[2], what: "note")
        }
    }

    mutating func readEvent(_ s: JSONScanner, _ r: inout JSONRecordReader, key: Int32, value: Int32, id: Int32) {
        let what = { "event '\(s.text(key))'" }
        guard let f = r.fields(s, value, what: what(), names: RecordFields.event, extrasAllowed: true) else { return }
        typealias E = RecordFields.E
        let kindPresent = r.requiredPresent(s, f, E.kind, key: "kind", what: what(), owner: key)
        var kindInfo: EventKindInfo?
        if kindPresent {
            let kindName = s.text(f[E.kind]!)
            kindInfo = eventKinds[kindName]
            if kindInfo == nil {
                r.error(s, f[E.kind]!, "unknown event kind '\(kindName)'; known kinds: \(schema.eventKindOrder.joined(separator: ", "))")
            }
        }
        let titlePresent = r.requiredPresent(s, f, E.title, key: "title", what: what(), owner: key)
        let date = readEventDate(s, &r, f, what: what(), owner: key)

        // Roles, in the kind's declaration order.
        var roleRefs: [(slot: Int, symbol: Int32, offset: Int)] = []
        if let kindInfo {
            let kind = kindInfo.kind
            var given = [Bool](repeating: false, count: kind.roles.count)
            for (k, v) in f.extras {
                let roleBytes = s.rawContent(k)
                guard !s[k].escaped,
                      let index = kindInfo.roleNames.firstIndex(where: { $0.count == roleBytes.count && $0.elementsEqual(roleBytes) }) else {
                    r.error(s, k, "unknown role '\(s.text(k))' for event kind '\(kind.name)'; allowed roles: \(kind.roles.map(\.name).joined(separator: ", "))")
                    continue
                }
                let role = kind.roles[index]
                var count = 0
                if s[v].kind == .array {
                    if !role.many {
                        r.error(s, v, "role '\(role.name)' of event kind '\(kind.name)' takes one id, not a list")
                    }
                    var element = s[v].first
                    while element >= 0 {
                        if r.string(s, element, what: "an id in role '\(role.name)'") != nil {
                            roleRefs.append((kindInfo.firstSlot + index, symbol(s, element), s[element].start))
                            count += 1
                        }
                        element = s[element].next
                    }
                } else if r.string(s, v, what: "role '\(role.name)'") != nil {
                    roleRefs.append((kindInfo.firstSlot + index, symbol(s, v), s[v].start))
                    count += 1
                }
                if count == 0 && role.required {
                    r.error(s, v, "role '\(role.name)' of \(what()) is required and must name at least one id")
                }
                given[index] = true
            }
            for (index, role) in kind.roles.enumerated() where !given[index] && role.required {
                let described = kind.roles.map { $0.required ? "\($0.name) (required)" : $0.name }.joined(separator: ", ")
                r.error(s, key, "\(what()) is missing required role '\(role.name)' of event kind '\(kind.name)'; roles: \(described)")
            }
            roleRefs.sort { ($0.slot, $0.offset) < ($1.slot, $1.offset) }
        }

        if let node = f[E.amount], !s.isNull(node) {
            if s.isScalar(node) {
                _ = r.number(s, node, what: "amount")
            } else if let af = r.fields(s, node, what: "amount", names: RecordFields.amount) {
                if !af.has(0) { r.error(s, node, "amount is missing required field 'value'") }
                if r.number(s, af[0], what: "value of amount") != nil { _ = r.string(s, af[1], what: "currency") }
            }
        }
        let claim = r.choice(s, f[E.claim], what: "claim", as: Claim.self) ?? .asserted
        if r.string(s, f[E.claimedBy], what: "claimed_by") != nil, let node = f[E.claimedBy] {
            reference(symbol(s, node), at: s[node].start, kind: .claimant)
            if claim != .claimed {
                r.error(s, f.key(E.claimedBy)!, "claimed_by goes with 'claim: claimed' (this event's claim is '\(claim.rawValue)')")
            }
        }
        readEvidence(s, &r, f[E.sources], what: what())
        if JSONRecordReader.isEmpty(s, f[E.sources]) {
            r.error(s, key, "\(what()) has no evidence: add 'sources' with at least one { source, quote }")
        }
        _ = r.choice(s, f[E.status], what: "status", as: EventStatus.self)
        _ = r.choice(s, f[E.dateBasis], what: "date_basis", as: DateBasis.self)
        for ref in roleRefs {
            reference(ref.symbol, at: ref.offset, kind: .role, owner: id, slot: UInt16(ref.slot))
        }
        let defined = define(s, &r, key: key, id: id, rank: 2)
        guard defined, let kindInfo, titlePresent, let date else { return }
        _ = r.string(s, f[E.description], what: "description")
        _ = r.string(s, f[E.dateNote], what: "date_note")
        _ = r.stringList(s, f[E.tags], what: "tags")
        let interval = date.interval
        let node = symbols.withBytes(id) { bytes in
            builder.addNode(idBytes: bytes, type: .event, kind: kindInfo.builderKind,
                            first: LinkGraphBuilder.clampDay(interval.first), last: LinkGraphBuilder.clampDay(interval.last),
                            claim: UInt8(FastGraphReader.claimBytes.firstIndex(of: Array(claim.rawValue.utf8))!))
        }
        nodeFile.append(UInt16(fileIndex))
        nodeOffset.append(s[value].start)
        info[Int(id)].appended = true
        info[Int(id)].index = Int32(node)
    }

    /// `GraphAssembler.readEventDate`.
    mutating func readEventDate(_ s: JSONScanner, _ r: inout JSONRecordReader, _ f: JSONRecordReader.Fields,
                                what: @autoclosure () -> String, owner: Int32) -> EventDate? {
        typealias E = RecordFields.E
        let hasSpan = f.has(E.start) || f.has(E.end)
        if let dateNode = f[E.date] {
            if hasSpan {
                r.error(s, f.key(E.date)!, "\(what()) gives both 'date' and 'start'/'end'; use one or the other")
                return nil
            }
            guard !s.isNull(dateNode) else {
                r.error(s, dateNode, "'date' of \(what()) must not be empty")
                return nil
            }
            return r.date(s, dateNode, what: "date").map(EventDate.on)
        }
        guard hasSpan else {
            r.error(s, owner, "\(what()) is missing required field 'date' (or 'start' and 'end' for a span)")
            return nil
        }
        guard let startNode = f[E.start], let endNode = f[E.end] else {
            r.error(s, (f.key(E.start) ?? f.key(E.end))!, "a span needs both 'start' and 'end'")
            return nil
        }
        guard let start = r.date(s, startNode, what: "start"), let end = r.date(s, endNode, what: "end") else { return nil }
        if end.interval.last < start.interval.first {
            r.error(s, endNode, "the span of \(what()) ends (\(end)) before it starts (\(start))")
            return nil
        }
        return .span(start: start, end: end)
    }

    mutating func readRelation(_ s: JSONScanner, _ r: inout JSONRecordReader, node: Int32) {
        let what = "relation"
        guard let f = r.fields(s, node, what: what, names: RecordFields.relation) else { return }
        let kindName = r.requiredString(s, f, 0, key: "kind", what: what, owner: node)
        let fromPresent = r.requiredPresent(s, f, 1, key: "from", what: what, owner: node)
        let toPresent = r.requiredPresent(s, f, 2, key: "to", what: what, owner: node)
        let info = kindName.flatMap { relationKindInfo[$0] }
        if let kindName, info == nil {
            r.error(s, f[0]!, "unknown relation kind '\(kindName)'; known kinds: \(schema.relationKindOrder.joined(separator: ", "))")
        }
        let since = r.date(s, f[4], what: "since")
        let until = r.date(s, f[5], what: "until")
        if let since, let until, until.interval.last < since.interval.first {
            r.error(s, f[5]!, "relation ends (until \(until)) before it starts (since \(since))")
        }
        readEvidence(s, &r, f[6], what: what)
        guard let info, fromPresent, toPresent else { return }
        let fromNode = f[1]!, toNode = f[2]!
        let from = s.text(fromNode), to = s.text(toNode)
        let base = "\(from)--\(info.kind.name)--\(to)"
        var relationID = base
        var n = 2
        while relationIDs.contains(relationID) {
            relationID = "\(base)-\(n)"
            n += 1
        }
        relationIDs.insert(relationID)
        _ = r.string(s, f[3], what: "role")
        let validity = DayInterval(first: since?.interval.first ?? Int.min, last: until?.interval.last ?? Int.max)
        let link = builder.addNode(id: relationID, type: .relation, kind: info.builderKind, interval: validity)
        nodeFile.append(UInt16(fileIndex))
        nodeOffset.append(s[node].start)
        reference(symbol(s, fromNode), at: s[fromNode].start, kind: .relationFrom, owner: Int32(link), slot: UInt16(info.index))
        reference(symbol(s, toNode), at: s[toNode].start, kind: .relationTo, owner: Int32(link), slot: UInt16(info.index))
    }

    // MARK: Cross-references and building

    mutating func finish() -> LinkGraphLoader.Outcome {
        if deferred {
            if !diagnostics.isEmpty { needsCarefulRun = true; return .invalid([]) }
            resolveDeferred()
            profile?.mark("resolve ids and references (batched)")
            if needsCarefulRun { return .invalid([]) }
        } else {
            resolveReferences()
            profile?.mark("check references + connections")
            if !diagnostics.isEmpty { return .invalid(InputError(diagnostics).diagnostics) }
        }
        // Free what the build does not need.
        refs = []; pendingDefinitions = []; pendingEvents = []
        symbols = SymbolTable(); info = []; relationIDs = []
        // The Graph of actors and sources (sorting, indexes) is built beside the link graph.
        let graphBox = GraphBox()
        let graphDone = DispatchSemaphore(value: 0)
        let (title, description, schema, sources, actors) = (self.title?.0, self.description?.0, self.schema, self.sources, self.actors)
        self.actors = []
        DispatchQueue.global(qos: .userInitiated).async {
            graphBox.graph = Graph(title: title, description: description, schema: schema, sources: sources, actors: actors)
            graphDone.signal()
        }
        let (links, rank) = builder.buildWithRank()
        profile?.mark("build (sort ids, CSR)")
        if builder.repeatedIDs {
            // Two actors or events share an id: only a careful run can say which is "first".
            graphDone.wait()
            needsCarefulRun = true
            return .invalid([])
        }
        var finalFile = [UInt16](repeating: 0, count: links.nodeCount)
        var finalOffset = [Int](repeating: -1, count: links.nodeCount)
        for old in 0..<rank.count {
            finalFile[Int(rank[old])] = nodeFile[old]
            finalOffset[Int(rank[old])] = nodeOffset[old]
        }
        graphDone.wait()
        let graph = graphBox.graph!
        let store = JSONRecordStore(files: files, links: links, nodeFile: finalFile, nodeOffset: finalOffset, schema: schema)
        profile?.mark("graph of actors and sources")
        return .loaded(PathNetwork(graph: graph, links: links, records: store))
    }

    /// Deferred mode, after the scan: interns the actor definitions, checks the event ids
    /// against sources and actors, resolves every pending reference (batched: sixteen probes
    /// issued together), checks each reference as ``resolveReferences()`` would and connects
    /// it. Sets ``needsCarefulRun`` on anything a diagnostic would be written for.
    mutating func resolveDeferred() {
        let fileBases = files.map { $0.bytes.baseAddress ?? UnsafePointer(bitPattern: 1)! }
        func bytes(_ d: PendingDefinition) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: fileBases[Int(d.file)] + d.offset + 1, count: Int(d.length))
        }
        var symbols = self.symbols
        var info = self.info
        var refs = self.refs
        self.symbols = SymbolTable(); self.info = []; self.refs = []
        defer { self.symbols = symbols; self.info = info; self.refs = refs }
        // Actors.
        let actorDefinitions = pendingDefinitions
        var failed = false
        symbols.internMany(actorDefinitions.count, key: { bytes(actorDefinitions[$0]) }) { i, symbol, isNew in
            if isNew { info.append(SymbolInfo()) }
            if info[Int(symbol)].category != 0 { failed = true; return false }
            let d = actorDefinitions[i]
            info[Int(symbol)] = SymbolInfo(category: d.rank + 1, appended: true, rank: d.rank, actorKind: d.actorKind,
                                           file: d.file, mapStamp: -1, index: d.index, offset: d.offset, mapOffset: d.offset)
            return true
        }
        if failed { needsCarefulRun = true; return }
        // Events must not reuse a source's or an actor's id (nor a careful-path event's).
        let events = pendingEvents
        symbols.lookupMany(events.count, key: { bytes(events[$0]) }) { _, symbol in
            if let symbol, info[Int(symbol)].category != 0 { failed = true; return false }
            return true
        }
        if failed { needsCarefulRun = true; return }
        // Pending references: found among the defined ids, or (rarely) an event id.
        let pending = refs.indices.filter { refs[$0].symbol == -1 }
        var unresolved = SymbolTable(capacity: 64)
        var unresolvedRefs: [Int] = []
        symbols.lookupMany(pending.count, key: { k in
            let r = refs[pending[k]]
            return UnsafeBufferPointer(start: fileBases[Int(r.file)] + r.offset + 1, count: Int(r.length))
        }) { k, symbol in
            let i = pending[k]
            if let symbol, info[Int(symbol)].category != 0 {
                refs[i].symbol = symbol
            } else {
                let r = refs[i]
                let u = unresolved.intern(UnsafeBufferPointer(start: fileBases[Int(r.file)] + r.offset + 1, count: Int(r.length))).symbol
                refs[i].symbol = -3 - u
                unresolvedRefs.append(i)
            }
            return true
        }
        // Also careful-path references that name no defined id may name a fast event.
        for i in refs.indices where refs[i].symbol >= 0 && info[Int(refs[i].symbol)].category == 0 {
            let u = symbols.withBytes(refs[i].symbol) { unresolved.intern($0).symbol }
            refs[i].symbol = -3 - u
        }
        var eventOfUnresolved = [Int32](repeating: -1, count: unresolved.count)
        if unresolved.count > 0 {
            for d in events {
                if let u = unresolved.lookup(bytes(d)) { eventOfUnresolved[Int(u)] = d.index }
            }
        }
        // Check and connect.
        let fromRole = builder.internRole("from"), toRole = builder.internRole("to")
        let slotAdmitted = roleSlots.map(\.admitted)
        let slotAdmitsEvents = roleSlots.map(\.role.admitsEvents)
        let slotRole = roleSlots.map(\.builderRole)
        let sourceCategory = Category.source.rawValue, actorCategory = Category.actor.rawValue, eventCategory = Category.event.rawValue
        var warm: UInt8 = 0
        for i in refs.indices {
            if i & 15 == 0 {
                for j in i..<min(i + 16, refs.count) where refs[j].symbol >= 0 { warm &+= info[Int(refs[j].symbol)].category }
            }
            let ref = refs[i]
            // The target: (category, builder node, actor kind).
            var category: UInt8 = 0, node: Int32 = -1, actorKind = 0
            if ref.symbol >= 0 {
                let target = info[Int(ref.symbol)]
                if target.appended { category = target.category; node = target.index; actorKind = Int(target.actorKind) }
            } else if ref.symbol <= -3, eventOfUnresolved[Int(-3 - ref.symbol)] >= 0 {
                category = eventCategory
                node = eventOfUnresolved[Int(-3 - ref.symbol)]
            }
            switch RefKind(rawValue: ref.kind)! {
            case .source:
                if category != sourceCategory { failed = true }
            case .claimant:
                if category != actorCategory { failed = true }
            case .relationFrom, .relationTo:
                let kind = relationKindList[Int(ref.slot)]
                guard category == actorCategory,
                      schema.admits(ref.kind == RefKind.relationFrom.rawValue ? kind.from : kind.to, actorKind: actorKindNames[actorKind])
                else { failed = true; break }
                builder.connect(link: Int(ref.owner), member: Int(node), role: ref.kind == RefKind.relationFrom.rawValue ? fromRole : toRole)
            case .role:
                let slot = Int(ref.slot)
                let owner: Int32
                if ref.owner <= -2 {
                    owner = events[Int(-2 - ref.owner)].index
                } else {
                    let o = info[Int(ref.owner)]
                    guard o.appended, o.category == eventCategory else { failed = true; break }
                    owner = o.index
                }
                if category == actorCategory {
                    guard actorKind < 64 ? slotAdmitted[slot] & (1 << UInt64(actorKind)) != 0
                            : schema.admits(roleSlots[slot].role.kinds, actorKind: actorKindNames[actorKind])
                    else { failed = true; break }
                } else if category == eventCategory {
                    guard slotAdmitsEvents[slot], node != owner else { failed = true; break }
                } else {
                    failed = true
                    break
                }
                builder.connect(link: Int(owner), member: Int(node), role: slotRole[slot])
            }
            if failed { needsCarefulRun = true; return }
        }
        if warm == 0xA5 { warmSink &+= 1 }
    }

    /// `GraphAssembler.checkReferences`, over the compact references; every valid reference
    /// between recorded nodes also becomes a connection of the link graph.
    mutating func resolveReferences() {
        let fromRole = builder.internRole("from"), toRole = builder.internRole("to")
        let slotAdmitted = roleSlots.map(\.admitted)
        let slotRole = roleSlots.map(\.builderRole)
        let eventCategory = Category.event.rawValue
        var actorIDs: [String]?
        var sourceIDs: [String]?
        var knownIDs: [String]?
        func category(_ symbol: Int) -> Category { info[symbol].appended ? Category(rawValue: info[symbol].category)! : .none }
        let refs = self.refs
        var warm: UInt8 = 0
        for i in 0..<refs.count {
            // Touch the symbol information of the references a little ahead, so that the
            // memory accesses of neighbouring references overlap.
            if i & 15 == 0 {
                for j in i..<min(i + 16, refs.count) { warm &+= info[Int(refs[j].symbol)].category }
            }
            let ref = refs[i]
            let symbol = Int(ref.symbol)
            let cat = category(symbol)
            let kind = RefKind(rawValue: ref.kind)!
            func id() -> String { symbols.string(Int32(symbol)) }
            func here() -> SourceLocation { location(file: Int(ref.file), offset: ref.offset) }
            func actors() -> [String] {
                if actorIDs == nil { actorIDs = self.actors.map(\.id).sorted() }
                return actorIDs!
            }
            switch kind {
            case .source:
                if cat != .source {
                    if sourceIDs == nil { sourceIDs = sources.map(\.id).sorted() }
                    diagnostics.append(Diagnostic(here(), "evidence cites unknown source '\(id())'\(Suggestions.phrase(for: id(), among: sourceIDs!))"))
                }
            case .claimant:
                if cat != .actor {
                    diagnostics.append(Diagnostic(here(), "claimed_by names unknown actor '\(id())'\(Suggestions.phrase(for: id(), among: actors()))"))
                }
            case .relationFrom, .relationTo:
                if cat == .actor {
                    builder.connect(link: Int(ref.owner), member: Int(info[symbol].index), role: kind == .relationFrom ? fromRole : toRole)
                }
                let relationKind = relationKindList[Int(ref.slot)]
                let end = kind == .relationFrom ? "from" : "to"
                let admitted = kind == .relationFrom ? relationKind.from : relationKind.to
                if cat == .actor {
                    let actorKind = actorKindNames[Int(info[symbol].actorKind)]
                    if !schema.admits(admitted, actorKind: actorKind) {
                        diagnostics.append(Diagnostic(here(), "'\(end)' of relation '\(relationKind.name)' names '\(id())', a \(actorKind); allowed kinds: \((admitted ?? []).joined(separator: ", "))"))
                    }
                } else if cat == .event {
                    diagnostics.append(Diagnostic(here(), "'\(end)' of relation '\(relationKind.name)' names event '\(id())'; relations join actors"))
                } else if info[symbol].category == 0 {
                    diagnostics.append(Diagnostic(here(), "relation '\(relationKind.name)' refers to unknown actor '\(id())'\(Suggestions.phrase(for: id(), among: actors()))"))
                }
            case .role:
                let slotIndex = Int(ref.slot)
                let owner = Int(ref.owner)
                if cat == .actor || cat == .event, info[owner].appended, info[owner].category == eventCategory, symbol != owner {
                    builder.connect(link: Int(info[owner].index), member: Int(info[symbol].index), role: slotRole[slotIndex])
                }
                if cat == .actor {
                    let kindIndex = Int(info[symbol].actorKind)
                    let ok = kindIndex < 64 ? slotAdmitted[slotIndex] & (1 << UInt64(kindIndex)) != 0
                        : schema.admits(roleSlots[slotIndex].role.kinds, actorKind: actorKindNames[kindIndex])
                    if ok { continue }
                    let slot = roleSlots[slotIndex]
                    let role = slot.role
                    do {
                        let allowed = (role.kinds ?? ["any actor"]).joined(separator: ", ")
                        diagnostics.append(Diagnostic(here(), "role '\(role.name)' of event kind '\(slot.eventKind.name)' cannot be '\(id())', a \(actorKindNames[kindIndex]); allowed kinds: \(allowed)"))
                    }
                    continue
                }
                let slot = roleSlots[slotIndex]
                let role = slot.role
                if cat == .event {
                    let owner = symbols.string(ref.owner)
                    if symbol == Int(ref.owner) {
                        diagnostics.append(Diagnostic(here(), "event '\(owner)' names itself in role '\(role.name)'"))
                    } else if !role.admitsEvents {
                        let allowed = (role.kinds ?? ["any actor"]).joined(separator: ", ")
                        diagnostics.append(Diagnostic(here(), "role '\(role.name)' of event kind '\(slot.eventKind.name)' cannot name event '\(id())'; allowed kinds: \(allowed)"))
                    }
                } else if info[symbol].category == 0 {
                    if knownIDs == nil {
                        knownIDs = (0..<symbols.count).filter { info[$0].appended && (info[$0].category == Category.actor.rawValue || info[$0].category == Category.event.rawValue) }
                            .map { symbols.string(Int32($0)) }.sorted()
                    }
                    diagnostics.append(Diagnostic(here(), "unknown id '\(id())' in role '\(role.name)'\(Suggestions.phrase(for: id(), among: knownIDs!))"))
                } else if info[symbol].category == Category.source.rawValue && cat == .source {
                    diagnostics.append(Diagnostic(here(), "role '\(role.name)' names source '\(id())'; roles name actors\(role.admitsEvents ? " or events" : "")"))
                }
            }
        }
        if warm == 0xA5 { warmSink &+= 1 }
    }
}

/// Phase timings of the fast loader, printed to standard error when the environment variable
/// `EVENTGRAPH_LOAD_PROFILE` is set.
final class LoadProfile: @unchecked Sendable {
    private let enabled = getenv("EVENTGRAPH_LOAD_PROFILE") != nil
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var lastCPU: Double
    private var lines: [String] = []

    init() {
        last = clock.now
        lastCPU = LoadProfile.cpuSeconds()
    }

    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = clock.now, cpu = LoadProfile.cpuSeconds()
        let c = (now - last).components
        let wall = Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
        lines.append("\(phase): \(Int(wall)) ms wall, \(Int((cpu - lastCPU) * 1000)) ms CPU")
        last = now
        lastCPU = cpu
    }

    func report() {
        guard enabled, !lines.isEmpty else { return }
        let text = lines.joined(separator: "\n") + "\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        lines = []
    }
}
