import Foundation
@testable import EventGraph

/// Random small graphs for the temporal property tests: dates in February–March 2025 (a
/// quarter month-precise, some spans of a few days), relations with and without since/until,
/// reviews naming an earlier event (link-to-link connections), and — where the model has
/// them — actor lifespans.
enum TemporalGraphs {
    /// The brute force's universe of days: open sides of relations and lifespans are clamped
    /// to it; every finite date lies at least a month inside it.
    static let firstDay = PartialDate.dayNumber(year: 2025, month: 1, day: 15)
    static let lastDay = PartialDate.dayNumber(year: 2025, month: 4, day: 15)

    static func make(seed: UInt64, actors: Int = 6, events: Int = 7, relations: Int = 3, reviews: Int = 1,
                     lifespans: Bool = true) -> GraphView {
        var rng = SeededGenerator(seed: seed)
        func day() -> PartialDate {
            PartialDate(year: 2025, month: Int.random(in: 2...3, using: &rng), day: Int.random(in: 1...28, using: &rng))!
        }
        func date() -> PartialDate {
            Int.random(in: 0..<4, using: &rng) == 0 ? PartialDate(year: 2025, month: Int.random(in: 2...3, using: &rng))! : day()
        }
        func eventDate() -> EventDate {
            if Int.random(in: 0..<6, using: &rng) == 0 {
                let start = day()
                let (y, m, d) = PartialDate.civil(fromDayNumber: start.interval.first + Int.random(in: 1...6, using: &rng))
                return .span(start: start, end: PartialDate(year: y, month: m, day: d)!)
            }
            return .on(date())
        }
        var actorList = (0..<actors).map { Actor(id: "a\($0)", kind: "company", name: "Actor \($0)") }
        if lifespans {
            for i in actorList.indices where Int.random(in: 0..<3, using: &rng) == 0 {
                Self.setLifespan(&actorList[i], since: Bool.random(using: &rng) ? date() : nil,
                                 until: Bool.random(using: &rng) ? date() : nil)
            }
        }
        var eventList: [Event] = []
        for i in 0..<events {
            let count = Int.random(in: 2...3, using: &rng)
            var ids: [String] = []
            while ids.count < count {
                let id = "a\(Int.random(in: 0..<actors, using: &rng))"
                if !ids.contains(id) { ids.append(id) }
            }
            eventList.append(Event(id: "e\(i)", kind: "meeting", date: eventDate(), title: "Meeting \(i)",
                                   roles: [RoleBinding(role: "participants", ids: ids)],
                                   sources: [Evidence(source: "s", quote: "quote \(i)")]))
        }
        for j in 0..<min(reviews, events) {
            let subject = "e\(Int.random(in: 0..<events, using: &rng))"
            let authority = "a\(Int.random(in: 0..<actors, using: &rng))"
            eventList.append(Event(id: "r\(j)", kind: "review", date: .on(date()), title: "Review \(j)",
                                   roles: [RoleBinding(role: "authority", ids: [authority]),
                                           RoleBinding(role: "subject", ids: [subject])],
                                   sources: [Evidence(source: "s")]))
        }
        var relationList: [Relation] = []
        for k in 0..<relations {
            let a = Int.random(in: 0..<actors, using: &rng)
            var b = Int.random(in: 0..<actors, using: &rng)
            if b == a { b = (a + 1) % actors }
            var since: PartialDate? = Bool.random(using: &rng) ? date() : nil
            var until: PartialDate? = Bool.random(using: &rng) ? date() : nil
            if let s = since, let u = until, u.interval.last < s.interval.first { (since, until) = (u, s) }
            relationList.append(Relation(id: "a\(a)--related-to--a\(b)-\(k)", kind: "related-to", from: "a\(a)", to: "a\(b)",
                                         since: since, until: until))
        }
        return GraphView(sources: [Source(id: "s", title: "Source")], actors: actorList, events: eventList, relations: relationList)
    }

    /// Gives an actor a lifespan (ends swapped when given backwards).
    static func setLifespan(_ actor: inout Actor, since: PartialDate?, until: PartialDate?) {
        if let s = since, let u = until, u.interval.last < s.interval.first {
            (actor.since, actor.until) = (u, s)
        } else {
            (actor.since, actor.until) = (since, until)
        }
    }

    /// An actor's lifespan in days (since's first day to until's last), clamped to the universe.
    static func lifespan(_ actor: Actor) -> (Int, Int) {
        (max(firstDay, actor.since?.interval.first ?? firstDay), min(lastDay, actor.until?.interval.last ?? lastDay))
    }
}

/// Brute force over ids, independent of ``LinkGraph`` and the search code: every simple path,
/// and for each the sets of days each link can be crossed on.
struct TemporalBruteForce {
    let graph: GraphView
    let base: BruteForce
    let rule: TemporalRule

    /// Per link: its interval, whether it is an event, and the universe's days it may be
    /// crossed on (computed once: records are made on access).
    let info: [String: (lo: Int, hi: Int, isEvent: Bool, allowed: [Bool])]

    init(graph: GraphView, rule: TemporalRule) {
        self.graph = graph
        base = BruteForce(graph: graph)
        self.rule = rule
        var info: [String: (lo: Int, hi: Int, isEvent: Bool, allowed: [Bool])] = [:]
        let lifespans = Dictionary(uniqueKeysWithValues: graph.actors.map { ($0.id, TemporalGraphs.lifespan($0)) })
        func add(_ id: String, _ lo: Int, _ hi: Int, isEvent: Bool, actors: [String]) {
            var allowed = [Bool](repeating: false, count: Self.size)
            for i in 0..<Self.size {
                let t = TemporalGraphs.firstDay + i
                if let d = rule.earliestDay, t < d { continue }
                if let d = rule.latestDay, t > d { continue }
                allowed[i] = actors.allSatisfy { a in lifespans[a].map { t >= $0.0 && t <= $0.1 } ?? true }
            }
            info[id] = (lo, hi, isEvent, allowed)
        }
        for e in graph.events {
            add(e.id, e.date.interval.first, e.date.interval.last, isEvent: true,
                actors: e.allParticipants.filter { lifespans[$0] != nil })
        }
        for r in graph.relations {
            add(r.id, max(r.validity.first, TemporalGraphs.firstDay), min(r.validity.last, TemporalGraphs.lastDay), isEvent: false,
                actors: [r.from, r.to])
        }
        self.info = info
    }

    /// A link's own interval (relations' open sides clamped to the universe) and whether it
    /// is an event.
    func interval(_ id: String) -> (Int, Int, isEvent: Bool) {
        let i = info[id]!
        return (i.lo, i.hi, i.isEvent)
    }

    /// Whether a link may be crossed on day `t`: within every joined actor's lifespan (an
    /// event's actor role values; a relation's two ends) and the rule's day bounds (its own
    /// interval is checked by the caller).
    func allowed(_ id: String, _ t: Int) -> Bool {
        let i = t - TemporalGraphs.firstDay
        return i >= 0 && i < Self.size && info[id]!.allowed[i]
    }

    func ordered(_ p: Int, _ t: Int) -> Bool {
        (rule.strict ? p < t : p <= t) && (rule.maxGap.map { t - p <= $0 } ?? true)
    }

    /// The universe as bit positions: day `TemporalGraphs.firstDay + i` is index i.
    static let size = TemporalGraphs.lastDay - TemporalGraphs.firstDay + 1

    /// The days each link may be crossed on, as one flag per day of the universe (events
    /// fixed to a day when `eventDays` says so).
    func candidates(_ links: [String], eventDays: [String: Int] = [:]) -> [[Bool]] {
        links.map { link in
            let (lo, hi, _) = interval(link)
            var flags = [Bool](repeating: false, count: Self.size)
            for t in (eventDays[link].map { $0...$0 } ?? lo...hi) where allowed(link, t) {
                flags[t - TemporalGraphs.firstDay] = true
            }
            return flags
        }
    }

    /// Whether `flags` has a day in `lo...hi` (clamped to the universe), by prefix counts.
    static func any(_ prefix: [Int], _ lo: Int, _ hi: Int) -> Bool {
        let a = max(0, lo), b = min(size - 1, hi)
        return a <= b && prefix[b + 1] - prefix[a] > 0
    }

    static func prefixCounts(_ flags: [Bool]) -> [Int] {
        var prefix = [0]
        prefix.reserveCapacity(flags.count + 1)
        for f in flags { prefix.append(prefix.last! + (f ? 1 : 0)) }
        return prefix
    }

    /// Forward: the feasible days of each link given the ones before it (day t follows some
    /// feasible day p of the previous link with p ≤ t, p < t when strict, t − p ≤ the gap).
    func forward(_ sets: [[Bool]]) -> [[Bool]] {
        var result: [[Bool]] = []
        let step = rule.strict ? 1 : 0, gap = rule.maxGap ?? Self.size
        for (i, set) in sets.enumerated() {
            if i == 0 { result.append(set); continue }
            let prefix = Self.prefixCounts(result[i - 1])
            var next = set
            for t in 0..<Self.size where next[t] { next[t] = Self.any(prefix, t - gap, t - step) }
            result.append(next)
        }
        return result
    }

    /// Backward: the days of each link from which the rest can be completed.
    func backward(_ sets: [[Bool]]) -> [[Bool]] {
        var result = sets
        let step = rule.strict ? 1 : 0, gap = rule.maxGap ?? Self.size
        for i in sets.indices.reversed() where i < sets.count - 1 {
            let prefix = Self.prefixCounts(result[i + 1])
            for t in 0..<Self.size where result[i][t] { result[i][t] = Self.any(prefix, t + step, t + gap) }
        }
        return result
    }

    struct Values: Equatable {
        var arrival: Int
        var departure: Int
        /// Computed only when asked for (0 otherwise).
        var elapsed: Int
    }

    /// The earliest arrival, latest departure and (with `elapsed`) fewest elapsed days of a
    /// path (links in order); nil when no choice of days respects the rule.
    func values(_ links: [String], elapsed withElapsed: Bool = true) -> Values? {
        let sets = candidates(links)
        let first = TemporalGraphs.firstDay
        guard let a = forward(sets).last?.firstIndex(of: true), let d = backward(sets).first?.lastIndex(of: true) else { return nil }
        var elapsed = 0
        if withElapsed {
            // For each feasible day of each link, the latest first-link day a chain reaching
            // it can have started on (a forward pass over every day); then the fewest days.
            let step = rule.strict ? 1 : 0, gap = rule.maxGap ?? Self.size
            let feasible = forward(sets)
            var start = (0..<Self.size).map { feasible[0][$0] ? $0 : -1 }
            for i in 1..<max(1, sets.count) {
                var next = [Int](repeating: -1, count: Self.size)
                var runningMax = -1 // without a gap: the best start over every earlier day
                for t in 0..<Self.size {
                    if rule.maxGap == nil, t - step >= 0 { runningMax = max(runningMax, start[t - step]) }
                    guard feasible[i][t] else { continue }
                    if rule.maxGap == nil {
                        next[t] = runningMax
                    } else if t - step >= 0 {
                        for p in max(0, t - gap)...(t - step) where start[p] > next[t] { next[t] = start[p] }
                    }
                }
                start = next
            }
            elapsed = (0..<Self.size).filter { feasible[sets.count - 1][$0] && start[$0] >= 0 }.map { $0 - start[$0] }.min() ?? Int.max
        }
        return Values(arrival: a + first, departure: d + first, elapsed: elapsed)
    }

    /// nil (impossible), "possible" or "certain": certain when every choice of the events'
    /// days within their dates leaves a choice of the relations' days that respects the rule.
    func mark(_ links: [String]) -> String? {
        guard values(links) != nil else { return nil }
        let events = links.filter { interval($0).isEvent }
        var combos: [[String: Int]] = [[:]]
        for e in events {
            let (lo, hi, _) = interval(e)
            combos = combos.flatMap { c in (lo...hi).map { var d = c; d[e] = $0; return d } }
            if combos.count > 1_000 { return "skip" }
        }
        for combo in combos where !(forward(candidates(links, eventDays: combo)).last?.contains(true) ?? false) {
            return "possible"
        }
        return "certain"
    }

    func links(_ path: [String]) -> [String] { path.filter(base.isLink) }

    /// Every simple path from `a` to `b` that respects the rule, with its values (the simple
    /// paths themselves from `cache`, which the rules of one graph share).
    func feasiblePaths(from a: String, to b: String, elapsed: Bool = false, cache: SimplePathCache) -> [(path: [String], values: Values)] {
        cache.paths(from: a, to: b, in: base).compactMap { path in values(links(path), elapsed: elapsed).map { (path, $0) } }
    }
}

/// The simple paths between two actors of one graph, enumerated once.
final class SimplePathCache {
    private var paths: [String: [[String]]] = [:]

    func paths(from a: String, to b: String, in brute: BruteForce) -> [[String]] {
        let key = a + ">" + b
        if let known = paths[key] { return known }
        let found = brute.allSimplePaths(from: a, to: b, maxLength: 20)
        paths[key] = found
        return found
    }
}

extension TemporalAssessment {
    /// Whether these values are the brute force's: an open side (nil) stands for days the
    /// brute force's universe cuts off, so it must find a day within a step per link of the
    /// universe's edge.
    func matches(_ v: TemporalBruteForce.Values, links: Int) -> Bool {
        let arrivalOK = earliestArrival.map { $0 == v.arrival } ?? (v.arrival <= TemporalGraphs.firstDay + links)
        let departureOK = latestDeparture.map { $0 == v.departure } ?? (v.departure >= TemporalGraphs.lastDay - links)
        return arrivalOK && departureOK && (elapsedDays ?? 0) == v.elapsed
    }
}
