/// A Mermaid flowchart (GitHub, GitLab, Notion and Obsidian draw it from a fenced
/// ```` ```mermaid ```` block): actors as nodes shaped by kind, events as rounded nodes
/// (kind · date, title, claim status when not asserted) joined to their participants by
/// role, relations as dotted labelled links. Source citations go in `%%` comments.
///
/// Node ids are `a_…`/`e_…` with `-` turned into `_` (ids never hold `_`, so this is
/// one-to-one and never a Mermaid keyword such as `end`); labels are double-quoted with
/// `"`, `<`, `>`, `&`, `#` and line breaks written as Mermaid entity codes.
public struct MermaidExporter: GraphExporter {
    public let formatName = "mermaid"

    public init() {}

    /// The Mermaid node id of an actor or event id.
    public static func nodeID(_ id: String, event: Bool) -> String {
        (event ? "e_" : "a_") + String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// A quoted Mermaid label.
    public static func label(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\n", "\r\n", "\r": out += "<br/>"
            case "`": out += "#96;"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    /// Comment text on one line (`%%` comments end at the line break).
    private static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// Made in memory, then written (this format is not streamed).
    public func write(_ graph: GraphView, to output: ExportSink) { output.write(made(graph)) }

    func made(_ graph: GraphView) -> ExportOutput {
        var title = ""
        JSONValue.quote(graph.title ?? "EventGraph", into: &title)
        var lines = ["---", "title: \(title)", "---", "flowchart LR"]
        func id(_ raw: String) -> String { Self.nodeID(raw, event: graph.event(raw) != nil) }
        for actor in graph.actors {
            let text = "\(actor.name)\n\(graph.actorKindLabel(actor.kind))"
            let (open, close) = Self.shape(graph.schema.rootKind(of: actor.kind))
            lines.append("  \(id(actor.id))\(open)\(Self.label(text))\(close)")
        }
        for event in graph.chronologicalEvents {
            var text = "\(graph.eventKindLabel(event.kind)) · \(event.date)\n\(event.title)"
            if event.claim != .asserted { text += "\n(\(event.claim.rawValue))" }
            lines.append("  \(id(event.id))(\(Self.label(text)))")
            for evidence in event.sources {
                lines.append("  %% \(event.id) source \(evidence.source)\(evidence.quote.map { ": " + Self.comment($0) } ?? "")")
            }
        }
        for event in graph.chronologicalEvents {
            let edge = graph.schema.eventKinds[event.kind]?.edge
            let arrow = event.claim == .asserted ? "-->" : "-.->"
            for binding in event.roles {
                for participant in binding.ids {
                    if binding.role == edge?.from {
                        lines.append("  \(id(participant)) \(arrow)|\(Self.label(binding.role))| \(id(event.id))")
                    } else {
                        lines.append("  \(id(event.id)) \(arrow)|\(Self.label(binding.role))| \(id(participant))")
                    }
                }
            }
        }
        for relation in graph.relations {
            var text = graph.relationKindLabel(relation.kind)
            if let role = relation.role { text += " (\(role))" }
            let dates = [relation.since.map { "since \($0)" }, relation.until.map { "until \($0)" }].compactMap { $0 }
            if !dates.isEmpty { text += "\n" + dates.joined(separator: ", ") }
            let arrow = graph.isDirected(relationKind: relation.kind) ? "-.->" : "-.-"
            lines.append("  \(id(relation.from)) \(arrow)|\(Self.label(text))| \(id(relation.to))")
            for evidence in relation.sources {
                lines.append("  %% \(relation.id) source \(evidence.source)\(evidence.quote.map { ": " + Self.comment($0) } ?? "")")
            }
        }
        // Class definitions: one per root actor kind, and one for every event.
        var roots: [String] = []
        for actor in graph.actors where !roots.contains(graph.schema.rootKind(of: actor.kind)) {
            roots.append(graph.schema.rootKind(of: actor.kind))
        }
        for root in roots.sorted() {
            let style = graph.schema.style(ofActorKind: root)
            lines.append("  classDef k_\(String(root.map { $0.isLetter || $0.isNumber ? $0 : "_" })) fill:\(style.fill ?? "#f2f2f2"),stroke:\(style.color ?? "#444444")")
            let members = graph.actors.filter { graph.schema.rootKind(of: $0.kind) == root }.map { id($0.id) }
            lines.append("  class \(members.joined(separator: ",")) k_\(String(root.map { $0.isLetter || $0.isNumber ? $0 : "_" }))")
        }
        // One class per event kind (`ev_acquisition`), stroked in the kind's colour.
        for kind in graph.schema.eventKindOrder {
            let members = graph.events.filter { $0.kind == kind }.map { id($0.id) }
            guard !members.isEmpty else { continue }
            let name = "ev_" + String(kind.map { $0.isLetter || $0.isNumber ? $0 : "_" })
            lines.append("  classDef \(name) fill:#ffffff,stroke:\(graph.schema.eventKinds[kind]?.style.color ?? "#555555")")
            lines.append("  class \(members.joined(separator: ",")) \(name)")
        }
        return .file(lines.joined(separator: "\n") + "\n")
    }

    /// Bracket pairs per root actor kind.
    private static func shape(_ root: String) -> (String, String) {
        switch root {
        case "person": ("([", "])")
        case "country", "place": ("{{", "}}")
        case "artifact": ("[[", "]]")
        case "program", "venue": ("[/", "/]")
        default: ("[", "]")
        }
    }
}
