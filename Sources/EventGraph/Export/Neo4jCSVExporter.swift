/// CSV files for `neo4j-admin database import full` (Neo4j's bulk importer), written into
/// one folder:
///
/// | file | holds |
/// |---|---|
/// | `sources.csv`, `actors.csv`, `events.csv` | nodes (`id:ID`, typed columns, `:LABEL`) |
/// | `roles.csv` | `(:Event)-[:ROLE {role}]->(:Actor)` |
/// | `event-roles.csv` | `(:Event)-[:ROLE {role}]->(:Event)` (a review of an acquisition) |
/// | `cites.csv` | `(:Event)-[:CITES {quote, note}]->(:Source)` |
/// | `relations.csv` | `(:Actor)-[:LEADS …]->(:Actor)`, one type per relation kind |
/// | `import.sh` | the `neo4j-admin` command that loads them |
///
/// Ids share one namespace, so one global ID space is used. Arrays are `;`-separated
/// (ids and tags); free text is RFC 4180-quoted, so import with `--multiline-fields=true`.
public struct Neo4jCSVExporter: GraphExporter {
    public let formatName = "neo4j-csv"

    public init() {}

    public func write(_ graph: GraphView, to output: ExportSink) {
        let sources = output.file(named: "sources.csv")
        sources.writeCSVRecord(["id:ID", "title", "publisher", "author", "published", "url", "language", "file", ":LABEL"])
        for s in graph.sources {
            sources.writeCSVRecord([s.id, s.title, s.publisher ?? "", s.author ?? "", s.published?.description ?? "", s.url ?? "",
                                    s.language ?? "", s.file ?? "", "Source"])
        }
        let actors = output.file(named: "actors.csv")
        actors.writeCSVRecord(["id:ID", "kind", "name", "names:string[]", "aliases:string[]", "country", "description", "tags:string[]",
                               "since", "until", "start_date:date", "end_date:date", ":LABEL"])
        actors.writeChunked(graph.actors.count) { items, actors in
            for a in graph.actors[items] {
                let lifespan = GraphView.isoDays(since: a.since, until: a.until)
                actors.writeCSVRecord([a.id, a.kind, a.name, a.names.map { "\($0.language): \($0.name)" }.joined(separator: ";"),
                                       a.aliases.joined(separator: ";"), a.country ?? "", a.description ?? "", a.tags.joined(separator: ";"),
                                       a.since?.description ?? "", a.until?.description ?? "", lifespan.start ?? "", lifespan.end ?? "", "Actor"])
            }
        }
        // One pass over the events writes four files in turns.
        let events = output.file(named: "events.csv"), actorRoles = output.file(named: "roles.csv")
        let eventRoles = output.file(named: "event-roles.csv"), cites = output.file(named: "cites.csv")
        events.writeCSVRecord(["id:ID", "kind", "title", "description", "date_text", "start_date:date", "end_date:date", "approximate:boolean",
                               "claim", "claimed_by", "status", "date_basis", "date_note", "date_source", "amount:double", "currency", "tags:string[]",
                               "sources:string[]", ":LABEL"])
        let roleHeader = [":START_ID", ":END_ID", ":TYPE", "role"]
        actorRoles.writeCSVRecord(roleHeader)
        eventRoles.writeCSVRecord(roleHeader)
        cites.writeCSVRecord([":START_ID", ":END_ID", ":TYPE", "quote", "note"])
        ExportSink.writeChunked(graph.events.count, into: [events, actorRoles, eventRoles, cites]) { items, files in
            let (events, actorRoles, eventRoles, cites) = (files[0], files[1], files[2], files[3])
            for (i, e) in zip(items, graph.eventsWithoutRoles[items]) {
                let days = graph.isoInterval(of: e)
                events.writeCSVRecord([e.id, e.kind, e.title, e.description ?? "", e.date.description, days.start, days.end,
                                       e.date.start.approximate ? "true" : "false", e.claim.rawValue, e.claimedBy ?? "", e.status?.rawValue ?? "",
                                       e.dateBasis.rawValue, e.dateNote ?? "", e.dateSource ?? "", e.amount.map { GraphView.amountValueText($0.value) } ?? "",
                                       e.amount?.currency ?? "", e.tags.joined(separator: ";"), GraphView.sourceIDs(e.sources).joined(separator: ";"), "Event"])
                graph.forEachRoleLink(ofEvent: Int(graph.eventNodes[i])) { role, id, isEvent in
                    (isEvent ? eventRoles : actorRoles).writeCSVRecord([e.id, id, "ROLE", role])
                }
                for evidence in e.sources {
                    cites.writeCSVRecord([e.id, evidence.source, "CITES", evidence.quote ?? "", evidence.note ?? ""])
                }
            }
        }
        let relations = output.file(named: "relations.csv")
        relations.writeCSVRecord([":START_ID", ":END_ID", ":TYPE", "id", "kind", "role", "since", "until", "start_date:date", "end_date:date",
                                  "directed:boolean", "claim", "sources:string[]", "evidence"])
        relations.writeChunked(graph.relations.count) { items, relations in
            for r in graph.relations[items] {
                let validity = graph.isoValidity(of: r)
                relations.writeCSVRecord([r.from, r.to, CypherExporter.relationshipType(r.kind), r.id, r.kind, r.role ?? "",
                                          r.since?.description ?? "", r.until?.description ?? "", validity.start ?? "", validity.end ?? "",
                                          graph.isDirected(relationKind: r.kind) ? "true" : "false", Claim.asserted.rawValue,
                                          GraphView.sourceIDs(r.sources).joined(separator: ";"), GraphView.evidenceText(r.sources)])
            }
        }
        output.file(named: "import.sh").write("""
            #!/bin/sh
            # Loads this folder into an empty Neo4j database with Neo4j's bulk importer.
            # Usage: sh import.sh [DATABASE]   (default: neo4j; stop the database first)
            cd "$(dirname "$0")" || exit 1
            exec neo4j-admin database import full --overwrite-destination --multiline-fields=true \\
              --nodes=sources.csv --nodes=actors.csv --nodes=events.csv \\
              --relationships=roles.csv --relationships=event-roles.csv --relationships=cites.csv \\
              --relationships=relations.csv "${1:-neo4j}"

            """)
    }
}
