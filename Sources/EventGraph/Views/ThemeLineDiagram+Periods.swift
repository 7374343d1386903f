extension ThemeLineDiagram {
    /// A period placed on the chart: its band's left and right x, colours and title width.
    struct PlacedBand {
        var band: PeriodBand
        var x0: Double
        var x1: Double
        var solid: String
        var fill: String
        var titleWidth: Double
    }

    /// Points per row of period names under the axis.
    static let bandRowHeight = 16.0

    /// The graph's periods that reach the axis, clipped to it and stacked by the room their
    /// band and title take.
    func periodBands(_ layout: ThemeLineLayout) -> [PlacedBand] {
        let span = Double(layout.endDay - layout.startDay)
        guard span > 0 else { return [] }
        func x(_ day: Int) -> Double {
            layout.axisLeft + Double(min(max(day, layout.startDay), layout.endDay) - layout.startDay) / span * (layout.axisRight - layout.axisLeft)
        }
        let shown = periods.filter { $0.interval.last >= layout.startDay && $0.interval.first < layout.endDay }
        let titleWidth = { (band: PeriodBand) in TextMetrics.width(band.title, fontSize: 8) * 1.1 + 6 }
        let stacked = PeriodBand.stacked(shown) { band in
            let start = x(band.interval.first)
            return (start, max(x(band.interval.last + 1), start + titleWidth(band)))
        }
        return stacked.map { band in
            PlacedBand(band: band, x0: x(band.interval.first), x1: x(band.interval.last + 1),
                       solid: band.solidColor, fill: band.translucentFill(), titleWidth: titleWidth(band))
        }
    }
}
