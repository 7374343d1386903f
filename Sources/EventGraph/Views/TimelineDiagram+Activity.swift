extension TimelineDiagram {
    /// Points the activity strip spans at most.
    static let stripWidth = 640

    /// The activity strip under the chart: a bar per month, quarter or year (``EventActivity``)
    /// as tall as the number of events drawn that start in it, with the years beneath; nil
    /// without dated events. A plain HTML-like table, so `dot` keeps it below everything.
    func activityStrip(_ timeline: Timeline) -> DOTStatement? {
        let days = timeline.entries.map(\.event.date.interval.first)
        guard let activity = EventActivity(days: days, span: options.timeWindow) else { return nil }
        let count = activity.periods.count
        let barWidth = max(2, Self.stripWidth / count)
        let barHeight = 36
        var bars = ""
        for (period, events) in zip(activity.periods, activity.counts) {
            let height = events == 0 ? 1 : max(2, events * barHeight / activity.peak)
            let tip = DOTDocument.htmlAttributeEscape("\(period.title): \(events) \(events == 1 ? "event" : "events")")
            // A column: an empty cell over the bar, together always `barHeight` tall (Graphviz
            // centres a nested table in its cell, so the bars stand on one line this way).
            let spacer = barHeight - height
            bars += "<TD TITLE=\"\(tip)\"><TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
                + (spacer > 0 ? "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(barWidth)\" HEIGHT=\"\(spacer)\"></TD></TR>" : "")
                + "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(max(1, barWidth - 1))\" HEIGHT=\"\(height)\" "
                + "BGCOLOR=\"\(events == 0 ? "#d0d0d0" : "#e65100")\"></TD></TR></TABLE></TD>"
        }
        // Year labels: one per year (months, quarters), or every few years so they fit.
        var labels = ""
        var index = 0
        let yearsPerLabel = activity.step == .year ? max(1, (30 + barWidth - 1) / barWidth) : 1
        while index < count {
            var span = 1
            if activity.step == .year {
                span = min(yearsPerLabel, count - index)
            } else {
                while index + span < count && activity.periods[index + span].year == activity.periods[index].year { span += 1 }
            }
            let text = span * barWidth >= 26 ? String.zeroPadded(activity.periods[index].year, width: 4) : ""
            // An empty FONT element is a syntax error to Graphviz: a cell too narrow for its year stays empty.
            labels += "<TD WIDTH=\"\(span * barWidth)\" ALIGN=\"LEFT\">" + (text.isEmpty ? "" : "<FONT POINT-SIZE=\"8\" COLOR=\"#555555\">\(text)</FONT>") + "</TD>"
            index += span
        }
        let peakPeriod = activity.periods[activity.counts.firstIndex(of: activity.peak) ?? 0]
        let caption = "Events per \(activity.step.rawValue) (by the earliest day each may have happened), \(activity.periods.first!.title) to \(activity.periods.last!.title)"
            + (activity.counts.contains { $0 > 0 } ? " (most: \(activity.peak) in \(peakPeriod.title))" : "")
        // Caption, bars and years as a column of one-row tables (HTMLGrid); a year's cell is as
        // wide as the bars it spans, and both rows have a fixed size (a caption wider than the
        // bars would otherwise widen their cells unevenly), so the years stay under their bars.
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
            + "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"#333333\"><B>" + DOTDocument.htmlEscape(caption) + "</B></FONT></TD></TR>"
            + HTMLGrid.row(bars, fixed: (count * barWidth, barHeight)) + HTMLGrid.row(labels, fixed: (count * barWidth, 14)) + "</TABLE>"
        return .node(Self.activityNode, [DOTAttribute("label", html: table), DOTAttribute("shape", "plaintext"),
                                         DOTAttribute("style", "solid"), DOTAttribute("margin", "0")])
    }

    /// The strip's node id (user ids have no `:`).
    static let activityNode = "strip:activity"
}
