/// The graph as a Kumu JSON blueprint (https://docs.kumu.io/guides/import/blueprints):
/// `{"elements": […], "connections": […]}`, the same elements and connections as the Kumu
/// sheets (``KumuExporter``), each an object of Kumu's core fields (`id`, `label`, `type`,
/// `description`, `tags`) and the rest as custom fields (lower case, as Kumu shows them),
/// with lists as JSON lists where the sheets join them with `|`. Connections keep `from`,
/// `to` (element ids) and `direction` (`directed` or `undirected`).
///
/// `timeline`: the years an item is present, as Kumu's tagged-timeline control expects them
/// ("years to define when an element/connection was present", several for disjoint spans):
/// an event's years, a relation's years from `since` to `until` (open ends run to the
/// graph's first or last dated year), an actor's years of its lifespan (`since` to `until`,
/// open ends as a relation's) or, without one, of the events and relations it is in.
/// At most ``maxYears`` years an item, so no input makes the file explode.
public struct KumuJSONExporter: GraphExporter {
    public let formatName = "kumu-json"
    public static let maxYears = 400

    public init() {}

    static let listFields: Set<String> = ["tags", "names", "aliases", "sources"]

    /// Made in memory, then written (this format is not streamed).
    public func write(_ graph: GraphView, to output: ExportSink) { output.write(made(graph)) }

    func made(_ graph: GraphView) -> ExportOutput {
        let t = KumuExporter.tables(graph)
        // Years of each item, and the graph's dated range for open relations.
        var years: [String: Set<Int>] = [:]
        var first = Int.max, last = Int.min
        for event in graph.events {
            let i = event.date.interval
            let a = PartialDate.civil(fromDayNumber: i.first).year, b = PartialDate.civil(fromDayNumber: i.last).year
            first = min(first, a); last = max(last, b)
        }
        func span(_ a: Int, _ b: Int) -> Set<Int> {
            guard a <= b else { return [] }
            return Set(a...min(b, a + Self.maxYears - 1))
        }
        for event in graph.events {
            let i = event.date.interval
            let y = span(PartialDate.civil(fromDayNumber: i.first).year, PartialDate.civil(fromDayNumber: i.last).year)
            years[event.id] = y
            for id in event.allParticipants { years[id, default: []].formUnion(y) }
        }
        /// The years from `since` to `until` (a relation's validity, an actor's lifespan); an open
        /// end runs to the graph's first or last dated year.
        func yearsBetween(since: PartialDate?, until: PartialDate?) -> Set<Int>? {
            let a = since.map { PartialDate.civil(fromDayNumber: $0.interval.first).year } ?? (first == .max ? nil : first)
            let b = until.map { PartialDate.civil(fromDayNumber: $0.interval.last).year } ?? (last == .min ? a : last)
            guard let a, let b else { return nil }
            return span(a, max(a, b))
        }
        for relation in graph.relations {
            guard let y = yearsBetween(since: relation.since, until: relation.until) else { continue }
            years[relation.id] = y
            years[relation.from, default: []].formUnion(y)
            years[relation.to, default: []].formUnion(y)
        }
        for actor in graph.actors where actor.hasLifespan {
            if let y = yearsBetween(since: actor.since, until: actor.until) { years[actor.id] = y }
        }
        func objects(_ header: [String], _ rows: [[String]], skip: Set<String>) -> JSONValue {
            .array(rows.map { row in
                var pairs: [(String, JSONValue)] = []
                for (key, value) in zip(header, row) where !value.isEmpty && !skip.contains(key) {
                    let name = key.lowercased()
                    if Self.listFields.contains(name) {
                        pairs.append((name, .array(value.split(separator: "|").map { .string(String($0)) })))
                    } else {
                        pairs.append((name, .string(value)))
                    }
                }
                let id = row.first ?? ""
                let y = (years[id] ?? []).sorted()
                if !y.isEmpty { pairs.append(("timeline", .array(y.prefix(Self.maxYears).map { .string(String($0)) }))) }
                return .object(pairs)
            })
        }
        let document: JSONValue = .object([
            ("elements", objects(t.elementHeader, t.elements, skip: [])),
            ("connections", objects(t.connectionHeader, t.connections, skip: [])),
        ])
        return .file(document.text)
    }
}
