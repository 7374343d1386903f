/// The graph as spreadsheet CSV files (``SpreadsheetLayout``): `graph.csv`, `sources.csv`,
/// `actors.csv`, `events.csv` and `relations.csv`, written into one folder. Opens in any
/// spreadsheet, and `eventgraph import` reads it back into the same graph.
public struct CSVExporter: GraphExporter {
    public let formatName = "csv"

    public init() {}

    public func export(_ graph: GraphView) -> ExportOutput {
        typealias L = SpreadsheetLayout
        let graphSheet = CSVWriter.document(header: L.graphColumns, rows: [[graph.title ?? "", graph.description ?? ""]])
        let sources = CSVWriter.document(header: L.sourceColumns, rows: graph.sources.map { s in
            [s.id, s.title, s.publisher ?? "", s.author ?? "", s.published?.description ?? "", s.url ?? "", s.language ?? "", s.file ?? ""]
        })
        // Per-language name columns, in order of first use.
        var languages: [String] = []
        for actor in graph.actors {
            for name in actor.names where !languages.contains(name.language) { languages.append(name.language) }
        }
        let actors = CSVWriter.document(
            header: L.actorColumnsBeforeNames + languages.map { L.namePrefix + $0 } + L.actorColumnsAfterNames,
            rows: graph.actors.map { a in
                [a.id, a.kind, a.name] + languages.map { language in a.names.first { $0.language == language }?.name ?? "" }
                    + [L.joinList(a.aliases), a.country ?? "", a.description ?? "", L.joinList(a.tags)]
            })
        // Role columns: the roles used, in schema order.
        let used = Set(graph.events.flatMap { $0.roles.map(\.role) })
        var roles: [String] = []
        for kind in graph.schema.eventKindOrder {
            for role in graph.schema.eventKinds[kind]?.roles ?? [] where used.contains(role.name) && !roles.contains(role.name) {
                roles.append(role.name)
            }
        }
        for role in used.sorted() where !roles.contains(role) { roles.append(role) }
        let eventHeader = L.eventColumnsBeforeRoles + roles.map(L.roleColumn) + L.eventColumnsAfterRoles + L.evidenceColumns
        var eventRows: [[String]] = []
        for event in graph.events {
            let (date, end): (String, String) = switch event.date {
            case let .on(d): (d.description, "")
            case let .span(s, e), let .between(s, e): (s.description, e.description)
            }
            var row = [event.id, event.kind, date, end, event.title, event.description ?? ""]
            row += roles.map { L.joinList(event.participants($0)) }
            row += [event.amount.map { GraphView.amountValueText($0.value) } ?? "", event.amount?.currency ?? "",
                    event.status?.rawValue ?? "", event.claim.rawValue, event.claimedBy ?? "", event.dateBasis.rawValue,
                    event.dateNote ?? "", event.dateSource ?? "", L.joinList(event.tags)]
            eventRows += Self.withEvidence(row, id: event.id, evidence: event.sources, width: eventHeader.count)
        }
        var relationRows: [[String]] = []
        for relation in graph.relations {
            let row = [relation.id, relation.kind, relation.from, relation.to, relation.role ?? "",
                       relation.since?.description ?? "", relation.until?.description ?? ""]
            relationRows += Self.withEvidence(row, id: relation.id, evidence: relation.sources,
                                              width: L.relationColumns.count + L.evidenceColumns.count)
        }
        return .folder([
            ExportFile(name: "graph.csv", text: graphSheet),
            ExportFile(name: "sources.csv", text: sources),
            ExportFile(name: "actors.csv", text: actors),
            ExportFile(name: "events.csv", text: CSVWriter.document(header: eventHeader, rows: eventRows)),
            ExportFile(name: "relations.csv", text: CSVWriter.document(header: L.relationColumns + L.evidenceColumns, rows: relationRows)),
        ])
    }

    /// The record's row with its first piece of evidence, then one continuation row per further piece.
    static func withEvidence(_ row: [String], id: String, evidence: [Evidence], width: Int) -> [[String]] {
        func cells(_ e: Evidence?) -> [String] { [e?.source ?? "", e?.quote ?? "", e?.note ?? ""] }
        var rows = [row + cells(evidence.first)]
        for more in evidence.dropFirst() {
            rows.append([id] + Array(repeating: "", count: width - 4) + cells(more))
        }
        return rows
    }
}
