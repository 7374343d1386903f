/// The graph as spreadsheet CSV files (``SpreadsheetLayout``): `graph.csv`, `sources.csv`,
/// `actors.csv`, `events.csv`, `relations.csv` and `periods.csv`, written into one folder. Opens in any
/// spreadsheet, and `eventgraph import` reads it back into the same graph.
public struct CSVExporter: GraphExporter {
    public let formatName = "csv"

    public init() {}

    public func write(_ graph: GraphView, to output: ExportSink) {
        typealias L = SpreadsheetLayout
        let graphSheet = output.file(named: "graph.csv")
        graphSheet.writeCSVRecord(L.graphColumns)
        graphSheet.writeCSVRecord([graph.title ?? "", graph.description ?? ""])
        let sources = output.file(named: "sources.csv")
        sources.writeCSVRecord(L.sourceColumns)
        for s in graph.sources {
            sources.writeCSVRecord([s.id, s.title, s.publisher ?? "", s.author ?? "", s.published?.description ?? "", s.url ?? "",
                                    s.language ?? "", s.file ?? ""])
        }
        // Per-language name columns, in order of first use.
        var languages: [String] = []
        for actor in graph.actors {
            for name in actor.names where !languages.contains(name.language) { languages.append(name.language) }
        }
        let actors = output.file(named: "actors.csv")
        actors.writeCSVRecord(L.actorColumnsBeforeNames + languages.map { L.namePrefix + $0 } + L.actorColumnsAfterNames)
        actors.writeChunked(graph.actors.count) { [languages] items, actors in
            for a in graph.actors[items] {
                actors.writeCSVRecord([a.id, a.kind, a.name] + languages.map { language in a.names.first { $0.language == language }?.name ?? "" }
                                      + [L.joinList(a.aliases), a.country ?? "", a.description ?? "", L.joinList(a.tags),
                                         a.since?.description ?? "", a.until?.description ?? ""])
            }
        }
        // Role columns: the roles used, in schema order.
        let used = graph.rolesInUse()
        var roles: [String] = []
        for kind in graph.schema.eventKindOrder {
            for role in graph.schema.eventKinds[kind]?.roles ?? [] where used.contains(role.name) && !roles.contains(role.name) {
                roles.append(role.name)
            }
        }
        for role in used.sorted() where !roles.contains(role) { roles.append(role) }
        let eventHeader = L.eventColumnsBeforeRoles + roles.map(L.roleColumn) + L.eventColumnsAfterRoles + L.evidenceColumns
        let events = output.file(named: "events.csv")
        events.writeCSVRecord(eventHeader)
        events.writeChunked(graph.events.count) { [roles] items, events in
            for event in graph.events[items] {
                // An event dated relative to others: what its record gives (the constraints are resolved again on load).
                let (date, end): (String, String) = switch event.relativeDate.map({ $0.given }) ?? event.date {
                case nil: ("", "")
                case let .on(d)?: (d.description, "")
                case let .span(s, e)?, let .between(s, e)?: (s.description, e.description)
                }
                let relative = event.relativeDate
                var row = [event.id, event.kind, date, end, event.title, event.description ?? ""]
                row += roles.map { L.joinList(event.participants($0)) }
                row += [event.amount.map { GraphView.amountValueText($0.value) } ?? "", event.amount?.currency ?? "",
                        event.status?.rawValue ?? "", event.claim.rawValue, event.claimedBy ?? "", event.dateBasis.rawValue,
                        event.dateNote ?? "", event.dateSource ?? "", L.joinList(relative?.after ?? []),
                        L.joinList(relative?.before ?? []), relative?.within.map { "\($0)d" } ?? "", L.joinList(event.tags)]
                Self.writeWithEvidence(row, id: event.id, evidence: event.sources, width: eventHeader.count, to: events)
            }
        }
        let relations = output.file(named: "relations.csv")
        relations.writeCSVRecord(L.relationColumns + L.evidenceColumns)
        relations.writeChunked(graph.relations.count) { items, relations in
            for relation in graph.relations[items] {
                let row = [relation.id, relation.kind, relation.from, relation.to, relation.role ?? "",
                           relation.since?.description ?? "", relation.until?.description ?? ""]
                Self.writeWithEvidence(row, id: relation.id, evidence: relation.sources,
                                       width: L.relationColumns.count + L.evidenceColumns.count, to: relations)
            }
        }
        let periods = output.file(named: "periods.csv")
        periods.writeCSVRecord(L.periodColumns)
        for p in graph.periods {
            periods.writeCSVRecord([p.id, p.title, p.from.description, p.to.description, p.color ?? "", L.joinList(p.actors)])
        }
    }

    /// Writes the record's row with its first piece of evidence, then one continuation row per further piece.
    static func writeWithEvidence(_ row: [String], id: String, evidence: [Evidence], width: Int, to out: ExportSink) {
        func cells(_ e: Evidence?) -> [String] { [e?.source ?? "", e?.quote ?? "", e?.note ?? ""] }
        out.writeCSVRecord(row + cells(evidence.first))
        for more in evidence.dropFirst() {
            out.writeCSVRecord([id] + Array(repeating: "", count: width - 4) + cells(more))
        }
    }
}
