/// Time windows and the certain/possible test for time-respecting paths.
///
/// A link is crossed at one day of its interval: an event on a day its (partial) date covers,
/// a relation on any day within its `since`…`until` (undated sides are open). A path respects
/// time when its links can be given days t₁ ≤ t₂ ≤ … (t₁ < t₂ < … with `strict`), each gap at
/// most `maxGap` days. It is *possible* when some choice of days works; *certain* when for
/// every choice of the events' days, the relations can still be crossed at suitable days.
enum TemporalOrder {
    /// "Unbounded" in window arithmetic (far beyond any real day number).
    static let infinity: Int64 = 1 << 50

    /// The feasible days of the last link crossed so far.
    struct Window: Sendable, Hashable {
        var lo: Int64
        var hi: Int64
        /// True before any link has been crossed.
        var isStart: Bool

        static let start = Window(lo: -infinity, hi: infinity, isStart: true)
        var isEmpty: Bool { lo > hi }
    }

    /// A link's interval as window bounds (open sides at ±infinity).
    @inline(__always)
    static func bounds(_ graph: LinkGraph, _ node: Int) -> (Int64, Int64) {
        let f = graph.firsts[node], l = graph.lasts[node]
        return (f <= LinkGraph.dayMin ? -infinity : Int64(f), l >= LinkGraph.dayMax ? infinity : Int64(l))
    }

    @inline(__always)
    static func plus(_ a: Int64, _ b: Int64) -> Int64 {
        if a >= infinity / 2 || b >= infinity / 2 { return infinity }
        if a <= -infinity / 2 { return -infinity }
        return a + b
    }

    /// The window after crossing a link with interval `first…last` from window `w`
    /// (empty when the link cannot be crossed in order).
    @inline(__always)
    static func cross(_ w: Window, first: Int64, last: Int64, rule: TemporalRule) -> Window {
        if w.isStart { return Window(lo: first, hi: last, isStart: false) }
        let lo = max(first, plus(w.lo, rule.strict ? 1 : 0))
        let hi = min(last, rule.maxGap.map { plus(w.hi, Int64($0)) } ?? infinity)
        return Window(lo: lo, hi: hi, isStart: false)
    }

    /// Whether and how surely the links of a path (in order) respect time.
    /// - Returns: nil when no choice of days works; otherwise the certainty and the earliest
    ///   arrival day.
    /// - Complexity: O(links).
    static func assess(_ links: [Int], in graph: LinkGraph, rule: TemporalRule) -> TemporalAssessment? {
        var w = Window.start
        for link in links {
            let (f, l) = bounds(graph, link)
            w = cross(w, first: f, last: l, rule: rule)
            if w.isEmpty { return nil }
        }
        let arrival: Int? = links.isEmpty || w.lo <= -infinity / 2 ? nil : Int(w.lo)
        return TemporalAssessment(certainty: isCertain(links, in: graph, rule: rule) ? .certain : .possible,
                                  earliestArrival: arrival)
    }

    /// True when the order holds for every choice of the events' days. The constraints between
    /// two consecutive events (and the relations between them) form a convex set, so checking
    /// the corners of the events' intervals suffices.
    static func isCertain(_ links: [Int], in graph: LinkGraph, rule: TemporalRule) -> Bool {
        let eventPositions = links.indices.filter { graph.types[links[$0]] == LinkGraph.NodeType.event.rawValue }
        let step: Int64 = rule.strict ? 1 : 0
        let gap: Int64 = rule.maxGap.map(Int64.init) ?? infinity
        /// Crosses the relations `links[range]` from a window; nil when impossible.
        func through(_ range: Range<Int>, from start: Window) -> Window? {
            var w = start
            for i in range {
                let (f, l) = bounds(graph, links[i])
                w = cross(w, first: f, last: l, rule: rule)
                if w.isEmpty { return nil }
            }
            return w
        }
        /// Whether an event can be at day `t` after window `w`.
        func admits(_ w: Window, _ t: Int64) -> Bool {
            if w.isStart { return true }
            return t >= plus(w.lo, step) && t <= plus(w.hi, gap)
        }
        guard let firstEvent = eventPositions.first, let lastEvent = eventPositions.last else {
            return through(0..<links.count, from: .start) != nil
        }
        // Relations before the first event: every day of the event must be reachable.
        let (f0, l0) = bounds(graph, links[firstEvent])
        guard let before = through(0..<firstEvent, from: .start), admits(before, f0), admits(before, l0) else { return false }
        // Between consecutive events: every corner of the two intervals.
        for (a, b) in zip(eventPositions, eventPositions.dropFirst()) {
            let (fa, la) = bounds(graph, links[a]), (fb, lb) = bounds(graph, links[b])
            for ta in [fa, la] {
                guard let w = through((a + 1)..<b, from: Window(lo: ta, hi: ta, isStart: false)) else { return false }
                if !admits(w, fb) || !admits(w, lb) { return false }
            }
        }
        // Relations after the last event: reachable from every day of it.
        let (fz, lz) = bounds(graph, links[lastEvent])
        for tz in [fz, lz] where through((lastEvent + 1)..<links.count, from: Window(lo: tz, hi: tz, isStart: false)) == nil {
            return false
        }
        return true
    }
}
