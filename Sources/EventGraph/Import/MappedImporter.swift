import Foundation

/// Reads tables (CSV files, or JSON files of objects) through an ``ImportMapping`` into an
/// EventGraph document, checked by the one loader (``GraphLoader``).
///
/// Every problem is a sentence at the file, row and column it comes from: the mapping's own
/// checks (dates, value tables, missing ids and names) while rows are read, and everything the
/// loader finds, traced back from the JSON line of the record to the row and the column that
/// gave the field. Without `skipBadRows` nothing is returned when anything is wrong; with it
/// each bad row is left out (and so is what depends on it) and reported.
public struct MappedImporter: Sendable {
    public let mapping: ImportMapping
    public var schema: Schema
    /// Above this many records the output is JSON (one record a line) unless asked otherwise.
    public static let yamlLimit = 5_000
    /// Whether JSON output is written as records are made (``ImportRecords/streamed``); tests
    /// turn it off to compare with JSON written from records kept in memory.
    var streamsRecords = true
    /// About how many bytes of a file are mapped as one piece (``RowEvaluator``); tests make
    /// it small to cut tables into many pieces.
    var pieceSize = 1 << 19

    public init(mapping: ImportMapping, schema: Schema = .builtIn) {
        self.mapping = mapping
        self.schema = schema
    }

    public enum OutputSyntax: Sendable { case yaml, json }

    /// What an import made.
    public struct Result: Sendable {
        /// The document's bytes (YAML or JSON).
        public var bytes: [UInt8]
        public var syntax: OutputSyntax
        /// Rows read, and rows skipped (with `skipBadRows`), one warning per problem.
        public var rowsRead: Int
        public var skipped: [Diagnostic]
        public var skippedRows: Int
        /// Columns the mapping names that a file does not have (read as empty).
        public var notes: [Diagnostic]
        public var actors: Int
        public var events: Int
        public var relations: Int
        public var sources: Int

        public var summary: String {
            func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
            return "\(n(rowsRead, "row")) in: \(n(actors, "actor")), \(n(events, "event")), \(n(relations, "relation")), \(n(sources, "source"))"
                + (skippedRows > 0 ? "; \(n(skippedRows, "row")) skipped" : "")
        }
    }

    /// One input: its name (for messages) and bytes.
    public struct Input: Sendable {
        public var name: String
        public var bytes: [UInt8]
        /// The file mapped into memory (large inputs are not copied).
        var mapped: MappedFile?

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }

        /// The file at `path`, mapped; nil when it cannot be read.
        public init?(path: String) {
            guard let file = MappedFile(path: path) else { return nil }
            name = path
            bytes = []
            mapped = file
        }
    }

    /// Imports `inputs`. `syntax` nil: YAML up to ``yamlLimit`` records, else JSON.
    /// - Throws: ``InputError`` with every problem (none when `skipBadRows` could leave the bad rows out).
    public func run(_ inputs: [Input], skipBadRows: Bool = false, syntax: OutputSyntax? = nil) throws(InputError) -> Result {
        try run(inputs, skipBadRows: skipBadRows, syntax: syntax, stage: nil).result
    }

    /// Imports `inputs` and writes the result to `path` (standard output when nil or `-`), as
    /// ``OutputFile/write(_:to:inputs:)`` does: nothing is written unless the import succeeds.
    /// A JSON result is written to its temporary file while the loader checks it (both read the
    /// same bytes), and renamed into place once it passes.
    /// - Parameter protecting: the graph paths the output may not overwrite.
    /// - Throws: ``InputError`` with every problem of the import, else ``OutputFileError``.
    public func run(_ inputs: [Input], skipBadRows: Bool = false, syntax: OutputSyntax? = nil,
                    writingTo path: String?, protecting: [String] = []) throws -> Result {
        // (A file that cannot be staged is written after the import, which reports why.)
        let stage: (([UInt8]) -> OutputFile.Staged?)? = syntax == .json && path != nil && path != "-"
            ? { bytes in try? OutputFile.Staged(bytes, to: path!, inputs: protecting) } : nil
        let (result, staged) = try run(inputs, skipBadRows: skipBadRows, syntax: syntax, stage: stage)
        if let staged {
            try staged.keep()
        } else {
            try OutputFile.write(result.bytes, to: path, inputs: protecting)
        }
        return result
    }

    /// ``run(_:skipBadRows:syntax:)``, with each candidate JSON result handed to `stage` while
    /// the loader checks it; the staged output of the result that passed is returned, the others dropped.
    private func run(_ inputs: [Input], skipBadRows: Bool, syntax: OutputSyntax?,
                     stage: (([UInt8]) -> OutputFile.Staged?)?) throws(InputError) -> (result: Result, staged: OutputFile.Staged?) {
        var run = ImportRun(mapping: mapping, schema: schema, inputs: inputs, skipBadRows: skipBadRows)
        run.pieceSize = pieceSize
        // With JSON asked for, records no later row changes go straight to their JSON lines:
        // sources and actors, and events unless event-roles tables or continuation rows add to them.
        if syntax == .json && streamsRecords {
            run.records.streamed = [.sources, .actors]
            if !mapping.tables.contains(where: { $0.make == .eventRoles || ($0.make == .events && $0.continuation) }) {
                run.records.streamed.insert(.events)
            }
        }
        run.readAll()
        run.records.finishLines()
        if !run.errors.isEmpty {
            // All at once: what the loader finds in the rows that could be read, too.
            var all = run.errors
            if run.records.count > 0 {
                let json = run.records.json()
                all += Self.check(json.bytes, schema: schema).map { run.trace($0, lines: json.records).diagnostic }
            }
            throw InputError(Array(Set(all)).sorted())
        }
        // The loader checks what the rows made; with skipBadRows the rows it rejects are left out.
        var rounds = 0
        var json: (bytes: [UInt8], records: [(ImportRecords.Section, Int)?])
        var staged: OutputFile.Staged?
        while true {
            json = run.records.json()
            staged = stage?(json.bytes)
            let problems = Self.check(json.bytes, schema: schema)
            if problems.isEmpty { break }
            staged?.drop()
            staged = nil
            let traced = problems.map { run.trace($0, lines: json.records) }
            guard skipBadRows, rounds < 16 else {
                throw InputError(traced.map(\.diagnostic).sorted())
            }
            // The records the loader rejects are left out (not the actors and sources their row
            // made first: other rows may use them); what depended on them fails the next round.
            var bad: [Set<Int>] = Array(repeating: [], count: ImportRecords.Section.allCases.count)
            for (problem, t) in zip(problems, traced) {
                guard t.origin != nil, problem.location.line >= 1, problem.location.line <= json.records.count,
                      let (section, index) = json.records[problem.location.line - 1] else {
                    throw InputError(traced.map(\.diagnostic).sorted())
                }
                bad[section.rawValue].insert(index)
                run.skip(t.diagnostic, row: [t.origin!.file, t.origin!.line])
            }
            run.records.remove(indexes: bad)
            rounds += 1
        }
        let records = run.records
        let use = syntax ?? (records.count <= Self.yamlLimit ? .yaml : .json)
        let bytes: [UInt8] = use == .json ? json.bytes
            : Array(records.yaml(header: "# Imported by eventgraph import --mapping \(mapping.name) from \(inputs.map { Self.baseName($0.name) }.joined(separator: ", ")).\n").utf8)
        let result = Result(bytes: bytes, syntax: use, rowsRead: run.rowsRead, skipped: run.skipped.sorted(), skippedRows: run.skippedRows.count,
                            notes: run.notes, actors: records.count(of: .actors), events: records.count(of: .events),
                            relations: records.count(of: .relations), sources: records.count(of: .sources))
        return (result, staged)
    }

    /// The loader's diagnostics for the document (none when it is a valid graph).
    static func check(_ bytes: [UInt8], schema: Schema) -> [Diagnostic] {
        do {
            _ = try GraphLoader(baseSchema: schema).check(name: ImportRun.documentName, json: bytes)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    static func baseName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}

/// One import in progress.
struct ImportRun {
    typealias Origin = ImportRecords.Origin
    static let documentName = "<imported>.json"

    let mapping: ImportMapping
    let schema: Schema
    let inputs: [MappedImporter.Input]
    let skipBadRows: Bool
    var records = ImportRecords()
    var errors: [Diagnostic] = []
    var notes: [Diagnostic] = []
    var skipped: [Diagnostic] = []
    var skippedRows = Set<[Int32]>()
    var rowsRead = 0
    /// About how many bytes of a file are one piece of rows (``MappedImporter/pieceSize``).
    var pieceSize = 1 << 19
    /// Actors by id and by name (names and ids from actor tables, and actors made from names).
    var actorNames = ActorNames()
    /// The record of the row being read, kept for the next row when its section is streamed (its buffers reused).
    private var spare = ImportRecords.Record(id: "", origin: Origin(file: 0, line: 0, table: 0))
    private var spareSource = ImportRecords.Record(id: "", origin: Origin(file: 0, line: 0, table: 0))
    /// An event's roles while its row is read: each role's ids (numbers in ``actorNames``) in order (``readEvent``).
    /// (`text`: an id as a role column wrote it, kept as written.)
    private var roleItems: [(role: String, id: Int32, text: String?)] = []
    private var roleIDs: [Int32] = []

    /// An events table's fields as ``readEvent`` uses them, found by name once instead of per row.
    private struct EventPlan {
        let title, id, amount, currency: ImportMapping.Value?
        let start, date, end: ImportMapping.DateValue?
        /// The other fields in the mapping's order: each a list field or not, the kind or not.
        let fields: [(key: String, value: ImportMapping.Value, isList: Bool, isKind: Bool)]

        init(_ spec: ImportMapping.Table) {
            func field(_ name: String) -> ImportMapping.Value? { spec.fields.first { $0.0 == name }?.1 }
            func dateValue(_ name: String) -> ImportMapping.DateValue? { spec.dates.first { $0.0 == name }?.1 }
            (title, id, amount, currency) = (field("title"), field("id"), field("amount"), field("currency"))
            (start, date, end) = (dateValue("start"), dateValue("date"), dateValue("end"))
            fields = spec.fields.filter { !["id", "amount", "currency"].contains($0.0) }.map { key, value in
                (key, value, ImportMapping.listFields.contains(key), key == "kind")
            }
        }
    }
    /// The table being read: its rows' values are worked out by `evaluator`, a chunk at a time.
    private var evaluator: RowEvaluator?
    private var chunk = RowEvaluator.Chunk()
    /// Where each value (by slot) is among the values worked out for every row (-1: not one).
    private var evaluatedIndex: [Int] = []
    /// Which tables read which file.
    var tablesOfFile: [[Int]] = []

    init(mapping: ImportMapping, schema: Schema, inputs: [MappedImporter.Input], skipBadRows: Bool) {
        self.mapping = mapping
        self.schema = schema
        self.inputs = inputs
        self.skipBadRows = skipBadRows
    }

    mutating func skip(_ diagnostic: Diagnostic, row: [Int32]) {
        skipped.append(Diagnostic(diagnostic.location, "row skipped: " + diagnostic.message, severity: .warning))
        skippedRows.insert(row)
    }

    // MARK: Reading

    mutating func readAll() {
        let order: [ImportMapping.Make] = [.graph, .sources, .actors, .relations, .events, .eventRoles, .periods]
        var tables: [RowTable] = []
        for (n, input) in inputs.enumerated() {
            guard let table = RowTable(input: input, file: Int32(n)) else {
                errors.append(Diagnostic(SourceLocation(file: input.name, line: 1, column: 1), "the file is empty; expected a header row"))
                tables.append(RowTable(empty: input, file: Int32(n)))
                continue
            }
            tables.append(table)
            let matching = matchingTables(table)
            if matching.isEmpty {
                let needs = mapping.tables.map { t in
                    "'\(t.name)' (" + (t.files.isEmpty ? "" : "files named \(t.files.joined(separator: "/"))…") + (t.files.isEmpty || t.requiredColumns.isEmpty ? "" : " or ")
                        + (t.requiredColumns.isEmpty ? "" : "columns \(t.requiredColumns.joined(separator: ", "))") + ")"
                }
                errors.append(Diagnostic(SourceLocation(file: input.name, line: 1, column: 1),
                                         "no table of mapping '\(mapping.name)' reads this file; its tables: \(needs.joined(separator: "; "))"))
            }
            tablesOfFile.append(matching)
        }
        guard errors.isEmpty else { return }
        for make in order {
            for (file, table) in tables.enumerated() {
                for t in tablesOfFile[file] where mapping.tables[t].make == make {
                    read(table, with: t)
                }
            }
        }
        // CSV syntax problems, once per file (found by the last table that read it to the end).
        for table in tables {
            if !table.readToEnd {
                table.rewind()
                while table.nextRow() {}
            }
            errors += table.problems
        }
        rowsRead = tables.reduce(0) { $0 + $1.rowCount }
    }

    private func matchingTables(_ table: RowTable) -> [Int] {
        let base = MappedImporter.baseName(table.name).lowercased()
        let byName = mapping.tables.indices.filter { i in mapping.tables[i].files.contains { base.hasPrefix($0) } }
        if !byName.isEmpty { return byName }
        return mapping.tables.indices.filter { i in
            let t = mapping.tables[i]
            return !t.requiredColumns.isEmpty && t.requiredColumns.allSatisfy { table.column($0) != nil }
        }
    }

    /// A row being read: its values (worked out by a ``RowEvaluator``), its position, and
    /// the problems found in it.
    struct RowContext {
        let table: RowTable
        var problems: [Diagnostic] = []
        var origin: Origin
        /// Where the row is read from (its cells are read again only when a message or a
        /// value not worked out ahead needs them).
        let position: CSVReader.Position
        /// The row's number in the chunk of worked-out values.
        let evaluated: Int
        /// The row's texts (the values worked out, and what is worked out here), back to back:
        /// a value's text is a range of it.
        var scratch: [UInt8] = []
        /// Where the row's texts started in its chunk (ranges worked out ahead are moved by it).
        var textBase = 0

        init(table: RowTable, origin: Origin, position: CSVReader.Position, evaluated: Int) {
            self.table = table
            self.origin = origin
            self.position = position
            self.evaluated = evaluated
        }

        /// The table, positioned on this row.
        var cells: RowTable {
            table.seek(position)
            return table
        }

        /// The row's cell in a column.
        func cell(_ index: Int) -> String { cells.cell(index) }

        func string(_ r: Range<Int>) -> String { ImportText.string(scratch, r) }

        func isEqual(_ a: Range<Int>, _ b: Range<Int>) -> Bool { scratch[a].elementsEqual(scratch[b]) }

        func location(_ column: String?) -> SourceLocation {
            guard let column, let index = table.column(column) else {
                return SourceLocation(file: table.name, line: Int(origin.line), column: 1)
            }
            return cells.location(of: index)
        }

        mutating func fail(_ column: String?, _ message: String) {
            problems.append(Diagnostic(location(column), (column.map { "column '\($0)': " } ?? "") + message))
        }
    }

    private mutating func read(_ table: RowTable, with tableIndex: Int) {
        let spec = mapping.tables[tableIndex]
        table.rewind()
        // Columns the mapping names that this file lacks are read as empty; say so once.
        var named = Set<String>()
        for (_, v) in spec.fields { named.formUnion(v.columns) }
        for (_, d) in spec.dates { named.formUnion(d.columns) }
        for (_, r) in spec.roles + spec.references { named.formUnion(r.value.columns + (r.kind?.columns ?? [])) }
        for v in [spec.evidence?.source, spec.evidence?.quote, spec.evidence?.note].compactMap({ $0 }) { named.formUnion(v.columns) }
        for column in spec.requiredColumns where table.column(column) == nil {
            errors.append(Diagnostic(SourceLocation(file: table.name, line: 1, column: 1), "table '\(spec.name)' needs a column '\(column)'"))
            return
        }
        for column in named.sorted() where table.column(column) == nil && !column.hasPrefix("@") {
            notes.append(Diagnostic(SourceLocation(file: table.name, line: 1, column: 1),
                                    "no column '\(column)' (table '\(spec.name)' of mapping '\(mapping.name)'); read as empty", severity: .warning))
        }
        let roleColumns: [(String, Int)] = spec.otherColumnsAreRoles.map { prefix in
            let used = named.union(spec.when.map(\.column)).union(["id"])
            return table.header.enumerated().compactMap { (n, h) -> (String, Int)? in
                let key = h.trimmingWhitespace()
                guard !used.contains(key), !key.isEmpty, !(spec.namesPrefix.map { key.lowercased().hasPrefix($0) } ?? false) else { return nil }
                let role = !prefix.isEmpty && key.lowercased().hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key
                return (role.trimmingWhitespace(), n)
            }
        } ?? []
        let nameColumns: [(String, Int)] = spec.namesPrefix.map { prefix in
            table.header.enumerated().compactMap { (n, h) -> (String, Int)? in
                let key = h.trimmingWhitespace()
                guard key.lowercased().hasPrefix(prefix) else { return nil }
                return (String(key.dropFirst(prefix.count)).trimmingWhitespace(), n)
            }
        } ?? []
        let conditions = spec.when.map { (table.column($0.column), $0.values) }
        var previous: (id: String, section: ImportRecords.Section, index: Int)?
        // The rows' values are worked out in pieces of the file on two threads, and the
        // records made here from the pieces in order.
        var all: [ImportMapping.Value] = []
        spec.forEachValue { all.append($0) }
        var columns = Array(repeating: [Int?](), count: mapping.valueCount)
        for v in all where v.slot >= 0 { columns[v.slot] = table.columnIndexes(v) }
        let rowValues = spec.rowValues
        evaluatedIndex = Array(repeating: -1, count: mapping.valueCount)
        for (k, v) in rowValues.enumerated() where v.slot >= 0 { evaluatedIndex[v.slot] = k }
        let evaluator = RowEvaluator(mapping: mapping, fileName: table.name, baseName: MappedImporter.baseName(table.name),
                                     columns: columns, header: table.columns, rowValues: rowValues)
        self.evaluator = evaluator
        let source = table.source
        // What readEvent looks up in the mapping for every row, looked up once for the table.
        let eventPlan = spec.make == .events ? EventPlan(spec) : nil
        let (starts, end) = table.pieces(every: pieceSize)
        var rows = 0
        var scratch: [UInt8] = []
        var syntaxProblems: [CSVReader.Problem] = []
        OrderedChunks.run(count: starts.count, makeState: {}, make: { _, k in
            evaluator.evaluate(source, from: starts[k], before: k + 1 < starts.count ? starts[k + 1].offset : end)
        }, use: { k, chunk in
            if k == 0 && starts.count > 1 {
                // The ids of a large table: as many as the first piece's rows suggest.
                let guess = chunk.lines.count * starts.count
                switch spec.make {
                case .sources, .actors, .events, .periods: records.reserve(guess, in: ImportRecords.Section(spec.make)!)
                default: break
                }
                if spec.source != nil { records.reserve(guess, in: .sources) }
            }
            self.chunk = chunk
            for r in chunk.lines.indices {
                rows += 1
                var row = RowContext(table: table, origin: Origin(file: table.file, line: chunk.lines[r], table: Int16(tableIndex)),
                                     position: chunk.positions[r], evaluated: r)
                // The row's texts (as worked out ahead) in the buffer every row uses.
                let start = Int(chunk.textStarts[r]), end = r + 1 < chunk.lines.count ? Int(chunk.textStarts[r + 1]) : chunk.scratch.count
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: chunk.scratch[start..<end])
                row.textBase = start
                swap(&row.scratch, &scratch)
                defer { swap(&row.scratch, &scratch) }
                readRow(spec, tableIndex, &row, conditions: conditions, roleColumns: roleColumns, nameColumns: nameColumns, eventPlan: eventPlan,
                        previous: &previous)
            }
            syntaxProblems += chunk.syntaxProblems
            return .goOn
        })
        self.chunk = RowEvaluator.Chunk()
        table.finishPass(rows: rows, problems: syntaxProblems)
    }


    /// Makes the records of one row.
    private mutating func readRow(_ spec: ImportMapping.Table, _ tableIndex: Int, _ row: inout RowContext, conditions: [(Int?, Set<String>)],
                                  roleColumns: [(String, Int)], nameColumns: [(String, Int)], eventPlan: EventPlan?,
                                  previous: inout (id: String, section: ImportRecords.Section, index: Int)?) {
        do {
            if !conditions.allSatisfy({ (index, values) in values.contains((index.map { row.cell($0) } ?? "").lowercased()) }) { return }
            switch spec.make {
            case .graph:
                if let t = text(spec, "title", &row) { records.title = t }
                if let d = text(spec, "description", &row) { records.description = d }
            case .sources: readSource(spec, &row)
            case .actors: readActor(spec, nameColumns: nameColumns, &row)
            case .relations, .events:
                // A row repeating the record before's id adds evidence to it.
                if spec.continuation, let prev = previous, let id = text(spec, "id", &row), id == prev.id {
                    if let found = evidence(spec, &row), row.problems.isEmpty {
                        let item = found.evidence(row)
                        if case var .evidence(items)? = records.sections[prev.section.rawValue][prev.index]["sources"] {
                            items.append(item)
                            records.sections[prev.section.rawValue][prev.index].set("sources", .evidence(items))
                        } else {
                            records.sections[prev.section.rawValue][prev.index].set("sources", .evidence([item]))
                        }
                    }
                } else if spec.make == .events {
                    if let made = readEvent(spec, eventPlan ?? EventPlan(spec), roleColumns: roleColumns, &row) { previous = (made, .events, records.count(of: .events) - 1) }
                } else {
                    if let made = readRelation(spec, &row) { previous = (made, .relations, records.sections[2].count - 1) }
                }
            case .eventRoles: readEventRole(spec, &row)
            case .periods: readPeriod(spec, &row)
            }
            if !row.problems.isEmpty {
                if skipBadRows {
                    for p in row.problems { skip(p, row: [row.origin.file, row.origin.line]) }
                } else {
                    errors += row.problems
                }
            }
        }
    }

    // MARK: Values

    /// A value's text for this row (nil when empty), as a range of `row.scratch`, with its
    /// problems: as worked out ahead for the row (``RowEvaluator``), else worked out now.
    func evaluate(_ value: ImportMapping.Value, _ row: inout RowContext, what: String) -> Range<Int>? {
        let k = value.slot >= 0 && value.slot < evaluatedIndex.count ? evaluatedIndex[value.slot] : -1
        guard k >= 0 else {
            // Not worked out ahead (e.g. the fields of an actor made from a name): from the cells.
            var live = RowEvaluator.Row(cells: row.cells, scratch: [], problems: [], line: row.origin.line)
            swap(&live.scratch, &row.scratch)
            defer { swap(&live.scratch, &row.scratch) }
            let text = evaluator!.evaluate(value, &live, what: what)
            row.problems += live.problems
            return text
        }
        let n = row.evaluated * evaluator!.rowValues.count + k
        let problemsStart = n == 0 ? 0 : Int(chunk.problemEnds[n - 1]), problemsEnd = Int(chunk.problemEnds[n])
        for p in chunk.problems[problemsStart..<problemsEnd] {
            // A value-table miss names the value as this call does.
            let suffix = " (" + RowEvaluator.unnamed + "); add it there or give the value a default"
            row.problems.append(p.message.hasSuffix(suffix)
                ? Diagnostic(p.location, String(p.message.dropLast(suffix.count)) + " (\(what)); add it there or give the value a default", severity: p.severity)
                : p)
        }
        let start = chunk.ranges[2 * n]
        return start < 0 ? nil : (Int(start) - row.textBase)..<(Int(chunk.ranges[2 * n + 1]) - row.textBase)
    }

    /// ``evaluate(_:_:what:)`` as a `String`.
    func evaluateText(_ value: ImportMapping.Value, _ row: inout RowContext, what: String) -> String? {
        evaluate(value, &row, what: what).map { row.string($0) }
    }

    /// A list value's items (each trimmed, none empty), as ranges of `row.scratch`, in `items`.
    func list(_ value: ImportMapping.Value, _ row: inout RowContext, what: String, into items: inout [Range<Int>]) {
        items.removeAll(keepingCapacity: true)
        guard let text = evaluate(value, &row, what: what) else { return }
        guard value.table == nil else { items.append(text); return }
        ImportText.forEachPart(row.scratch, text, separator: value.split ?? Self.listSeparator) { items.append($0) }
        var kept = 0
        for k in items.indices {
            let t = ImportText.trim(&row.scratch, items[k])
            if !t.isEmpty { items[kept] = t; kept += 1 }
        }
        items.removeSubrange(kept...)
    }

    private static let listSeparator = String(SpreadsheetLayout.listSeparator)

    func listTexts(_ value: ImportMapping.Value, _ row: inout RowContext, what: String) -> [String] {
        var items: [Range<Int>] = []
        list(value, &row, what: what, into: &items)
        return items.map { row.string($0) }
    }

    func text(_ spec: ImportMapping.Table, _ field: String, _ row: inout RowContext) -> String? {
        guard let value = spec.fields.first(where: { $0.0 == field })?.1 else { return nil }
        return evaluateText(value, &row, what: field)
    }

    /// ``text(_:_:_:)`` as a range of `row.scratch`.
    func textRange(_ spec: ImportMapping.Table, _ field: String, _ row: inout RowContext) -> Range<Int>? {
        guard let value = spec.fields.first(where: { $0.0 == field })?.1 else { return nil }
        return evaluate(value, &row, what: field)
    }

    private func firstColumn(_ value: ImportMapping.Value?) -> String? { value?.columns.first }

    /// A date field as an EventGraph partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), a range of `row.scratch`.
    func date(_ spec: ImportMapping.DateValue, _ row: inout RowContext, what: String) -> Range<Int>? {
        if let value = spec.column {
            guard let text = evaluate(value, &row, what: what) else { return nil }
            guard let date = ImportDates.parse(&row.scratch, text, format: spec.format) else {
                row.fail(firstColumn(value), "'\(row.string(text))' is not a \(spec.format.rawValue) date (\(ImportDates.example(spec.format)))")
                return nil
            }
            return date
        }
        func cell(_ c: String?) -> String? {
            guard let c, let i = row.table.column(c) else { return nil }
            let t = row.cell(i).trimmingWhitespace()
            return t.isEmpty ? nil : t
        }
        guard let year = cell(spec.year) else {
            for c in [spec.month, spec.day] where cell(c) != nil { row.fail(c, "a month or day needs a year") }
            return nil
        }
        if let time = cell(spec.time), !ImportDates.isTime(time) { row.fail(spec.time, "'\(time)' is not a time of day (HH:MM or HH:MM:SS)") }
        guard let result = ImportDates.parts(year: year, month: cell(spec.month), day: cell(spec.day)) else {
            row.fail(spec.year, "'\([year, cell(spec.month), cell(spec.day)].compactMap { $0 }.joined(separator: "-"))' is not a date: year, month and day must be numbers, and a day needs a month")
            return nil
        }
        return ImportText.append(result, to: &row.scratch)
    }

    func dateText(_ spec: ImportMapping.DateValue, _ row: inout RowContext, what: String) -> String? {
        date(spec, &row, what: what).map { row.string($0) }
    }

    // MARK: Ids

    /// `text` as an id: kept when it is one, else lower case ASCII letters and digits joined by `-`
    /// (a name with none of them gets a hash), with `prefix-` before a leading digit.
    static func slug(_ text: String, prefix: String) -> String {
        if Identifier.isValid(text) { return text }
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if dash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
            if out.count >= 60 { break }
        }
        if out.isEmpty { return prefix + "-" + hash(text) }
        if let first = out.unicodeScalars.first, ("0"..."9").contains(first) { out = prefix + "-" + out }
        return out
    }

    /// Eight hex digits of FNV-1a: the same name gives the same id in every run.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let s = String(h & 0xFFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }

    /// A new id for `text` in `section`: its slug, or (when taken) with `-2`, `-3` … (or a hash for names).
    mutating func freshID(_ text: String, prefix: String, in section: ImportRecords.Section, byHash: Bool = false) -> String {
        let base = Self.slug(text, prefix: prefix)
        if !records.has(base, in: section) { return base }
        if byHash {
            let hashed = base + "-" + Self.hash(text)
            if !records.has(hashed, in: section) { return hashed }
        }
        var n = 2
        while records.has("\(base)-\(n)", in: section) { n += 1 }
        return "\(base)-\(n)"
    }

    // MARK: Records

    private mutating func readSource(_ spec: ImportMapping.Table, _ row: inout RowContext) {
        guard let raw = text(spec, "id", &row) else {
            row.fail(firstColumn(spec.fields.first { $0.0 == "id" }?.1), "this row has no id")
            return
        }
        let id = spec.keepIDs ? raw : Self.slug(raw, prefix: spec.idPrefix ?? "s")
        if records.has(id, in: .sources) { row.fail(firstColumn(spec.fields.first { $0.0 == "id" }?.1), "source '\(id)' is given twice"); return }
        var record = ImportRecords.Record(id: id, origin: row.origin)
        for (key, value) in spec.fields where key != "id" {
            if let t = evaluateText(value, &row, what: key) { record.set(key, .text(t)) }
        }
        for (key, d) in spec.dates { if let t = dateText(d, &row, what: key) { record.set(key, .text(t)) } }
        if !record.has("title") { record.set("title", .text(raw)) }
        if row.problems.isEmpty { records.add(record, to: .sources) }
    }

    private mutating func readActor(_ spec: ImportMapping.Table, nameColumns: [(String, Int)], _ row: inout RowContext) {
        let name = text(spec, "name", &row)
        let rawID = text(spec, "id", &row) ?? name
        guard let rawID else {
            row.fail(firstColumn(spec.fields.first { $0.0 == "name" }?.1), "this row has no name")
            return
        }
        let id = spec.keepIDs ? rawID : Self.slug(rawID, prefix: spec.idPrefix ?? "a")
        if records.has(id, in: .actors) {
            row.fail(firstColumn(spec.fields.first { $0.0 == "id" }?.1 ?? spec.fields.first { $0.0 == "name" }?.1), "actor '\(id)' is already defined")
            return
        }
        var record = ImportRecords.Record(id: id, origin: row.origin)
        for (key, value) in spec.fields where key != "id" {
            if key == "names" {
                // `language: name|language: name` (Kumu's export).
                let pairs = listTexts(value, &row, what: key).compactMap { item -> (String, String)? in
                    guard let colon = item.range(of: ": ") else { return nil }
                    return (String(item[..<colon.lowerBound]).trimmingWhitespace(), String(item[colon.upperBound...]).trimmingWhitespace())
                }
                if !pairs.isEmpty { record.set("names", .pairs(pairs)) }
            } else if ImportMapping.listFields.contains(key) {
                let items = listTexts(value, &row, what: key)
                if !items.isEmpty { record.set(key, .list(items)) }
            } else if let t = evaluateText(value, &row, what: key) {
                record.set(key, .text(t))
            }
            if key == "name" {
                let names = nameColumns.compactMap { (lang, index) -> (String, String)? in
                    let t = row.cell(index).trimmingWhitespace()
                    return t.isEmpty ? nil : (lang, t)
                }
                if !names.isEmpty { record.set("names", .pairs(names)) }
            }
        }
        if !record.has("name") { record.set("name", .text(rawID)) }
        for (key, d) in spec.dates { if let t = dateText(d, &row, what: key) { record.set(key, .text(t)) } }
        guard row.problems.isEmpty else { return }
        records.add(record, to: .actors)
        actorNames.addID(id)
        actorNames.addName(rawID, id: id, replacing: true)
        if let name { actorNames.addName(name, id: id, replacing: false) }
    }

    /// The actor a cell names (the text at `name` in `row.scratch`): an actor id, a known
    /// name, or a new actor made from the name.
    /// (The id as its number in ``actorNames``.)
    private mutating func actor(_ name: Range<Int>, _ ref: ImportMapping.Reference, _ row: inout RowContext, made: inout [ImportRecords.Record]) -> Int32? {
        if let id = actorNames.find(row.scratch, name) { return id }
        let text = row.string(name)
        // A role may name an event (format.md); events are read before the rows that add roles.
        if records.has(text, in: .events) { return actorNames.number(ofID: text) }
        if let pending = made.first(where: { $0["name"].map { if case let .text(t) = $0 { t == text } else { false } } ?? false }) { return actorNames.number(ofID: pending.id) }
        guard ref.create else {
            row.fail(firstColumn(ref.value), "no actor '\(text)' (by id or name)")
            return nil
        }
        guard let kindValue = ref.kind, let kind = evaluateText(kindValue, &row, what: "the kind of '\(text)'") else {
            if ref.kind == nil || row.problems.isEmpty {
                row.fail(firstColumn(ref.value), "no actor '\(text)', and the mapping gives no kind to make one (add 'kind:' to this reference)")
            }
            return nil
        }
        var id = freshID(text, prefix: "a", in: .actors, byHash: true)
        while made.contains(where: { $0.id == id }) { id += "-x" }
        var record = ImportRecords.Record(id: id, origin: row.origin)
        record.set("kind", .text(kind))
        record.set("name", .text(text))
        if let c = ref.country, let country = evaluateText(c, &row, what: "country") { record.set("country", .text(country)) }
        if let d = ref.description, let t = evaluateText(d, &row, what: "description") { record.set("description", .text(t)) }
        made.append(record)
        return actorNames.number(ofID: id)
    }

    private mutating func commit(_ made: [ImportRecords.Record]) {
        for record in made {
            records.add(record, to: .actors)
            actorNames.addID(record.id)
            if case let .text(name)? = record["name"] { actorNames.addName(name, id: record.id, replacing: true) }
        }
    }

    /// A row's citation: its source's id, and the quote and note as ranges of the row's scratch.
    struct FoundEvidence {
        var source: String
        var quote: Range<Int>?
        var note: Range<Int>?

        func evidence(_ row: RowContext) -> ImportRecords.Evidence {
            ImportRecords.Evidence(source: source, quote: quote.map { row.string($0) }, note: note.map { row.string($0) })
        }
    }

    private mutating func evidence(_ spec: ImportMapping.Table, _ row: inout RowContext) -> FoundEvidence? {
        let quote = spec.evidence?.quote.flatMap { evaluate($0, &row, what: "quote") }
        let note = spec.evidence?.note.flatMap { evaluate($0, &row, what: "note") }
        if let s = spec.source {
            guard let rawRange = evaluate(s.id, &row, what: "source id") else { return fileSource(row, quote: quote, note: note) }
            let id = ImportText.slug(row.scratch, rawRange, prefix: spec.idPrefix.map { $0 + "-s" } ?? "s")
            if !records.has(id, in: .sources) {
                var record = ImportRecords.Record(id: "", origin: row.origin)
                swap(&record, &spareSource)
                record.reset(id: id, origin: row.origin)
                defer { spareSource = record }
                for (key, value) in s.fields {
                    if let t = evaluate(value, &row, what: key) { record.set(key, text: row.scratch[t]) }
                }
                if let p = s.published, let t = date(p, &row, what: "published") { record.set("published", text: row.scratch[t]) }
                if !record.has("title") { record.set("title", text: row.scratch[rawRange]) }
                if let i = record.fields.firstIndex(where: { $0.key == "title" }), i != 0 { record.moveField(from: i, to: 0) }
                if row.problems.isEmpty { records.add(record, to: .sources) }
            }
            return FoundEvidence(source: id, quote: quote, note: note)
        }
        if let sourceValue = spec.evidence?.source {
            guard let id = evaluateText(sourceValue, &row, what: "source") else {
                return quote == nil && note == nil ? nil : FoundEvidence(source: "", quote: quote, note: note)
            }
            if !records.has(id, in: .sources) {
                // A source named only by id (e.g. Kumu's 'Sources' column): a stub with the id as title.
                if !mapping.tables.contains(where: { $0.make == .sources }) {
                    records.add(ImportRecords.Record(id: id, fields: [("title", .text(id))], origin: row.origin), to: .sources)
                }
            }
            return FoundEvidence(source: id, quote: quote, note: note)
        }
        return fileSource(row, quote: quote, note: note)
    }

    /// Citations written in one cell (``EvidenceText``); sources named only there become stubs.
    private mutating func evidenceText(_ spec: ImportMapping.Table, _ row: inout RowContext) -> [ImportRecords.Evidence]? {
        guard let value = spec.evidence?.text, let text = evaluateText(value, &row, what: "evidence") else { return nil }
        let items = EvidenceText.parse(text)
        guard !items.isEmpty else { return nil }
        for item in items where !records.has(item.source, in: .sources) && !mapping.tables.contains(where: { $0.make == .sources }) {
            records.add(ImportRecords.Record(id: item.source, fields: [("title", .text(item.source))], origin: row.origin), to: .sources)
        }
        return items
    }

    /// The file itself as the source (for tables whose rows cite nothing).
    private mutating func fileSource(_ row: RowContext, quote: Range<Int>?, note: Range<Int>?) -> FoundEvidence {
        let base = MappedImporter.baseName(row.table.name)
        let id = "file-" + Self.slug(base, prefix: "f")
        if !records.has(id, in: .sources) {
            records.add(ImportRecords.Record(id: id, fields: [("title", .text(base)), ("file", .text(base))],
                                             origin: Origin(file: row.origin.file, line: 1, table: row.origin.table)), to: .sources)
        }
        return FoundEvidence(source: id, quote: quote, note: note)
    }

    private mutating func readEvent(_ spec: ImportMapping.Table, _ plan: EventPlan, roleColumns: [(String, Int)], _ row: inout RowContext) -> String? {
        guard let title = plan.title.flatMap({ evaluate($0, &row, what: "title") }) else {
            row.fail(firstColumn(plan.title), "this row has no title")
            return nil
        }
        var id: String
        if let raw = plan.id.flatMap({ evaluate($0, &row, what: "id") }) {
            id = spec.keepIDs ? row.string(raw) : ImportText.slug(row.scratch, raw, prefix: spec.idPrefix ?? "e")
            if records.has(id, in: .events) {
                row.fail(firstColumn(plan.id), "event '\(id)' is already defined (on line \(records.origin(.events, records.index[3][id]!).line))")
                return nil
            }
        } else {
            id = freshID(row.string(title), prefix: spec.idPrefix ?? "e", in: .events)
        }
        var record = ImportRecords.Record(id: "", origin: row.origin)
        swap(&record, &spare)
        record.reset(id: id, origin: row.origin)
        defer { spare = record }
        var kind: String?
        var items: [Range<Int>] = []
        for (key, value, isList, isKind) in plan.fields {
            if isList {
                list(value, &row, what: key, into: &items)
                if !items.isEmpty {
                    record.start(key, .list)
                    for item in items { record.piece(row.scratch[item]) }
                    record.finish()
                }
            } else if let t = evaluate(value, &row, what: key) {
                record.set(key, text: row.scratch[t])
                if isKind { kind = row.string(t) }
            }
        }
        let start = plan.start.flatMap { date($0, &row, what: "start") } ?? plan.date.flatMap { date($0, &row, what: "date") }
        let end = plan.end.flatMap { date($0, &row, what: "end") }
        if let end, let start, !row.isEqual(end, start) {
            record.set("start", text: row.scratch[start]); record.set("end", text: row.scratch[end])
        } else if let start {
            record.set("date", text: row.scratch[start])
        } else if row.problems.isEmpty && !record.has("after") && !record.has("before") {
            // (An event dated only relative to others has its date worked out on load.)
            row.fail(spec.dates.first?.1.columns.first, "this row has no date")
        }
        if let a = plan.amount, let amount = evaluateText(a, &row, what: "amount") {
            let digits = amount.replacingOccurrences(of: ",", with: "")
            if Double(digits) == nil { row.fail(firstColumn(a), "'\(amount)' is not a number") }
            let currency = plan.currency.flatMap { evaluateText($0, &row, what: "currency") }
            record.set("amount", .amount(digits, currency))
        }
        // Roles: named ones, `edge-from`/`edge-to` (the kind's arrow ends), and role columns;
        // each role's ids in the order found, a role's later ids once.
        var made: [ImportRecords.Record] = []
        roleItems.removeAll(keepingCapacity: true)
        func add(_ role: String, _ ids: [Int32], texts: [String]? = nil) {
            if roleItems.contains(where: { $0.role == role }) {
                for (k, id) in ids.enumerated() where !roleItems.contains(where: { $0.role == role && $0.id == id }) { roleItems.append((role, id, texts?[k])) }
            } else {
                for (k, id) in ids.enumerated() { roleItems.append((role, id, texts?[k])) }
            }
        }
        var eventKind: Schema.EventKind?
        if let kind { eventKind = schema.eventKinds[kind] }
        for (name, ref) in spec.roles {
            var role = name
            if name == "edge-from" || name == "edge-to" {
                guard let eventKind else { continue }
                let first = eventKind.roles.first { $0.many }?.name ?? eventKind.roles.first?.name ?? "involved"
                role = (name == "edge-from" ? eventKind.edge?.from : eventKind.edge?.to) ?? first
            }
            roleIDs.removeAll(keepingCapacity: true)
            list(ref.value, &row, what: role, into: &items)
            for n in items {
                if let a = actor(n, ref, &row, made: &made) { roleIDs.append(a) }
            }
            if !roleIDs.isEmpty { add(role, roleIDs) }
        }
        for (role, index) in roleColumns {
            let cell = row.cell(index)
            let names = SpreadsheetLayout.splitList(cell)
            if !names.isEmpty { add(role, names.map { actorNames.number(ofID: $0) }, texts: names) }
        }
        for (k, item) in roleItems.enumerated() where !roleItems[..<k].contains(where: { $0.role == item.role }) {
            record.start(item.role, .ids)
            for other in roleItems[k...] where other.role == item.role {
                if let text = other.text { record.piece(text) } else { record.piece(actorNames.bytes(other.id)) }
            }
            record.finish()
        }
        if let items = evidenceText(spec, &row) {
            record.set("sources", .evidence(items))
        } else if let item = evidence(spec, &row) {
            record.start("sources", .evidence)
            record.piece(item.source)
            if let q = item.quote { record.piece(row.scratch[q]) } else { record.piece(nil as String?) }
            if let n = item.note { record.piece(row.scratch[n]) } else { record.piece(nil as String?) }
            record.finish()
        }
        guard row.problems.isEmpty else { return nil }
        // Fields in the order people write them: kind, date, title, roles, the rest.
        record.sortFields(by: Self.fieldRank)
        commit(made)
        records.add(record, to: .events)
        return id
    }

    /// Where an event field goes among the record's fields (a stable sort by this rank).
    private static func fieldRank(_ key: String) -> Int {
        // (By length first: most keys are compared with one word at most.)
        switch key.utf8.count {
        case 3: key == "end" ? 3 : 50
        case 4: key == "kind" ? 0 : key == "date" ? 1 : 50
        case 5: key == "start" ? 2 : key == "title" ? 4 : 50
        case 7: key == "sources" ? 99 : 50
        case 11: key == "description" ? 5 : 50
        default: 50
        }
    }

    private mutating func readRelation(_ spec: ImportMapping.Table, _ row: inout RowContext) -> String? {
        var record = ImportRecords.Record(id: "", origin: row.origin)
        if let k = text(spec, "kind", &row) { record.set("kind", .text(k)) } else {
            row.fail(firstColumn(spec.fields.first { $0.0 == "kind" }?.1), "this row has no relation kind")
        }
        var made: [ImportRecords.Record] = []
        for (key, ref) in spec.references where key == "from" || key == "to" {
            guard let name = evaluate(ref.value, &row, what: key) else { row.fail(firstColumn(ref.value), "this row has no '\(key)'"); continue }
            // (`name` is a range of the row's scratch.)
            if let id = actor(name, ref, &row, made: &made) { record.set(key, .text(actorNames.id(id))) }
        }
        if let r = text(spec, "role", &row) { record.set("role", .text(r)) }
        for (key, d) in spec.dates { if let t = dateText(d, &row, what: key) { record.set(key, .text(t)) } }
        let id = text(spec, "id", &row) ?? ""
        record.id = id
        if let items = evidenceText(spec, &row) {
            record.set("sources", .evidence(items))
        } else if spec.evidence != nil || spec.source != nil, let item = evidence(spec, &row), !item.source.isEmpty {
            record.set("sources", .evidence([item.evidence(row)]))
        }
        guard row.problems.isEmpty else { return nil }
        commit(made)
        records.add(record, to: .relations)
        return id
    }

    private mutating func readPeriod(_ spec: ImportMapping.Table, _ row: inout RowContext) {
        guard let title = text(spec, "title", &row) else {
            row.fail(firstColumn(spec.fields.first { $0.0 == "title" }?.1), "this row has no title")
            return
        }
        let id: String
        if let raw = text(spec, "id", &row) {
            id = spec.keepIDs ? raw : Self.slug(raw, prefix: spec.idPrefix ?? "p")
            if records.has(id, in: .periods) { row.fail(firstColumn(spec.fields.first { $0.0 == "id" }?.1), "period '\(id)' is already defined"); return }
        } else {
            id = freshID(title, prefix: spec.idPrefix ?? "p", in: .periods)
        }
        var record = ImportRecords.Record(id: id, fields: [("title", .text(title))], origin: row.origin)
        for (key, d) in spec.dates { if let t = dateText(d, &row, what: key) { record.set(key, .text(t)) } }
        // A period of one date runs to the end of that date.
        if record["to"] == nil, case let .text(from)? = record["from"] { record.set("to", .text(from)) }
        if record["from"] == nil && row.problems.isEmpty { row.fail(spec.dates.first?.1.columns.first, "this row has no date") }
        if let c = spec.fields.first(where: { $0.0 == "color" }), let color = evaluateText(c.1, &row, what: "color") { record.set("color", .text(color)) }
        if let a = spec.fields.first(where: { $0.0 == "actors" }) {
            let ids = listTexts(a.1, &row, what: "actors")
            if !ids.isEmpty { record.set("actors", .list(ids)) }
        }
        guard row.problems.isEmpty else { return }
        records.add(record, to: .periods)
    }

    private mutating func readEventRole(_ spec: ImportMapping.Table, _ row: inout RowContext) {
        guard let eventRef = spec.references.first(where: { $0.0 == "event" })?.1,
              let actorRef = spec.references.first(where: { $0.0 == "actor" })?.1,
              let role = text(spec, "role", &row) else {
            row.fail(nil, "an event-roles table needs event, actor and role")
            return
        }
        var eventColumn: String?
        var eventID: String?
        for c in eventRef.value.columns {
            let t = row.table.column(c).map { row.cell($0).trimmingWhitespace() } ?? ""
            if records.has(t, in: .events) { eventColumn = c; eventID = t; break }
        }
        guard let eventID, let index = records.index[3][eventID] else {
            row.fail(eventRef.value.columns.first, "names no event of this import")
            return
        }
        var actorName: String?
        for c in actorRef.value.columns where c != eventColumn {
            let t = row.table.column(c).map { row.cell($0).trimmingWhitespace() } ?? ""
            if !t.isEmpty { actorName = t; break }
        }
        var made: [ImportRecords.Record] = []
        guard let actorName, let actorID = actor(ImportText.append(actorName, to: &row.scratch), actorRef, &row, made: &made).map({ actorNames.id($0) }) else {
            if row.problems.isEmpty { row.fail(actorRef.value.columns.first, "names no actor") }
            return
        }
        guard row.problems.isEmpty else { return }
        commit(made)
        var record = records.sections[3][index]
        if case var .ids(ids)? = record[role] {
            if !ids.contains(actorID) { ids.append(actorID) }
            record.set(role, .ids(ids))
        } else {
            let at = record.fields.firstIndex { $0.key == "sources" || !["kind", "date", "start", "end", "title", "description"].contains($0.key) } ?? record.fields.count
            record.insert(role, .ids([actorID]), at: at)
        }
        records.sections[3][index] = record
    }

    // MARK: Tracing the loader's problems back to rows

    /// The row (and column) behind a diagnostic on the imported document.
    func trace(_ diagnostic: Diagnostic, lines: [(ImportRecords.Section, Int)?]) -> (diagnostic: Diagnostic, origin: Origin?) {
        guard diagnostic.location.file == Self.documentName, diagnostic.location.line >= 1, diagnostic.location.line <= lines.count,
              let (section, index) = lines[diagnostic.location.line - 1] else { return (diagnostic, nil) }
        let origin = records.origin(section, index)
        let input = inputs[Int(origin.file)]
        // The field the loader points at: the last key before its column on the record's line.
        var key = Self.key(inLine: records.jsonLine(section, index), isList: section.isList, column: diagnostic.location.column)
        // A message about a role names it.
        if let role = diagnostic.message.firstMatch(of: /role '([^']+)'/) { key = String(role.1) }
        let spec = mapping.tables[Int(origin.table)]
        var column: String?
        if let key { column = Self.column(of: key, in: spec) }
        var location = SourceLocation(file: input.name, line: Int(origin.line), column: 1)
        if let column, let table = RowTable(input: input, file: origin.file), let cell = table.location(ofColumn: column, onRowAt: Int(origin.line)) {
            location = cell
        }
        let prefix = column.map { "column '\($0)': " } ?? ""
        return (Diagnostic(location, prefix + diagnostic.message, severity: diagnostic.severity), origin)
    }

    /// The column a record field comes from.
    static func column(of key: String, in spec: ImportMapping.Table) -> String? {
        if let v = spec.fields.first(where: { $0.0 == key }) { return v.1.columns.first }
        let dateKey = key == "start" ? "date" : key
        if let d = spec.dates.first(where: { $0.0 == key || $0.0 == dateKey }) { return d.1.columns.first }
        if let r = spec.roles.first(where: { $0.0 == key }) { return r.1.value.columns.first }
        if let r = spec.references.first(where: { $0.0 == key }) { return r.1.value.columns.first }
        if key == "sources" || key == "source" {
            if let c = spec.source?.id.columns.first { return c }
            return spec.evidence?.source?.columns.first
        }
        if key == "quote" { return spec.evidence?.quote?.columns.first }
        return spec.otherColumnsAreRoles != nil ? key : nil
    }

    /// The last key before `column` on a record's JSON line (not the record's own id).
    static func key(inLine bytes: [UInt8], isList: Bool, column: Int) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let prefix = String(text.prefix(max(column - 1, 0) + 1))
        let matches = prefix.matches(of: /"([A-Za-z_][A-Za-z0-9_-]*)":/)
        // The record's own id key at column 1 is not a field.
        return matches.last.flatMap { m in m.range.lowerBound == prefix.startIndex && !isList ? nil : String(m.1) }
    }
}
