/// How many events start in each period of a span: the activity strip under the HTML page's
/// time slider and under the timeline chart, and the steps the page's play button takes.
///
/// The step is the finest of month, quarter and year that needs at most ``maximumBars``
/// bars (a year per bar beyond that). An event counts in the period of its first day.
public struct EventActivity: Sendable, Equatable {
    public let step: FrameStep
    /// The periods from the span's first to its last day, in order.
    public let periods: [FramePeriod]
    /// Events starting in each period (parallel to ``periods``).
    public let counts: [Int]

    /// Bars drawn at most, unless even years need more.
    public static let maximumBars = 120

    /// The activity of `graph`'s events over `span` (nil: the events' own range); nil when
    /// there is nothing dated to count.
    /// - Complexity: O(E + P) for E events and P periods (P ≤ 10 000, years 1…9999).
        public init?(graph: GraphView, span: DayInterval? = nil, maximumBars: Int = EventActivity.maximumBars) {
        let links = graph.links
        self.init(days: graph.eventNodes.map { links.interval(Int($0)).first }, span: span, maximumBars: maximumBars)
    }

    /// The activity of events starting on `days` (day numbers) over `span` (nil: the days'
    /// own range); nil when there are no days.
    public init?(days: [Int], span: DayInterval? = nil, maximumBars: Int = EventActivity.maximumBars) {
        guard let earliest = days.min(), let latest = days.max() else { return nil }
        var span = span ?? DayInterval(first: earliest, last: latest)
        if span.first == Int.min { span.first = earliest }
        if span.last == Int.max { span.last = latest }
        guard span.first <= span.last else { return nil }
        let step = [FrameStep.month, .quarter].first { $0.count(covering: span) <= maximumBars } ?? .year
        let periods = step.frames(covering: span)
        guard let first = periods.first else { return nil }
        let base = step.index(ofDay: first.interval.first)
        var counts = [Int](repeating: 0, count: periods.count)
        for day in days where day >= span.first && day <= span.last {
            let index = step.index(ofDay: day) - base
            if counts.indices.contains(index) { counts[index] += 1 }
        }
        self.step = step
        self.periods = periods
        self.counts = counts
    }

    /// The largest count (at least 1, so bars can be scaled by it).
    public var peak: Int { max(1, counts.max() ?? 0) }
}
