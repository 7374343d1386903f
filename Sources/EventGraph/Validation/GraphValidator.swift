/// Checks documents of the one record form against the schema, every rule and message
/// written once, and feeds the records to the ``GraphStoreBuilder``.
///
/// Three passes: the top levels and `schema:` sections of every document (so every record
/// is checked against the whole schema), the records one at a time, then the
/// cross-references (in the builder). Collects diagnostics instead of stopping.
struct GraphValidator {
    private(set) var schema: Schema
    private var documents: [(document: GraphDocument, fields: RecordReader.Fields)] = []
    private var reader: RecordReader?
    private var diagnostics: [Diagnostic] = []
    private(set) var files: [String] = []
    var builder = GraphStoreBuilder()
    private var title: (String, SourceLocation)?
    private var description: (String, SourceLocation)?
    /// A record section stopped at a syntax error: references into the rest would be noise.
    private var sawSyntaxError = false
    /// The schema's event kinds as the event decoder looks them up (made when pass 2 starts).
    private var eventKinds = EventKinds(Schema())
    /// The batch of one event record, for sections read on one thread.
    private var oneEvent = EventBatch()

    static let topLevelKeys = ["title", "description", "schema", "periods", "sources", "actors", "relations", "events"]
    static let periodFields = ["title", "from", "to", "color", "actors"]
    static let sourceFields = ["title", "publisher", "author", "published", "url", "language", "file"]
    static let actorFields = ["kind", "name", "names", "aliases", "country", "description", "tags", "since", "until"]
    static let relationFields = ["kind", "from", "to", "role", "since", "until", "sources"]
    static let evidenceFields = ["source", "quote", "note"]

    init(schema: Schema) {
        self.schema = schema
    }

    /// Pass 1: a document's top level and its `schema:` section.
    mutating func add(_ document: GraphDocument) {
        files.append(document.name)
        let reader = RecordReader(tree: document.top)
        defer { diagnostics += reader.diagnostics }
        guard let root = document.root, !document.top.isNull(root) else { return }
        guard let fields = reader.fields(root, what: "the top level", allowed: Self.topLevelKeys) else { return }
        if let node = fields["schema"]?.value, !document.top.isNull(node) {
            schema.extend(with: node, reader: reader)
        }
        documents.append((document, fields))
    }

    /// Pass 1 for an opened document, or its problems when it could not be read.
    mutating func add(_ opened: Result<GraphDocument, InputError>, name: String) {
        switch opened {
        case let .success(document): add(document)
        case let .failure(error): fail(error.diagnostics, file: name)
        }
    }

    /// Reports a document that could not be read at all (its file still counts).
    mutating func fail(_ problems: [Diagnostic], file: String) {
        files.append(file)
        diagnostics += problems
    }

    /// Passes 2 and 3: every record, then every reference; the store when nothing is wrong.
    mutating func finish() throws(InputError) -> GraphStore {
        try finish { builder, validator, warnings in
            builder.build(title: validator.title?.0, description: validator.description?.0, schema: validator.schema,
                          files: validator.files, warnings: warnings)
        }
    }

    /// Passes 2 and 3 without building the store: what `validate` and an import's check need
    /// (every diagnostic is found before the build, which only lays out what was checked).
    mutating func check() throws(InputError) -> GraphCheck {
        try finish { builder, _, warnings in
            GraphCheck(counts: GraphCounts(actors: builder.actors.count, events: builder.events.count,
                                           relations: builder.relations.count, sources: builder.sources.count),
                       warnings: warnings)
        }
    }

    /// Passes 2 and 3, then `make` from the builder, the validator (its title, schema and
    /// files as the passes left them) and the warnings, when nothing is wrong.
    private mutating func finish<R>(_ make: (consuming GraphStoreBuilder, GraphValidator, [Diagnostic]) -> R) throws(InputError) -> R {
        diagnostics += schema.checkReferences()
        eventKinds = EventKinds(schema)
        builder = GraphStoreBuilder(expectedEvents: documents.reduce(0) { total, item in
            total + (item.fields["events"].map { item.document.recordCount(in: $0.value) } ?? 0)
        })
        for (document, fields) in documents {
            let reader = RecordReader(tree: document.top)
            self.reader = reader
            document.readingRecords { readTopLevel(document, fields) }
            diagnostics += reader.diagnostics
        }
        self.reader = nil
        // A document whose sections were not all vouched for is read again the exact way
        // (``GraphLoader``): nothing more of this reading is needed.
        if documents.contains(where: { $0.document.needsExactRead }) { throw InputError(diagnostics) }
        if diagnostics.isEmpty && !sawSyntaxError {
            // Every record is well-formed (the usual case): the references are checked on
            // another thread while this one resolves dates and builds the store, which is
            // used only if the references hold.
            let snapshot = builder, schema = self.schema, files = self.files
            let references = BackgroundWork { snapshot.referenceDiagnostics(schema: schema, files: files) }
            var rest = builder.resolveRelativeDates(files: files)
            if rest.isEmpty { rest += builder.lifespanDiagnostics(files: files) }
            let made = rest.contains(where: { $0.severity == .error }) ? nil : make(builder, self, rest.sorted())
            let problems = references.wait()
            if !problems.isEmpty { throw InputError(problems) }
            guard let made else { throw InputError(rest) }
            return made
        }
        // A record had errors (the passes before report only errors): its references are still
        // checked, unless a section stopped at a syntax error (they would be noise), and
        // nothing is built; the date rules wait until the records are right.
        if !sawSyntaxError { diagnostics += builder.referenceDiagnostics(schema: schema, files: files) }
        throw InputError(diagnostics)
    }

    // MARK: Pass 2: records

    private mutating func readTopLevel(_ document: GraphDocument, _ fields: RecordReader.Fields) {
        let reader = self.reader!
        for key in ["title", "description"] {
            guard let entry = fields[key], let text = reader.string(entry.value, what: key) else { continue }
            let here = reader.location(entry.keyNode)
            let existing = key == "title" ? title : description
            if let (other, place) = existing, other != text {
                reader.error(entry.keyNode, "the graph's \(key) is given twice with different text: here and at \(place)")
            } else if existing == nil {
                if key == "title" { title = (text, here) } else { description = (text, here) }
            }
        }
        // Sections in the order they are written, so "defined twice" points at the later place.
        let sections = fields.values
            .filter { ["periods", "sources", "actors", "events", "relations"].contains($0.key) && !document.top.isNull($0.value) }
            .sorted { document.top[$0.keyNode].mark < document.top[$1.keyNode].mark }
        for section in sections {
            let kind = document.top.kind(section.value)
            if section.key == "relations" {
                guard kind == .list else {
                    reader.error(section.value, "relations must be a list, found \(document.top.typeName(section.value))")
                    continue
                }
            } else if kind != .mapping {
                reader.error(section.value, "\(section.key) must be a mapping, found \(document.top.typeName(section.value))")
                continue
            }
            if let chunked = document.chunkedSection(section.value) {
                // A large section: its records are decoded on two threads, committed here in order.
                let schema = self.schema, files = self.files, eventKinds = self.eventKinds, name = section.key
                let syntaxError: Diagnostic? = switch section.key {
                case "events":
                    read(chunked, reader, makeBatch: { EventBatch(reservingRows: chunked.recordsPerChunk + 1) },
                         decode: { chunkReader, key, value, batch in
                             guard Self.hasPlainKey(key, of: name, chunkReader) else { return }
                             GraphValidator.decodeEvent(key, value, kinds: eventKinds, chunkReader, into: &batch)
                         }, commit: { $0.commit($1, reader) })
                case "actors":
                    read(chunked, reader, decode: { chunkReader, key, value in
                        guard Self.hasPlainKey(key, of: name, chunkReader) else { return nil }
                        return GraphValidator.decodeActor(chunkReader.tree.text(key), key, value, schema: schema, chunkReader)
                    }, commit: { $0.commit($1, reader) })
                case "sources":
                    read(chunked, reader, decode: { chunkReader, key, value in
                        guard Self.hasPlainKey(key, of: name, chunkReader) else { return nil }
                        return GraphValidator.decodeSource(chunkReader.tree.text(key), key, value, chunkReader)
                    }, commit: { $0.commit($1, reader) })
                default:
                    read(chunked, reader, decode: { chunkReader, _, value in
                        GraphValidator.decodeRelation(value, schema: schema, files: files, chunkReader)
                    }, commit: { $0.commit($1) })
                }
                if let syntaxError {
                    reader.report(syntaxError)
                    sawSyntaxError = true
                }
                continue
            }
            let syntaxError = document.forEachRecord(in: section.value) { tree, key, value in
                reader.tree = tree
                guard Self.hasPlainKey(key, of: section.key, reader) else { return }
                let keyText = key >= 0 ? tree.text(key) : ""
                switch section.key {
                case "periods": readPeriod(keyText, key, value, reader)
                case "sources": commit(Self.decodeSource(keyText, key, value, reader), reader)
                case "actors": commit(Self.decodeActor(keyText, key, value, schema: schema, reader), reader)
                case "events":
                    oneEvent.removeAll()
                    Self.decodeEvent(key, value, kinds: eventKinds, reader, into: &oneEvent)
                    commit(oneEvent, reader)
                default: commit(Self.decodeRelation(value, schema: schema, files: files, reader))
                }
            }
            reader.tree = document.top
            if let syntaxError {
                reader.report(syntaxError)
                sawSyntaxError = true
            }
        }
    }

    /// Whether a record's key (-1 in a list) is a plain name, reporting it when not (YAML
    /// allows mappings and lists as keys).
    static func hasPlainKey(_ key: Int32, of section: String, _ reader: RecordReader) -> Bool {
        guard key >= 0, reader.tree.kind(key) == .mapping || reader.tree.kind(key) == .list else { return true }
        reader.error(key, "keys of \(section) must be plain names")
        return false
    }

    /// Reads a chunked section: `decode` on two threads (nil: a record to skip), each chunk's
    /// diagnostics and then its records committed here, in input order.
    private mutating func read<Record: Sendable>(_ chunked: ChunkedSection, _ reader: RecordReader,
                                                 decode: @escaping @Sendable (RecordReader, Int32, Int32) -> Record?,
                                                 commit: (inout GraphValidator, Record) -> Void) -> Diagnostic? {
        read(chunked, reader, makeBatch: { [Record]() }, decode: { chunkReader, key, value, records in
            if let record = decode(chunkReader, key, value) { records.append(record) }
        }, commit: { validator, records in
            for record in records { commit(&validator, record) }
        })
    }

    /// Reads a chunked section into one batch a chunk (`decode` adds a record to it), each
    /// chunk's diagnostics and then its batch committed here, in input order.
    private mutating func read<Batch: Sendable>(_ chunked: ChunkedSection, _ reader: RecordReader,
                                                makeBatch: @escaping @Sendable () -> Batch,
                                                decode: @escaping @Sendable (RecordReader, Int32, Int32, inout Batch) -> Void,
                                                commit: (inout GraphValidator, Batch) -> Void) -> Diagnostic? {
        chunked.read(makeBatch: makeBatch, decode: decode) { batch, problems in
            reader.report(contentsOf: problems)
            commit(&self, batch)
        }
    }

    /// Whether `id` has the id syntax, reporting it at `place` when not.
    func isValidID(_ id: String, at place: PackedLocation, _ reader: RecordReader) -> Bool {
        var id = id
        return id.withUTF8 { isValidID(bytes: $0, at: place, reader) }
    }

    func isValidID(bytes: UnsafeBufferPointer<UInt8>, at place: PackedLocation, _ reader: RecordReader) -> Bool {
        guard Identifier.isValid(bytes: bytes) else {
            reader.report(Diagnostic(place.location(files: files), "invalid id '\(String(decoding: bytes, as: UTF8.self))': \(Identifier.rule)"))
            return false
        }
        return true
    }

    func isValidID(_ id: String, at keyNode: Int32, _ reader: RecordReader) -> Bool {
        isValidID(id, at: reader.packed(keyNode), reader)
    }

    /// Defines an id of a record read earlier (its tree may be gone): errors are reported at `place`.
    mutating func define(_ id: String, _ category: GraphStoreBuilder.Category, at place: PackedLocation, _ reader: RecordReader) -> Bool {
        var id = id
        return id.withUTF8 { define(bytes: $0, category, at: place, reader) } != nil
    }

    /// ``define(_:_:at:_:)`` of an id's bytes; its symbol when it is defined here.
    mutating func define(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil, _ category: GraphStoreBuilder.Category,
                         at place: PackedLocation, _ reader: RecordReader) -> Int32? {
        guard isValidID(bytes: bytes, at: place, reader) else { return nil }
        let symbol = builder.symbol(bytes: bytes, hash: hash)
        if let first = builder.define(symbol: symbol, as: category, at: place) {
            reader.report(Diagnostic(place.location(files: files),
                                     "id '\(String(decoding: bytes, as: UTF8.self))' is defined twice: here and at \(first.location(files: files))"))
            return nil
        }
        return symbol
    }

    private mutating func define(_ id: String, _ category: GraphStoreBuilder.Category, at keyNode: Int32, _ reader: RecordReader) -> Bool {
        define(id, category, at: reader.packed(keyNode), reader)
    }

    private mutating func readPeriod(_ id: String, _ keyNode: Int32, _ value: Int32, _ reader: RecordReader) {
        var what: String { "period '\(id)'" }
        guard let f = reader.fields(value, what: what, allowed: Self.periodFields) else { return }
        let title = reader.requiredString(f, "title", what: what, at: keyNode)
        var dates: [PartialDate?] = []
        for end in ["from", "to"] {
            if f[end] == nil { reader.error(keyNode, "\(what) is missing required field '\(end)'") }
            dates.append(reader.date(f[end]?.value, what: end))
        }
        if let from = dates[0], let to = dates[1], to.interval.last < from.interval.first {
            reader.error(f["to"]?.value, "\(what) ends (to \(to)) before it starts (from \(from))")
            dates[1] = nil
        }
        let color = reader.string(f["color"]?.value, what: "color")
        if let color, let problem = StyleValue.problem(field: "color", value: color) {
            reader.error(f["color"]?.value, problem)
        }
        var actors: [(String, PackedLocation)] = []
        if let node = f["actors"]?.value, !reader.isNull(node) {
            if reader.tree.kind(node) == .list {
                for element in reader.tree.children(node) {
                    if let actor = reader.string(element, what: "an actor of \(what)") { actors.append((actor, reader.packed(element))) }
                }
            } else if let actor = reader.string(node, what: "actors of \(what)") {
                actors.append((actor, reader.packed(node)))
            }
        }
        guard isValidID(id, at: keyNode, reader) else { return }
        if let first = builder.definePeriod(id, at: reader.packed(keyNode)) {
            reader.error(keyNode, "period '\(id)' is defined twice: here and at \(first.location(files: files))")
            return
        }
        builder.noteActors(ofPeriod: actors)
        guard let title, let from = dates[0], let to = dates[1], color.map({ StyleValue.isColor($0) }) ?? true else { return }
        builder.add(Period(id: id, title: title, from: from, to: to, color: color, actors: actors.map(\.0),
                           location: reader.location(keyNode)))
    }

    /// What one source record says, checked; ready to commit.
    struct SourceRecord: Sendable {
        var id: String
        var place: PackedLocation
        /// The source, or nil when the record had errors.
        var source: Source?
    }

    /// Defines the record's id and stores its source.
    mutating func commit(_ record: SourceRecord, _ reader: RecordReader) {
        guard define(record.id, .source, at: record.place, reader), let source = record.source else { return }
        builder.add(source)
    }

    /// Checks one source record (touches nothing but its reader).
    static func decodeSource(_ id: String, _ keyNode: Int32, _ value: Int32, _ reader: RecordReader) -> SourceRecord {
        var record = SourceRecord(id: id, place: reader.packed(keyNode))
        var what: String { "source '\(id)'" }
        guard let f = reader.fields(value, what: what, allowed: Self.sourceFields) else { return record }
        let title = reader.requiredString(f, "title", what: what, at: keyNode)
        guard let title else { return record }
        record.source = Source(id: id, title: title,
                               publisher: reader.string(f["publisher"]?.value, what: "publisher"),
                               author: reader.string(f["author"]?.value, what: "author"),
                               published: reader.date(f["published"]?.value, what: "published"),
                               url: reader.string(f["url"]?.value, what: "url"),
                               language: reader.string(f["language"]?.value, what: "language"),
                               file: reader.string(f["file"]?.value, what: "file"),
                               location: reader.location(keyNode))
        return record
    }

    /// What one actor record says, checked; ready to commit.
    struct ActorRecord: Sendable {
        var id: String
        var place: PackedLocation
        /// The actor, or nil when the record had errors.
        var actor: Actor?
    }

    /// Defines the record's id and stores its actor.
    mutating func commit(_ record: ActorRecord, _ reader: RecordReader) {
        guard define(record.id, .actor, at: record.place, reader), let actor = record.actor else { return }
        builder.add(actor)
    }

    /// Checks one actor record against `schema` (touches nothing but its reader).
    static func decodeActor(_ id: String, _ keyNode: Int32, _ value: Int32, schema: Schema, _ reader: RecordReader) -> ActorRecord {
        var record = ActorRecord(id: id, place: reader.packed(keyNode))
        var what: String { "actor '\(id)'" }
        guard let f = reader.fields(value, what: what, allowed: Self.actorFields) else { return record }
        let kind = reader.requiredString(f, "kind", what: what, at: keyNode)
        let name = reader.requiredString(f, "name", what: what, at: keyNode)
        if let kind, schema.actorKinds[kind] == nil {
            reader.error(f["kind"]?.value, "unknown actor kind '\(kind)'; known kinds: \(schema.actorKindOrder.joined(separator: ", "))")
        }
        var names: [LocalizedName] = []
        if let namesNode = f["names"]?.value, !reader.isNull(namesNode) {
            for item in reader.entries(namesNode, what: "names of \(what)") ?? [] {
                if let text = reader.string(item.value, what: "name '\(item.key)'") {
                    names.append(LocalizedName(language: item.key, name: text))
                }
            }
        }
        let country = reader.string(f["country"]?.value, what: "country")
        if let country, !(country.count == 2 && country.allSatisfy({ $0.isASCII && $0.isUppercase })) {
            reader.error(f["country"]?.value, "country must be an ISO 3166-1 alpha-2 code such as US or CN; found '\(country)'")
        }
        let since = reader.date(f["since"]?.value, what: "since")
        let until = reader.date(f["until"]?.value, what: "until")
        if let since, let until, until.interval.last < since.interval.first {
            reader.error(f["until"]?.value, "\(what) ends (until \(until)) before it begins (since \(since))")
        }
        guard let kind, let name, schema.actorKinds[kind] != nil else { return record }
        record.actor = Actor(id: id, kind: kind, name: name, names: names,
                             aliases: reader.stringList(f["aliases"]?.value, what: "aliases") ?? [],
                             country: country,
                             description: reader.string(f["description"]?.value, what: "description"),
                             tags: reader.stringList(f["tags"]?.value, what: "tags") ?? [],
                             since: since, until: until,
                             location: reader.location(keyNode))
        return record
    }

    /// The evidence list of a record, with the positions of each item and its `source:`
    /// (relations keep evidence as values; `files` puts the positions in them).
    static func readEvidence(_ node: Int32?, what: String, files: [String]? = nil, _ reader: RecordReader)
        -> ([Evidence], [(item: PackedLocation, source: PackedLocation)]) {
        var evidence: [Evidence] = []
        var marks: [(item: PackedLocation, source: PackedLocation)] = []
        forEachEvidence(node, what: what, reader) { item, source, quote, note in
            let itemMark = reader.packed(item)
            evidence.append(Evidence(source: reader.tree.text(source), quote: quote.map { reader.tree.text($0) },
                                     note: note.map { reader.tree.text($0) }, location: files.map { itemMark.location(files: $0) }))
            marks.append((itemMark, reader.packed(source)))
        }
        return (evidence, marks)
    }

    /// Checks the evidence list of a record and calls `body(item, source, quote, note)` with
    /// the nodes of each well-formed item (quote and note when given as text).
    static func forEachEvidence(_ node: Int32?, what: @autoclosure () -> String, _ reader: RecordReader,
                                _ body: (Int32, Int32, Int32?, Int32?) -> Void) {
        guard let node, !reader.isNull(node) else { return }
        guard reader.tree.kind(node) == .list else {
            reader.error(node, "sources of \(what()) must be a list of {source, quote, note}, found \(reader.typeName(node))")
            return
        }
        let tree = reader.tree
        for item in tree.children(node) {
            guard let f = reader.fieldSlots(item, what: "evidence of \(what())", names: evidenceFieldNames) else { continue }
            guard let source = reader.requiredScalar(f.entry(0, "source", tree), "source", what: "evidence of \(what())", at: item) else { continue }
            let quote = f.entry(1, "quote", tree).flatMap { reader.isScalar($0.value, what: "quote") ? $0.value : nil }
            let note = f.entry(2, "note", tree).flatMap { reader.isScalar($0.value, what: "note") ? $0.value : nil }
            body(item, source, quote, note)
        }
    }

    /// What one relation record says, checked; ready to commit.
    struct RelationRecord: Sendable {
        /// The relation, or nil when the record had errors (its evidence is still checked).
        var relation: Relation?
        var endMarks = (from: PackedLocation(raw: 0), to: PackedLocation(raw: 0))
        var evidence: [Evidence] = []
        var sourceMarks: [PackedLocation] = []
    }

    /// Stores the record's relation (or notes the evidence of a rejected one).
    mutating func commit(_ record: RelationRecord) {
        guard let relation = record.relation else {
            builder.noteReferences(ofRejectedRelationEvidence: record.evidence, marks: record.sourceMarks)
            return
        }
        builder.add(relation, endMarks: record.endMarks, sourceMarks: record.sourceMarks)
    }

    /// Checks one relation record against `schema` (touches nothing but its reader).
    static func decodeRelation(_ node: Int32, schema: Schema, files: [String], _ reader: RecordReader) -> RelationRecord {
        var record = RelationRecord()
        var what: String { "relation" }
        guard let f = reader.fields(node, what: what, allowed: Self.relationFields) else { return record }
        let kindName = reader.requiredString(f, "kind", what: what, at: node)
        let from = reader.requiredString(f, "from", what: what, at: node)
        let to = reader.requiredString(f, "to", what: what, at: node)
        let kind = kindName.flatMap { schema.relationKinds[$0] }
        if let kindName, kind == nil {
            reader.error(f["kind"]?.value, "unknown relation kind '\(kindName)'; known kinds: \(schema.relationKindOrder.joined(separator: ", "))")
        }
        let since = reader.date(f["since"]?.value, what: "since")
        let until = reader.date(f["until"]?.value, what: "until")
        if let since, let until, until.interval.last < since.interval.first {
            reader.error(f["until"]?.value, "relation ends (until \(until)) before it starts (since \(since))")
        }
        let (evidence, evidenceMarks) = Self.readEvidence(f["sources"]?.value, what: "relation", files: files, reader)
        record.sourceMarks = evidenceMarks.map(\.source)
        guard let kind, let from, let to else {
            record.evidence = evidence
            return record
        }
        record.relation = Relation(id: "", kind: kind.name, from: from, to: to,
                                   role: reader.string(f["role"]?.value, what: "role"),
                                   since: since, until: until, sources: evidence,
                                   location: reader.location(node))
        record.endMarks = (reader.packed(f["from"]!.value), reader.packed(f["to"]!.value))
        return record
    }
}

extension Event {
    /// Fields an event record may have besides its kind's roles.
    static let fieldNames = Set(Schema.eventFieldNames)
}
