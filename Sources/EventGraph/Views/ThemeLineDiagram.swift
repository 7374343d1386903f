/// The theme-line chart (as in i2 Analyst's Notebook): a ``ThemeLineLayout`` emitted as DOT
/// with every node pinned (`pos="x,y!"`, in points), to be drawn with Graphviz's pinned
/// layout (`nop2`, the in-process `neato -n2`) so SVG, PNG and PDF all work.
///
/// Lines (lanes, bars, connectors, leaders, grid and axis) are edges between invisible point
/// nodes; dots, names and labels are nodes. Colours: lanes by actor kind, marks, connectors
/// and label dates by event kind; approximate (`~`) dates are drawn paler.
public struct ThemeLineDiagram: Sendable {
    public let graph: GraphView
    public let options: DiagramOptions
    public var configuration = ThemeLineLayout.Configuration()
    /// The graph's periods, drawn as bands (``PeriodBand``).
    var periods: [PeriodBand]

    typealias Point = PinnedEmitter.Point

    public init(graph: GraphView, options: DiagramOptions = DiagramOptions()) {
        self.graph = graph
        self.options = options
        periods = PeriodBand.bands(of: graph)
    }

    /// The computed positions.
    public var layout: ThemeLineLayout {
        ThemeLineLayout(graph: graph, actors: options.actors, laneCount: options.lanes, language: options.language,
                        window: options.timeWindow, configuration: configuration)
    }

    /// The DOT document, every node pinned (layout engine: pinned / `nop2`).
    /// - Complexity: O(M + L + T) statements for M marks, L labels and T ticks.
    public var document: DOTDocument {
        let layout = self.layout
        let builder = DiagramBuilder(graph: graph, options: options)
        let legendLines = legendRows(layout, builder: builder)
        let legendHeight = options.legend && !legendLines.isEmpty ? Double(legendLines.count) * 17 + 12 : 0
        let noteHeight: Double = (layout.unlabelledEvents > 0 ? 16 : 0) + (layout.eventsBeforeAxis > 0 ? 16 : 0)
            + (layout.events.isEmpty ? 16 : 0)
        let bands = periodBands(layout)
        let bandRows = (bands.map(\.band.row).max() ?? -1) + 1
        let bandsHeight = Double(bandRows) * Self.bandRowHeight + (bandRows > 0 ? 6 : 0)
        let height = layout.height + bandsHeight + noteHeight + (legendHeight > 0 ? legendHeight + 10 : 0) + configuration.margin
        var emitter = PinnedEmitter(height: height)
        let eventKind = Dictionary(layout.events.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let eventByID = Dictionary(layout.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func color(_ eventID: String) -> String { builder.eventColor(eventKind[eventID] ?? "other") }

        // Periods: translucent bands over the lanes, first so everything is drawn over them.
        for band in bands {
            let box = ThemeLineLayout.Box(minX: band.x0, minY: layout.lanesTop, maxX: band.x1, maxY: layout.axisY)
            emitter.node("period:\(band.band.id)", at: Point(box.midX, box.midY), [
                DOTAttribute("shape", "box"), DOTAttribute("style", "filled"), DOTAttribute("label", ""),
                DOTAttribute("fixedsize", "true"), DOTAttribute("width", ThemeLineDiagram.inches(box.width)),
                DOTAttribute("height", ThemeLineDiagram.inches(box.height)), DOTAttribute("penwidth", "0"),
                DOTAttribute("color", band.fill), DOTAttribute("fillcolor", band.fill), DOTAttribute("tooltip", band.band.caption),
            ])
        }
        // Grid: a faint line at every boundary, darker at years.
        for tick in layout.ticks {
            emitter.line("grid:\(tick.day)", from: Point(tick.x, layout.lanesTop), to: Point(tick.x, layout.axisY),
                         [DOTAttribute("color", tick.level == .year ? "#cfcfcf" : "#ededed"), DOTAttribute("penwidth", "0.8")])
        }
        // Lanes: over the actor's lifespan where it has one, with a short upright stroke where
        // it begins or ends inside the axis.
        for lane in layout.lanes {
            emitter.line("lane:\(lane.actorID)", from: Point(lane.lineStart, lane.y), to: Point(max(lane.lineEnd, lane.lineStart + 1), lane.y),
                         [DOTAttribute("color", "#c4c4c4"), DOTAttribute("penwidth", "1.2")])
            for (end, x) in [("since", lane.lineStart), ("until", lane.lineEnd)] where x > layout.axisLeft && x < layout.axisRight {
                emitter.line("lane-\(end):\(lane.actorID)", from: Point(x, lane.y - 4), to: Point(x, lane.y + 4),
                             [DOTAttribute("color", "#8a8a8a"), DOTAttribute("penwidth", "1.2")])
            }
        }
        // Connectors and leaders under the marks.
        for connector in layout.connectors {
            emitter.line("connector:\(connector.eventID)", from: Point(connector.x, connector.top), to: Point(connector.x, connector.bottom),
                         [DOTAttribute("color", color(connector.eventID) + "aa"), DOTAttribute("penwidth", "1.1")])
        }
        for label in layout.labels where label.leaderBottom > label.leaderTop {
            emitter.line("leader:\(label.eventID)", from: Point(label.leaderX, label.leaderTop), to: Point(label.leaderX, label.leaderBottom),
                         [DOTAttribute("color", "#a8a8a8"), DOTAttribute("penwidth", "0.6"), DOTAttribute("style", "dotted")])
        }
        // Marks: bars for partial dates and spans, dots for days.
        for mark in layout.marks {
            let id = "mark:\(mark.eventID):\(mark.actorID)"
            let event = eventByID[mark.eventID]
            let tooltip = event.map { "\($0.date) \($0.title)" } ?? mark.eventID
            if mark.isSpan {
                // The vaguer the date, the paler the bar: a month is solid, a year or more a light band.
                let days = event.map { $0.date.interval.last - $0.date.interval.first + 1 } ?? 1
                let alpha = days <= 92 ? (mark.approximate ? "66" : "b3") : (mark.approximate ? "40" : "73")
                emitter.line(id, from: Point(mark.xStart, mark.y), to: Point(max(mark.xEnd, mark.xStart + 1), mark.y),
                             [DOTAttribute("color", color(mark.eventID) + alpha),
                              DOTAttribute("penwidth", "4.5"), DOTAttribute("tooltip", tooltip)])
            } else {
                emitter.node(id, at: Point(mark.x, mark.y), [
                    DOTAttribute("shape", "circle"), DOTAttribute("style", "filled"), DOTAttribute("label", ""),
                    DOTAttribute("width", ThemeLineDiagram.inches(configuration.dotDiameter)),
                    DOTAttribute("height", ThemeLineDiagram.inches(configuration.dotDiameter)),
                    DOTAttribute("fillcolor", color(mark.eventID) + (mark.approximate ? "99" : "")),
                    DOTAttribute("color", "white"), DOTAttribute("penwidth", "0.6"), DOTAttribute("tooltip", tooltip),
                ])
            }
        }
        // Event labels: the date in the kind's colour, then the title.
        for label in layout.labels {
            let title = String(label.text.dropFirst(label.date.count))
            let html = "<FONT COLOR=\"\(color(label.eventID))\"><B>\(DOTDocument.htmlEscape(label.date))</B></FONT>"
                + "<FONT COLOR=\"#333333\">\(DOTDocument.htmlEscape(title))</FONT>"
            let tooltip = eventByID[label.eventID].map { builder.eventTooltip($0) } ?? label.eventID
            emitter.text("label:\(label.eventID)", html, box: label.box, align: "LEFT", fontSize: configuration.labelFontSize, tooltip: tooltip)
        }
        // Lane names.
        for lane in layout.lanes {
            let actor = graph.actor(lane.actorID)
            let color = graph.schema.style(ofActorKind: lane.kind).color ?? "#333333"
            emitter.text("name:\(lane.actorID)", "<FONT COLOR=\"\(color)\"><B>" + DOTDocument.htmlEscape(lane.name) + "</B></FONT>",
                         box: lane.labelBox, align: "RIGHT",
                         fontSize: configuration.laneLabelFontSize, tooltip: actor.map(builder.tooltip) ?? lane.name)
        }
        // The axis.
        emitter.line("axis", from: Point(layout.axisLeft, layout.axisY), to: Point(layout.axisRight, layout.axisY),
                     [DOTAttribute("color", "#555555"), DOTAttribute("penwidth", "1")])
        for tick in layout.ticks {
            emitter.line("tick:\(tick.day)", from: Point(tick.x, layout.axisY), to: Point(tick.x, layout.axisY + (tick.level == .year ? 7 : 3.5)),
                         [DOTAttribute("color", "#555555"), DOTAttribute("penwidth", tick.level == .year ? "1.2" : "0.8")])
        }
        for (index, label) in layout.axisLabels.enumerated() {
            let html = label.row == .years ? "<B>\(label.text)</B>" : "<FONT COLOR=\"#555555\">\(label.text)</FONT>"
            emitter.node("axis-label:\(index)", at: Point(label.x, label.y), [
                DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid"), DOTAttribute("label", html: html),
                DOTAttribute("fontsize", label.row == .years ? "9" : "8"), DOTAttribute("width", "0"), DOTAttribute("height", "0"),
                DOTAttribute("fixedsize", "false"), DOTAttribute("margin", "0"),
            ])
        }
        // Under the axis, the periods' names: a bar in the period's colour over its days and its
        // title in dark grey (a period's colour may be too light for text), stacked so overlapping periods (and titles wider than their period) never collide.
        var y = layout.height + 4
        for band in bands {
            let rowY = y + Double(band.band.row) * Self.bandRowHeight
            emitter.line("period-bar:\(band.band.id)", from: Point(band.x0, rowY + 2), to: Point(max(band.x1, band.x0 + 1), rowY + 2),
                         [DOTAttribute("color", band.solid), DOTAttribute("penwidth", "3"), DOTAttribute("tooltip", band.band.caption)])
            emitter.text("period-title:\(band.band.id)", "<FONT COLOR=\"#333333\"><B>" + DOTDocument.htmlEscape(band.band.title) + "</B></FONT>",
                         box: ThemeLineLayout.Box(minX: band.x0, minY: rowY + 4, maxX: band.x0 + band.titleWidth, maxY: rowY + Self.bandRowHeight),
                         align: "LEFT", fontSize: 8, tooltip: band.band.caption)
        }
        y += bandsHeight
        // Notes: nothing drawn, events before the axis, labels left out; then the legend.
        var notes: [String] = []
        if layout.events.isEmpty { notes.append("No events of these actors in this period.") }
        if layout.eventsBeforeAxis > 0, let start = layout.trimmedStart {
            let day = DayInterval.isoDate(start)
            notes.append("\(layout.eventsBeforeAxis) event\(layout.eventsBeforeAxis == 1 ? "" : "s") long before the rest (before \(day)) left off the axis; --from YEAR draws from an earlier date.")
        }
        if layout.unlabelledEvents > 0 {
            notes.append("\(layout.unlabelledEvents) events: labels left out (more than \(configuration.maximumLabels)); hover a mark for its date and title.")
        }
        for (i, note) in notes.enumerated() {
            let width = TextMetrics.width(note, fontSize: 9) + 6
            emitter.text(i == 0 ? "note" : "note-\(i + 1)", "<I>" + DOTDocument.htmlEscape(note) + "</I>",
                         box: ThemeLineLayout.Box(minX: layout.axisLeft, minY: y, maxX: layout.axisLeft + width, maxY: y + 12),
                         align: "LEFT", fontSize: 9, tooltip: note)
            y += 16
        }
        if legendHeight > 0 {
            let table = "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\" STYLE=\"ROUNDED\">"
                + legendLines.joined() + "</TABLE>"
            let width = 4 * 150.0
            emitter.node(DiagramBuilder.OwnNode.legend, at: Point(layout.axisLeft + width / 2, y + 6 + legendHeight / 2), [
                DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid"), DOTAttribute("label", html: table),
                DOTAttribute("fontsize", "9"), DOTAttribute("margin", "0"), DOTAttribute("width", "0"), DOTAttribute("height", "0"),
                DOTAttribute("fixedsize", "false"),
            ])
        }

        var attributes = [
            DOTAttribute("fontname", options.fontName), DOTAttribute("fontsize", "12"), DOTAttribute("bgcolor", "white"),
            DOTAttribute("pad", "0.2"), DOTAttribute("splines", "line"), DOTAttribute("outputorder", "edgesfirst"),
        ]
        if let title = options.title ?? graph.title {
            attributes += [DOTAttribute("label", title), DOTAttribute("labelloc", "t"), DOTAttribute("fontsize", "18")]
        }
        return DOTDocument(
            name: "themes", directed: false, attributes: attributes,
            nodeDefaults: [DOTAttribute("fontname", options.fontName), DOTAttribute("fontsize", "8"), DOTAttribute("shape", "point"),
                           DOTAttribute("style", "invis"), DOTAttribute("width", "0.01"), DOTAttribute("height", "0.01"),
                           DOTAttribute("fixedsize", "true"), DOTAttribute("label", "")],
            edgeDefaults: [DOTAttribute("fontname", options.fontName), DOTAttribute("penwidth", "1")],
            statements: emitter.statements)
    }

    /// The legend's rows: event kinds, lane (actor) kinds, and how dates are drawn; four
    /// entries to a row.
    func legendRows(_ layout: ThemeLineLayout, builder: DiagramBuilder) -> [String] {
        let schema = graph.schema
        let eventKinds = Set(layout.events.map(\.kind)), laneKinds = Set(layout.lanes.map(\.kind))
        var cells: [(swatch: String, text: String)] = []
        for kind in schema.eventKindOrder where eventKinds.contains(kind) {
            cells.append(("<FONT COLOR=\"\(builder.eventColor(kind))\">●━━</FONT>", schema.eventKinds[kind]?.label ?? kind))
        }
        for kind in schema.actorKindOrder where laneKinds.contains(kind) {
            cells.append(("<FONT COLOR=\"\(schema.style(ofActorKind: kind).color ?? "#444444")\"><B>Aa</B></FONT>",
                          "\(schema.actorKinds[kind]?.label ?? kind) (lane name)"))
        }
        cells.append(("<FONT COLOR=\"#555555\">●</FONT>", "date known to the day"))
        cells.append(("<FONT COLOR=\"#555555\">━━━</FONT>", "month, year or span: the whole interval"))
        cells.append(("<FONT COLOR=\"#bbbbbb\">━━━</FONT>", "approximate (~) date"))
        cells.append(("<FONT COLOR=\"#999999\">┊</FONT>", "leader from label to event"))
        // Four entries to a row, as a column of one-row tables (HTMLGrid): each of the four
        // columns gets the width of its widest text so that the entries line up.
        let widths = (0..<4).map { column in
            HTMLGrid.width(of: stride(from: column, to: cells.count, by: 4).map { cells[$0].text }, fontSize: 9)
        }
        var rows = ["<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"4\"><B>Legend</B></TD></TR>"]
        for start in stride(from: 0, to: cells.count, by: 4) {
            // A short last row gets empty cells of the same widths, so its entries line up too.
            let chunk = (0..<4).map { column in
                let entry = start + column < cells.count ? cells[start + column] : (swatch: "", text: "")
                return "<TD ALIGN=\"RIGHT\" WIDTH=\"\(DiagramBuilder.legendSwatchWidth)\">\(entry.swatch)</TD><TD ALIGN=\"LEFT\" WIDTH=\"\(widths[column])\">\(DOTDocument.htmlEscape(entry.text))</TD>"
            }
            rows.append(HTMLGrid.row(chunk.joined(), spacing: 2, padding: 2))
        }
        return rows
    }

    static func inches(_ points: Double) -> String { number(points / 72) }

    /// A coordinate with at most two decimals, without locale dependence.
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let negative = hundredths < 0
        let magnitude = Int64(abs(hundredths))
        let whole = magnitude / 100, fraction = magnitude % 100
        var text = (negative ? "-" : "") + String(whole)
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text
    }
}

/// Builds pinned nodes and lines in top-down coordinates, flipping y for Graphviz.
struct PinnedEmitter {
    /// A point of the chart, in points, y growing downwards.
    struct Point {
        var x: Double
        var y: Double

        init(_ x: Double, _ y: Double) {
            self.x = x
            self.y = y
        }
    }

    let height: Double
    var statements: [DOTStatement] = []

    func position(_ point: Point) -> String {
        ThemeLineDiagram.number(point.x) + "," + ThemeLineDiagram.number(height - point.y) + "!"
    }

    mutating func node(_ id: String, at point: Point, _ attributes: [DOTAttribute]) {
        statements.append(.node(id, [DOTAttribute("pos", position(point))] + attributes))
    }

    /// A straight line: an edge between two invisible point nodes.
    mutating func line(_ id: String, from start: Point, to end: Point, _ attributes: [DOTAttribute]) {
        statements.append(.node(id + ":a", [DOTAttribute("pos", position(start))]))
        statements.append(.node(id + ":b", [DOTAttribute("pos", position(end))]))
        statements.append(.edge(id + ":a", id + ":b", attributes))
    }

    /// Text in a fixed-width box, aligned left or right within it.
    mutating func text(_ id: String, _ html: String, box: ThemeLineLayout.Box, align: String, fontSize: Double, tooltip: String) {
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD WIDTH=\""
            + String(Int(box.width.rounded(.up))) + "\" HEIGHT=\"" + String(Int(box.height.rounded(.up))) + "\" ALIGN=\"\(align)\">"
            + html + "</TD></TR></TABLE>"
        node(id, at: Point(box.midX, box.midY), [
            DOTAttribute("shape", "plaintext"), DOTAttribute("style", "solid"), DOTAttribute("label", html: table),
            DOTAttribute("fontsize", ThemeLineDiagram.number(fontSize)), DOTAttribute("width", "0"), DOTAttribute("height", "0"),
            DOTAttribute("fixedsize", "false"), DOTAttribute("margin", "0"), DOTAttribute("tooltip", tooltip),
        ])
    }
}
