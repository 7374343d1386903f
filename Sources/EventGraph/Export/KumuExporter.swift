/// Kumu's spreadsheet import (https://docs.kumu.io/guides/import): `elements.csv` and
/// `connections.csv`, written into one folder, to import together in Kumu (Import → Excel/CSV).
///
/// Both sheets start with an `ID` column, so Kumu matches on ids and re-imports update
/// rather than duplicate; `From`/`To` name element ids. Actors and events are elements
/// (`Type` is the kind's label, `Element Type` says actor or event); event roles and
/// relations are connections. Multiple values are separated by `|`, as Kumu expects.
/// Dates, claim status, sources and quotes are plain fields; an actor's lifespan is its
/// `Date` (`since..until`), `Start Date` and `End Date`.
public struct KumuExporter: GraphExporter {
    public let formatName = "kumu"

    public init() {}

    /// Made in memory, then written (this format is not streamed).
    public func write(_ graph: GraphView, to output: ExportSink) { output.write(made(graph)) }

    func made(_ graph: GraphView) -> ExportOutput {
        let t = Self.tables(graph)
        return .folder([
            ExportFile(name: "elements.csv", text: CSVWriter.document(header: t.elementHeader, rows: t.elements)),
            ExportFile(name: "connections.csv", text: CSVWriter.document(header: t.connectionHeader, rows: t.connections)),
        ])
    }

    /// The elements and connections, one row of fields each (shared with ``KumuJSONExporter``).
    static func tables(_ graph: GraphView) -> (elementHeader: [String], elements: [[String]], connectionHeader: [String], connections: [[String]]) {
        let elementHeader = ["ID", "Label", "Type", "Description", "Tags", "Element Type", "Kind", "Names", "Aliases", "Country",
                             "Date", "Start Date", "End Date", "Claim", "Status", "Amount", "Sources", "Evidence"]
        var elements: [[String]] = []
        for actor in graph.actors {
            // A lifespan as a relation's validity is written: `since..until`, with its first and last day.
            let lifespan = GraphView.isoDays(since: actor.since, until: actor.until)
            elements.append([actor.id, actor.name, graph.actorKindLabel(actor.kind), actor.description ?? "",
                             actor.tags.joined(separator: "|"), "actor", actor.kind,
                             actor.names.map { "\($0.language): \($0.name)" }.joined(separator: "|"),
                             actor.aliases.joined(separator: "|"), actor.country ?? "",
                             actor.hasLifespan ? "\(actor.since?.description ?? "")..\(actor.until?.description ?? "")" : "",
                             lifespan.start ?? "", lifespan.end ?? "", "", "", "", "", ""])
        }
        for event in graph.events {
            let days = graph.isoInterval(of: event)
            elements.append([event.id, event.title, graph.eventKindLabel(event.kind), event.description ?? "",
                             event.tags.joined(separator: "|"), "event", event.kind, "", "", "",
                             event.date.description, days.start, days.end, event.claim.rawValue, event.status?.rawValue ?? "",
                             event.amount?.description ?? "", GraphView.sourceIDs(event.sources).joined(separator: "|"),
                             GraphView.evidenceText(event.sources)])
        }
        let connectionHeader = ["ID", "From", "To", "Type", "Direction", "Label", "Connection Type", "Kind", "Role",
                                "Date", "Start Date", "End Date", "Claim", "Sources", "Evidence"]
        var connections: [[String]] = []
        for event in graph.events {
            let edge = graph.schema.eventKinds[event.kind]?.edge
            let days = graph.isoInterval(of: event)
            for binding in event.roles {
                for (n, participant) in binding.ids.enumerated() {
                    let outward = binding.role != edge?.from
                    connections.append([
                        "\(event.id)--\(binding.role)--\(n + 1)",
                        outward ? event.id : participant, outward ? participant : event.id,
                        binding.role, "directed", binding.role, "role", event.kind, binding.role,
                        event.date.description, days.start, days.end, event.claim.rawValue, "", "",
                    ])
                }
            }
        }
        for relation in graph.relations {
            let validity = graph.isoValidity(of: relation)
            let label = graph.relationKindLabel(relation.kind) + (relation.role.map { " (\($0))" } ?? "")
            connections.append([
                relation.id, relation.from, relation.to, graph.relationKindLabel(relation.kind),
                graph.isDirected(relationKind: relation.kind) ? "directed" : "undirected", label, "relation", relation.kind,
                relation.role ?? "", relation.since == nil && relation.until == nil ? "" : "\(relation.since?.description ?? "")..\(relation.until?.description ?? "")",
                validity.start ?? "", validity.end ?? "", Claim.asserted.rawValue,
                GraphView.sourceIDs(relation.sources).joined(separator: "|"), GraphView.evidenceText(relation.sources),
            ])
        }
        return (elementHeader, elements, connectionHeader, connections)
    }
}
