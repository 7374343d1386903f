import Testing
@testable import EventGraph

@Suite("Path algorithms on random graphs")
struct PathAlgorithmTests {
    static let seeds: [UInt64] = Array(1...12)

    func pairs(_ graph: GraphView, count: Int, seed: UInt64) -> [(String, String)] {
        var rng = SeededGenerator(seed: seed &* 7919)
        return (0..<count).map { _ in
            let a = graph.actors.randomElement(using: &rng)!.id
            var b = graph.actors.randomElement(using: &rng)!.id
            if a == b { b = graph.actors[(graph.actorPosition(a)! + 1) % graph.actors.count].id }
            return (a, b)
        }
    }

    @Test("node indices follow the byte order of the ids", arguments: seeds)
    func indexOrder(seed: UInt64) {
        let graph = RandomGraphs.make(seed: seed, actors: 20, events: 30, relations: 8)
        let links = graph.links
        let ids = (0..<links.nodeCount).map(links.id)
        #expect(ids == ids.sorted())
        #expect(links.nodeCount == graph.actors.count + graph.events.count + graph.relations.count)
        for id in ids { #expect(links.node(id).map(links.id) == id) }
    }

    @Test("the shortest path is a real path whose length equals brute force and a Dijkstra at unit weights", arguments: seeds)
    func shortestMatchesBruteForce(seed: UInt64) throws {
        let graph = RandomGraphs.make(seed: seed, actors: 14, events: 16, relations: 5)
        let network = graph
        let brute = BruteForce(graph: graph)
        let search = PathSearch(view: LinkView(graph: network.links))
        for (a, b) in pairs(graph, count: 8, seed: seed) {
            let from = network.links.node(a)!, to = network.links.node(b)!
            let found = search.shortestPath(from: from, to: to)
            let dijkstra = brute.dijkstra(from: a, to: b)
            let all = dijkstra.map { brute.allSimplePaths(from: a, to: b, maxLength: $0) } ?? []
            #expect(found?.length == all.first.map(brute.length))
            #expect(found?.length == dijkstra)
            if let found {
                #expect(found.isValid(in: search.view))
                #expect(found.nodes.first == from && found.nodes.last == to)
                // The smallest by ids among the shortest.
                #expect(found.ids(in: network.links) == all.first)
            }
        }
    }

    @Test("the k shortest paths are distinct, simple, sorted and the first k of brute force", arguments: seeds)
    func kShortest(seed: UInt64) {
        let graph = RandomGraphs.make(seed: seed, actors: 10, events: 12, relations: 4)
        let network = graph
        let brute = BruteForce(graph: graph)
        let search = PathSearch(view: LinkView(graph: network.links))
        for (a, b) in pairs(graph, count: 5, seed: seed) {
            let from = network.links.node(a)!, to = network.links.node(b)!
            let paths = search.kShortestPaths(from: from, to: to, k: 6)
            // Brute force enumerates up to 12 links; compare while Yen's paths stay within that.
            let expected = Array(brute.allSimplePaths(from: a, to: b, maxLength: 12).prefix(6))
            if paths.allSatisfy({ $0.length <= 12 }) {
                #expect(paths.map { $0.ids(in: network.links) } == expected)
            }
            #expect(Set(paths.map(\.nodes)).count == paths.count)
            #expect(paths == paths.sorted())
            for path in paths { #expect(path.isValid(in: search.view)) }
        }
    }

    @Test("all simple paths up to a length match brute-force enumeration", arguments: seeds)
    func allSimplePaths(seed: UInt64) {
        let graph = RandomGraphs.make(seed: seed, actors: 9, events: 11, relations: 4)
        let network = graph
        let brute = BruteForce(graph: graph)
        let search = PathSearch(view: LinkView(graph: network.links))
        for (a, b) in pairs(graph, count: 4, seed: seed) {
            let from = network.links.node(a)!, to = network.links.node(b)!
            for maxLength in [1, 3, 4] {
                let found = search.simplePaths(from: from, to: to, maxLength: maxLength).map { $0.path.ids(in: network.links) }
                #expect(found == brute.allSimplePaths(from: a, to: b, maxLength: maxLength))
            }
        }
    }

    @Test("avoided nodes and --via kinds are never used", arguments: seeds)
    func avoidAndVia(seed: UInt64) {
        let graph = RandomGraphs.make(seed: seed, actors: 12, events: 14, relations: 5)
        let network = graph
        let brute = BruteForce(graph: graph)
        var rng = SeededGenerator(seed: seed)
        for (a, b) in pairs(graph, count: 4, seed: seed) {
            let avoid = (0..<3).map { _ in graph.actors.randomElement(using: &rng)!.id }.filter { $0 != a && $0 != b }
            let query = PathQuery(mode: .all(limit: 1000), maxLength: 4, via: ["meeting"], avoid: avoid.compactMap(network.links.node))
            let answer = network.findPaths(from: network.links.node(a)!, to: network.links.node(b)!, query: query)
            let allowed = brute.allSimplePaths(from: a, to: b, maxLength: 4, avoiding: Set(avoid))
                .filter { path in path.allSatisfy { graph.actor($0) != nil || graph.event($0)?.kind == "meeting" } }
            #expect(answer.paths.map { $0.path.ids(in: network.links) } == allowed)
        }
    }

    @Test("filters restrict paths exactly like GraphView.filtered(by:)", arguments: seeds)
    func filtersMatchGraphFiltered(seed: UInt64) throws {
        let graph = RandomGraphs.make(seed: seed, actors: 12, events: 18, relations: 6)
        let network = graph
        let filter = GraphFilter(from: PartialDate(year: 2025, month: 2), to: PartialDate(year: 2025, month: 3))
        let filtered = graph.filtered(by: filter)
        let view = network.view(for: PathQuery(filter: filter))
        let keptLinks = Set((0..<network.links.nodeCount).filter { network.links.isLink($0) && view.allows($0) }.map(network.links.id))
        #expect(keptLinks == Set(filtered.events.map(\.id) + filtered.relations.map(\.id)))
    }

    @Test("the ego network holds every actor within the depth")
    func egoNetwork() {
        let graph = RandomGraphs.make(seed: 5, actors: 15, events: 12, relations: 4)
        let network = graph
        let brute = BruteForce(graph: graph)
        let center = network.links.node("a3")!
        let ego = network.egoNetwork(of: center, depth: 2)
        for actor in graph.actors {
            let d = brute.dijkstra(from: "a3", to: actor.id)
            let member = ego.actors.first { network.links.id($0.node) == actor.id }
            if let d, d <= 2 { #expect(member?.distance == d) } else { #expect(member == nil) }
        }
        #expect(ego.actors.first?.node == center)
    }
}
