/// Works out a mapping table's values on a row's cells: the half of mapping a row that
/// depends on the row alone (not on the records made so far), so it can run on any thread.
/// A file's rows are evaluated in chunks on two threads (``evaluate(_:of:from:before:)``);
/// the import's thread then makes the records from the chunks in order (``ImportRun``).
///
/// Texts are kept as UTF-8 bytes in a scratch buffer and named by their ranges; the text
/// rules work on bytes (``ImportText``) and give what the `String` rules give.
struct RowEvaluator: Sendable {
    let mapping: ImportMapping
    /// The file's name (for messages) and base name (`{@file}`).
    let fileName: String
    let baseName: String
    /// The columns each value of the table reads, by the value's slot.
    let columns: [[Int?]]
    /// The file's header: column index by name (``RowTable/column(_:)``).
    let header: RowTable.Header
    /// The values worked out for every row, in order.
    let rowValues: [ImportMapping.Value]

    /// A row being evaluated: its cells, the texts worked out (`scratch`), the problems found.
    struct Row<Cells: RowCells> {
        var cells: Cells
        var scratch: [UInt8]
        var problems: [Diagnostic]
        let line: Int32

        mutating func cell(_ index: Int) -> Range<Int> { cells.appendCell(index, to: &scratch) }

        func string(_ r: Range<Int>) -> String { ImportText.string(scratch, r) }
    }

    /// The rows of one piece of a file with their values worked out: each value's text is a
    /// range of `scratch` (start -1: none), each row's texts and problems follow the row before's.
    struct Chunk: Sendable {
        /// Where each row is read from (to read its cells again), and its line.
        var positions: [CSVReader.Position] = []
        var lines: [Int32] = []
        /// Row `r`'s value `k` (of ``rowValues``): `ranges[2 * (r * count + k)]` and the next.
        var ranges: [Int32] = []
        /// Where the problems of row `r`'s value `k` end in `problems`.
        var problemEnds: [Int32] = []
        var problems: [Diagnostic] = []
        var scratch: [UInt8] = []
        /// Where each row's texts start in `scratch` (they end where the next row's start).
        var textStarts: [Int32] = []
        /// The piece's CSV syntax problems.
        var syntaxProblems: [CSVReader.Problem] = []
    }

    /// A file's rows, as the threads read them.
    enum Source: Sendable {
        case csv(MappedFile)
        case json([(line: Int, cells: [String])])
    }

    /// Evaluates the rows from `start` to (not including) the row at offset `end` (for a JSON
    /// table, row numbers).
    func evaluate(_ source: Source, from start: CSVReader.Position, before end: Int) -> Chunk {
        var chunk = Chunk()
        var scratch: [UInt8] = []
        var problems: [Diagnostic] = []
        chunk.ranges.reserveCapacity(2 * rowValues.count * 1024)
        chunk.problemEnds.reserveCapacity(rowValues.count * 1024)
        func values<C: RowCells>(_ cells: C, line: Int) {
            var row = Row(cells: cells, scratch: [], problems: [], line: Int32(line))
            chunk.textStarts.append(Int32(scratch.count))
            swap(&row.scratch, &scratch)
            swap(&row.problems, &problems)
            for value in rowValues {
                if let r = evaluate(value, &row, what: Self.unnamed) {
                    chunk.ranges.append(Int32(r.lowerBound))
                    chunk.ranges.append(Int32(r.upperBound))
                } else {
                    chunk.ranges.append(-1)
                    chunk.ranges.append(-1)
                }
                chunk.problemEnds.append(Int32(row.problems.count))
            }
            swap(&row.scratch, &scratch)
            swap(&row.problems, &problems)
        }
        switch source {
        case let .csv(file):
            var reader = CSVReader(file.bytes, at: start)
            while true {
                let position = reader.position
                guard reader.next(before: end) else { break }
                chunk.positions.append(position)
                chunk.lines.append(Int32(reader.recordLine))
                values(CSVRow(reader: reader, name: fileName), line: reader.recordLine)
            }
            chunk.syntaxProblems = reader.problems
        case let .json(rows):
            for n in start.offset..<min(end, rows.count) {
                chunk.positions.append(CSVReader.Position(offset: n, line: rows[n].line, lineStart: 0))
                chunk.lines.append(Int32(rows[n].line))
                values(JSONRow(cells: rows[n].cells, line: rows[n].line, name: fileName), line: rows[n].line)
            }
        }
        chunk.scratch = scratch
        chunk.problems = problems
        return chunk
    }

    /// What the values worked out ahead are called in their messages, until the import names them.
    static let unnamed = "\u{1}"

    // MARK: One value

    /// A value's text for this row (nil when empty), as a range of `row.scratch`; a value-table
    /// miss is a problem. (`what` names the value in messages.)
    func evaluate<C: RowCells>(_ value: ImportMapping.Value, _ row: inout Row<C>, what: String) -> Range<Int>? {
        var raw: Range<Int>?
        var column: String?
        let indexes = value.slot >= 0 && value.slot < columns.count ? columns[value.slot] : value.ownColumns.map { header.column($0) }
        switch value.origin {
        case let .column(c):
            column = c
            if let i = indexes[0] { raw = row.cell(i) }
        case let .columns(cs):
            for (k, c) in cs.enumerated() {
                if let i = indexes[k] { let t = row.cell(i); if !t.isEmpty { raw = t; column = c; break } }
            }
        case let .constant(text): raw = ImportText.append(text, to: &row.scratch)
        case let .template(parts):
            let start = row.scratch.count
            var any = false
            var hasColumns = false
            var k = 0
            for part in parts {
                switch part {
                case let .text(t): row.scratch.append(contentsOf: t.utf8)
                case let .column(c):
                    if c == "@file" { row.scratch.append(contentsOf: baseName.utf8) } else if c == "@row" { row.scratch.append(contentsOf: String(row.line).utf8) } else {
                        hasColumns = true
                        if let i = indexes[k], !row.cell(i).isEmpty { any = true }
                    }
                    k += 1
                }
            }
            raw = any || !hasColumns ? ImportText.trim(&row.scratch, start..<row.scratch.count) : nil
        case let .firstOf(values):
            for v in values {
                // A value that fails leaves no problem and no text behind.
                let problems = row.problems.count, mark = row.scratch.count
                if let t = evaluate(v, &row, what: what), row.problems.count == problems { return t }
                row.problems.removeSubrange(problems...)
                row.scratch.removeSubrange(mark...)
            }
            if let fallback = value.fallback { return fallback.isEmpty ? nil : ImportText.append(fallback, to: &row.scratch) }
            return nil
        }
        var text = raw.map { ImportText.trim(&row.scratch, $0) } ?? (row.scratch.count..<row.scratch.count)
        if text.isEmpty {
            if let fallback = value.fallback, !fallback.isEmpty { return ImportText.append(fallback, to: &row.scratch) }
            return nil
        }
        if value.lowercase { text = ImportText.lowercase(&row.scratch, text) }
        if let tableName = value.table, let table = value.lookupTable ?? mapping.lookupTables[tableName] {
            var candidates = [text]
            if let sep = value.split {
                var parts: [Range<Int>] = []
                ImportText.forEachPart(row.scratch, text, separator: sep) { parts.append($0) }
                candidates = parts.map { ImportText.trim(&row.scratch, $0) }.filter { !$0.isEmpty }
            }
            var hit: String?
            for candidate in candidates {
                if let v = table.lookup(row.scratch, candidate, prefix: value.matchPrefix) { hit = v; break }
            }
            if let hit {
                text = ImportText.append(value.found ?? hit, to: &row.scratch)
            } else if let fallback = value.fallback {
                if fallback.isEmpty { return nil }
                text = ImportText.append(fallback, to: &row.scratch)
            } else {
                fail(column, "'\(row.string(text))' is not in the mapping's value table '\(tableName)' (\(what)); add it there or give the value a default", &row)
                return nil
            }
        } else if let sep = value.split, let part = value.part {
            var parts: [Range<Int>] = []
            ImportText.forEachPart(row.scratch, text, separator: sep) { parts.append($0) }
            guard part < parts.count else { return nil }
            text = ImportText.trim(&row.scratch, parts[part])
            if text.isEmpty { return nil }
        }
        if value.prefix != nil || value.suffix != nil {
            let start = row.scratch.count
            if let prefix = value.prefix { row.scratch.append(contentsOf: prefix.utf8) }
            for k in text { row.scratch.append(row.scratch[k]) }
            if let suffix = value.suffix { row.scratch.append(contentsOf: suffix.utf8) }
            text = start..<row.scratch.count
        }
        // A cell an export marked as text (a leading `'`): SpreadsheetCell's rule.
        if !text.isEmpty && row.scratch[text.lowerBound] == UInt8(ascii: "'") {
            text = ImportText.viaString(&row.scratch, text) { SpreadsheetCell.restored($0) }
        }
        return text
    }

    /// A problem at a column's cell (the row's start when the file has no such column).
    func fail<C: RowCells>(_ column: String?, _ message: String, _ row: inout Row<C>) {
        let location = column.flatMap { header.column($0) }.map { row.cells.location(of: $0) }
            ?? SourceLocation(file: fileName, line: Int(row.line), column: 1)
        row.problems.append(Diagnostic(location, (column.map { "column '\($0)': " } ?? "") + message))
    }
}
