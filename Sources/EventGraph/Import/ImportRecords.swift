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

    struct Record {
        var id: String
        var fields: [(String, Value)] = []
        var origin: Origin

        subscript(_ key: String) -> Value? {
            fields.first { $0.0 == key }?.1
        }

        mutating func set(_ key: String, _ value: Value) {
            if let i = fields.firstIndex(where: { $0.0 == key }) { fields[i].1 = value } else { fields.append((key, value)) }
        }
    }

    enum Section: Int, CaseIterable {
        case sources, actors, relations, events, periods
        var key: String { ["sources", "actors", "relations", "events", "periods"][rawValue] }
        var isList: Bool { self == .relations }
    }

    var title: String?
    var description: String?
    /// A `schema:` section (compact JSON) the records need, e.g. FollowTheMoney's kinds.
    var schemaExtension: String?
    var sections: [[Record]] = Array(repeating: [], count: Section.allCases.count)
    /// Where each id is in its section (not for relations).
    var index: [[String: Int]] = Array(repeating: [:], count: Section.allCases.count)
    /// Sections whose records are written as their JSON lines when they are added, not kept
    /// as records (``StreamedLines``): for JSON output, the sections no later row changes.
    /// Set before the first record is added.
    var streamed: Set<Section> = []
    /// The records of the streamed sections.
    private(set) var streamedLines: [StreamedLines] = Array(repeating: StreamedLines(), count: Section.allCases.count)

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

    private func isStreamed(_ section: Section) -> Bool { streamed.contains(section) }

    /// The number of records in a section.
    func count(of section: Section) -> Int { isStreamed(section) ? streamedLines[section.rawValue].count : sections[section.rawValue].count }

    var count: Int { Section.allCases.reduce(0) { $0 + count(of: $1) } }

    func has(_ id: String, in section: Section) -> Bool { index[section.rawValue][id] != nil }

    /// The row record `n` of a section came from.
    func origin(_ section: Section, _ n: Int) -> Origin {
        isStreamed(section) ? streamedLines[section.rawValue].origins[n] : sections[section.rawValue][n].origin
    }

    /// Record `n` of a section as its JSON line is written (for a list item, without a key).
    func jsonLine(_ section: Section, _ n: Int) -> [UInt8] {
        if isStreamed(section) { return Array(streamedLines[section.rawValue].line(n)) }
        var bytes: [UInt8] = []
        Self.jsonLine(sections[section.rawValue][n], section, into: &bytes)
        return bytes
    }

    static func jsonLine(_ record: Record, _ section: Section, into out: inout [UInt8]) {
        if !section.isList {
            JSONBytes.string(record.id, into: &out)
            out.append(0x3A)
        }
        json(record, into: &out)
    }

    mutating func add(_ record: Record, to section: Section) {
        if !section.isList { index[section.rawValue][record.id] = count(of: section) }
        if isStreamed(section) {
            Self.jsonLine(record, section, into: &streamedLines[section.rawValue].bytes)
            streamedLines[section.rawValue].ends.append(streamedLines[section.rawValue].bytes.count)
            streamedLines[section.rawValue].origins.append(record.origin)
            return
        }
        sections[section.rawValue].append(record)
    }

    /// Removes the records at these indexes of each section (and re-indexes).
    mutating func remove(indexes: [Set<Int>]) {
        for section in streamed.sorted(by: { $0.rawValue < $1.rawValue }) where !indexes[section.rawValue].isEmpty {
            precondition(!section.isList, "only sections of records with ids are streamed")
            let drop = indexes[section.rawValue]
            let old = streamedLines[section.rawValue]
            var kept = StreamedLines()
            var map: [String: Int] = [:]
            let ids = index[section.rawValue].sorted { $0.value < $1.value }.map(\.key)
            for n in 0..<old.count where !drop.contains(n) {
                map[ids[n]] = kept.count
                kept.bytes += old.line(n)
                kept.ends.append(kept.bytes.count)
                kept.origins.append(old.origins[n])
            }
            streamedLines[section.rawValue] = kept
            index[section.rawValue] = map
        }
        for section in Section.allCases where !indexes[section.rawValue].isEmpty && !isStreamed(section) {
            let drop = indexes[section.rawValue]
            sections[section.rawValue] = sections[section.rawValue].enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            if !section.isList {
                var map: [String: Int] = [:]
                for (n, r) in sections[section.rawValue].enumerated() { map[r.id] = n }
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
                var map: [String: Int] = [:]
                map.reserveCapacity(sections[section.rawValue].count)
                for (n, r) in sections[section.rawValue].enumerated() { map[r.id] = n }
                index[section.rawValue] = map
            }
        }
    }

    // MARK: JSON, one record a line

    /// The document as JSON with one record on each line, and the record behind each line
    /// (1-based line numbers; nil for lines that hold no record).
    func json() -> (bytes: [UInt8], records: [(Section, Int)?]) {
        var out: [UInt8] = []
        out.reserveCapacity(count * 200 + 256)
        // lines[k] is what line k + 1 holds; line 1 is the opening brace.
        var lines: [(Section, Int)?] = [nil]
        lines.reserveCapacity(count + 16)
        func line(_ text: String) {
            out.append(contentsOf: text.utf8)
            out.append(0x0A)
            lines.append(nil)
        }
        out.append(contentsOf: "{".utf8)
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
                    Self.jsonLine(sections[section.rawValue][n], section, into: &out)
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

    static func json(_ record: Record, into out: inout [UInt8]) {
        out.append(0x7B)
        for (n, (key, value)) in record.fields.enumerated() {
            if n > 0 { out.append(0x2C) }
            JSONBytes.string(key, into: &out)
            out.append(0x3A)
            switch value {
            case let .text(text): JSONBytes.string(text, into: &out)
            case let .number(text): out.append(contentsOf: text.utf8)
            case let .ids(ids) where ids.count == 1: JSONBytes.string(ids[0], into: &out)
            case let .list(items), let .ids(items):
                out.append(0x5B)
                for (k, item) in items.enumerated() {
                    if k > 0 { out.append(0x2C) }
                    JSONBytes.string(item, into: &out)
                }
                out.append(0x5D)
            case let .pairs(pairs):
                out.append(0x7B)
                for (k, (a, b)) in pairs.enumerated() {
                    if k > 0 { out.append(0x2C) }
                    JSONBytes.string(a, into: &out)
                    out.append(0x3A)
                    JSONBytes.string(b, into: &out)
                }
                out.append(0x7D)
            case let .amount(value, currency):
                out.append(contentsOf: "{\"value\":".utf8)
                out.append(contentsOf: value.utf8)
                if let currency {
                    out.append(contentsOf: ",\"currency\":".utf8)
                    JSONBytes.string(currency, into: &out)
                }
                out.append(0x7D)
            case let .evidence(items):
                out.append(0x5B)
                for (k, item) in items.enumerated() {
                    if k > 0 { out.append(0x2C) }
                    out.append(contentsOf: "{\"source\":".utf8)
                    JSONBytes.string(item.source, into: &out)
                    if let quote = item.quote {
                        out.append(contentsOf: ",\"quote\":".utf8)
                        JSONBytes.string(quote, into: &out)
                    }
                    if let note = item.note {
                        out.append(contentsOf: ",\"note\":".utf8)
                        JSONBytes.string(note, into: &out)
                    }
                    out.append(0x7D)
                }
                out.append(0x5D)
            }
        }
        out.append(0x7D)
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
                var fields = record.fields[...]
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
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var clean = true
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { clean = false; break }
            if clean { out.append(contentsOf: bytes); return }
            var k = 0
            while k < bytes.count {
                let b = bytes[k]
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0xE2 where k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9):
                    out.append(contentsOf: Array("\\u202".utf8))
                    out.append(bytes[k + 2] == 0xA8 ? 0x38 : 0x39)
                    k += 3
                    continue
                case ..<0x20:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                default: out.append(b)
                }
                k += 1
            }
        }
        out.append(0x22)
    }
}
