/// Shared pieces of every diagram: graph attributes, actor nodes, the legend.
struct DiagramBuilder {
    let graph: GraphView
    let options: DiagramOptions

    var schema: Schema { graph.schema }

    func graphAttributes(rankdir: String) -> [DOTAttribute] {
        var attributes = [
            DOTAttribute("rankdir", rankdir),
            DOTAttribute("newrank", "true"),
            DOTAttribute("fontname", options.fontName),
            DOTAttribute("fontsize", "12"),
            DOTAttribute("bgcolor", "white"),
            DOTAttribute("pad", "0.3"),
            DOTAttribute("nodesep", "0.35"),
            DOTAttribute("ranksep", "0.6"),
            DOTAttribute("overlap", "false"),
            DOTAttribute("splines", "true"),
            DOTAttribute("outputorder", "edgesfirst"),
        ]
        if let title = options.title ?? graph.title {
            attributes.append(DOTAttribute("label", title))
            attributes.append(DOTAttribute("labelloc", "t"))
            attributes.append(DOTAttribute("fontsize", "18"))
        }
        return attributes
    }

    var nodeDefaults: [DOTAttribute] {
        [DOTAttribute("fontname", options.fontName), DOTAttribute("fontsize", "11"),
         DOTAttribute("style", "filled"), DOTAttribute("penwidth", "1.2"), DOTAttribute("margin", "0.12,0.06")]
    }

    var edgeDefaults: [DOTAttribute] {
        [DOTAttribute("fontname", options.fontName), DOTAttribute("fontsize", "9"),
         DOTAttribute("arrowsize", "0.7"), DOTAttribute("penwidth", "1.1")]
    }

    func name(of actor: Actor) -> String { actor.displayName(language: options.language) }

    func actorNode(_ actor: Actor) -> DOTStatement {
        let style = schema.style(ofActorKind: actor.kind)
        let label = "<B>" + DOTDocument.htmlEscape(name(of: actor)) + "</B>"
            + "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#555555\">" + DOTDocument.htmlEscape(schema.actorKinds[actor.kind]?.label ?? actor.kind) + "</FONT>"
        var attributes = [DOTAttribute("label", html: label),
                          DOTAttribute("shape", style.shape ?? "box"),
                          DOTAttribute("color", style.color ?? "#444444"),
                          DOTAttribute("fillcolor", style.fill ?? "#f2f2f2")]
        attributes.append(DOTAttribute("tooltip", tooltip(actor)))
        return .node(actor.id, attributes)
    }

    func tooltip(_ actor: Actor) -> String {
        var parts = ["\(actor.name) (\(actor.kind))"]
        parts += actor.names.map { "\($0.language): \($0.name)" }
        if let description = actor.description { parts.append(description) }
        return parts.joined(separator: "\n")
    }

    /// The line joining an event node to one participant: into the event from the kind's
    /// `edge.from` role, out of it for the other roles, undirected for kinds without an edge.
    func participationEdge(_ event: Event, role: String, participant: String, attributes: [DOTAttribute]) -> DOTStatement {
        let edge = schema.eventKinds[event.kind]?.edge
        if role == edge?.from { return .edge(participant, event.id, attributes) }
        return .edge(event.id, participant, edge == nil ? attributes + [DOTAttribute("dir", "none")] : attributes)
    }

    /// A relation's label: its kind's label, with the free-text role in brackets.
    func relationLabel(_ relation: Relation) -> String {
        let label = schema.relationKinds[relation.kind]?.label ?? relation.kind
        return relation.role.map { "\(label) (\($0))" } ?? label
    }

    func eventColor(_ kind: String) -> String { schema.eventKinds[kind]?.style.color ?? "#555555" }

    func relationColor(_ kind: String) -> String { schema.relationKinds[kind]?.style.color ?? "#7a7a7a" }

    /// A compact event node: kind and date on top, the wrapped title below.
    func eventNode(_ event: Event) -> DOTStatement {
        let color = eventColor(event.kind)
        let header = DOTDocument.htmlEscape("\(schema.eventKinds[event.kind]?.label ?? event.kind) · \(event.date)")
        let title = LabelText.wrap(event.title, width: 26).map(DOTDocument.htmlEscape).joined(separator: "<BR/>")
        var label = "<FONT POINT-SIZE=\"8\" COLOR=\"\(color)\"><B>\(header)</B></FONT><BR/>\(title)"
        if event.claim != .asserted {
            label += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#b00020\"><I>\(event.claim.rawValue)</I></FONT>"
        }
        return .node(event.id, [
            DOTAttribute("label", html: label),
            DOTAttribute("shape", "box"),
            DOTAttribute("style", event.claim == .asserted ? "rounded,filled" : "rounded,filled,dashed"),
            DOTAttribute("color", color),
            DOTAttribute("fillcolor", "#ffffff"),
            DOTAttribute("fontsize", "9"),
            DOTAttribute("tooltip", eventTooltip(event)),
        ])
    }

    func eventTooltip(_ event: Event) -> String {
        var lines = ["\(event.date) \(event.title)"]
        for evidence in event.sources {
            lines.append("[\(evidence.source)] \(evidence.quote ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    /// Points of the legend's swatch column (wider than its widest arrow at 9 points).
    static let legendSwatchWidth = 36

    /// Names of the nodes a diagram draws of its own (the legend, a "nothing to show" note).
    /// Record ids are lowercase letters, digits and '-', so a name with a ':' never takes an
    /// actor's or event's place (an actor named `legend` is drawn as an actor).
    enum OwnNode {
        static let legend = "diagram:legend"
        static let empty = "diagram:empty"
        static let noChanges = "diagram:no-changes"
    }

    /// A legend: one HTML-table node listing every actor kind (its colours), event kind and
    /// relation kind used, so it stays compact under every layout engine.
    func legend(actorKinds: [String], eventKinds: [String], relationKinds: [String]) -> DOTStatement? {
        guard options.legend, !(actorKinds.isEmpty && eventKinds.isEmpty && relationKinds.isEmpty) else { return nil }
        // A column of one-row tables (HTMLGrid); the swatch cells share one width so that the
        // names line up.
        var entries: [(swatch: String, name: String)] = []
        for kind in schema.actorKindOrder where actorKinds.contains(kind) {
            let style = schema.style(ofActorKind: kind)
            entries.append(("<TD BGCOLOR=\"\(style.fill ?? "#f2f2f2")\" COLOR=\"\(style.color ?? "#444444")\" BORDER=\"1\" WIDTH=\"\(Self.legendSwatchWidth)\"> </TD>",
                            schema.actorKinds[kind]?.label ?? kind))
        }
        for kind in schema.eventKindOrder where eventKinds.contains(kind) {
            entries.append(("<TD WIDTH=\"\(Self.legendSwatchWidth)\"><FONT COLOR=\"\(eventColor(kind))\">━━▶</FONT></TD>",
                            "\(schema.eventKinds[kind]?.label ?? kind) (event)"))
        }
        for kind in schema.relationKindOrder where relationKinds.contains(kind) {
            guard let info = schema.relationKinds[kind] else { continue }
            entries.append(("<TD WIDTH=\"\(Self.legendSwatchWidth)\"><FONT COLOR=\"\(relationColor(kind))\">\(info.directed ? "┄┄▶" : "┄┄┄")</FONT></TD>",
                            "\(info.label) (relation)"))
        }
        let nameWidth = HTMLGrid.width(of: entries.map(\.name), fontSize: 9)
        var rows: [String] = ["<TR><TD><B>Legend</B></TD></TR>"]
        for entry in entries {
            rows.append(HTMLGrid.row(entry.swatch + "<TD ALIGN=\"LEFT\" WIDTH=\"\(nameWidth)\">\(DOTDocument.htmlEscape(entry.name))</TD>",
                                     spacing: 2, padding: 2))
        }
        let table = "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\" STYLE=\"ROUNDED\">"
            + rows.joined() + "</TABLE>"
        return .node(OwnNode.legend, [DOTAttribute("label", html: table), DOTAttribute("shape", "plaintext"),
                                DOTAttribute("style", "solid"), DOTAttribute("fontsize", "9"), DOTAttribute("margin", "0")])
    }
}
