/// How diagrams lay out cells in rows and columns inside an HTML-like label.
///
/// Graphviz 2.42 (the release Debian 12 and Ubuntu 22.04–24.04 ship) leaks part of the
/// sizing graphs it builds for every table with more than one row *and* more than one column
/// (`closeGraphs` in its `htmltable.c` frees the column graph's edge lists but not the row
/// graph's): about a kilobyte for each such table, on every layout, for as long as the
/// process lives (`watch` redraws for hours). Tables with one row or one column are sized
/// without those graphs. So every grid a diagram draws is a one-column table of one-row
/// tables: ``row(_:spacing:padding:)`` wraps one row's cells, and columns that must line up
/// across rows get explicit widths. `DiagramTableShapeTests` checks every diagram for it.
enum HTMLGrid {
    /// One row of `cells` as a row of a one-column table: the cells sit in a one-row table of
    /// their own, left-aligned in the outer cell.
    ///
    /// Graphviz gives a nested table the whole width of its cell and shares any width beyond
    /// its own among its columns, so rows that must line up get cells of equal widths, or a
    /// `fixed` size (the row's own width and height) that keeps the extra width out.
    static func row(_ cells: String, spacing: Int = 0, padding: Int = 0, cellBorder: Int = 0, rounded: Bool = false,
                    fixed: (width: Int, height: Int)? = nil) -> String {
        let size = fixed.map { " FIXEDSIZE=\"TRUE\" WIDTH=\"\($0.width)\" HEIGHT=\"\($0.height)\"" } ?? ""
        return "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"0\"\(size)>"
            + table(cells, spacing: spacing, padding: padding, cellBorder: cellBorder, rounded: rounded) + "</TD></TR>"
    }

    /// The width, in points, of a cell that holds any of `texts` at `fontSize` points (the
    /// widest estimate, with room to spare), for columns that line up across rows.
    static func width(of texts: [String], fontSize: Double) -> Int {
        Int((texts.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0).rounded(.up)) + 8
    }

    /// A borderless one-row table of `cells`.
    static func table(_ cells: String, spacing: Int = 0, padding: Int = 0, cellBorder: Int = 0, rounded: Bool = false) -> String {
        "<TABLE BORDER=\"0\" CELLBORDER=\"\(cellBorder)\" CELLSPACING=\"\(spacing)\" CELLPADDING=\"\(padding)\""
            + (rounded ? " STYLE=\"ROUNDED\"" : "") + "><TR>" + cells + "</TR></TABLE>"
    }
}
