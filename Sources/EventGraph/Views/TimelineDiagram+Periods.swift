extension TimelineDiagram {
    /// The spine's headings in order, as the chart makes them: a year heading when the year
    /// changes, then a heading per month with events.
    static func headings(_ timeline: Timeline) -> [TimelinePeriod] {
        var headings: [TimelinePeriod] = []
        var year: Int?
        for group in timeline.groups {
            if group.period.year != year {
                year = group.period.year
                headings.append(TimelinePeriod(year: group.period.year))
            }
            if group.period.month != nil { headings.append(group.period) }
        }
        return headings
    }

    /// Periods beside the spine: one column per stacking row left of each heading, filled in
    /// the period's colour at every heading whose days it overlaps (the one covering most of
    /// them when a column has several), so a period reads as a coloured band down the spine;
    /// its title under the first heading it covers.
    struct PeriodMarks {
        let bands: [PeriodBand]
        let headings: [TimelinePeriod]
        /// The row count (columns beside the headings).
        let columns: Int
        /// For each band, the first heading it overlaps.
        let firstHeading: [String: Int]

        init(bands: [PeriodBand], headings: [TimelinePeriod]) {
            self.bands = bands
            self.headings = headings
            columns = (bands.map(\.row).max() ?? -1) + 1
            var first: [String: Int] = [:]
            for band in bands {
                first[band.id] = headings.firstIndex { $0.interval.overlaps(band.interval) }
            }
            firstHeading = first
        }

        /// The heading's label with the period columns before it (unchanged without periods).
        func label(_ heading: String, at index: Int) -> String {
            guard columns > 0, headings.indices.contains(index) else { return heading }
            let days = headings[index].interval
            var titles: [String] = []
            for band in bands where firstHeading[band.id] == index {
                titles.append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"#333333\"><B>"
                              + DOTDocument.htmlEscape(band.title) + "</B></FONT></TD></TR>")
            }
            // The columns stand beside the heading and the titles under it: one row of cells, the
            // last holding a one-column table (HTMLGrid).
            var cells = ""
            for column in 0..<columns {
                // The period of this column covering most of the heading's days (a year heading may
                // meet several).
                let covering = bands.filter { $0.row == column && $0.interval.overlaps(days) }
                func overlap(_ band: PeriodBand) -> Int { min(band.interval.last, days.last) - max(band.interval.first, days.first) }
                if let band = covering.max(by: { (overlap($0), $1.interval.first) < (overlap($1), $0.interval.first) }) {
                    cells += "<TD WIDTH=\"7\" BGCOLOR=\"\(band.solidColor)\" TITLE=\""
                        + DOTDocument.htmlAttributeEscape(band.caption) + "\"> </TD>"
                } else {
                    cells += "<TD WIDTH=\"7\"> </TD>"
                }
            }
            let stack = titles.isEmpty ? heading
                : "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"0\"><TR><TD>" + heading + "</TD></TR>" + titles.joined() + "</TABLE>"
            return HTMLGrid.table(cells + "<TD WIDTH=\"3\"></TD><TD>" + stack + "</TD>", spacing: 1, padding: 1)
        }
    }
}
