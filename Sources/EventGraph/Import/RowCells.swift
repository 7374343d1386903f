/// The cells of the row being mapped, as ``RowEvaluator`` reads them: a CSV record (``CSVRow``),
/// a JSON table's row (``JSONRow``), or a ``RowTable`` positioned on a row.
protocol RowCells {
    /// Appends the cell in column `index` (nothing when the row is shorter); its range in `out`.
    func appendCell(_ index: Int, to out: inout [UInt8]) -> Range<Int>
    /// Where the cell in column `index` is (the row's start when the row is shorter).
    func location(of index: Int) -> SourceLocation
}

/// The record a ``CSVReader`` has just read.
struct CSVRow: RowCells {
    let reader: CSVReader
    let name: String

    func appendCell(_ index: Int, to out: inout [UInt8]) -> Range<Int> {
        guard index < reader.fields.count else { return out.count..<out.count }
        return reader.append(reader.fields[index], to: &out)
    }

    func location(of index: Int) -> SourceLocation {
        guard index < reader.fields.count else { return SourceLocation(file: name, line: reader.recordLine, column: 1) }
        let field = reader.fields[index]
        return SourceLocation(file: name, line: field.line, column: reader.column(field))
    }
}

/// A row of a JSON table: its cells by column and its line.
struct JSONRow: RowCells {
    let cells: [String]
    let line: Int
    let name: String

    func appendCell(_ index: Int, to out: inout [UInt8]) -> Range<Int> {
        ImportText.append(index < cells.count ? cells[index] : "", to: &out)
    }

    func location(of index: Int) -> SourceLocation { SourceLocation(file: name, line: line, column: 1) }
}

extension RowTable: RowCells {}
