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
                        date: (T) -> String?, sortDay: (T) -> Int, fields: (T, T) -> [String]) {
            let oldByID = Dictionary(before.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            let newByID = Dictionary(after.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            for item in after {
                if let previous = oldByID[id(item)] {
                    let changed = fields(previous, item)
                    if !changed.isEmpty {
                        entries.append(Entry(change: .changed, element: element, id: id(item), label: label(item), date: date(item),
                                             fields: changed, sortDay: sortDay(item)))
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

    static func changedFields(_ a: Actor, _ b: Actor) -> [String] {
        var fields: [String] = []
        if a.kind != b.kind { fields.append("kind") }
        if a.name != b.name { fields.append("name") }
        if a.names != b.names { fields.append("names") }
        if a.aliases != b.aliases { fields.append("aliases") }
        if a.country != b.country { fields.append("country") }
        if a.description != b.description { fields.append("description") }
        if a.tags != b.tags { fields.append("tags") }
        return fields
    }

    static func changedFields(_ a: Event, _ b: Event) -> [String] {
        var fields: [String] = []
        if a.kind != b.kind { fields.append("kind") }
        if a.date != b.date { fields.append("date") }
        if a.title != b.title { fields.append("title") }
        if a.description != b.description { fields.append("description") }
        if a.roles != b.roles { fields.append("roles") }
        if a.amount != b.amount { fields.append("amount") }
        if a.status != b.status { fields.append("status") }
        if a.claim != b.claim { fields.append("claim") }
        if a.claimedBy != b.claimedBy { fields.append("claimed_by") }
        if a.dateBasis != b.dateBasis { fields.append("date_basis") }
        if a.dateNote != b.dateNote { fields.append("date_note") }
        if !sameEvidence(a.sources, b.sources) { fields.append("sources") }
        if a.tags != b.tags { fields.append("tags") }
        return fields
    }

    static func changedFields(_ a: Relation, _ b: Relation) -> [String] {
        var fields: [String] = []
        if a.role != b.role { fields.append("role") }
        if a.since != b.since { fields.append("since") }
        if a.until != b.until { fields.append("until") }
        if !sameEvidence(a.sources, b.sources) { fields.append("sources") }
        return fields
    }

    static func changedFields(_ a: Source, _ b: Source) -> [String] {
        var fields: [String] = []
        if a.title != b.title { fields.append("title") }
        if a.publisher != b.publisher { fields.append("publisher") }
        if a.author != b.author { fields.append("author") }
        if a.published != b.published { fields.append("published") }
        if a.url != b.url { fields.append("url") }
        if a.language != b.language { fields.append("language") }
        if a.file != b.file { fields.append("file") }
        return fields
    }

    /// Evidence compared by source, quote and note (not by where it is written).
    static func sameEvidence(_ a: [Evidence], _ b: [Evidence]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.source == $1.source && $0.quote == $1.quote && $0.note == $1.note }
    }
}
