/// A diagram of a ``GraphDiff``: the changed elements highlighted, with their actors as grey
/// context, drawn by Graphviz's `dot` from left to right.
///
/// Colours: added (or happened) green, removed red and dashed, changed orange, ended purple
/// and dashed, became known blue. Changed events name the fields that changed; a source that
/// became known points (dotted) at what it was first to cite. A legend lists the changes shown.
public struct DiffDiagram: Sendable {
    public let diff: GraphDiff
    public let options: DiagramOptions

    public init(diff: GraphDiff, options: DiagramOptions = DiagramOptions()) {
        self.diff = diff
        self.options = options
    }

    /// The colour of a change.
    public static func color(of change: GraphDiff.Change) -> String {
        switch change {
        case .added: "#1a9850"
        case .removed: "#d73027"
        case .changed: "#e08214"
        case .ended: "#7b3294"
        case .known: "#2166ac"
        }
    }

    /// The DOT document (layout engine: `dot`).
    /// - Complexity: O(C·p) statements for C changed elements with p participants each.
    public var document: DOTDocument {
        let graph = diff.graph
        let builder = DiagramBuilder(graph: graph, options: options)
        var statements: [DOTStatement] = []
        var actorChange: [String: GraphDiff.Change] = [:]
        var contextActors: [String] = []
        var used = Set<GraphDiff.Change>()
        func mention(_ id: String) {
            if graph.hasActor(id), actorChange[id] == nil, !contextActors.contains(id) { contextActors.append(id) }
        }
        for entry in diff.entries where entry.element == .actor { actorChange[entry.id] = entry.change }
        var drawnEvents = Set<String>()
        for entry in diff.entries {
            used.insert(entry.change)
            let color = DiffDiagram.color(of: entry.change)
            let dashed = entry.change == .removed || entry.change == .ended
            switch entry.element {
            case .actor:
                continue
            case .event:
                guard let event = graph.event(entry.id), drawnEvents.insert(event.id).inserted else { continue }
                statements.append(eventNode(event, entry: entry))
                for binding in event.roles {
                    for id in binding.ids {
                        mention(id)
                        var attributes = [DOTAttribute("label", binding.role), DOTAttribute("color", color),
                                          DOTAttribute("fontcolor", "#555555"), DOTAttribute("arrowsize", "0.5")]
                        if dashed { attributes.append(DOTAttribute("style", "dashed")) }
                        if graph.hasEvent(id), !drawnEvents.contains(id), diff.change(of: .event, id: id) == nil {
                            statements.append(.node(id, [DOTAttribute("label", graph.event(id)!.title), DOTAttribute("shape", "box"),
                                                         DOTAttribute("style", "rounded,filled"), DOTAttribute("fillcolor", "#f5f5f5"),
                                                         DOTAttribute("color", "#bbbbbb"), DOTAttribute("fontcolor", "#666666")]))
                            drawnEvents.insert(id)
                        }
                        statements.append(.edge(event.id, id, attributes))
                    }
                }
            case .relation:
                guard let relation = graph.relation(entry.id) else { continue }
                mention(relation.from)
                mention(relation.to)
                let info = graph.schema.relationKinds[relation.kind]
                var label = GraphDiff.symbol(of: entry.change) + " " + (info?.label ?? relation.kind)
                if let date = entry.date { label += "\n" + date }
                if !entry.fields.isEmpty { label += "\n[" + entry.fields.joined(separator: ", ") + "]" }
                var attributes = [DOTAttribute("label", label), DOTAttribute("color", color), DOTAttribute("fontcolor", color),
                                  DOTAttribute("penwidth", "2"), DOTAttribute("id", "relation:" + relation.id)]
                if dashed { attributes.append(DOTAttribute("style", "dashed")) }
                if info?.directed == false { attributes.append(DOTAttribute("dir", "none")) }
                statements.append(.edge(relation.from, relation.to, attributes))
            case .source:
                let header = GraphDiff.symbol(of: entry.change) + " " + entry.change.rawValue + " · source" + (entry.date.map { " · " + $0 } ?? "")
                let title = LabelText.wrap(entry.label, width: 30).map(DOTDocument.htmlEscape).joined(separator: "<BR/>")
                statements.append(.node("source:" + entry.id, [
                    DOTAttribute("label", html: "<FONT POINT-SIZE=\"8\" COLOR=\"\(color)\"><B>\(DOTDocument.htmlEscape(header))</B></FONT><BR/>\(title)"),
                    DOTAttribute("shape", "note"), DOTAttribute("style", dashed ? "filled,dashed" : "filled"),
                    DOTAttribute("fillcolor", "#ffffff"), DOTAttribute("color", color), DOTAttribute("fontsize", "9"),
                ]))
            }
        }
        // Sources that became known point at what they were first to cite.
        for entry in diff.entries where entry.change == .known && entry.element != .source {
            for source in entry.sources where diff.change(of: .source, id: source) != nil {
                let target: String
                if entry.element == .relation, let relation = graph.relation(entry.id) { target = relation.from } else { target = entry.id }
                statements.append(.edge("source:" + source, target, [DOTAttribute("style", "dotted"), DOTAttribute("color", DiffDiagram.color(of: .known)),
                                                                     DOTAttribute("arrowsize", "0.5"), DOTAttribute("label", "cites")]))
            }
        }
        var actorNodes: [DOTStatement] = []
        for actor in graph.actors {
            if let change = actorChange[actor.id] {
                let entry = diff.entries.first { $0.element == .actor && $0.id == actor.id }!
                actorNodes.append(actorNode(actor, change: change, fields: entry.fields, builder: builder))
            } else if contextActors.contains(actor.id) {
                actorNodes.append(.node(actor.id, [DOTAttribute("label", builder.name(of: actor)), DOTAttribute("shape", "box"),
                                                   DOTAttribute("style", "rounded,filled"), DOTAttribute("fillcolor", "#f5f5f5"),
                                                   DOTAttribute("color", "#bbbbbb"), DOTAttribute("fontcolor", "#555555")]))
            }
        }
        statements = actorNodes + statements
        if diff.isEmpty {
            statements.append(.node(DiagramBuilder.OwnNode.noChanges, [DOTAttribute("label", "no changes"), DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid")]))
        }
        if options.legend, !used.isEmpty {
            // A column of one-row tables (HTMLGrid) with one swatch width, as in DiagramBuilder's legend.
            var entries: [(swatch: String, name: String)] = GraphDiff.Change.allCases.filter(used.contains).map { change in
                ("<FONT COLOR=\"\(DiffDiagram.color(of: change))\"><B>\(GraphDiff.symbol(of: change)) ━━</B></FONT>", "\(change.rawValue) (\(diff.count(change)))")
            }
            entries.append(("<FONT COLOR=\"#bbbbbb\">▭</FONT>", "unchanged, for context"))
            let nameWidth = HTMLGrid.width(of: entries.map(\.name), fontSize: 9)
            var rows = ["<TR><TD><B>Changes</B></TD></TR>"]
            for entry in entries {
                rows.append(HTMLGrid.row("<TD WIDTH=\"\(DiagramBuilder.legendSwatchWidth)\">\(entry.swatch)</TD><TD ALIGN=\"LEFT\" WIDTH=\"\(nameWidth)\">\(entry.name)</TD>",
                                         spacing: 2, padding: 2))
            }
            statements.append(.node(DiagramBuilder.OwnNode.legend, [
                DOTAttribute("label", html: "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\" STYLE=\"ROUNDED\">" + rows.joined() + "</TABLE>"),
                DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid"), DOTAttribute("fontsize", "9"), DOTAttribute("margin", "0"),
            ]))
        }
        var attributes = builder.graphAttributes(rankdir: "LR").filter { $0.name != "label" && $0.name != "fontsize" && $0.name != "labelloc" }
        attributes += [DOTAttribute("label", diff.headline), DOTAttribute("labelloc", "t"), DOTAttribute("fontsize", "14")]
        return DOTDocument(name: "diff", directed: true, attributes: attributes,
                           nodeDefaults: builder.nodeDefaults, edgeDefaults: builder.edgeDefaults, statements: statements)
    }

    func eventNode(_ event: Event, entry: GraphDiff.Entry) -> DOTStatement {
        let color = DiffDiagram.color(of: entry.change)
        let kind = diff.graph.schema.eventKinds[event.kind]?.label ?? event.kind
        let header = "\(GraphDiff.symbol(of: entry.change)) \(entry.change.rawValue) · \(kind) · \(event.date)"
        var label = "<FONT POINT-SIZE=\"8\" COLOR=\"\(color)\"><B>\(DOTDocument.htmlEscape(header))</B></FONT><BR/>"
            + LabelText.wrap(event.title, width: 28).map(DOTDocument.htmlEscape).joined(separator: "<BR/>")
        if !entry.fields.isEmpty {
            label += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"\(color)\">changed: \(DOTDocument.htmlEscape(entry.fields.joined(separator: ", ")))</FONT>"
        }
        if !entry.sources.isEmpty {
            label += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#777777\">via \(DOTDocument.htmlEscape(entry.sources.joined(separator: ", ")))</FONT>"
        }
        let dashed = entry.change == .removed
        return .node(event.id, [DOTAttribute("label", html: label), DOTAttribute("shape", "box"),
                                DOTAttribute("style", dashed ? "rounded,filled,dashed" : "rounded,filled"),
                                DOTAttribute("color", color), DOTAttribute("penwidth", "2"), DOTAttribute("fillcolor", "#ffffff"),
                                DOTAttribute("fontsize", "9")])
    }

    func actorNode(_ actor: Actor, change: GraphDiff.Change, fields: [String], builder: DiagramBuilder) -> DOTStatement {
        let color = DiffDiagram.color(of: change)
        let style = diff.graph.schema.style(ofActorKind: actor.kind)
        var label = "<FONT POINT-SIZE=\"8\" COLOR=\"\(color)\"><B>\(GraphDiff.symbol(of: change)) \(change.rawValue)</B></FONT><BR/><B>"
            + DOTDocument.htmlEscape(builder.name(of: actor)) + "</B>"
        if !fields.isEmpty { label += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"\(color)\">\(DOTDocument.htmlEscape(fields.joined(separator: ", ")))</FONT>" }
        return .node(actor.id, [DOTAttribute("label", html: label), DOTAttribute("shape", style.shape ?? "box"),
                                DOTAttribute("style", change == .removed ? "filled,dashed" : "filled"),
                                DOTAttribute("fillcolor", style.fill ?? "#f2f2f2"), DOTAttribute("color", color), DOTAttribute("penwidth", "2.5")])
    }
}
