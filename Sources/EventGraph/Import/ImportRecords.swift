/// The records an import makes, before they are written: each with the row it came from,
/// written as one JSON line (the form the loader checks, and the output for large imports)
/// or as YAML (small imports).
struct ImportRecords {
    /// The row a record came from: file (index into the inputs), line, and mapping table.
    struct Origin: Equatable {
        var file: Int32
        var line: Int32
        var table: Int16
    }

    struct Evidence: Equatable {
        var source: String
        var quote: String?
        var note: String?
    }

    enum Value {
        case text(String)
        case number(String)
        case list([String])
        /// An id, or a list of them when there are several (event roles).
        case ids([String])
        case pairs([(String, String)])
        case amount(String, String?)
        case evidence([Evidence])
    }

    /// A record: its id, the row it came from, and its fields in order. The fields' values
    /// are kept as UTF-8 bytes in one buffer (``pieces`` of ``text``), so a row's record is
    /// built from its cells' bytes and written as JSON without a `String` per value; ``Value``
    /// is how a field is given and read back where that is convenient.
    struct Record {
        var id: String
        var origin: Origin
        /// The values' bytes, back to back.
        private(set) var text: [UInt8] = []
        /// Pieces of ``text``: a text or number is one piece, a list or ids one an item, pairs
        /// two an item, an amount two (value, currency), evidence three an item (source, quote,
        /// note); ``Piece/none`` for one not given.
        private(set) var pieces: [Piece] = []
        private(set) var fields: [Field] = []

        struct Piece {
            var start: Int32
            var end: Int32
            static let none = Piece(start: -1, end: -1)
            var isNone: Bool { start < 0 }
        }

        enum Kind: UInt8 { case text, number, list, ids, pairs, amount, evidence }

        /// A field: its key, what its value is, and its pieces (`first ..< first + count`).
        struct Field {
            var key: String
            var kind: Kind
            var first: Int32
            var count: Int32
        }

        init(id: String, fields: [(String, Value)] = [], origin: Origin) {
            self.id = id
            self.origin = origin
            for (key, value) in fields { set(key, value) }
        }

        /// Empties the record for another row (its buffers kept).
        mutating func reset(id: String, origin: Origin) {
            self.id = id
            self.origin = origin
            text.removeAll(keepingCapacity: true)
            pieces.removeAll(keepingCapacity: true)
            fields.removeAll(keepingCapacity: true)
        }

        var keys: [String] { fields.map(\.key) }

        func has(_ key: String) -> Bool { fields.contains { $0.key == key } }

        subscript(_ key: String) -> Value? {
            fields.firstIndex { $0.key == key }.map { value(at: $0) }
        }

        /// The text of a piece (empty for ``Piece/none``).
        func string(_ piece: Piece) -> String {
            guard !piece.isNone else { return "" }
            return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(piece.start)..<Int(piece.end)]), as: UTF8.self) }
        }

        func withBytes<R>(_ piece: Piece, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(max(piece.start, 0))..<Int(max(piece.end, 0))])) }
        }

        /// The value of field `n`.
        func value(at n: Int) -> Value {
            let f = fields[n]
            let p = pieces[Int(f.first)..<Int(f.first + f.count)]
            func s(_ k: Int) -> String { string(p[p.startIndex + k]) }
            func optional(_ k: Int) -> String? { p[p.startIndex + k].isNone ? nil : s(k) }
            switch f.kind {
            case .text: return .text(s(0))
            case .number: return .number(s(0))
            case .list: return .list(p.map(string))
            case .ids: return .ids(p.map(string))
            case .pairs: return .pairs(stride(from: 0, to: p.count, by: 2).map { (s($0), s($0 + 1)) })
            case .amount: return .amount(s(0), optional(1))
            case .evidence: return .evidence(stride(from: 0, to: p.count, by: 3).map { Evidence(source: s($0), quote: optional($0 + 1), note: optional($0 + 2)) })
            }
        }

        /// Sets a field: in its place when the record has it, else last.
        mutating func set(_ key: String, _ value: Value) {
            switch value {
            case let .text(t): start(key, .text); piece(t)
            case let .number(t): start(key, .number); piece(t)
            case let .list(items): start(key, .list); for t in items { piece(t) }
            case let .ids(items): start(key, .ids); for t in items { piece(t) }
            case let .pairs(pairs): start(key, .pairs); for (a, b) in pairs { piece(a); piece(b) }
            case let .amount(v, currency): start(key, .amount); piece(v); piece(currency)
            case let .evidence(items):
                start(key, .evidence)
                for item in items { piece(item.source); piece(item.quote); piece(item.note) }
            }
            finish()
        }

        /// A text field from bytes.
        mutating func set(_ key: String, text bytes: UnsafeBufferPointer<UInt8>) {
            start(key, .text)
            piece(bytes)
            finish()
        }

        /// The field being built (``start(_:_:)`` … ``finish()``): its key, kind and first piece.
        private var building: (key: String, kind: Kind, first: Int)?

        /// Starts a field; its pieces follow (``piece(_:)``), then ``finish()``.
        mutating func start(_ key: String, _ kind: Kind) {
            building = (key, kind, pieces.count)
        }

        mutating func piece(_ bytes: UnsafeBufferPointer<UInt8>) {
            let start = text.count
            text.append(contentsOf: bytes)
            pieces.append(Piece(start: Int32(start), end: Int32(text.count)))
        }

        mutating func piece(_ bytes: ArraySlice<UInt8>) {
            let start = text.count
            text.append(contentsOf: bytes)
            pieces.append(Piece(start: Int32(start), end: Int32(text.count)))
        }

        mutating func set(_ key: String, text bytes: ArraySlice<UInt8>) {
            start(key, .text)
            piece(bytes)
            finish()
        }

        mutating func piece(_ string: String?) {
            guard let string else { pieces.append(.none); return }
            let start = text.count
            text.append(contentsOf: string.utf8)
            pieces.append(Piece(start: Int32(start), end: Int32(text.count)))
        }

        /// Ends the field begun by ``start(_:_:)``: in the place of the field of that key, else last.
        mutating func finish() {
            guard let (key, kind, first) = building else { return }
            building = nil
            let field = Field(key: key, kind: kind, first: Int32(first), count: Int32(pieces.count - first))
            if let i = fields.firstIndex(where: { $0.key == key }) { fields[i] = field } else { fields.append(field) }
        }

        /// Moves field `from` to position `to`.
        mutating func moveField(from: Int, to: Int) {
            let f = fields.remove(at: from)
            fields.insert(f, at: to)
        }

        /// Inserts a field (not in the record yet) at position `n`.
        mutating func insert(_ key: String, _ value: Value, at n: Int) {
            set(key, value)
            moveField(from: fields.count - 1, to: n)
        }

        /// Orders the fields by `rank` (stable).
        mutating func sortFields(by rank: (String) -> Int) {
            withUnsafeTemporaryAllocation(of: Int.self, capacity: fields.count) { ranks in
                for (k, f) in fields.enumerated() { ranks[k] = rank(f.key) }
                // Insertion sort: a few fields, nearly in order already.
                var i = 1
                while i < fields.count {
                    let f = fields[i], r = ranks[i]
                    var j = i
                    while j > 0, ranks[j - 1] > r { fields[j] = fields[j - 1]; ranks[j] = ranks[j - 1]; j -= 1 }
                    if j != i { fields[j] = f; ranks[j] = r }
                    i += 1
                }
            }
        }
    }

    enum Section: Int, CaseIterable {
        case sources, actors, relations, events, periods
        var key: String { ["sources", "actors", "relations", "events", "periods"][rawValue] }
        var isList: Bool { self == .relations }

        /// The section a mapping table's records go to.
        init?(_ make: ImportMapping.Make) {
            switch make {
            case .sources: self = .sources
            case .actors: self = .actors
            case .relations: self = .relations
            case .events: self = .events
            case .periods: self = .periods
            case .graph, .eventRoles: return nil
            }
        }
    }

    var title: String?
    var description: String?
    /// A `schema:` section (compact JSON) the records need, e.g. FollowTheMoney's kinds.
    var schemaExtension: String?
    var sections: [[Record]] = Array(repeating: [], count: Section.allCases.count)
    /// Where each id is in its section (not for relations).
    var index: [IDIndex] = Array(repeating: IDIndex(), count: Section.allCases.count)
    /// Sections whose records are written as their JSON lines when they are added, not kept
    /// as records (``StreamedLines``): for JSON output, the sections no later row changes.
    /// Set before the first record is added.
    var streamed: Set<Section> = [] {
        didSet { streamedMask = streamed.reduce(0) { $0 | 1 << $1.rawValue } }
    }
    private var streamedMask = 0
    /// The records of the streamed sections.
    private(set) var streamedLines: [StreamedLines] = Array(repeating: StreamedLines(), count: Section.allCases.count)
    /// How many records each streamed section has (their lines may still be being written).
    private var streamedCounts: [Int] = Array(repeating: 0, count: Section.allCases.count)
    /// Streamed records not handed to the writer yet, and the writer (``LineWriter``), which
    /// writes their lines on a thread of its own until ``finishLines()``. (Records are not
    /// copied while lines are being written: the writer is not copied with them.)
    private var pending = LineWriter.Batch()
    private var writer: LineWriter?

    /// Records kept as their JSON lines (`"id":{…}`, no comma or line break), one after the
    /// other in `bytes`, with the row each came from.
    struct StreamedLines {
        var bytes: [UInt8] = []
        /// Where each line ends in `bytes` (the next one starts there).
        var ends: [Int] = []
        var origins: [Origin] = []

        var count: Int { ends.count }

        func line(_ n: Int) -> ArraySlice<UInt8> { bytes[(n == 0 ? 0 : ends[n - 1])..<ends[n]] }
    }

    private func isStreamed(_ section: Section) -> Bool { streamedMask & 1 << section.rawValue != 0 }

    /// The number of records in a section.
    func count(of section: Section) -> Int { isStreamed(section) ? streamedCounts[section.rawValue] : sections[section.rawValue].count }

    var count: Int { Section.allCases.reduce(0) { $0 + count(of: $1) } }

    func has(_ id: String, in section: Section) -> Bool { index[section.rawValue][id] != nil }

    /// The row record `n` of a section came from.
    func origin(_ section: Section, _ n: Int) -> Origin {
        isStreamed(section) ? streamedLines[section.rawValue].origins[n] : sections[section.rawValue][n].origin
    }

    /// Record `n` of a section as its JSON line is written (for a list item, without a key).
    func jsonLine(_ section: Section, _ n: Int) -> [UInt8] {
        precondition(writer == nil && pending.entries.isEmpty, "finishLines() first")
        if isStreamed(section) { return Array(streamedLines[section.rawValue].line(n)) }
        var bytes: [UInt8] = [], scratch: [UInt8] = []
        Self.jsonLine(sections[section.rawValue][n], section, into: &bytes, scratch: &scratch)
        return bytes
    }

    /// Appends a record's JSON line (for a list item, without a key): written through a
    /// pointer into `scratch` (kept between calls, grown when short), then copied to `out`.
    static func jsonLine(_ record: Record, _ section: Section, into out: inout [UInt8], scratch: inout [UInt8]) {
        record.text.withUnsafeBufferPointer { text in
            record.pieces.withUnsafeBufferPointer { pieces in
                record.fields.withUnsafeBufferPointer { fields in
                    jsonLine(id: record.id, section, text: text, pieces: pieces, fields: fields, into: &out, scratch: &scratch)
                }
            }
        }
    }

    /// ``jsonLine(_:_:into:scratch:)`` of a record given as its id and storage (pieces relative
    /// to `text`, fields' first pieces relative to `pieces`).
    static func jsonLine(id: String, _ section: Section, text: UnsafeBufferPointer<UInt8>, pieces: UnsafeBufferPointer<Record.Piece>,
                         fields: UnsafeBufferPointer<Record.Field>, into out: inout [UInt8], scratch: inout [UInt8]) {
        var id = id
        // Every byte escaped (at most 6), quotes and punctuation (at most 16) around each piece.
        var room = id.utf8.count * 6 + 3 + 2 + text.count * 6 + pieces.count * 18
        for f in fields { room += f.key.utf8.count * 6 + 6 }
        if scratch.count < room { scratch = Array(repeating: 0, count: max(room, 2 * scratch.count, 4096)) }
        let n = scratch.withUnsafeMutableBufferPointer { buffer -> Int in
            var w = buffer.baseAddress!
            if !section.isList {
                w = id.withUTF8 { JSONBytes.write($0, to: w) }
                w.pointee = 0x3A
                w += 1
            }
            return write(text: text, pieces: pieces, fields: fields, to: w) - buffer.baseAddress!
        }
        scratch.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
    }

    /// Makes room in a section's id index for `count` records (a large table's, guessed from its first rows).
    mutating func reserve(_ count: Int, in section: Section) {
        if !section.isList { index[section.rawValue].reserve(count) }
    }

    mutating func add(_ record: Record, to section: Section) {
        if !section.isList { index[section.rawValue].set(record.id, at: count(of: section)) }
        if isStreamed(section) {
            streamedCounts[section.rawValue] += 1
            streamedLines[section.rawValue].origins.append(record.origin)
            pending.append(record, section)
            if pending.entries.count >= 1024 {
                if writer == nil { writer = LineWriter() }
                pending = writer!.submit(pending)
            }
            return
        }
        sections[section.rawValue].append(record)
    }

    /// Writes the streamed records' lines still to be written and waits for the writer.
    mutating func finishLines() {
        if !pending.entries.isEmpty {
            if writer == nil { writer = LineWriter() }
            _ = writer!.submit(pending)
            pending = LineWriter.Batch()
        }
        guard let writer else { return }
        let (bytes, ends) = writer.finish()
        self.writer = nil
        for section in Section.allCases where !ends[section.rawValue].isEmpty {
            if streamedLines[section.rawValue].bytes.isEmpty {
                // The usual case: every line came through the writer (taken, not copied).
                streamedLines[section.rawValue].bytes = bytes[section.rawValue]
                streamedLines[section.rawValue].ends = ends[section.rawValue]
                continue
            }
            // Lines written before (this import writes them all through the writer) come first.
            let base = streamedLines[section.rawValue].bytes.count
            streamedLines[section.rawValue].bytes += bytes[section.rawValue]
            streamedLines[section.rawValue].ends += ends[section.rawValue].map { $0 + base }
        }
    }

    /// Removes the records at these indexes of each section (and re-indexes).
    mutating func remove(indexes: [Set<Int>]) {
        finishLines()
        for section in streamed.sorted(by: { $0.rawValue < $1.rawValue }) where !indexes[section.rawValue].isEmpty {
            precondition(!section.isList, "only sections of records with ids are streamed")
            let drop = indexes[section.rawValue]
            let old = streamedLines[section.rawValue]
            var kept = StreamedLines()
            var map = IDIndex()
            let ids = index[section.rawValue].idsByPosition
            for n in 0..<old.count where !drop.contains(n) {
                map.set(ids[n], at: kept.count)
                kept.bytes += old.line(n)
                kept.ends.append(kept.bytes.count)
                kept.origins.append(old.origins[n])
            }
            streamedLines[section.rawValue] = kept
            streamedCounts[section.rawValue] = kept.count
            index[section.rawValue] = map
        }
        for section in Section.allCases where !indexes[section.rawValue].isEmpty && !isStreamed(section) {
            let drop = indexes[section.rawValue]
            sections[section.rawValue] = sections[section.rawValue].enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            if !section.isList {
                var map = IDIndex()
                for (n, r) in sections[section.rawValue].enumerated() { map.set(r.id, at: n) }
                index[section.rawValue] = map
            }
        }
    }

    /// Removes the records for which `drop` is true (and re-indexes).
    mutating func remove(where drop: (Section, Record) -> Bool) {
        precondition(streamed.isEmpty, "records are removed by predicate only when kept in memory")
        for section in Section.allCases {
            sections[section.rawValue].removeAll { drop(section, $0) }
            if !section.isList {
                var map = IDIndex()
                map.reserve(sections[section.rawValue].count)
                for (n, r) in sections[section.rawValue].enumerated() { map.set(r.id, at: n) }
                index[section.rawValue] = map
            }
        }
    }

    // MARK: JSON, one record a line

    /// The document as JSON with one record on each line, and the record behind each line
    /// (1-based line numbers; nil for lines that hold no record).
    func json() -> (bytes: [UInt8], records: [(Section, Int)?]) {
        precondition(writer == nil && pending.entries.isEmpty, "finishLines() first")
        var out: [UInt8] = []
        // Room for the streamed lines as they are (a line break and a comma each), about 200
        // bytes for each record kept.
        var room = 4096 + (title?.utf8.count ?? 0) * 6 + (description?.utf8.count ?? 0) * 6 + (schemaExtension?.utf8.count ?? 0)
        for section in Section.allCases {
            room += isStreamed(section) ? streamedLines[section.rawValue].bytes.count + 2 * count(of: section) : 200 * count(of: section)
        }
        out.reserveCapacity(room)
        // lines[k] is what line k + 1 holds; line 1 is the opening brace.
        var lines: [(Section, Int)?] = [nil]
        lines.reserveCapacity(count + 16)
        func line(_ text: String) {
            out.append(contentsOf: text.utf8)
            out.append(0x0A)
            lines.append(nil)
        }
        out.append(contentsOf: "{".utf8)
        var scratch: [UInt8] = []
        var first = true
        for (key, value) in [("title", title), ("description", description)] {
            guard let value else { continue }
            if !first { out.append(0x2C) }
            out.append(0x0A)
            lines.append(nil)
            JSONBytes.string(key, into: &out)
            out.append(0x3A)
            JSONBytes.string(value, into: &out)
            first = false
        }
        if let schemaExtension {
            if !first { out.append(0x2C) }
            out.append(0x0A)
            lines.append(nil)
            out.append(contentsOf: "\"schema\":".utf8)
            out.append(contentsOf: schemaExtension.utf8)
            first = false
        }
        for section in Section.allCases where count(of: section) > 0 {
            if !first { out.append(0x2C) }
            out.append(0x0A)
            lines.append(nil)
            JSONBytes.string(section.key, into: &out)
            out.append(contentsOf: section.isList ? ":[".utf8 : ":{".utf8)
            first = false
            let total = count(of: section)
            for n in 0..<total {
                out.append(0x0A)
                lines.append((section, n))
                if isStreamed(section) {
                    out += streamedLines[section.rawValue].line(n)
                } else {
                    Self.jsonLine(sections[section.rawValue][n], section, into: &out, scratch: &scratch)
                }
                if n + 1 < total { out.append(0x2C) }
            }
            out.append(0x0A)
            lines.append(nil)
            out.append(section.isList ? 0x5D : 0x7D)
        }
        out.append(contentsOf: "\n}\n".utf8)
        lines.append(nil)
        return (out, lines)
    }

    /// Writes a record's fields as a JSON object at `to` (with room for it: ``jsonLine(id:_:text:pieces:fields:into:scratch:)``);
    /// returns where it ended.
    static func write(text: UnsafeBufferPointer<UInt8>, pieces: UnsafeBufferPointer<Record.Piece>, fields: UnsafeBufferPointer<Record.Field>,
                      to: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        do {
            func bytes(_ p: Record.Piece) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[Int(p.start)..<Int(p.end)]) }
            var w = to
            func put(_ b: UInt8) { w.pointee = b; w += 1 }
            func put(_ s: StaticString) {
                w.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
                w += s.utf8CodeUnitCount
            }
            func string(_ p: Record.Piece) { w = JSONBytes.write(bytes(p), to: w) }
            put(0x7B)
            for (n, field) in fields.enumerated() {
                if n > 0 { put(0x2C) }
                var key = field.key
                key.withUTF8 { w = JSONBytes.write($0, to: w) }
                put(0x3A)
                let p = pieces[Int(field.first)..<Int(field.first + field.count)]
                let at = p.startIndex
                switch field.kind {
                case .text: string(p[at])
                case .number:
                    let b = bytes(p[at])
                    if let base = b.baseAddress { w.update(from: base, count: b.count) }
                    w += b.count
                case .ids where p.count == 1: string(p[at])
                case .list, .ids:
                    put(0x5B)
                    for k in p.indices {
                        if k > at { put(0x2C) }
                        string(p[k])
                    }
                    put(0x5D)
                case .pairs:
                    put(0x7B)
                    for k in stride(from: at, to: p.endIndex, by: 2) {
                        if k > at { put(0x2C) }
                        string(p[k])
                        put(0x3A)
                        string(p[k + 1])
                    }
                    put(0x7D)
                case .amount:
                    put("{\"value\":")
                    let b = bytes(p[at])
                    if let base = b.baseAddress { w.update(from: base, count: b.count) }
                    w += b.count
                    if !p[at + 1].isNone {
                        put(",\"currency\":")
                        string(p[at + 1])
                    }
                    put(0x7D)
                case .evidence:
                    put(0x5B)
                    for k in stride(from: at, to: p.endIndex, by: 3) {
                        if k > at { put(0x2C) }
                        put("{\"source\":")
                        string(p[k])
                        if !p[k + 1].isNone {
                            put(",\"quote\":")
                            string(p[k + 1])
                        }
                        if !p[k + 2].isNone {
                            put(",\"note\":")
                            string(p[k + 2])
                        }
                        put(0x7D)
                    }
                    put(0x5D)
                }
            }
            put(0x7D)
            return w
        }
    }

    // MARK: YAML

    /// The document as YAML, as a person would write it.
    func yaml(header: String) -> String {
        precondition(streamed.isEmpty, "YAML is written from records kept in memory")
        typealias Y = YAMLScalar
        var out = header
        if let title { out += "title: \(Y.scalar(title))\n" }
        if let description { out += "description: \(Y.scalar(description))\n" }
        if let schemaExtension { out += "schema: \(schemaExtension)\n" }
        for section in Section.allCases where !sections[section.rawValue].isEmpty {
            out += "\n\(section.key):\n"
            for record in sections[section.rawValue] {
                var indent = "    "
                var fields = record.fields.indices.map { (record.fields[$0].key, record.value(at: $0)) }[...]
                if section.isList {
                    if let (key, value) = fields.first {
                        out += "  - \(key): \(Self.yamlInline(value))\n"
                        fields = fields.dropFirst()
                    }
                } else {
                    out += "  \(Y.scalar(record.id)):\n"
                }
                if section.isList { indent = "    " }
                for (key, value) in fields {
                    switch value {
                    case let .pairs(pairs):
                        out += "\(indent)\(Y.scalar(key)):\n"
                        for (a, b) in pairs { out += "\(indent)  \(Y.scalar(a)): \(Y.scalar(b))\n" }
                    case let .evidence(items):
                        out += "\(indent)sources:\n"
                        for item in items {
                            out += "\(indent)  - source: \(Y.scalar(item.source))\n"
                            if let quote = item.quote { out += "\(indent)    quote: \(Y.scalar(quote))\n" }
                            if let note = item.note { out += "\(indent)    note: \(Y.scalar(note))\n" }
                        }
                    case let .text(text) where Self.dateKeys.contains(key):
                        out += "\(indent)\(key): \(Y.date(text))\n"
                    default:
                        out += "\(indent)\(Y.scalar(key)): \(Self.yamlInline(value))\n"
                    }
                }
            }
        }
        return out
    }

    static let dateKeys: Set<String> = ["date", "start", "end", "since", "until", "published"]

    private static func yamlInline(_ value: Value) -> String {
        typealias Y = YAMLScalar
        switch value {
        case let .text(text): return Y.scalar(text)
        case let .number(text): return text
        case let .ids(ids) where ids.count == 1: return Y.scalar(ids[0])
        case let .list(items), let .ids(items): return Y.list(items)
        case let .amount(value, currency): return "{ value: \(value)" + (currency.map { ", currency: \(Y.scalar($0))" } ?? "") + " }"
        case let .pairs(pairs): return "{ " + pairs.map { "\(Y.scalar($0.0)): \(Y.scalar($0.1))" }.joined(separator: ", ") + " }"
        case .evidence: return "[]"
        }
    }
}

/// JSON text written as bytes.
enum JSONBytes {
    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string (`"`, `\`, control characters, U+2028/9 escaped).
    static func string(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { string($0, into: &out) }
    }

    /// True when no byte needs a look: none below 0x20, `"`, `\\` or 0xE2 (U+2028/9's first byte);
    /// eight bytes at a time.
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i + 8 <= bytes.count {
            let w = ByteWord.load(base + i)
            if ByteWord.below(w, 0x20) | ByteWord.equal(w, 0x22) | ByteWord.equal(w, 0x5C) | ByteWord.equal(w, 0xE2) != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { return false }
            i += 1
        }
        return true
    }

    /// The most bytes ``write(_:to:)`` writes for `bytes`.
    static func room(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { isClean(bytes) ? bytes.count + 2 : bytes.count * 6 + 2 }

    /// Appends UTF-8 `bytes` as a JSON string.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: room(bytes)))
        let end = out.withUnsafeMutableBufferPointer { o in write(bytes, to: o.baseAddress! + start) - o.baseAddress! }
        out.removeLast(out.count - end)
    }

    /// Writes UTF-8 `bytes` as a JSON string at `to` (room for ``room(_:)`` bytes); returns
    /// where it ended.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var w = to
        func put(_ b: UInt8) { w.pointee = b; w += 1 }
        put(0x22)
        if isClean(bytes) {
            if let base = bytes.baseAddress { w.update(from: base, count: bytes.count) }
            w += bytes.count
        } else {
            var k = 0
            while k < bytes.count {
                let b = bytes[k]
                switch b {
                case 0x22: put(0x5C); put(0x22)
                case 0x5C: put(0x5C); put(0x5C)
                case 0x0A: put(0x5C); put(0x6E)
                case 0x0D: put(0x5C); put(0x72)
                case 0x09: put(0x5C); put(0x74)
                case 0xE2 where k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9):
                    // \u2028, \u2029
                    for c in "\\u202".utf8 { put(c) }
                    put(bytes[k + 2] == 0xA8 ? 0x38 : 0x39)
                    k += 3
                    continue
                case ..<0x20:
                    put(0x5C); put(0x75); put(0x30); put(0x30); put(hex[Int(b >> 4)]); put(hex[Int(b & 15)])
                default: put(b)
                }
                k += 1
            }
        }
        put(0x22)
        return w
    }
}
