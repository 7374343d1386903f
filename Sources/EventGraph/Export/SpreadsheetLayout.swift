/// The column layout of EventGraph's spreadsheet CSV files: what `export --format csv`
/// writes and `import` reads.
///
/// | file | columns |
/// |---|---|
/// | `graph.csv` | `title`, `description` (one row) |
/// | `sources.csv` | `id`, `title`, `publisher`, `author`, `published`, `url`, `language`, `file` |
/// | `actors.csv` | `id`, `kind`, `name`, `name:LANG`…, `aliases`, `country`, `description`, `tags`, `since`, `until` |
/// | `events.csv` | `id`, `kind`, `date`, `end`, `title`, `description`, one column per role, `amount`, `currency`, `status`, `claim`, `claimed_by`, `date_basis`, `date_note`, `date_source`, `after`, `before`, `within`, `tags`, `source`, `quote`, `note` |
/// | `relations.csv` | `id`, `kind`, `from`, `to`, `role`, `since`, `until`, `source`, `quote`, `note` |
/// | `periods.csv` | `id`, `title`, `from`, `to`, `color`, `actors` |
///
/// Lists (aliases, tags, several ids in a role, `after`/`before` events, a period's actors) are
/// separated by `|`. An event dated relative to others keeps what its record says: `date` is
/// the date it gives besides `after`/`before` (empty when none), `within` is in days (`14d`).
/// An event or relation with more than one piece of evidence continues on the next rows:
/// same `id`, only `source`, `quote` and `note` filled.
public enum SpreadsheetLayout {
    /// Separator of several values in one cell (Kumu's convention).
    public static let listSeparator: Character = "|"
    /// Prefix of per-language name columns: `name:zh-Hans`.
    public static let namePrefix = "name:"
    /// Prefix that marks a role column whose name would clash with a fixed column.
    public static let rolePrefix = "role:"

    public static let graphColumns = ["title", "description"]
    public static let sourceColumns = ["id", "title", "publisher", "author", "published", "url", "language", "file"]
    public static let actorColumnsBeforeNames = ["id", "kind", "name"]
    public static let actorColumnsAfterNames = ["aliases", "country", "description", "tags", "since", "until"]
    public static let eventColumnsBeforeRoles = ["id", "kind", "date", "end", "title", "description"]
    public static let eventColumnsAfterRoles = ["amount", "currency", "status", "claim", "claimed_by", "date_basis", "date_note", "date_source",
                                                "after", "before", "within", "tags"]
    public static let evidenceColumns = ["source", "quote", "note"]
    public static let relationColumns = ["id", "kind", "from", "to", "role", "since", "until"]
    public static let periodColumns = ["id", "title", "from", "to", "color", "actors"]

    /// Every fixed column of the events sheet (a role named like one gets the `role:` prefix).
    public static var eventFixedColumns: Set<String> {
        Set(eventColumnsBeforeRoles + eventColumnsAfterRoles + evidenceColumns)
    }

    /// The header of a role column.
    public static func roleColumn(_ role: String) -> String {
        eventFixedColumns.contains(role) ? rolePrefix + role : role
    }

    /// Joins list values into one cell.
    public static func joinList(_ values: [String]) -> String {
        values.joined(separator: String(listSeparator))
    }

    /// Splits a cell into list values, trimming spaces and dropping empty ones.
    public static func splitList(_ cell: String) -> [String] {
        cell.split(separator: listSeparator).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
