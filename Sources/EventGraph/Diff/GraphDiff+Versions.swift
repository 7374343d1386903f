extension GraphDiff {
    /// The differences between two versions of a graph, element by element, matched by id.
    /// - Parameters:
    ///   - old: the earlier version.
    ///   - new: the later version.
    ///   - oldName: how to name the old version in outputs (its paths).
    ///   - newName: how to name the new version.
    /// - Complexity: O(A + E + R + S) comparisons, each linear in the element's fields.
    public init(old: GraphView, new: GraphView, oldName: String, newName: String) {
        var entries: [Entry] = []
        func compare<T>(_ element: Element, _ before: [T], _ after: [T], id: (T) -> String, label: (T) -> String,
                        date: (T) -> String?, sortDay: (T) -> Int, fields: (T, T) -> [FieldChange]) {
            let oldByID = Dictionary(before.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            let newByID = Dictionary(after.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            for item in after {
                if let previous = oldByID[id(item)] {
                    let changed = fields(previous, item)
                    if !changed.isEmpty {
                        entries.append(Entry(change: .changed, element: element, id: id(item), label: label(item), date: date(item),
                                             values: changed, sortDay: sortDay(item)))
                    }
                } else {
                    entries.append(Entry(change: .added, element: element, id: id(item), label: label(item), date: date(item), sortDay: sortDay(item)))
                }
            }
            for item in before where newByID[id(item)] == nil {
                entries.append(Entry(change: .removed, element: element, id: id(item), label: label(item), date: date(item), sortDay: sortDay(item)))
            }
        }
        compare(.actor, Array(old.actors), Array(new.actors), id: \.id, label: { "\($0.name) (\($0.kind))" }, date: { _ in nil }, sortDay: { _ in 0 },
                fields: GraphDiff.changedFields)
        compare(.event, Array(old.events), Array(new.events), id: \.id, label: \.title, date: { $0.date.description },
                sortDay: { $0.date.interval.first }, fields: GraphDiff.changedFields)
        compare(.relation, Array(old.relations), Array(new.relations), id: \.id, label: { GraphDiff.label(of: $0, in: new.relation($0.id) != nil ? new : old) },
                date: GraphDiff.validity(of:), sortDay: { _ in 0 }, fields: GraphDiff.changedFields)
        compare(.source, old.sources, new.sources, id: \.id, label: \.title, date: { $0.published?.description }, sortDay: { _ in 0 },
                fields: GraphDiff.changedFields)

        // The diagram draws the new graph plus what was removed from the old one.
        let newActors = Set(new.actors.map(\.id)), newEvents = Set(new.events.map(\.id))
        let newRelations = Set(new.relations.map(\.id)), newSources = Set(new.sources.map(\.id))
        let merged = GraphView(title: new.title ?? old.title, description: new.description, schema: new.schema,
                           sources: new.sources + old.sources.filter { !newSources.contains($0.id) },
                           actors: Array(new.actors) + old.actors.filter { !newActors.contains($0.id) },
                           events: Array(new.events) + old.events.filter { !newEvents.contains($0.id) },
                           relations: Array(new.relations) + old.relations.filter { !newRelations.contains($0.id) })
        self.init(comparison: .versions(old: oldName, new: newName), entries: entries, graph: merged)
    }

    /// Collects the fields whose rendering differs.
    struct FieldComparison {
        private(set) var changes: [FieldChange] = []

        mutating func compare(_ field: String, _ a: String?, _ b: String?) {
            if a != b { changes.append(FieldChange(field: field, old: a, new: b)) }
        }
    }

    static func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ", ") }

    static func evidenceText(_ evidence: [Evidence]) -> String? {
        list(evidence.map { e in e.source + (e.quote.map { " 「\($0)」" } ?? "") + (e.note.map { " (\($0))" } ?? "") })
    }

    static func changedFields(_ a: Actor, _ b: Actor) -> [FieldChange] {
        var c = FieldComparison()
        c.compare("kind", a.kind, b.kind)
        c.compare("name", a.name, b.name)
        c.compare("names", list(a.names.map { "\($0.language) \($0.name)" }), list(b.names.map { "\($0.language) \($0.name)" }))
        c.compare("aliases", list(a.aliases), list(b.aliases))
        c.compare("country", a.country, b.country)
        c.compare("description", a.description, b.description)
        c.compare("tags", list(a.tags), list(b.tags))
        return c.changes
    }

    static func changedFields(_ a: Event, _ b: Event) -> [FieldChange] {
        func roles(_ e: Event) -> String? { list(e.roles.map { "\($0.role): \($0.ids.joined(separator: " "))" }) }
        var c = FieldComparison()
        c.compare("kind", a.kind, b.kind)
        c.compare("date", a.date.description, b.date.description)
        c.compare("title", a.title, b.title)
        c.compare("description", a.description, b.description)
        c.compare("roles", roles(a), roles(b))
        c.compare("amount", a.amount?.description, b.amount?.description)
        c.compare("status", a.status?.rawValue, b.status?.rawValue)
        c.compare("claim", a.claim.rawValue, b.claim.rawValue)
        c.compare("claimed_by", a.claimedBy, b.claimedBy)
        c.compare("date_basis", a.dateBasis.rawValue, b.dateBasis.rawValue)
        c.compare("date_note", a.dateNote, b.dateNote)
        c.compare("date_source", a.dateSource, b.dateSource)
        c.compare("sources", evidenceText(a.sources), evidenceText(b.sources))
        c.compare("tags", list(a.tags), list(b.tags))
        return c.changes
    }

    static func changedFields(_ a: Relation, _ b: Relation) -> [FieldChange] {
        var c = FieldComparison()
        c.compare("role", a.role, b.role)
        c.compare("since", a.since?.description, b.since?.description)
        c.compare("until", a.until?.description, b.until?.description)
        c.compare("sources", evidenceText(a.sources), evidenceText(b.sources))
        return c.changes
    }

    static func changedFields(_ a: Source, _ b: Source) -> [FieldChange] {
        var c = FieldComparison()
        c.compare("title", a.title, b.title)
        c.compare("publisher", a.publisher, b.publisher)
        c.compare("author", a.author, b.author)
        c.compare("published", a.published?.description, b.published?.description)
        c.compare("url", a.url, b.url)
        c.compare("language", a.language, b.language)
        c.compare("file", a.file, b.file)
        return c.changes
    }
}
