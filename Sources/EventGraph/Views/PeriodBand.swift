/// A period (era, the graph's `periods:`) as drawn: a labelled translucent band over the
/// days it covers, on the timeline and theme-line charts and the HTML page's time slider.
/// Overlapping periods are stacked: each gets the lowest ``row`` free over its days, so every
/// title stays readable.
struct PeriodBand: Sendable, Equatable {
    var id: String
    var title: String
    var interval: DayInterval
    /// The period's colour (a value ``StyleValue`` accepted), nil for the palette's.
    var color: String?
    /// The stacking row, 0 first.
    var row: Int = 0
    /// The period's position among the graph's periods: picks its palette colour when it has none.
    var index: Int = 0

    /// The bands stacked: sorted by first day, then last, then id; each on the lowest row whose
    /// previous band ended before it starts (interval partitioning: as few rows as the most
    /// periods overlapping on one day).
    /// - Parameter extent: the span a band takes up on its row, when that is more than its
    ///   days (a title wider than the band, on a chart); by default its days.
    static func stacked(_ bands: [PeriodBand], extent: ((PeriodBand) -> (Double, Double))? = nil) -> [PeriodBand] {
        let span = extent ?? { (Double($0.interval.first), Double($0.interval.last) + 1) }
        var rowEnds: [Double] = []
        return bands.sorted { ($0.interval.first, $0.interval.last, $0.id) < ($1.interval.first, $1.interval.last, $1.id) }.map { band in
            var band = band
            let (start, end) = span(band)
            if let free = rowEnds.firstIndex(where: { $0 <= start }) {
                band.row = free
                rowEnds[free] = end
            } else {
                band.row = rowEnds.count
                rowEnds.append(end)
            }
            return band
        }
    }

    /// Muted colours for periods without one, by position.
    static let palette = ["#5c6bc0", "#26a69a", "#ef6c00", "#8d6e63", "#ab47bc", "#78909c", "#c0ca33", "#ec407a"]

    /// The solid colour: the period's own if ``StyleValue`` accepts it, else the palette's.
    var solidColor: String {
        if let color, StyleValue.isColor(color) { return color }
        return Self.palette[index % Self.palette.count]
    }

    /// A translucent fill for Graphviz: a hex colour with the alpha `alpha` (one it carries is
    /// kept); a colour name, which Graphviz cannot make translucent, gives a light grey.
    func translucentFill(alpha: String = "40") -> String {
        let solid = solidColor
        guard solid.hasPrefix("#") else { return "#9e9e9e" + alpha }
        let digits = Array(solid.dropFirst())
        switch digits.count {
        case 3: return "#" + digits.map { "\($0)\($0)" }.joined() + alpha
        case 6: return solid + alpha
        default: return solid
        }
    }

    /// `Title (2025-04-02 – 2025-07-08)`, for tooltips.
    var caption: String {
        "\(title) (\(DayInterval.isoDate(interval.first)) – \(DayInterval.isoDate(interval.last)))"
    }
}

extension PeriodBand {
    /// The graph's periods, in the order the graph gives them (``index`` set).
    static func bands(of graph: GraphView) -> [PeriodBand] {
        graph.periods.enumerated().map { index, period in
            PeriodBand(id: period.id, title: period.title, interval: period.interval, color: period.color, index: index)
        }
    }
}
