import Foundation
@testable import EventGraph

/// A seeded generator (SplitMix64): the same seed gives the same graphs on every platform.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random graphs for property tests: companies joined by meetings (2–3 participants), undirected
/// relations, and reviews naming an earlier event (link-to-link connections). Dates fall in
/// 2025, a third of them month-precise, so orderings are sometimes only possible.
enum RandomGraphs {
    static func make(seed: UInt64, actors: Int, events: Int, relations: Int, eventReviews: Int = 2) -> GraphView {
        var rng = SeededGenerator(seed: seed)
        let actorList = (0..<actors).map { Actor(id: "a\($0)", kind: "company", name: "Actor \($0)") }
        func date() -> PartialDate {
            let month = Int.random(in: 1...4, using: &rng)
            if Int.random(in: 0..<3, using: &rng) == 0 { return PartialDate(year: 2025, month: month)! }
            return PartialDate(year: 2025, month: month, day: Int.random(in: 1...28, using: &rng))!
        }
        var eventList: [Event] = []
        for i in 0..<events {
            let count = Int.random(in: 2...3, using: &rng)
            var ids: [String] = []
            while ids.count < count {
                let id = "a\(Int.random(in: 0..<actors, using: &rng))"
                if !ids.contains(id) { ids.append(id) }
            }
            eventList.append(Event(id: "e\(i)", kind: "meeting", date: .on(date()), title: "Meeting \(i)",
                                   roles: [RoleBinding(role: "participants", ids: ids)],
                                   sources: [Evidence(source: "s", quote: "quote \(i)")]))
        }
        for j in 0..<min(eventReviews, events) {
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
            let since: PartialDate? = Int.random(in: 0..<2, using: &rng) == 0 ? date() : nil
            relationList.append(Relation(id: "a\(a)--related-to--a\(b)-\(k)", kind: "related-to", from: "a\(a)", to: "a\(b)", since: since))
        }
        return GraphView(sources: [Source(id: "s", title: "Source")], actors: actorList, events: eventList, relations: relationList)
    }
}

/// Reference implementations over ids, independent of LinkGraph.
struct BruteForce {
    let graph: GraphView
    /// Undirected adjacency over ids: events–their role values, relations–their ends.
    let adjacency: [String: [String]]

    init(graph: GraphView) {
        self.graph = graph
        var adjacency: [String: Set<String>] = [:]
        func connect(_ a: String, _ b: String) {
            guard a != b else { return }
            adjacency[a, default: []].insert(b)
            adjacency[b, default: []].insert(a)
        }
        for event in graph.events {
            for id in event.allParticipants where graph.actor(id) != nil || graph.event(id) != nil { connect(event.id, id) }
        }
        for relation in graph.relations {
            connect(relation.id, relation.from)
            connect(relation.id, relation.to)
        }
        self.adjacency = adjacency.mapValues { $0.sorted() }
    }

    func isLink(_ id: String) -> Bool { graph.actor(id) == nil }

    func length(_ path: [String]) -> Int { path.filter(isLink).count }

    /// Every simple path from `from` to `to` with at most `maxLength` links, sorted by length
    /// then ids.
    func allSimplePaths(from: String, to: String, maxLength: Int, avoiding: Set<String> = []) -> [[String]] {
        var result: [[String]] = []
        var path = [from]
        var on: Set<String> = [from]
        func visit(_ node: String, links: Int) {
            for next in adjacency[node] ?? [] where !on.contains(next) && !avoiding.contains(next) {
                let cost = links + (isLink(next) ? 1 : 0)
                guard cost <= maxLength else { continue }
                path.append(next)
                if next == to {
                    result.append(path)
                } else {
                    on.insert(next)
                    visit(next, links: cost)
                    on.remove(next)
                }
                path.removeLast()
            }
        }
        visit(from, links: 0)
        return result.sorted { a, b in
            let (la, lb) = (length(a), length(b))
            return la != lb ? la < lb : a.lexicographicallyPrecedes(b)
        }
    }

    /// Dijkstra with node weights (links 1, actors 0): the fewest links, or nil.
    func dijkstra(from: String, to: String) -> Int? {
        var dist: [String: Int] = [from: 0]
        var done = Set<String>()
        while true {
            guard let (node, d) = dist.filter({ !done.contains($0.key) }).min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { return nil }
            if node == to { return d }
            done.insert(node)
            for next in adjacency[node] ?? [] where !done.contains(next) {
                let nd = d + (isLink(next) ? 1 : 0)
                if nd < dist[next] ?? Int.max { dist[next] = nd }
            }
        }
    }

    /// The interval of a link (events: their date; relations: validity clamped to 2024–2026).
    func interval(_ id: String) -> (Int, Int, isEvent: Bool) {
        if let e = graph.event(id) { return (e.date.interval.first, e.date.interval.last, true) }
        let r = graph.relation(id)!
        let lo = PartialDate.dayNumber(year: 2024, month: 1, day: 1), hi = PartialDate.dayNumber(year: 2026, month: 12, day: 31)
        return (max(r.validity.first, lo), min(r.validity.last, hi), false)
    }

    /// The feasible days of the last link (explicit sets), or empty when the order fails.
    func feasibleDays(_ links: [String], strict: Bool, maxGap: Int?, eventDays: [String: Int] = [:]) -> Set<Int> {
        var previous: Set<Int>?
        for link in links {
            var (lo, hi, _) = interval(link)
            if let fixed = eventDays[link] { lo = fixed; hi = fixed }
            var current = Set<Int>()
            for t in lo...hi {
                if let previous {
                    if previous.contains(where: { p in (strict ? p < t : p <= t) && (maxGap.map { t - p <= $0 } ?? true) }) { current.insert(t) }
                } else {
                    current.insert(t)
                }
            }
            if current.isEmpty { return [] }
            previous = current
        }
        return previous ?? []
    }

    /// nil (impossible), "possible" or "certain" by enumeration of the events' days.
    func temporalMark(_ path: [String], strict: Bool, maxGap: Int?) -> String? {
        let links = path.filter(isLink)
        guard !feasibleDays(links, strict: strict, maxGap: maxGap).isEmpty else { return nil }
        let events = links.filter { interval($0).isEvent }
        var combos: [[String: Int]] = [[:]]
        for e in events {
            let (lo, hi, _) = interval(e)
            combos = combos.flatMap { c in (lo...hi).map { var d = c; d[e] = $0; return d } }
            if combos.count > 200_000 { return "skip" }
        }
        for combo in combos where feasibleDays(links, strict: strict, maxGap: maxGap, eventDays: combo).isEmpty {
            return "possible"
        }
        return "certain"
    }
}

enum PathFixtures {
    /// The package's root folder (three levels above this file).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var quickstart: String { packageRoot.appendingPathComponent("Samples/quickstart").path }

    static func quickstartNetwork() throws -> GraphView {
        try GraphLoader().load(paths: [quickstart])
    }
}
