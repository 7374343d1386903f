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
    /// - Returns: nil when no choice of days works; otherwise the certainty, the earliest
    ///   arrival, the latest departure and the fewest elapsed days.
    /// - Complexity: O(links) (O(links²) at worst for the elapsed days).
    static func assess(_ links: [Int], days: LinkDays, rule: TemporalRule) -> TemporalAssessment? {
        assess(links.map(days.days), isEvent: links.map { days.graph.types[$0] == LinkGraph.NodeType.event.rawValue }, rule: rule)
    }

    /// ``assess(_:days:rule:)`` with a one-off ``LinkDays`` (scans the actors for lifespans).
    static func assess(_ links: [Int], in graph: LinkGraph, rule: TemporalRule) -> TemporalAssessment? {
        assess(links, days: LinkDays(graph: graph, rule: rule), rule: rule)
    }

    /// The window of the last link after crossing `days` in order (empty when impossible).
    static func sweep(_ days: [LinkDays.Days], rule: TemporalRule, notBefore: Int64 = -infinity, notAfter: Int64 = infinity) -> Window {
        var w = Window.start
        for d in days {
            w = cross(w, first: max(d.lo, notBefore), last: min(d.hi, notAfter), rule: rule)
            if w.isEmpty { return w }
        }
        return w
    }

    /// The same days in reversed time (day t becomes -t), last link first.
    static func reversed(_ days: [LinkDays.Days]) -> [LinkDays.Days] {
        days.reversed().map { LinkDays.Days(lo: -$0.hi, hi: -$0.lo, narrowed: $0.narrowed) }
    }

    static func assess(_ days: [LinkDays.Days], isEvent: [Bool], rule: TemporalRule) -> TemporalAssessment? {
        let forward = sweep(days, rule: rule)
        if forward.isEmpty { return nil }
        let backward = sweep(reversed(days), rule: rule)
        let arrival: Int? = days.isEmpty || forward.lo <= -infinity / 2 ? nil : Int(forward.lo)
        let departure: Int? = days.isEmpty || backward.lo <= -infinity / 2 ? nil : Int(-backward.lo)
        let certain = !zip(days, isEvent).contains { $0.narrowed && $1 } && isCertain(days, isEvent: isEvent, rule: rule)
        return TemporalAssessment(certainty: certain ? .certain : .possible, earliestArrival: arrival,
                                  latestDeparture: departure, elapsedDays: elapsed(days, rule: rule))
    }

    /// The fewest days between the first and the last link's crossing over every choice of
    /// days: alternately the earliest arrival A when leaving on or after d, and the latest
    /// departure D when arriving by A; A − D is a candidate, and the next round leaves after D.
    /// The optimum's own departure day is passed in some round, which then finds A − D ≤ it.
    /// Open sides are first closed a little beyond the finite days (``closed(_:margin:)``), which
    /// keeps the optimum and makes every day finite.
    static func elapsed(_ days: [LinkDays.Days], rule: TemporalRule) -> Int? {
        guard !days.isEmpty else { return nil }
        let finite = closed(days, margin: Int64(days.count) + 1)
        let back = reversed(finite)
        var d = -infinity
        var best: Int64?
        while true {
            let f = sweep(finite, rule: rule, notBefore: d)
            if f.isEmpty { break }
            let b = sweep(back, rule: rule, notBefore: -f.lo)
            if b.isEmpty { break }
            let departure = -b.lo
            let span = max(0, f.lo - departure)
            if best == nil || span < best! { best = span }
            if span == 0 { break }
            d = departure + 1
        }
        return best.map { Int($0) }
    }

    /// The days with open sides closed `margin` days beyond the finite ones (at 0…margin when
    /// none is finite). A chain's days before the first finite bound (or after the last) can
    /// be packed next to it, a day apart at most, without lengthening it or breaking a gap.
    static func closed(_ days: [LinkDays.Days], margin: Int64) -> [LinkDays.Days] {
        var low = infinity, high = -infinity
        for d in days {
            for v in [d.lo, d.hi] where v > -infinity / 2 && v < infinity / 2 {
                low = min(low, v)
                high = max(high, v)
            }
        }
        if low > high { (low, high) = (0, 0) }
        return days.map { d in
            LinkDays.Days(lo: max(d.lo, low - margin), hi: min(d.hi, high + margin), narrowed: d.narrowed)
        }
    }

    /// True when the order holds for every choice of the events' days. The constraints between
    /// two consecutive events (and the relations between them) form a convex set, so checking
    /// the corners of the events' intervals suffices.
    static func isCertain(_ days: [LinkDays.Days], isEvent: [Bool], rule: TemporalRule) -> Bool {
        let eventPositions = days.indices.filter { isEvent[$0] }
        let step: Int64 = rule.strict ? 1 : 0
        let gap: Int64 = rule.maxGap.map(Int64.init) ?? infinity
        /// Crosses the relations `days[range]` from a window; nil when impossible.
        func through(_ range: Range<Int>, from start: Window) -> Window? {
            var w = start
            for i in range {
                w = cross(w, first: days[i].lo, last: days[i].hi, rule: rule)
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
            return through(0..<days.count, from: .start) != nil
        }
        // Relations before the first event: every day of the event must be reachable.
        let (f0, l0) = (days[firstEvent].lo, days[firstEvent].hi)
        guard let before = through(0..<firstEvent, from: .start), admits(before, f0), admits(before, l0) else { return false }
        // Between consecutive events: every corner of the two intervals.
        for (a, b) in zip(eventPositions, eventPositions.dropFirst()) {
            let (fa, la) = (days[a].lo, days[a].hi), (fb, lb) = (days[b].lo, days[b].hi)
            for ta in [fa, la] {
                guard let w = through((a + 1)..<b, from: Window(lo: ta, hi: ta, isStart: false)) else { return false }
                if !admits(w, fb) || !admits(w, lb) { return false }
            }
        }
        // Relations after the last event: reachable from every day of it.
        let (fz, lz) = (days[lastEvent].lo, days[lastEvent].hi)
        for tz in [fz, lz] where through((lastEvent + 1)..<days.count, from: Window(lo: tz, hi: tz, isStart: false)) == nil {
            return false
        }
        return true
    }
}
