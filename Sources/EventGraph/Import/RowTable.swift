import Foundation

/// One input table read a row at a time: a CSV file (``CSVReader``, over the file's bytes) or a
/// JSON file of objects (an array, or one object a line), whose fields are its columns
/// (nested objects as `a.b`, lists of values joined with `|`).
final class RowTable {
    let name: String
    let file: Int32
    private(set) var header: [String] = []
    /// Column numbers by name (as found, and folded: ``fold(_:)``).
    private(set) var columns = Header()
    private let storage: MappedFile?
    private var csv: CSVReader?
    private var jsonRows: [(line: Int, cells: [String])] = []
    private var jsonCursor = -1
    /// Problems of the file found when it was opened (JSON lines that are not objects): kept
    /// across ``rewind()``.
    private var openingProblems: [Diagnostic] = []
    /// CSV syntax problems found by the current pass (found again by every pass).
    private var passProblems: [Diagnostic] = []
    /// The file's problems: those found when opening it, and the CSV syntax problems of a pass
    /// that read to the end.
    var problems: [Diagnostic] { openingProblems + passProblems }
    private(set) var rowCount = 0
    /// True once ``nextRow()`` has reached the end since the last ``rewind()`` (``problems`` then holds the file's).
    private(set) var readToEnd = false
    private var startState: CSVReader?

    init(empty input: MappedImporter.Input, file: Int32) {
        name = input.name
        self.file = file
        storage = nil
    }

    /// Nil for an empty file (no header).
    init?(input: MappedImporter.Input, file: Int32) {
        name = input.name
        self.file = file
        let mapped = input.storage
        storage = mapped
        let lower = input.name.lowercased()
        if lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            guard readJSON(mapped.bytes) else { return nil }
        } else {
            var reader = CSVReader(mapped.bytes)
            guard reader.next() else { return nil }
            header = reader.fields.map { reader.text($0) }
            startState = reader
            csv = reader
        }
        for (n, h) in header.enumerated() {
            let key = h.trimmingWhitespace()
            if columns.index[key] == nil { columns.index[key] = n }
            let folded = Self.fold(key)
            if columns.index[folded] == nil { columns.index[folded] = n }
        }
    }

    /// A header's columns by name.
    struct Header: Sendable {
        var index: [String: Int] = [:]

        func column(_ name: String) -> Int? { index[name] ?? index[RowTable.fold(name)] }
    }

    // MARK: Reading in pieces

    /// The file's rows for ``RowEvaluator``'s threads.
    var source: RowEvaluator.Source {
        if let storage, csv != nil { return .csv(storage) }
        return .json(jsonRows)
    }

    /// Where pieces of about `size` bytes of the rows start (for a JSON table, row numbers),
    /// and where the last ends.
    func pieces(every size: Int) -> (starts: [CSVReader.Position], end: Int) {
        if let startState { return (startState.cuts(every: size), startState.bytes.count) }
        let starts = stride(from: 0, to: max(jsonRows.count, 1), by: 4096).map { CSVReader.Position(offset: $0, line: 0, lineStart: 0) }
        return (starts, jsonRows.count)
    }

    /// Ends a pass read in pieces: its rows, and the CSV syntax problems the pieces found.
    func finishPass(rows: Int, problems: [CSVReader.Problem]) {
        rowCount = rows
        passProblems = problems.map { Diagnostic(SourceLocation(file: name, line: $0.line, column: $0.column), $0.message) }
        readToEnd = true
    }

    /// Makes the row read from `position` (by a piece) the current row.
    func seek(_ position: CSVReader.Position) {
        guard position != seekedTo else { return }
        seekedTo = position
        if let startState {
            csv = CSVReader(startState.bytes, at: position)
            _ = csv!.next()
        } else {
            jsonCursor = position.offset
        }
    }

    private var seekedTo: CSVReader.Position?

    /// A column name as compared when the exact one is missing: lower case, no spaces or `_`.
    static func fold(_ name: String) -> String { "~" + name.lowercased().filter { $0 != " " && $0 != "_" } }

    func column(_ name: String) -> Int? { columns.column(name) }

    /// Back to the first row (each mapping table reads the file from the start).
    func rewind() {
        seekedTo = nil
        if let startState { csv = startState }
        jsonCursor = -1
        passProblems = []
        rowCount = 0
        readToEnd = false
    }

    /// Moves to the next row; false at the end.
    func nextRow() -> Bool {
        seekedTo = nil
        if csv != nil {
            guard csv!.next() else {
                for p in csv!.problems { passProblems.append(Diagnostic(SourceLocation(file: name, line: p.line, column: p.column), p.message)) }
                readToEnd = true
                return false
            }
            rowCount += 1
            return true
        }
        jsonCursor += 1
        guard jsonCursor < jsonRows.count else { readToEnd = true; return false }
        rowCount += 1
        return true
    }

    /// The line the current row starts on.
    var rowLine: Int { csv?.recordLine ?? (jsonCursor < jsonRows.count ? jsonRows[jsonCursor].line : 0) }

    /// The current row's cell in a column (empty when the row is shorter).
    func cell(_ index: Int) -> String {
        if let csv {
            guard index < csv.fields.count else { return "" }
            return csv.text(csv.fields[index])
        }
        let cells = jsonRows[jsonCursor].cells
        return index < cells.count ? cells[index] : ""
    }

    /// Appends the current row's cell in a column to `out` (nothing when the row is shorter)
    /// and returns its range: the bytes of ``cell(_:)``.
    func appendCell(_ index: Int, to out: inout [UInt8]) -> Range<Int> {
        if let csv {
            guard index < csv.fields.count else { return out.count..<out.count }
            return csv.append(csv.fields[index], to: &out)
        }
        let cells = jsonRows[jsonCursor].cells
        return ImportText.append(index < cells.count ? cells[index] : "", to: &out)
    }

    /// The columns a mapping value reads itself (``ImportMapping/Value/ownColumns``), found
    /// in this file's header once per value.
    func columnIndexes(_ value: ImportMapping.Value) -> [Int?] {
        let slot = value.slot
        if slot >= 0, slot < bound.count, let known = bound[slot] { return known }
        let found = value.ownColumns.map { column($0) }
        if slot >= 0 {
            if slot >= bound.count { bound += Array(repeating: nil, count: slot + 1 - bound.count) }
            bound[slot] = found
        }
        return found
    }

    private var bound: [[Int?]?] = []

    /// Where the current row's cell in a column is.
    func location(of index: Int) -> SourceLocation {
        if let csv, index < csv.fields.count {
            let field = csv.fields[index]
            return SourceLocation(file: name, line: field.line, column: csv.column(field))
        }
        return SourceLocation(file: name, line: rowLine, column: 1)
    }

    /// Where a column's cell is on the row starting at `line` (read again from the start).
    func location(ofColumn column: String, onRowAt line: Int) -> SourceLocation? {
        guard let index = self.column(column) else { return nil }
        guard var reader = startState else { return SourceLocation(file: name, line: line, column: 1) }
        while reader.next() {
            if reader.recordLine == line {
                guard index < reader.fields.count else { return SourceLocation(file: name, line: line, column: 1) }
                return SourceLocation(file: name, line: line, column: reader.column(reader.fields[index]))
            }
            if reader.recordLine > line { break }
        }
        return nil
    }

    // MARK: JSON

    private func readJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let data = Data(buffer: bytes)
        var objects: [(Int, Any)] = []
        if let whole = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            if let list = whole as? [Any] {
                objects = list.enumerated().map { ($0.offset + 1, $0.element) }
            } else if whole is [String: Any] {
                objects = [(1, whole)]
            }
        } else {
            // One object a line.
            var line = 0
            for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                line += 1
                guard raw.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
                do {
                    objects.append((line, try JSONSerialization.jsonObject(with: Data(raw))))
                } catch {
                    openingProblems.append(Diagnostic(SourceLocation(file: name, line: line, column: 1), "this line is not a JSON object"))
                }
            }
        }
        var index: [String: Int] = [:]
        for (line, object) in objects {
            guard let dict = object as? [String: Any] else {
                openingProblems.append(Diagnostic(SourceLocation(file: name, line: line, column: 1), "a row must be a JSON object"))
                continue
            }
            var flat: [(String, String)] = []
            Self.flatten(dict, prefix: "", into: &flat)
            var cells = Array(repeating: "", count: header.count)
            for (key, value) in flat {
                if index[key] == nil {
                    index[key] = header.count
                    header.append(key)
                    cells.append("")
                }
                cells[index[key]!] = value
            }
            jsonRows.append((line, cells))
        }
        return !objects.isEmpty || !openingProblems.isEmpty
    }

    private static func flatten(_ dict: [String: Any], prefix: String, into out: inout [(String, String)]) {
        for key in dict.keys.sorted() {
            let value = dict[key]!
            let name = prefix.isEmpty ? key : prefix + "." + key
            if let nested = value as? [String: Any] {
                flatten(nested, prefix: name, into: &out)
            } else if let list = value as? [Any] {
                out.append((name, list.map { scalar($0) }.joined(separator: "|")))
            } else {
                out.append((name, scalar(value)))
            }
        }
    }

    private static func scalar(_ value: Any) -> String {
        switch value {
        case let s as String: return s
        case is NSNull: return ""
        case let n as NSNumber:
            return n.stringValue
        default: return "\(value)"
        }
    }
}

extension MappedImporter.Input {
    /// The input's bytes, kept alive by the returned mapping.
    var storage: MappedFile { mapped ?? MappedFile(copying: bytes) }
}
