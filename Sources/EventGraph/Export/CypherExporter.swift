import Foundation

/// A Cypher script that creates the graph in Neo4j (`cypher-shell -f graph.cypher`, or
/// pasted into Neo4j Browser): one statement per line (a text with a line break continues
/// its statement on the next line), each ending with `;`.
///
/// - `(:Source)`, `(:Actor)` and `(:Event)` nodes keyed by `id`, with uniqueness constraints;
/// - `(:Event)-[:ROLE {role}]->(:Actor|:Event)` for each participant;
/// - `(:Event)-[:CITES {quote, note}]->(:Source)` for each piece of evidence;
/// - `(:Actor)-[:LEADS {id, kind, role, since, until, …}]->(:Actor)` for each relation, the
///   type being the kind in upper case with `_` for `-`.
///
/// Events carry `date_text` (as written), `start_date`/`end_date` (the interval's ISO days),
/// `claim`, `status` and the source ids; actors with a lifespan `since`/`until` (as written)
/// and `start_date`/`end_date` (its first and last day). Strings are single-quoted with `\\` and `\'` escaped.
public struct CypherExporter: GraphExporter {
    public let formatName = "cypher"

    public init() {}

    /// A Cypher string literal: single-quoted, with `\` and `'` escaped. Line breaks and tabs
    /// stay as they are (a literal may span lines), since `\n` escapes are not read alike by
    /// every Cypher engine (Kuzu reads `\n` as `n`); other control characters are dropped.
    public static func literal(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n", "\r", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// The relationship type of a relation kind: `works-at` → `WORKS_AT`.
    public static func relationshipType(_ kind: String) -> String {
        String(kind.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// A property map, leaving out absent values: `{id: 'x', tags: ['a']}`.
    static func map(_ pairs: [(String, Value?)]) -> String {
        "{" + pairs.compactMap { key, value in value.map { "\(key): \($0.text)" } }.joined(separator: ", ") + "}"
    }

    /// A property value.
    enum Value {
        case string(String)
        case strings([String])
        case number(Double)
        case bool(Bool)

        var text: String {
            switch self {
            case let .string(s): CypherExporter.literal(s)
            case let .strings(list): "[" + list.map(CypherExporter.literal).joined(separator: ", ") + "]"
            case let .number(n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) + ".0" : "\(n)"
            case let .bool(b): b ? "true" : "false"
            }
        }

        static func optional(_ s: String?) -> Value? { s.map(Value.string) }
        static func list(_ items: [String]) -> Value? { items.isEmpty ? nil : .strings(items) }
    }

    /// Made in memory, then written (this format is not streamed).
    public func write(_ graph: GraphView, to output: ExportSink) { output.write(made(graph)) }

    func made(_ graph: GraphView) -> ExportOutput {
        var lines: [String] = []
        lines.append("// EventGraph export\(graph.title.map { ": \(String($0.map { $0.isNewline || $0.unicodeScalars.contains { $0.value < 0x20 } ? " " : $0 }))" } ?? "") — \(graph.summary).")
        lines.append("// Run with `cypher-shell -f FILE` or paste into Neo4j Browser, on an empty database.")
        for label in ["Source", "Actor", "Event"] {
            lines.append("CREATE CONSTRAINT \(label.lowercased())_id IF NOT EXISTS FOR (n:\(label)) REQUIRE n.id IS UNIQUE;")
        }
        for source in graph.sources {
            lines.append("CREATE (:Source " + Self.map([
                ("id", .string(source.id)), ("title", .string(source.title)),
                ("publisher", .optional(source.publisher)), ("author", .optional(source.author)),
                ("published", .optional(source.published?.description)), ("url", .optional(source.url)),
                ("language", .optional(source.language)), ("file", .optional(source.file)),
            ]) + ");")
        }
        for actor in graph.actors {
            let lifespan = GraphView.isoDays(since: actor.since, until: actor.until)
            lines.append("CREATE (:Actor " + Self.map([
                ("id", .string(actor.id)), ("kind", .string(actor.kind)), ("name", .string(actor.name)),
                ("names", .list(actor.names.map { "\($0.language): \($0.name)" })), ("aliases", .list(actor.aliases)),
                ("country", .optional(actor.country)), ("description", .optional(actor.description)),
                ("tags", .list(actor.tags)),
                ("since", .optional(actor.since?.description)), ("until", .optional(actor.until?.description)),
                ("start_date", .optional(lifespan.start)), ("end_date", .optional(lifespan.end)),
            ]) + ");")
        }
        for event in graph.events {
            let days = graph.isoInterval(of: event)
            lines.append("CREATE (:Event " + Self.map([
                ("id", .string(event.id)), ("kind", .string(event.kind)), ("title", .string(event.title)),
                ("description", .optional(event.description)), ("date_text", .string(event.date.description)),
                ("start_date", .string(days.start)), ("end_date", .string(days.end)),
                ("approximate", .bool(event.date.start.approximate)), ("claim", .string(event.claim.rawValue)),
                ("claimed_by", .optional(event.claimedBy)), ("status", .optional(event.status?.rawValue)),
                ("date_basis", .string(event.dateBasis.rawValue)), ("date_note", .optional(event.dateNote)), ("date_source", .optional(event.dateSource)),
                ("amount", event.amount.map { .number($0.value) }), ("currency", .optional(event.amount?.currency)),
                ("tags", .list(event.tags)), ("sources", .list(GraphView.sourceIDs(event.sources))),
            ]) + ");")
        }
        for event in graph.events {
            for binding in event.roles {
                for id in binding.ids {
                    let label = graph.hasEvent(id) ? "Event" : "Actor"
                    lines.append("MATCH (e:Event {id: \(Self.literal(event.id))}), (p:\(label) {id: \(Self.literal(id))}) "
                                 + "CREATE (e)-[:ROLE \(Self.map([("role", .string(binding.role))]))]->(p);")
                }
            }
            for evidence in event.sources {
                lines.append("MATCH (e:Event {id: \(Self.literal(event.id))}), (s:Source {id: \(Self.literal(evidence.source))}) "
                             + "CREATE (e)-[:CITES \(Self.map([("quote", .optional(evidence.quote)), ("note", .optional(evidence.note))]))]->(s);")
            }
        }
        for relation in graph.relations {
            let validity = graph.isoValidity(of: relation)
            let properties = Self.map([
                ("id", .string(relation.id)), ("kind", .string(relation.kind)), ("role", .optional(relation.role)),
                ("since", .optional(relation.since?.description)), ("until", .optional(relation.until?.description)),
                ("start_date", .optional(validity.start)), ("end_date", .optional(validity.end)),
                ("directed", .bool(graph.isDirected(relationKind: relation.kind))), ("claim", .string(Claim.asserted.rawValue)),
                ("sources", .list(GraphView.sourceIDs(relation.sources))),
                ("evidence", relation.sources.isEmpty ? nil : .string(GraphView.evidenceText(relation.sources))),
            ])
            lines.append("MATCH (a:Actor {id: \(Self.literal(relation.from))}), (b:Actor {id: \(Self.literal(relation.to))}) "
                         + "CREATE (a)-[:\(Self.relationshipType(relation.kind)) \(properties)]->(b);")
        }
        return .file(lines.joined(separator: "\n") + "\n")
    }
}
