/// The chronological chart: a vertical, print-friendly timeline drawn by Graphviz's `dot`.
///
/// A spine runs down the left: a heading node per year and per month that has events, joined
/// by a grey line. Events follow the ``Timeline`` order, up to ``eventsPerRow`` side by side
/// on a rank; the first row of each period shares its rank with the period's spine node
/// (`rank=same`, with `newrank=true`). Each event is a box coloured by kind: kind and date as
/// written, the wrapped title, its actors beside it as chips coloured by actor kind (followed
/// actors outlined in bold), the events it refers to, and the sources it cites. Under it all,
/// an activity strip: events per month, quarter or year (``EventActivity``).
public struct TimelineDiagram: Sendable {
    public let graph: GraphView
    public let options: DiagramOptions
    /// Events placed side by side on one rank before a new row starts.
    public var eventsPerRow: Int = 3
    /// The graph's periods, marked beside the spine headings they cover (``PeriodBand``).
    var periods: [PeriodBand]

    public init(graph: GraphView, options: DiagramOptions = DiagramOptions()) {
        self.graph = graph
        self.options = options
        periods = PeriodBand.bands(of: graph)
    }

    /// The timeline this chart draws (following ``DiagramOptions/actors``).
    public var timeline: Timeline {
        Timeline(graph: graph, following: options.actors, language: options.language)
    }

    /// The DOT document (layout engine: `dot`).
    /// - Complexity: O(E·p) statements for E events with p participants each.
    public var document: DOTDocument {
        let builder = DiagramBuilder(graph: graph, options: options)
        let timeline = self.timeline
        var attributes = builder.graphAttributes(rankdir: "TB").map { attribute -> DOTAttribute in
            switch attribute.name {
            case "ranksep": DOTAttribute("ranksep", "0.3")
            case "nodesep": DOTAttribute("nodesep", "0.25")
            case "splines": DOTAttribute("splines", "line")
            default: attribute
            }
        }
        attributes.append(DOTAttribute("ordering", "out"))
        var statements: [DOTStatement] = []
        var usedActorKinds = Set<String>(), usedEventKinds = Set<String>()
        var spine: [SpineStop] = []
        var rows: [[String]] = []
        var year: Int?
        let marks = PeriodMarks(bands: PeriodBand.stacked(periods), headings: Self.headings(timeline))
        for group in timeline.groups {
            if group.period.year != year {
                year = group.period.year
                let id = "spine:\(String.zeroPadded(group.period.year, width: 4))"
                let heading = "<FONT POINT-SIZE=\"20\"><B>\(String.zeroPadded(group.period.year, width: 4))</B></FONT>"
                    + (group.period.month == nil ? "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#777777\">month not known</FONT>" : "")
                statements.append(.node(id, [DOTAttribute("label", html: marks.label(heading, at: spine.count)),
                                             DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid"), DOTAttribute("group", "spine")]))
                spine.append(SpineStop(id: id, firstRow: group.period.month == nil ? rows.count : nil, rowCount: 0))
            }
            if let month = group.period.month {
                let id = "spine:\(group.period)"
                let heading = "<FONT POINT-SIZE=\"12\"><B>\(TimelinePeriod.monthNames[month - 1])</B></FONT><BR/><FONT POINT-SIZE=\"8\" COLOR=\"#777777\">\(group.period)</FONT>"
                statements.append(.node(id, [DOTAttribute("label", html: marks.label(heading, at: spine.count)), DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid"), DOTAttribute("group", "spine")]))
                spine.append(SpineStop(id: id, firstRow: rows.count, rowCount: 0))
            }
            for start in stride(from: 0, to: group.entries.count, by: max(1, eventsPerRow)) {
                let chunk = group.entries[start..<min(group.entries.count, start + max(1, eventsPerRow))]
                rows.append(chunk.map(\.event.id))
                spine[spine.count - 1].rowCount += 1
                for entry in chunk {
                    usedEventKinds.insert(entry.event.kind)
                    for participant in entry.participants where !participant.isEvent { usedActorKinds.insert(participant.kind) }
                    statements.append(eventNode(entry, builder: builder))
                }
            }
        }
        if timeline.groups.isEmpty {
            statements.append(.node(DiagramBuilder.OwnNode.empty, [DOTAttribute("label", "no events to show"), DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid")]))
        }
        // The spine: a grey line through every period heading, as long as the period's rows.
        let spineEdge = [DOTAttribute("dir", "none"), DOTAttribute("penwidth", "2.5"), DOTAttribute("color", "#c8c8c8"), DOTAttribute("weight", "100")]
        for (stop, next) in zip(spine, spine.dropFirst()) {
            statements.append(.edge(stop.id, next.id, spineEdge + [DOTAttribute("minlen", String(max(1, stop.rowCount)))]))
        }
        // Rows one below the other; columns aligned.
        let invisible = [DOTAttribute("style", "invis")]
        for (row, next) in zip(rows, rows.dropFirst()) {
            statements.append(.edge(row[0], next[0], invisible + [DOTAttribute("weight", "10")]))
        }
        for (index, row) in rows.enumerated() {
            let heading = spine.first { $0.firstRow == index }
            let members = (heading.map { [$0.id] } ?? []) + row
            for (left, right) in zip(members, members.dropFirst()) {
                statements.append(.edge(left, right, invisible))
            }
            statements.append(.subgraph(DOTSubgraph(name: "row\(index)", attributes: [DOTAttribute("rank", "same")],
                                                    statements: members.map { .node($0, []) })))
        }
        var bottom = spine.last.map { ($0.id, max(1, $0.rowCount)) }
        if let legend = builder.legend(actorKinds: Array(usedActorKinds), eventKinds: Array(usedEventKinds), relationKinds: []) {
            statements.append(legend)
            if let last = spine.last { statements.append(.edge(last.id, DiagramBuilder.OwnNode.legend, invisible + [DOTAttribute("minlen", String(max(1, last.rowCount)))])) }
            if bottom != nil { bottom = (DiagramBuilder.OwnNode.legend, 1) }
        }
        // Under everything: how many events each period has.
        if let strip = activityStrip(timeline), let (above, rows) = bottom {
            statements.append(strip)
            statements.append(.edge(above, Self.activityNode, invisible + [DOTAttribute("minlen", String(rows))]))
        }
        return DOTDocument(name: "timeline", directed: true, attributes: attributes,
                           nodeDefaults: builder.nodeDefaults, edgeDefaults: builder.edgeDefaults, statements: statements)
    }

    /// A heading on the spine and how many rows of events hang from it.
    struct SpineStop {
        var id: String
        /// The index of the row sharing the heading's rank, nil when the heading stands alone.
        var firstRow: Int?
        var rowCount: Int
    }

    /// One event as an HTML table: header, title, actor chips, referenced events, sources.
    func eventNode(_ entry: TimelineEntry, builder: DiagramBuilder) -> DOTStatement {
        let event = entry.event
        let color = builder.eventColor(event.kind)
        let followed = Set(options.actors)
        let kindLabel = graph.schema.eventKinds[event.kind]?.label ?? event.kind
        var rows: [String] = []
        rows.append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"\(color)\"><B>"
                    + DOTDocument.htmlEscape("\(kindLabel) · \(event.date)") + "</B></FONT></TD></TR>")
        let title = LabelText.wrap(event.title, width: 34).map(DOTDocument.htmlEscape).joined(separator: "<BR/>")
        rows.append("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(title)</TD></TR>")
        let actors = entry.participants.filter { !$0.isEvent }
        if !actors.isEmpty {
            var chipRows: [String] = []
            for start in stride(from: 0, to: actors.count, by: 3) {
                let chips = actors[start..<min(actors.count, start + 3)].map { participant -> String in
                    let style = graph.schema.style(ofActorKind: participant.kind)
                    let border = followed.contains(participant.id) ? "2" : "1"
                    return "<TD BORDER=\"\(border)\" COLOR=\"\(style.color ?? "#444444")\" BGCOLOR=\"\(style.fill ?? "#f2f2f2")\" TITLE=\""
                        + DOTDocument.htmlAttributeEscape("\(participant.role): \(participant.name)") + "\"><FONT POINT-SIZE=\"8\">"
                        + DOTDocument.htmlEscape(participant.name) + "</FONT></TD>"
                }
                chipRows.append(HTMLGrid.row(chips.joined(), spacing: 2, padding: 2, cellBorder: 1, rounded: true))
            }
            // Three chips to a row, as a column of one-row tables (HTMLGrid).
            rows.append("<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
                        + chipRows.joined() + "</TABLE></TD></TR>")
        }
        for participant in entry.participants where participant.isEvent {
            let text = LabelText.wrap("\(participant.role): “\(participant.name)”", width: 40).map(DOTDocument.htmlEscape).joined(separator: "<BR/>")
            rows.append("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"#555555\"><I>\(text)</I></FONT></TD></TR>")
        }
        var notes: [String] = []
        if event.claim != .asserted { notes.append("<FONT COLOR=\"#b00020\"><I>\(event.claim.rawValue)</I></FONT>") }
        if let status = event.status { notes.append(DOTDocument.htmlEscape(status.rawValue)) }
        let sourceIDs = Timeline.sourceList(entry.citations.map { TimelineEntry.Citation(source: $0.source, title: nil, publisher: nil, published: nil, quote: nil) })
        notes.append("<FONT COLOR=\"#888888\">" + DOTDocument.htmlEscape("src: " + sourceIDs) + "</FONT>")
        rows.append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"7\">" + notes.joined(separator: " · ") + "</FONT></TD></TR>")
        let table = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" STYLE=\"ROUNDED\" COLOR=\"\(color)\" BGCOLOR=\"white\" WIDTH=\"230\">"
            + rows.joined() + "</TABLE>"
        return .node(event.id, [DOTAttribute("label", html: table), DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid"), DOTAttribute("margin", "0"),
                                DOTAttribute("tooltip", builder.eventTooltip(event))])
    }
}
