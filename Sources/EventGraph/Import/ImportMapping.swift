/// A mapping file: which columns (or JSON fields) of a user's tables give which fields of
/// EventGraph's sources, actors, relations and events (see docs/import.md, "Mapping
/// reference"). Read by the same reader and record reader as graph files, so every mistake
/// in a mapping is a `FILE:LINE:COLUMN` sentence too.
///
/// The built-in mappings (`Resources/mappings/*.yaml`) are mapping files like any other.
public struct ImportMapping: Sendable {
    /// What the records of a table become.
    enum Make: String, CaseIterable, Sendable {
        case graph, sources, actors, relations, events
        /// Named eras (`periods:`): title, from, to, color.
        case periods
        /// Rows that add a role to an event made by another table (Kumu's connections).
        case eventRoles = "event-roles"
    }

    /// Where a value comes from, and how it is changed on the way.
    ///
    /// A class, so that the per-row code passes values around without copying their many
    /// fields. `@unchecked Sendable`: a value is only changed while its mapping file is read
    /// (``ImportMapping/init(yaml:file:name:)``, which numbers it last); a mapping's values
    /// are read-only after that, so sharing them between threads is safe.
    final class Value: @unchecked Sendable {
        enum Origin: Sendable {
            case column(String)
            /// The first of these columns that is not empty.
            case columns([String])
            case constant(String)
            /// Text with `{Column}` places (and `{@file}`, `{@row}`); empty when every column it names is.
            case template([TemplatePart])
            /// The first of these values that is not empty.
            case firstOf([Value])
        }

        enum TemplatePart: Sendable {
            case text(String)
            case column(String)
        }

        var origin: Origin
        /// A value table to look the text up in (`values:`).
        var table: String?
        /// Match table keys as prefixes of the text (longest wins), e.g. CAMEO root codes.
        var matchPrefix = false
        /// The result when the table has the text (instead of the table's value).
        var found: String?
        /// The result when the text is empty or (with a table) not in it. Without it a miss is an error.
        var fallback: String?
        /// Split the text into a list at this separator (lists), or take the first part found in the table.
        var split: String?
        /// After `split`: take only this part (0-based).
        var part: Int?
        var prefix: String?
        var suffix: String?
        var lowercase = false
        /// Where the mapping says it (for messages).
        var location: SourceLocation
        init(origin: Origin, location: SourceLocation) {
            self.origin = origin
            self.location = location
        }

        /// The value's number in its mapping (``prepare(_:_:)``): a file's
        /// table keeps the columns each value reads by it (``RowTable/columnIndexes(_:)``).
        var slot = -1
        /// The value table `table` names, found when the mapping is read.
        var lookupTable: ValueTable?

        /// Every column this value reads.
        var columns: [String] {
            switch origin {
            case let .column(c): [c]
            case let .columns(cs): cs
            case .constant: []
            case let .template(parts): parts.compactMap { if case let .column(c) = $0 { c } else { nil } }.filter { !$0.hasPrefix("@") }
            case let .firstOf(values): values.flatMap(\.columns)
            }
        }

        /// The columns this value reads itself, in order (a template's `{@file}` and `{@row}` too).
        var ownColumns: [String] {
            switch origin {
            case let .column(c): [c]
            case let .columns(cs): cs
            case let .template(parts): parts.compactMap { if case let .column(c) = $0 { c } else { nil } }
            case .constant, .firstOf: []
            }
        }

        /// Numbers this value and those inside it, and finds its value table.
        func prepare(_ next: inout Int, _ tables: [String: ValueTable]) {
            slot = next
            next += 1
            lookupTable = table.flatMap { tables[$0] }
            if case let .firstOf(values) = origin {
                for v in values { v.prepare(&next, tables) }
            }
        }
    }

    /// A date: one column in a format, or year, month and day columns.
    struct DateValue: Sendable {
        enum Format: String, CaseIterable, Sendable {
            /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (also `~`, quarters, halves), a time of day after `T` or a space.
            case iso
            /// `DD/MM/YYYY`, `DD.MM.YYYY`, `DD-MM-YYYY`, optionally with a time of day.
            case dayFirst = "day-first"
            /// `MM/DD/YYYY`, optionally with a time of day.
            case monthFirst = "month-first"
            /// `YYYYMMDD` (GDELT's SQLDATE).
            case compact
        }

        var column: Value?
        var format: Format = .iso
        var year: String?
        var month: String?
        var day: String?
        var time: String?
        var location: SourceLocation

        var columns: [String] { (column?.columns ?? []) + [year, month, day, time].compactMap { $0 } }

        mutating func prepare(_ next: inout Int, _ tables: [String: ValueTable]) { column?.prepare(&next, tables) }
    }

    /// An actor (or event) named in a cell: by id, else by name, else a new actor made once
    /// per distinct name with these fields.
    struct Reference: Sendable {
        var value: Value
        var kind: Value?
        var country: Value?
        var description: Value?
        /// May a name that matches no actor make one? (`create: false` makes it an error.)
        var create = true

        mutating func prepare(_ next: inout Int, _ tables: [String: ValueTable]) {
            value.prepare(&next, tables)
            kind?.prepare(&next, tables)
            country?.prepare(&next, tables)
            description?.prepare(&next, tables)
        }
    }

    struct Evidence: Sendable {
        /// Citations as exports write them in one cell (`source: “quote” (note); …`).
        var text: Value?
        var source: Value?
        var quote: Value?
        var note: Value?

        mutating func prepare(_ next: inout Int, _ tables: [String: ValueTable]) {
            text?.prepare(&next, tables)
            source?.prepare(&next, tables)
            quote?.prepare(&next, tables)
            note?.prepare(&next, tables)
        }
    }

    /// A source made once per distinct id from the rows that cite it.
    struct SourceRecord: Sendable {
        var id: Value
        var fields: [(String, Value)]
        var published: DateValue?

        mutating func prepare(_ next: inout Int, _ tables: [String: ValueTable]) {
            id.prepare(&next, tables)
            for k in fields.indices { fields[k].1.prepare(&next, tables) }
            published?.prepare(&next, tables)
        }
    }

    /// One table of the mapping: which files it reads and what their rows become.
    struct Table: Sendable {
        var name: String
        var make: Make
        /// File base names (without extension, lower case) that start with one of these.
        var files: [String] = []
        /// Columns a file's header must have.
        var requiredColumns: [String] = []
        /// Rows are read only when each of these columns holds one of the values (case ignored).
        var when: [(column: String, values: Set<String>)] = []
        var fields: [(String, Value)] = []
        var dates: [(String, DateValue)] = []
        var roles: [(String, Reference)] = []
        var references: [(String, Reference)] = []
        /// Every column not read otherwise is a role (our own CSV layout); this prefix is removed.
        var otherColumnsAreRoles: String?
        /// Columns named `PREFIX<language>` are names per language.
        var namesPrefix: String?
        var evidence: Evidence?
        var source: SourceRecord?
        /// A row with the same id as the row before it adds evidence to that record.
        var continuation = false
        /// Prefix for ids that would start with a digit (default: the record type's letter).
        var idPrefix: String?
        /// Ids are used as written (the loader reports invalid ones) instead of made into ids.
        var keepIDs = false
        var location: SourceLocation

        /// The values an import works out for every row of the table (``RowEvaluator``): all
        /// but the fields of actors made from names, worked out only for a new name.
        var rowValues: [Value] {
            var values: [Value] = fields.map(\.1) + dates.compactMap(\.1.column)
            for (_, r) in roles + references { values.append(r.value) }
            if let e = evidence { values += [e.text, e.source, e.quote, e.note].compactMap { $0 } }
            if let s = source { values += [s.id] + s.fields.map(\.1) + [s.published?.column].compactMap { $0 } }
            return values
        }

        /// Calls `body` with every value of the table, those inside others too.
        func forEachValue(_ body: (Value) -> Void) {
            func visit(_ v: Value) {
                body(v)
                if case let .firstOf(values) = v.origin { for c in values { visit(c) } }
            }
            for (_, v) in fields { visit(v) }
            for (_, d) in dates { if let c = d.column { visit(c) } }
            for (_, r) in roles + references { for v in [r.value, r.kind, r.country, r.description].compactMap({ $0 }) { visit(v) } }
            if let e = evidence { for v in [e.text, e.source, e.quote, e.note].compactMap({ $0 }) { visit(v) } }
            if let s = source {
                visit(s.id)
                for (_, v) in s.fields { visit(v) }
                if let c = s.published?.column { visit(c) }
            }
        }

        mutating func prepare(_ next: inout Int, _ tables: [String: ValueTable]) {
            for k in fields.indices { fields[k].1.prepare(&next, tables) }
            for k in dates.indices { dates[k].1.prepare(&next, tables) }
            for k in roles.indices { roles[k].1.prepare(&next, tables) }
            for k in references.indices { references[k].1.prepare(&next, tables) }
            evidence?.prepare(&next, tables)
            source?.prepare(&next, tables)
        }
    }

    public let name: String
    var tables: [Table]
    var valueTables: [String: [String: String]]
    /// The value tables with lower-case keys (look-ups ignore case).
    var foldedTables: [String: [String: String]] = [:]
    /// The value tables as looked up by a row's bytes.
    var lookupTables: [String: ValueTable] = [:]
    /// How many values the mapping has (numbered 0 ..< valueCount: ``Value/slot``).
    private(set) var valueCount = 0
    let location: SourceLocation

    /// The built-in mappings, by name.
    public static var builtInNames: [String] {
        EmbeddedResources.files.keys.filter { $0.hasPrefix("mappings/") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst("mappings/".count).dropLast(".yaml".count)) }.sorted()
    }

    /// A built-in mapping by name (`timelinejs`, `kumu`, `icews`, `eventgraph-csv`).
    public static func builtIn(_ name: String) -> ImportMapping? {
        guard let text = EmbeddedResources.files["mappings/\(name).yaml"] else { return nil }
        do {
            return try ImportMapping(yaml: text, file: "mappings/\(name).yaml", name: name)
        } catch {
            fatalError("EventGraph's built-in mapping \(name) is invalid:\n\(error)")
        }
    }

    /// Reads a mapping file.
    /// - Throws: ``InputError`` with every problem, each at its line and column.
    public init(yaml: String, file: String, name: String? = nil) throws(InputError) {
        let document = try GraphDocument.open(name: file, index: 0, text: yaml, limits: InputLimits()).get()
        let reader = RecordReader(tree: document.top)
        self.name = name ?? file
        location = SourceLocation(file: file, line: 1, column: 1)
        var tables: [Table] = []
        var valueTables: [String: [String: String]] = [:]
        if let root = document.root, let top = reader.fields(root, what: "a mapping file", allowed: ["about", "tables", "values"]) {
            if let entries = top["values"].flatMap({ reader.entries($0.value, what: "values") }) {
                for entry in entries {
                    guard let pairs = reader.entries(entry.value, what: "value table '\(entry.key)'") else { continue }
                    var table: [String: String] = [:]
                    for pair in pairs { table[pair.key] = reader.string(pair.value, what: "'\(pair.key)'") }
                    valueTables[entry.key] = table
                }
            }
            if let entries = top["tables"].flatMap({ reader.entries($0.value, what: "tables") }) {
                for entry in entries {
                    if let table = Self.table(entry, reader: reader, valueTables: valueTables) { tables.append(table) }
                }
            } else if top["tables"] == nil {
                reader.error(root, "a mapping needs 'tables:' (each table: make, files or columns, and fields)")
            }
        }
        if !reader.diagnostics.isEmpty { throw InputError(reader.diagnostics) }
        self.tables = tables
        self.valueTables = valueTables
        for (name, table) in valueTables {
            var folded: [String: String] = [:]
            for (key, value) in table where folded[key.lowercased()] == nil { folded[key.lowercased()] = value }
            foldedTables[name] = folded
            lookupTables[name] = ValueTable(table, folded: folded)
        }
        // Every value numbered, with its value table.
        var next = 0
        for k in self.tables.indices { self.tables[k].prepare(&next, lookupTables) }
        valueCount = next
    }

    // MARK: Reading the mapping

    static let fieldsByMake: [Make: [String]] = [
        .graph: ["title", "description"],
        .sources: ["id", "title", "publisher", "author", "url", "language", "file"],
        .actors: ["id", "kind", "name", "names", "aliases", "country", "description", "tags"],
        .relations: ["id", "kind", "role"],
        .events: ["id", "kind", "title", "description", "amount", "currency", "status", "claim", "claimed_by",
                  "date_basis", "date_note", "date_source", "after", "before", "within", "tags"],
        .eventRoles: ["role"],
        .periods: ["id", "title", "color", "actors"],
    ]
    static let datesByMake: [Make: [String]] = [
        .sources: ["published"], .actors: ["since", "until"], .relations: ["since", "until"], .events: ["date", "start", "end"], .periods: ["from", "to"],
    ]
    static let referencesByMake: [Make: [String]] = [.relations: ["from", "to"], .eventRoles: ["event", "actor"]]
    static let listFields: Set<String> = ["aliases", "tags", "actors", "after", "before"]

    private static func table(_ entry: RecordReader.Entry, reader: RecordReader, valueTables: [String: [String: String]]) -> Table? {
        let what = "table '\(entry.key)'"
        var allowed = ["make", "files", "columns", "when", "fields", "roles", "other-columns-are-roles", "names-columns",
                       "evidence", "source", "continuation", "id-prefix", "keep-ids"]
        allowed += ["from", "to", "event", "actor"]
        guard let f = reader.fields(entry.value, what: what, allowed: allowed) else { return nil }
        guard let make = reader.choice(f["make"]?.value, what: "make", as: Make.self) else {
            if f["make"] == nil { reader.error(entry.keyNode, "\(what) needs 'make:' (\(Make.allCases.map(\.rawValue).joined(separator: ", ")))") }
            return nil
        }
        var table = Table(name: entry.key, make: make, location: reader.location(entry.keyNode))
        table.files = (reader.stringList(f["files"]?.value, what: "files", allowSingle: true) ?? []).map { $0.lowercased() }
        table.requiredColumns = reader.stringList(f["columns"]?.value, what: "columns", allowSingle: true) ?? []
        if let conditions = f["when"].flatMap({ reader.entries($0.value, what: "when") }) {
            for condition in conditions {
                // Items as written ("" included: an empty cell).
                let node = condition.value
                let values = reader.tree.kind(node) == .list ? reader.tree.children(node).map { reader.tree.text($0) }
                    : reader.tree.kind(node) == .mapping ? [] : [reader.tree.text(node)]
                table.when.append((condition.key, Set(values.map { $0.lowercased() })))
            }
        }
        if let fields = f["fields"].flatMap({ reader.entries($0.value, what: "fields") }) {
            let plain = fieldsByMake[make] ?? [], dates = datesByMake[make] ?? []
            for field in fields {
                if dates.contains(field.key) {
                    if let date = dateValue(field.value, reader: reader) { table.dates.append((field.key, date)) }
                } else if plain.contains(field.key) {
                    if let v = value(field.value, reader: reader, valueTables: valueTables) { table.fields.append((field.key, v)) }
                } else {
                    reader.error(field.keyNode, "\(what) makes \(make.rawValue), which have no field '\(field.key)'; the fields are \((plain + dates).joined(separator: ", "))")
                }
            }
        }
        for key in referencesByMake[make] ?? [] {
            if let node = f[key]?.value, let ref = reference(node, reader: reader, valueTables: valueTables) { table.references.append((key, ref)) }
        }
        for key in ["from", "to", "event", "actor"] where f[key] != nil && !(referencesByMake[make] ?? []).contains(key) {
            reader.error(f[key]!.keyNode, "'\(key)' belongs to \(key == "from" || key == "to" ? "a relations table" : "an event-roles table")")
        }
        if let roles = f["roles"].flatMap({ reader.entries($0.value, what: "roles") }) {
            if make != .events { reader.error(f["roles"]!.keyNode, "only an events table has roles") }
            for role in roles {
                if let ref = reference(role.value, reader: reader, valueTables: valueTables) { table.roles.append((role.key, ref)) }
            }
        }
        if let node = f["other-columns-are-roles"]?.value {
            table.otherColumnsAreRoles = reader.string(node, what: "other-columns-are-roles (the prefix to remove, or \"\")")
        }
        table.namesPrefix = reader.string(f["names-columns"]?.value, what: "names-columns (the column prefix)")
        if let node = f["evidence"]?.value, let e = reader.fields(node, what: "evidence", allowed: ["text", "source", "quote", "note"]) {
            table.evidence = Evidence(text: e["text"].flatMap { value($0.value, reader: reader, valueTables: valueTables) },
                                      source: e["source"].flatMap { value($0.value, reader: reader, valueTables: valueTables) },
                                      quote: e["quote"].flatMap { value($0.value, reader: reader, valueTables: valueTables) },
                                      note: e["note"].flatMap { value($0.value, reader: reader, valueTables: valueTables) })
        }
        if let node = f["source"]?.value, let s = reader.fields(node, what: "source", allowed: ["id", "title", "publisher", "author", "url", "language", "published"]) {
            if let idNode = s["id"]?.value, let id = value(idNode, reader: reader, valueTables: valueTables) {
                var record = SourceRecord(id: id, fields: [])
                for key in ["title", "publisher", "author", "url", "language"] {
                    if let v = s[key].flatMap({ value($0.value, reader: reader, valueTables: valueTables) }) { record.fields.append((key, v)) }
                }
                record.published = s["published"].flatMap { dateValue($0.value, reader: reader) }
                table.source = record
            } else if s["id"] == nil {
                reader.error(node, "a source needs 'id:' (the column or template that tells sources apart)")
            }
        }
        table.continuation = reader.bool(f["continuation"]?.value, what: "continuation") ?? false
        table.idPrefix = reader.string(f["id-prefix"]?.value, what: "id-prefix")
        table.keepIDs = reader.bool(f["keep-ids"]?.value, what: "keep-ids") ?? false
        if table.files.isEmpty && table.requiredColumns.isEmpty {
            reader.error(entry.keyNode, "\(what) needs 'files:' (file name prefixes) or 'columns:' (header columns) to know its files")
        }
        return table
    }

    static let valueKeys = ["column", "columns", "value", "template", "first-of", "table", "match", "found", "default",
                            "split", "part", "prefix", "suffix", "lowercase"]

    private static func value(_ node: Int32, reader: RecordReader, valueTables: [String: [String: String]]) -> Value? {
        let location = reader.location(node)
        switch reader.tree.kind(node) {
        case .string, .plain:
            return Value(origin: .column(reader.tree.text(node)), location: location)
        case .mapping:
            guard let f = reader.fields(node, what: "a value", allowed: valueKeys) else { return nil }
            let origins = ["column", "columns", "value", "template", "first-of"].filter { f[$0] != nil }
            guard origins.count == 1 else {
                reader.error(node, origins.isEmpty ? "a value needs one of column, columns, value, template or first-of"
                                                   : "a value takes one of \(origins.joined(separator: ", ")), not several")
                return nil
            }
            var v: Value
            switch origins[0] {
            case "column": v = Value(origin: .column(reader.string(f["column"]!.value, what: "column") ?? ""), location: location)
            case "columns": v = Value(origin: .columns(reader.stringList(f["columns"]!.value, what: "columns") ?? []), location: location)
            case "value": v = Value(origin: .constant(reader.string(f["value"]!.value, what: "value") ?? ""), location: location)
            case "template":
                let text = reader.string(f["template"]!.value, what: "template") ?? ""
                v = Value(origin: .template(template(text)), location: location)
            default:
                guard reader.tree.kind(f["first-of"]!.value) == .list else {
                    reader.error(f["first-of"]!.value, "first-of must be a list of values")
                    return nil
                }
                let items = reader.tree.children(f["first-of"]!.value).compactMap { value($0, reader: reader, valueTables: valueTables) }
                v = Value(origin: .firstOf(items), location: location)
            }
            if let t = f["table"] {
                let name = reader.string(t.value, what: "table")
                if let name, valueTables[name] == nil {
                    reader.error(t.value, "no value table '\(name)' under 'values:'" + (valueTables.isEmpty ? "" : " (there: \(valueTables.keys.sorted().joined(separator: ", ")))"))
                }
                v.table = name
            }
            if let m = f["match"] {
                switch reader.string(m.value, what: "match") {
                case "prefix": v.matchPrefix = true
                case "exact", nil: break
                case let other?: reader.error(m.value, "match is 'exact' or 'prefix', not '\(other)'")
                }
            }
            v.found = reader.string(f["found"]?.value, what: "found")
            v.fallback = reader.string(f["default"]?.value, what: "default")
            v.split = reader.string(f["split"]?.value, what: "split")
            v.part = reader.number(f["part"]?.value, what: "part").map { Int($0) }
            v.prefix = reader.string(f["prefix"]?.value, what: "prefix")
            v.suffix = reader.string(f["suffix"]?.value, what: "suffix")
            v.lowercase = reader.bool(f["lowercase"]?.value, what: "lowercase") ?? false
            return v
        default:
            reader.error(node, "a value is a column name or a mapping (column, value, template …), found \(reader.typeName(node))")
            return nil
        }
    }

    private static func template(_ text: String) -> [Value.TemplatePart] {
        var parts: [Value.TemplatePart] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            parts.append(.column(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    private static func reference(_ node: Int32, reader: RecordReader, valueTables: [String: [String: String]]) -> Reference? {
        if reader.tree.kind(node) == .mapping {
            let entries = reader.tree.entries(node)
            if entries.contains(where: { ["kind", "country", "description", "create", "name"].contains($0.key) }) {
                guard let f = reader.fields(node, what: "an actor reference", allowed: ["name", "kind", "country", "description", "create"]) else { return nil }
                guard let nameNode = f["name"]?.value, let v = value(nameNode, reader: reader, valueTables: valueTables) else {
                    reader.error(node, "an actor reference with kind/country needs 'name:' (the column naming the actor)")
                    return nil
                }
                return Reference(value: v,
                                 kind: f["kind"].flatMap { value($0.value, reader: reader, valueTables: valueTables) },
                                 country: f["country"].flatMap { value($0.value, reader: reader, valueTables: valueTables) },
                                 description: f["description"].flatMap { value($0.value, reader: reader, valueTables: valueTables) },
                                 create: reader.bool(f["create"]?.value, what: "create") ?? true)
            }
        }
        return value(node, reader: reader, valueTables: valueTables).map { Reference(value: $0) }
    }

    private static func dateValue(_ node: Int32, reader: RecordReader) -> DateValue? {
        let location = reader.location(node)
        switch reader.tree.kind(node) {
        case .string, .plain:
            return DateValue(column: Value(origin: .column(reader.tree.text(node)), location: location), location: location)
        case .mapping:
            guard let f = reader.fields(node, what: "a date", allowed: ["column", "template", "format", "year", "month", "day", "time", "split", "part"]) else { return nil }
            var d = DateValue(location: location)
            if let c = reader.string(f["column"]?.value, what: "column") { d.column = Value(origin: .column(c), location: location) }
            if let t = reader.string(f["template"]?.value, what: "template") { d.column = Value(origin: .template(template(t)), location: location) }
            d.column?.split = reader.string(f["split"]?.value, what: "split")
            d.column?.part = reader.number(f["part"]?.value, what: "part").map { Int($0) }
            d.format = reader.choice(f["format"]?.value, what: "format", as: DateValue.Format.self) ?? .iso
            d.year = reader.string(f["year"]?.value, what: "year")
            d.month = reader.string(f["month"]?.value, what: "month")
            d.day = reader.string(f["day"]?.value, what: "day")
            d.time = reader.string(f["time"]?.value, what: "time")
            if (d.column == nil) == (d.year == nil) {
                reader.error(node, "a date takes 'column:' (with 'format:') or 'year:' (with 'month:' and 'day:'), one of the two")
            }
            return d
        default:
            reader.error(node, "a date is a column name or a mapping (column and format, or year/month/day), found \(reader.typeName(node))")
            return nil
        }
    }
}
