/// What changed: between two dates of one graph, or between two versions of a graph.
///
/// - **Between dates** (``init(graph:from:to:known:)``): the events that happened after the
///   first date and by the second, which is exactly what `--as-of D2` shows beyond
///   `--as-of D1` (an event counts once it may have happened: its interval starts on or before
///   the date's last day); the relations that started (`since`) and ended (`until`, wholly
///   within the window); and, with `known`, what became known: the sources certainly published
///   by D2 but not by D1, and the events and relations first cited by one of them (see
///   ``Source/isPublished(by:)``).
/// - **Between versions** (``init(old:new:oldName:newName:)``): actors, events, relations and
///   sources added, removed or changed, matched by id (relations by their synthesized
///   `from--kind--to` id), with the names of the fields that changed. Input positions are
///   ignored.
///
/// Entries are ordered by change, element type, date (events), then id: deterministic.
public struct GraphDiff: Sendable {
    /// How an element changed.
    public enum Change: String, Sendable, CaseIterable, Comparable {
        /// Versions: new in the second graph. Dates: happened (events) or started (relations) in the window.
        case added
        /// Versions: gone from the second graph.
        case removed
        /// Versions: present in both with different fields.
        case changed
        /// Dates: a relation whose `until` falls in the window.
        case ended
        /// Dates with `known`: first cited (or, for a source, published) in the window.
        case known

        public static func < (a: Change, b: Change) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// What kind of element an entry is about.
    public enum Element: String, Sendable, CaseIterable, Comparable {
        case actor, event, relation, source

        public static func < (a: Element, b: Element) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// One changed element.
    public struct Entry: Sendable, Equatable {
        public var change: Change
        public var element: Element
        public var id: String
        /// A name, title, or `from kind to` for a relation.
        public var label: String
        /// The event's date, the relation's `since..until`, or the source's publication date, as written.
        public var date: String?
        /// Versions, `changed`: the fields that differ (`date`, `roles`, `sources`, …).
        public var fields: [String] { values.map(\.field) }
        /// Versions, `changed`: each differing field with its old and new value as written.
        public var values: [FieldChange]
        /// Dates, `known`: the sources published in the window that cite the element.
        public var sources: [String]
        /// The day number entries of one change and element type are ordered by (an event's
        /// first day, a relation's start or end, a source's publication); 0 when undated.
        public var sortDay: Int

        public init(change: Change, element: Element, id: String, label: String, date: String? = nil,
                    values: [FieldChange] = [], sources: [String] = [], sortDay: Int = 0) {
            self.change = change
            self.element = element
            self.id = id
            self.label = label
            self.date = date
            self.values = values
            self.sources = sources
            self.sortDay = sortDay
        }
    }

    /// One field of an element that differs between two versions, from what to what (nil:
    /// not given).
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var old: String?
        public var new: String?

        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }

        /// `date: 2025-03 → 2025-04`; only the field's name when a value is long.
        public var text: String {
            let a = old ?? "(none)", b = new ?? "(none)"
            return a.count + b.count > 80 ? field : "\(field): \(a) → \(b)"
        }
    }

    /// What was compared.
    public enum Comparison: Sendable, Equatable {
        /// Two versions, named as the user gave them (paths).
        case versions(old: String, new: String)
        /// Two dates of one graph; `known` adds what became known by source publication.
        case dates(from: PartialDate, to: PartialDate, known: Bool)
    }

    public let comparison: Comparison
    public let entries: [Entry]
    /// The graph a diagram of the diff draws: for versions, the new graph plus everything the
    /// old one had that was removed; for dates, the graph itself.
    public let graph: GraphView

    /// True when nothing changed.
    public var isEmpty: Bool { entries.isEmpty }

    /// How many entries have this change (and, optionally, this element type).
    public func count(_ change: Change, _ element: Element? = nil) -> Int {
        entries.filter { $0.change == change && (element == nil || $0.element == element) }.count
    }

    /// The change recorded for an element, if any (the first, for a relation both started and ended).
    public func change(of element: Element, id: String) -> Change? {
        entries.first { $0.element == element && $0.id == id }?.change
    }

    init(comparison: Comparison, entries: [Entry], graph: GraphView) {
        self.comparison = comparison
        self.entries = entries.sorted { a, b in
            (a.change, a.element, a.sortDay, a.id) < (b.change, b.element, b.sortDay, b.id)
        }
        self.graph = graph
    }
}
