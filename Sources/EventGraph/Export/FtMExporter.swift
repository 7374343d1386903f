/// The graph as a FollowTheMoney entity stream: one JSON entity a line
/// (`{"id","schema","properties"}`), as `followthemoney` and Aleph read it.
///
/// Actors of legal-entity kinds become Person, Company, Organization, PublicBody or
/// LegalEntity; relations become Ownership, Directorship, Membership, Employment, Family,
/// Associate or UnknownLink; events become Payment, Sanction or Event (``FtMSchemaMap``).
/// What an FtM import kept (`ftm: {…}` in a description or evidence note) is written back:
/// the original schema, id and properties. Actors of other kinds (countries, artifacts,
/// places…) have no FtM schema: they and the links to them are left out, and ``leftOut(_:)``
/// says how many.
public struct FtMExporter: GraphExporter {
    public let formatName = "ftm"

    public init() {}

    /// Made in memory, then written (this format is not streamed).
    public func write(_ graph: GraphView, to output: ExportSink) { output.write(made(graph)) }

    func made(_ graph: GraphView) -> ExportOutput {
        .file(entities(graph).lines.map { $0 + "\n" }.joined())
    }

    /// What the export leaves out, as sentences (empty when nothing).
    public func leftOut(_ graph: GraphView) -> [String] { entities(graph).leftOut }

    private func entities(_ graph: GraphView) -> (lines: [String], leftOut: [String]) {
        var lines: [String] = []
        var ftmID: [String: String] = [:]
        var schemaOf: [String: String] = [:]
        var leftKinds: [String: Int] = [:]
        var leftLinks = 0
        func provenance(_ evidence: [Evidence]) -> [(String, [String])] {
            var urls: [String] = [], publishers: [String] = []
            for item in evidence where !item.source.hasPrefix("file-") {
                guard let source = graph.source(item.source) else { continue }
                if let url = source.url, !urls.contains(url) { urls.append(url) }
                if let p = source.publisher, !publishers.contains(p) { publishers.append(p) }
            }
            return [("sourceUrl", urls), ("publisher", publishers)]
        }
        func kept(_ evidence: [Evidence]) -> [String: Any]? {
            for item in evidence { if let k = FtMSchemaMap.kept(in: item.note) { return k } }
            return nil
        }
        func entity(id: String, schema: String, _ properties: [(String, [String])], kept: [String: Any]?) -> String {
            var props: [String: [String]] = [:]
            for (key, values) in properties where !values.isEmpty { props[key, default: []] += values }
            for (key, value) in kept ?? [:] where !key.hasPrefix("eventgraph:") && key != "schema" && key != "id" {
                let values = (value as? [Any])?.map { "\($0)" } ?? ["\(value)"]
                if props[key] == nil { props[key] = values }
            }
            let object: JSONValue = .object([
                ("id", .string(id)), ("schema", .string(schema)),
                ("properties", .object(props.keys.sorted().map { ($0, .array(props[$0]!.map { .string($0) })) })),
            ])
            return object.compactText
        }
        for actor in graph.actors {
            let keep = FtMSchemaMap.kept(in: actor.description)
            let schema = (keep?["schema"] as? String).flatMap { FtMSchemaMap.actorKind[$0] != nil ? $0 : nil }
                ?? Self.schema(ofActorKind: actor.kind, in: graph)
            guard let schema else {
                leftKinds[actor.kind, default: 0] += 1
                continue
            }
            let id = (keep?["id"] as? String) ?? actor.id
            ftmID[actor.id] = id
            schemaOf[actor.id] = schema
            var sources: [Evidence] = []
            for sid in (keep?["eventgraph:sources"] as? [String]) ?? [] { sources.append(Evidence(source: sid)) }
            var properties: [(String, [String])] = [
                ("name", [actor.name]), ("alias", actor.aliases + actor.names.map(\.name)),
                ("country", keep?["eventgraph:country"] == nil ? actor.country.map { [$0.lowercased()] } ?? [] : []),
                ("description", FtMSchemaMap.withoutKept(actor.description).map { [$0] } ?? []),
                ("keywords", actor.tags),
            ]
            properties += Self.lifespan(actor, schema: schema)
            properties += provenance(sources)
            lines.append(entity(id: id, schema: schema, properties, kept: keep))
        }
        for relation in graph.relations {
            guard let from = ftmID[relation.from], let to = ftmID[relation.to] else { leftLinks += 1; continue }
            let keep = kept(relation.sources)
            var schema = (keep?["schema"] as? String).flatMap { FtMSchemaMap.links[$0] != nil ? $0 : nil }
                ?? FtMSchemaMap.canonicalSchema(ofRelationKind: relation.kind)
            // Ends outside the schema's ranges (an Organization that FtM's Ownership cannot own) make an UnknownLink.
            if let range = FtMSchemaMap.ranges[schema],
               !(FtMSchemaMap.fits(schemaOf[relation.from]!, range.from) && FtMSchemaMap.fits(schemaOf[relation.to]!, range.to)) {
                schema = "UnknownLink"
            }
            let link = FtMSchemaMap.links[schema]!
            var properties: [(String, [String])] = [(link.from, [from]), (link.to, [to])]
            if let role = relation.role { properties.append((link.roleProperty, [role])) }
            if let since = relation.since { properties.append(("startDate", [Self.ftmDate(since) ?? DayInterval.isoDate(since.interval.first)])) }
            if let until = relation.until { properties.append(("endDate", [Self.ftmDate(until) ?? DayInterval.isoDate(until.interval.last)])) }
            if schema == "UnknownLink" && relation.kind != "related-to" {
                properties.append(("role", [relation.role.map { "\(graph.relationKindLabel(relation.kind)) (\($0))" } ?? graph.relationKindLabel(relation.kind)]))
                properties.removeAll { $0.0 == link.roleProperty && $0.1 == [relation.role ?? ""] }
            }
            properties += provenance(relation.sources)
            lines.append(entity(id: (keep?["id"] as? String) ?? relation.id, schema: schema, properties, kept: keep))
        }
        for event in graph.events {
            let keep = kept(event.sources)
            var schema = (keep?["schema"] as? String).flatMap { FtMSchemaMap.events[$0] != nil ? $0 : nil }
            if schema == nil { schema = event.kind == "payment" ? "Payment" : event.kind == "sanction" ? "Sanction" : "Event" }
            let shape = FtMSchemaMap.events[schema!]!
            var properties: [(String, [String])] = []
            var roleProperties: [(String, [String])] = []
            for binding in event.roles {
                let ids = binding.ids.compactMap { ftmID[$0] }
                if ids.count < binding.ids.count { leftLinks += binding.ids.count - ids.count }
                let property = shape.roles.first { $0.1 == binding.role }?.0 ?? (schema == "Event" ? "involved" : nil)
                guard let property, !ids.isEmpty else { continue }
                roleProperties.append((property, ids))
            }
            properties += roleProperties
            let titleProperty = (keep?["eventgraph:title"] as? String) ?? (schema == "Event" ? "name" : "summary")
            if !titleProperty.isEmpty { properties.append((titleProperty, [event.title])) }
            if let d = event.description { properties.append(("description", [d])) }
            var summary: [String] = []
            switch event.date {
            case let .on(day) where Self.ftmDate(day) != nil:
                properties.append(((keep?["eventgraph:date"] as? String) ?? (schema == "Sanction" ? "startDate" : "date"), [Self.ftmDate(day)!]))
            case let .on(day):
                properties.append(("startDate", [DayInterval.isoDate(day.interval.first)]))
                properties.append(("endDate", [DayInterval.isoDate(day.interval.last)]))
            case let .span(start, end):
                properties.append(("startDate", [Self.ftmDate(start) ?? DayInterval.isoDate(start.interval.first)]))
                properties.append(("endDate", [Self.ftmDate(end) ?? DayInterval.isoDate(end.interval.last)]))
            case let .between(earliest, latest):
                // One day somewhere in the range (a relative date): FtM's start and end bound it.
                properties.append(("startDate", [DayInterval.isoDate(earliest.interval.first)]))
                properties.append(("endDate", [DayInterval.isoDate(latest.interval.last)]))
                summary.append("date: one day between \(earliest) and \(latest)")
            }
            if event.date.description.contains("~") { summary.append("date: about \(event.date.description.replacingOccurrences(of: "~", with: ""))") }
            if let amount = event.amount {
                if schema == "Payment" {
                    properties.append(("amount", [GraphView.amountValueText(amount.value)]))
                    if let currency = amount.currency { properties.append(("currency", [currency])) }
                } else {
                    summary.append("amount: \(amount.description)")
                }
            }
            if !summary.isEmpty && titleProperty != "summary" { properties.append(("summary", [summary.joined(separator: "; ")])) }
            properties += provenance(event.sources)
            lines.append(entity(id: (keep?["id"] as? String) ?? event.id, schema: schema!, properties, kept: keep))
        }
        var leftOut: [String] = []
        if !leftKinds.isEmpty {
            let kinds = leftKinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            leftOut.append("actors of kinds with no FollowTheMoney schema are left out: \(kinds)")
        }
        if leftLinks > 0 { leftOut.append("\(leftLinks) link\(leftLinks == 1 ? "" : "s") to those actors \(leftLinks == 1 ? "is" : "are") left out") }
        return (lines, leftOut)
    }

    /// A date as FtM writes it (`2025`, `2025-03`, `2025-03-14`; an approximate one without its
    /// `~`); nil for quarters and halves, which FtM has no form for.
    static func ftmDate(_ date: PartialDate) -> String? {
        var text = date.description
        if text.hasPrefix("~") { text.removeFirst() }
        return text.wholeMatch(of: /[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/) != nil ? text : nil
    }

    /// The FtM schema for an actor kind: its own, else its nearest ancestor's.
    static func schema(ofActorKind kind: String, in graph: GraphView) -> String? {
        var current: String? = kind
        var steps = 0
        while let k = current, steps < 64 {
            if let s = FtMSchemaMap.canonicalSchema(ofActorKind: k) { return s }
            current = graph.schema.actorKinds[k]?.parent
            steps += 1
        }
        return nil
    }

    /// Birth and death (Person) or incorporation and dissolution (others) from the actor's lifespan.
    static func lifespan(_ actor: Actor, schema: String) -> [(String, [String])] {
        actorLifespan(actor).map { since, until in
            let (a, b) = schema == "Person" ? ("birthDate", "deathDate") : ("incorporationDate", "dissolutionDate")
            return [(a, since.map { [$0] } ?? []), (b, until.map { [$0] } ?? [])]
        } ?? []
    }

    /// The actor's `since`/`until` as FtM dates.
    static func actorLifespan(_ actor: Actor) -> (String?, String?)? {
        guard actor.hasLifespan else { return nil }
        return (actor.since.map { ftmDate($0) ?? DayInterval.isoDate($0.interval.first) },
                actor.until.map { ftmDate($0) ?? DayInterval.isoDate($0.interval.last) })
    }
}
