import Testing
@testable import EventGraph

@Suite("Time-respecting paths")
struct PathTemporalTests {
    static let seeds: [UInt64] = Array(20...31)
    static let rules: [TemporalRule] = [TemporalRule(), TemporalRule(strict: true), TemporalRule(maxGap: 40)]

    func pairs(_ graph: GraphView, seed: UInt64) -> [(String, String)] {
        var rng = SeededGenerator(seed: seed)
        return (0..<5).map { _ in
            let a = graph.actors.randomElement(using: &rng)!.id
            let b = graph.actors.filter { $0.id != a }.randomElement(using: &rng)!.id
            return (a, b)
        }
    }

    @Test("time-respecting --all paths are exactly the brute-force ones, with the same certain/possible marks",
          arguments: seeds, rules)
    func allTemporalMatchBruteForce(seed: UInt64, rule: TemporalRule) {
        let graph = RandomGraphs.make(seed: seed, actors: 8, events: 10, relations: 3)
        let network = graph
        let brute = BruteForce(graph: graph)
        let search = PathSearch(view: LinkView(graph: network.links))
        for (a, b) in pairs(graph, seed: seed) {
            let found = Array(search.simplePaths(from: network.links.node(a)!, to: network.links.node(b)!, maxLength: 3, temporal: rule))
            let expected = brute.allSimplePaths(from: a, to: b, maxLength: 3)
                .compactMap { path in brute.temporalMark(path, strict: rule.strict, maxGap: rule.maxGap).map { (path, $0) } }
            #expect(found.map { $0.path.ids(in: network.links) } == expected.map(\.0))
            for (finding, (_, mark)) in zip(found, expected) where mark != "skip" {
                #expect(finding.temporal?.certainty.rawValue == mark)
            }
        }
    }

    @Test("the fewest-links temporal path has the brute-force minimum length and respects time", arguments: seeds)
    func fewestLinks(seed: UInt64) {
        let graph = RandomGraphs.make(seed: seed, actors: 8, events: 10, relations: 3)
        let network = graph
        let brute = BruteForce(graph: graph)
        let search = PathSearch(view: LinkView(graph: network.links))
        for rule in [TemporalRule(), TemporalRule(strict: true)] {
            for (a, b) in pairs(graph, seed: seed) {
                let found = search.temporalPath(from: network.links.node(a)!, to: network.links.node(b)!, rule: rule, objective: .fewestLinks)
                let feasible = brute.allSimplePaths(from: a, to: b, maxLength: 13)
                    .filter { !brute.feasibleDays($0.filter(brute.isLink), strict: rule.strict, maxGap: nil).isEmpty }
                #expect(found?.path.length == feasible.first.map(brute.length))
                if let found {
                    #expect(found.path.isValid(in: search.view))
                    let links = found.path.ids(in: network.links).filter(brute.isLink)
                    #expect(!brute.feasibleDays(links, strict: rule.strict, maxGap: nil).isEmpty)
                }
            }
        }
    }

    @Test("the earliest-arrival path arrives when brute force says the earliest path can", arguments: seeds)
    func earliestArrival(seed: UInt64) {
        let graph = RandomGraphs.make(seed: seed, actors: 8, events: 10, relations: 3)
        let network = graph
        let brute = BruteForce(graph: graph)
        let search = PathSearch(view: LinkView(graph: network.links))
        for (a, b) in pairs(graph, seed: seed) {
            let found = search.temporalPath(from: network.links.node(a)!, to: network.links.node(b)!, objective: .earliestArrival)
            let arrivals = brute.allSimplePaths(from: a, to: b, maxLength: 13)
                .compactMap { brute.feasibleDays($0.filter(brute.isLink), strict: false, maxGap: nil).min() }
            #expect((found == nil) == arrivals.isEmpty)
            if let found, let best = arrivals.min() {
                #expect(found.path.isValid(in: search.view))
                // Brute force clamps open relation sides to 2024–2026; a path of undated
                // relations arrives "any time" (nil) here.
                if let day = found.temporal?.earliestArrival {
                    #expect(day == best)
                } else {
                    #expect(best == PartialDate.dayNumber(year: 2024, month: 1, day: 1))
                }
            }
        }
    }

    @Test("paths found with a maximum gap respect it", arguments: seeds)
    func maxGap(seed: UInt64) {
        let graph = RandomGraphs.make(seed: seed, actors: 9, events: 14, relations: 3)
        let network = graph
        let brute = BruteForce(graph: graph)
        let search = PathSearch(view: LinkView(graph: network.links))
        let rule = TemporalRule(maxGap: 20)
        for (a, b) in pairs(graph, seed: seed) {
            for objective in TemporalObjective.allCases {
                guard let found = search.temporalPath(from: network.links.node(a)!, to: network.links.node(b)!, rule: rule, objective: objective) else { continue }
                let links = found.path.ids(in: network.links).filter(brute.isLink)
                #expect(!brute.feasibleDays(links, strict: false, maxGap: 20).isEmpty)
                #expect(Set(found.path.nodes).count == found.path.nodes.count)
            }
        }
    }

    @Test("partial dates: same month is possible, consecutive days are certain, reversed order impossible")
    func certaintyOfPartialDates() {
        func graph(_ d1: PartialDate, _ d2: PartialDate) -> LinkGraph {
            (GraphView(actors: [Actor(id: "a", kind: "company", name: "A"), Actor(id: "b", kind: "company", name: "B"),
                                            Actor(id: "c", kind: "company", name: "C")],
                                   events: [Event(id: "e1", kind: "meeting", date: .on(d1), title: "1", roles: [RoleBinding(role: "participants", ids: ["a", "b"])]),
                                            Event(id: "e2", kind: "meeting", date: .on(d2), title: "2", roles: [RoleBinding(role: "participants", ids: ["b", "c"])])])).links
        }
        func mark(_ d1: PartialDate, _ d2: PartialDate, _ rule: TemporalRule = TemporalRule()) -> TemporalCertainty? {
            let links = graph(d1, d2)
            return TemporalOrder.assess([links.node("e1")!, links.node("e2")!], in: links, rule: rule)?.certainty
        }
        let march = PartialDate(year: 2025, month: 3)!
        let march3 = PartialDate(year: 2025, month: 3, day: 3)!
        let march4 = PartialDate(year: 2025, month: 3, day: 4)!
        #expect(mark(march, march) == .possible)
        #expect(mark(march3, march4) == .certain)
        #expect(mark(march3, march3) == .certain)
        #expect(mark(march3, march3, TemporalRule(strict: true)) == nil)
        #expect(mark(march4, march3) == nil)
        #expect(mark(march, PartialDate(year: 2025, month: 4)!) == .certain)
        #expect(mark(march, PartialDate(year: 2025, month: 4)!, TemporalRule(maxGap: 10)) == .possible)
    }
}
