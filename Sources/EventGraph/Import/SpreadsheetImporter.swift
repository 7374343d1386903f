/// Turns spreadsheet CSV files (``SpreadsheetLayout``, or the columns a TimelineJS or Kumu
/// user already has) into an EventGraph YAML document.
///
/// Each file is recognised by its name (`actors…`/`elements…`/`people…`, `events…`/
/// `timeline…`, `relations…`/`connections…`, `sources…`, `graph…`) or else by its header.
/// Headers are matched ignoring case, spaces and `_`; TimelineJS (`Headline`, `Text`,
/// `Year`/`Month`/`Day`, `End Year`…) and Kumu (`Label`, `Type`) names are understood.
/// The YAML is then checked by ``GraphLoader``, and every problem — CSV syntax, unknown
/// columns, and everything the loader checks — is reported at the CSV file, line and
/// column it comes from, all in one ``InputError``.
public struct SpreadsheetImporter: Sendable {
    /// One CSV file: its name as it should appear in messages, and its text.
    public struct Sheet: Sendable {
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// What a sheet holds.
    public enum SheetKind: String, Sendable, CaseIterable {
        case graph, sources, actors, events, relations
    }

    /// The schema the YAML is checked against.
    public var schema: Schema

    public init(schema: Schema = .builtIn) {
        self.schema = schema
    }

    /// Reads the sheets and returns the YAML of the graph they describe, checked by the loader.
    /// - Throws: ``InputError`` with every problem, each at its CSV file, line and column.
    public func yaml(from sheets: [Sheet]) throws(InputError) -> String {
        var diagnostics: [Diagnostic] = []
        var tables: [SheetKind: [Table]] = [:]
        for sheet in sheets {
            let parser = CSVParser(sheet.text)
            // Remove the `'` that export wrote before formula-like cells (SpreadsheetCell).
            let records = parser.records.map { $0.map { field in
                var field = field
                field.text = SpreadsheetCell.restored(field.text)
                return field
            } }
            for problem in parser.problems {
                diagnostics.append(Diagnostic(SourceLocation(file: sheet.name, line: problem.line, column: problem.column), problem.message))
            }
            guard let header = records.first else {
                diagnostics.append(Diagnostic(SourceLocation(file: sheet.name, line: 1, column: 1), "the file is empty; expected a header row"))
                continue
            }
            guard let kind = Self.kind(ofSheetNamed: sheet.name, header: header.map(\.text)) else {
                diagnostics.append(Diagnostic(SourceLocation(file: sheet.name, line: 1, column: 1),
                                              "cannot tell what this file holds; name it actors.csv, events.csv, relations.csv, sources.csv or graph.csv"))
                continue
            }
            tables[kind, default: []].append(Table(name: sheet.name, header: header, rows: Array(records.dropFirst())))
        }
        var builder = YAMLDocumentBuilder()
        func section(_ key: String, _ list: [Table]?, _ read: (Table) -> Void) {
            guard let list, !list.isEmpty else { return }
            builder.line("\(key):")
            for table in list { read(table) }
        }
        builder.line("# Imported from spreadsheet files by eventgraph import (see docs/exports.md).")
        for table in tables[.graph] ?? [] { readGraph(table, into: &builder, diagnostics: &diagnostics) }
        section("sources", tables[.sources]) { readSources($0, into: &builder, diagnostics: &diagnostics) }
        section("actors", tables[.actors]) { readActors($0, into: &builder, diagnostics: &diagnostics) }
        if let relationTables = tables[.relations], !relationTables.isEmpty {
            builder.line("relations:")
            for table in relationTables { readRelations(table, into: &builder, diagnostics: &diagnostics) }
        }
        section("events", tables[.events]) { readEvents($0, into: &builder, diagnostics: &diagnostics) }

        let yaml = builder.text
        do {
            _ = try GraphLoader(baseSchema: schema).load([InputDocument(name: Self.yamlName, text: yaml)])
        } catch {
            for diagnostic in error.diagnostics {
                guard diagnostic.location.file == Self.yamlName, let (origin, column) = builder.origin(ofLine: diagnostic.location.line) else {
                    diagnostics.append(diagnostic)
                    continue
                }
                let prefix = column.map { "column '\($0)': " } ?? ""
                diagnostics.append(Diagnostic(origin, prefix + diagnostic.message, severity: diagnostic.severity))
            }
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        return yaml
    }

    /// The document name the loader sees (mapped back to CSV cells in messages).
    static let yamlName = "<imported YAML>"

    // MARK: Recognising sheets

    /// What a sheet holds, from its file name, else from its header.
    public static func kind(ofSheetNamed name: String, header: [String]) -> SheetKind? {
        let base = (name.split(separator: "/").last.map(String.init) ?? name).lowercased()
        let prefixes: [(String, SheetKind)] = [
            ("graph", .graph), ("source", .sources), ("actor", .actors), ("element", .actors), ("people", .actors),
            ("event", .events), ("timeline", .events), ("relation", .relations), ("connection", .relations),
        ]
        for (prefix, kind) in prefixes where base.hasPrefix(prefix) { return kind }
        let columns = Set(header.map(normalize))
        if columns.contains("headline") || columns.contains("date") || columns.contains("year") { return .events }
        if columns.contains("from") && columns.contains("to") { return .relations }
        if columns.contains("label") || columns.contains("name") { return .actors }
        if columns.contains("title") && (columns.contains("url") || columns.contains("publisher")) { return .sources }
        return nil
    }

    /// A header name as compared: lower case, spaces and `_` removed (`End Year` → `endyear`).
    static func normalize(_ header: String) -> String {
        String(header.trimmingWhitespace().lowercased().filter { $0 != " " && $0 != "_" })
    }

    // MARK: Tables

    /// A sheet's header and rows.
    struct Table {
        let name: String
        let header: [CSVParser.Field]
        let rows: [[CSVParser.Field]]

        func location(_ field: CSVParser.Field) -> SourceLocation {
            SourceLocation(file: name, line: field.line, column: field.column)
        }
    }

    /// A row's cells by column key, each with its position and header text.
    struct Row {
        var cells: [String: (text: String, location: SourceLocation, header: String)] = [:]
        var location: SourceLocation

        func text(_ key: String) -> String? {
            guard let value = cells[key]?.text.trimmingWhitespace(), !value.isEmpty else { return nil }
            return value
        }

        /// The raw text (spaces kept) of a free-text cell.
        func rawText(_ key: String) -> String? {
            guard let value = cells[key]?.text, !value.trimmingWhitespace().isEmpty else { return nil }
            return value
        }

        func at(_ key: String) -> SourceLocation { cells[key]?.location ?? location }
        func header(_ key: String) -> String? { cells[key]?.header }
    }

    /// Maps each header to a column key (`nil` for ignored columns), reporting unknown ones.
    private func rows(of table: Table, columns: (String, String) -> String??, diagnostics: inout [Diagnostic]) -> [Row] {
        var keys: [String?] = []
        var seen: [String: CSVParser.Field] = [:]
        for field in table.header {
            switch columns(Self.normalize(field.text), field.text.trimmingWhitespace()) {
            case .none:
                diagnostics.append(Diagnostic(table.location(field), "unknown column '\(field.text)'"))
                keys.append(nil)
            case let .some(key):
                if let key, let earlier = seen[key] {
                    diagnostics.append(Diagnostic(table.location(field), "column '\(field.text)' repeats column '\(earlier.text)' at line \(earlier.line), column \(earlier.column)"))
                    keys.append(nil)
                    continue
                }
                if let key { seen[key] = field }
                keys.append(key)
            }
        }
        var result: [Row] = []
        for fields in table.rows {
            var row = Row(location: table.location(fields[0]))
            for (index, field) in fields.enumerated() {
                guard index < keys.count else {
                    if !field.text.trimmingWhitespace().isEmpty {
                        diagnostics.append(Diagnostic(table.location(field), "this row has more cells than the header has columns"))
                    }
                    continue
                }
                if let key = keys[index] { row.cells[key] = (field.text, table.location(field), table.header[index].text.trimmingWhitespace()) }
            }
            result.append(row)
        }
        return result
    }

    private static func fixed(_ names: [String: String]) -> (String, String) -> String?? {
        { normalized, _ in names[normalized].map { Optional($0) } }
    }

    // MARK: Sheets

    private func readGraph(_ table: Table, into builder: inout YAMLDocumentBuilder, diagnostics: inout [Diagnostic]) {
        let rows = rows(of: table, columns: Self.fixed(["title": "title", "description": "description"]), diagnostics: &diagnostics)
        for (n, row) in rows.enumerated() {
            if n > 0 {
                diagnostics.append(Diagnostic(row.location, "graph.csv holds one row (title, description)"))
                continue
            }
            if let title = row.rawText("title") { builder.line("title: \(YAMLDocumentBuilder.scalar(title))", at: row.at("title"), column: "title") }
            if let text = row.rawText("description") { builder.line("description: \(YAMLDocumentBuilder.scalar(text))", at: row.at("description"), column: "description") }
        }
    }

    private func readSources(_ table: Table, into builder: inout YAMLDocumentBuilder, diagnostics: inout [Diagnostic]) {
        var names: [String: String] = [:]
        for column in SpreadsheetLayout.sourceColumns { names[column] = column }
        let rows = rows(of: table, columns: Self.fixed(names), diagnostics: &diagnostics)
        for row in rows {
            guard let id = required("id", row, diagnostics: &diagnostics) else { continue }
            builder.line("  \(YAMLDocumentBuilder.scalar(id)):", at: row.at("id"), column: row.header("id"))
            for field in SpreadsheetLayout.sourceColumns.dropFirst() {
                guard let value = row.rawText(field) else { continue }
                let text = field == "published" ? YAMLDocumentBuilder.date(value.trimmingWhitespace()) : YAMLDocumentBuilder.scalar(value)
                builder.line("    \(field): \(text)", at: row.at(field), column: row.header(field))
            }
        }
    }

    private func readActors(_ table: Table, into builder: inout YAMLDocumentBuilder, diagnostics: inout [Diagnostic]) {
        let names: [String: String] = ["id": "id", "kind": "kind", "type": "kind", "name": "name", "label": "name",
                                       "aliases": "aliases", "alias": "aliases", "country": "country",
                                       "description": "description", "tags": "tags"]
        let rows = rows(of: table, columns: { normalized, original in
            if let key = names[normalized] { return key }
            if original.lowercased().hasPrefix(SpreadsheetLayout.namePrefix) {
                return "name:" + String(original.dropFirst(SpreadsheetLayout.namePrefix.count)).trimmingWhitespace()
            }
            return nil
        }, diagnostics: &diagnostics)
        let languageKeys = table.header.map(\.text).map { $0.trimmingWhitespace() }
            .filter { $0.lowercased().hasPrefix(SpreadsheetLayout.namePrefix) }
            .map { "name:" + String($0.dropFirst(SpreadsheetLayout.namePrefix.count)).trimmingWhitespace() }
        for row in rows {
            guard let id = required("id", row, diagnostics: &diagnostics) else { continue }
            builder.line("  \(YAMLDocumentBuilder.scalar(id)):", at: row.at("id"), column: row.header("id"))
            emit("kind", row, &builder)
            emit("name", row, &builder, raw: true)
            let present = languageKeys.filter { row.text($0) != nil }
            if !present.isEmpty {
                builder.line("    names:", at: row.at(present[0]), column: row.header(present[0]))
                for key in present {
                    let language = String(key.dropFirst("name:".count))
                    builder.line("      \(YAMLDocumentBuilder.scalar(language)): \(YAMLDocumentBuilder.scalar(row.rawText(key)!))",
                                 at: row.at(key), column: row.header(key))
                }
            }
            emitList("aliases", row, &builder)
            emit("country", row, &builder)
            emit("description", row, &builder, raw: true)
            emitList("tags", row, &builder)
        }
    }

    private func readRelations(_ table: Table, into builder: inout YAMLDocumentBuilder, diagnostics: inout [Diagnostic]) {
        var names: [String: String] = ["type": "kind"]
        for column in SpreadsheetLayout.relationColumns + SpreadsheetLayout.evidenceColumns { names[column] = column }
        let rows = rows(of: table, columns: Self.fixed(names), diagnostics: &diagnostics)
        for group in continuationGroups(rows, diagnostics: &diagnostics) {
            let row = group[0]
            builder.line("  - kind: \(YAMLDocumentBuilder.scalar(row.text("kind") ?? ""))", at: row.at("kind"), column: row.header("kind") ?? "kind")
            for field in ["from", "to"] { emit(field, row, &builder, indent: "    ") }
            emit("role", row, &builder, indent: "    ", raw: true)
            for field in ["since", "until"] {
                if let value = row.text(field) { builder.line("    \(field): \(YAMLDocumentBuilder.date(value))", at: row.at(field), column: row.header(field)) }
            }
            emitEvidence(group, &builder, indent: "    ")
        }
    }

    /// Event columns other than roles, by normalized header.
    private static let eventColumns: [String: String?] = [
        "id": "id", "kind": "kind", "date": "date", "start": "date", "startdate": "date", "end": "end", "enddate": "end",
        "year": "year", "month": "month", "day": "day", "endyear": "endyear", "endmonth": "endmonth", "endday": "endday",
        "title": "title", "headline": "title", "description": "description", "text": "description",
        "amount": "amount", "currency": "currency", "status": "status", "claim": "claim", "claimedby": "claimed_by",
        "datebasis": "date_basis", "datenote": "date_note", "datesource": "date_source", "tags": "tags", "source": "source", "quote": "quote", "note": "note",
        // TimelineJS presentation columns carry nothing EventGraph keeps.
        "time": nil, "endtime": nil, "displaydate": nil, "media": nil, "mediacredit": nil, "mediacaption": nil,
        "mediathumbnail": nil, "type": nil, "group": nil, "background": nil,
    ]

    private func readEvents(_ table: Table, into builder: inout YAMLDocumentBuilder, diagnostics: inout [Diagnostic]) {
        var roleColumns: [String] = []
        let rows = rows(of: table, columns: { normalized, original in
            if let key = Self.eventColumns[normalized] { return .some(key) }
            var role = original.lowercased()
            if role.hasPrefix(SpreadsheetLayout.rolePrefix) { role = String(role.dropFirst(SpreadsheetLayout.rolePrefix.count)) }
            role = role.trimmingWhitespace()
            guard !role.isEmpty else { return nil }
            roleColumns.append("role:" + role)
            return "role:" + role
        }, diagnostics: &diagnostics)
        for group in continuationGroups(rows, diagnostics: &diagnostics) {
            let row = group[0]
            guard let id = required("id", row, diagnostics: &diagnostics) else { continue }
            builder.line("  \(YAMLDocumentBuilder.scalar(id)):", at: row.at("id"), column: row.header("id"))
            emit("kind", row, &builder)
            emitEventDate(row, &builder, diagnostics: &diagnostics)
            emit("title", row, &builder, raw: true)
            emit("description", row, &builder, raw: true)
            for key in roleColumns {
                guard let cell = row.text(key) else { continue }
                let ids = SpreadsheetLayout.splitList(cell)
                let value = ids.count == 1 ? YAMLDocumentBuilder.scalar(ids[0]) : YAMLDocumentBuilder.list(ids)
                builder.line("    \(YAMLDocumentBuilder.scalar(String(key.dropFirst("role:".count)))): \(value)", at: row.at(key), column: row.header(key))
            }
            if let amount = row.text("amount") {
                var value = "{ value: \(YAMLDocumentBuilder.number(amount))"
                if let currency = row.text("currency") { value += ", currency: \(YAMLDocumentBuilder.scalar(currency))" }
                builder.line("    amount: \(value) }", at: row.at("amount"), column: row.header("amount"))
            } else if row.text("currency") != nil {
                diagnostics.append(Diagnostic(row.at("currency"), "a currency needs an amount"))
            }
            for field in ["status", "claim", "claimed_by", "date_basis"] { emit(field, row, &builder) }
            emit("date_note", row, &builder, raw: true)
            emit("date_source", row, &builder, raw: true)
            emitList("tags", row, &builder)
            emitEvidence(group, &builder, indent: "    ")
        }
    }

    private func emitEventDate(_ row: Row, _ builder: inout YAMLDocumentBuilder, diagnostics: inout [Diagnostic]) {
        func parts(_ year: String, _ month: String, _ day: String) -> (String, SourceLocation, String?)? {
            guard let y = row.text(year) else {
                for key in [month, day] where row.text(key) != nil {
                    diagnostics.append(Diagnostic(row.at(key), "a \(row.header(key) ?? key) needs a year"))
                }
                return nil
            }
            var text = y.count < 4 && Int(y) != nil ? String(repeating: "0", count: 4 - y.count) + y : y
            if let m = row.text(month) {
                text += "-" + (m.count == 1 ? "0" + m : m)
                if let d = row.text(day) { text += "-" + (d.count == 1 ? "0" + d : d) }
            } else if let d = row.text(day) {
                diagnostics.append(Diagnostic(row.at(day), "a day needs a month"))
                _ = d
            }
            return (text, row.at(year), row.header(year))
        }
        var start: (String, SourceLocation, String?)? = row.text("date").map { ($0, row.at("date"), row.header("date")) }
        if start == nil { start = parts("year", "month", "day") }
        var end: (String, SourceLocation, String?)? = row.text("end").map { ($0, row.at("end"), row.header("end")) }
        if end == nil { end = parts("endyear", "endmonth", "endday") }
        if let end {
            if let start { builder.line("    start: \(YAMLDocumentBuilder.date(start.0))", at: start.1, column: start.2) }
            builder.line("    end: \(YAMLDocumentBuilder.date(end.0))", at: end.1, column: end.2)
        } else if let start {
            builder.line("    date: \(YAMLDocumentBuilder.date(start.0))", at: start.1, column: start.2)
        }
    }

    /// Rows grouped with the evidence rows that continue them (same id, next rows).
    private func continuationGroups(_ rows: [Row], diagnostics: inout [Diagnostic]) -> [[Row]] {
        var groups: [[Row]] = []
        var lineOfID: [String: Int] = [:]
        let evidence = Set(SpreadsheetLayout.evidenceColumns)
        for row in rows {
            if let id = row.text("id"), let last = groups.last?.first, last.text("id") == id {
                let extra = row.cells.filter { key, cell in key != "id" && !evidence.contains(key) && !cell.text.trimmingWhitespace().isEmpty }
                if let (key, _) = extra.min(by: { $0.value.location < $1.value.location }) {
                    diagnostics.append(Diagnostic(row.at(key), "this row repeats id '\(id)' to add evidence, so only source, quote and note may be filled; '\(row.header(key) ?? key)' is not empty"))
                }
                groups[groups.count - 1].append(row)
                continue
            }
            if let id = row.text("id") {
                if let line = lineOfID[id] {
                    diagnostics.append(Diagnostic(row.at("id"), "id '\(id)' is already used on line \(line); rows adding evidence must follow their record"))
                    continue
                }
                lineOfID[id] = row.at("id").line
            }
            groups.append([row])
        }
        return groups
    }

    private func required(_ key: String, _ row: Row, diagnostics: inout [Diagnostic]) -> String? {
        if let value = row.text(key) { return value }
        diagnostics.append(Diagnostic(row.at(key), row.header(key) == nil ? "no '\(key)' column; every row needs an id" : "this row has no \(key)"))
        return nil
    }

    private func emit(_ field: String, _ row: Row, _ builder: inout YAMLDocumentBuilder, indent: String = "    ", raw: Bool = false) {
        guard let value = raw ? row.rawText(field) : row.text(field) else { return }
        builder.line("\(indent)\(field): \(YAMLDocumentBuilder.scalar(value))", at: row.at(field), column: row.header(field))
    }

    private func emitList(_ field: String, _ row: Row, _ builder: inout YAMLDocumentBuilder) {
        guard let value = row.text(field) else { return }
        builder.line("    \(field): \(YAMLDocumentBuilder.list(SpreadsheetLayout.splitList(value)))", at: row.at(field), column: row.header(field))
    }

    private func emitEvidence(_ group: [Row], _ builder: inout YAMLDocumentBuilder, indent: String) {
        let items = group.filter { row in SpreadsheetLayout.evidenceColumns.contains { row.text($0) != nil } }
        guard !items.isEmpty else { return }
        builder.line("\(indent)sources:", at: items[0].at("source"), column: items[0].header("source"))
        for row in items {
            let source = row.text("source")
            builder.line("\(indent)  - source: \(source.map(YAMLDocumentBuilder.scalar) ?? "\"\"")", at: row.at("source"), column: row.header("source") ?? "source")
            if let quote = row.rawText("quote") {
                builder.line("\(indent)    quote: \(YAMLDocumentBuilder.scalar(quote))", at: row.at("quote"), column: row.header("quote"))
            }
            if let note = row.rawText("note") {
                builder.line("\(indent)    note: \(YAMLDocumentBuilder.scalar(note))", at: row.at("note"), column: row.header("note"))
            }
        }
    }
}
