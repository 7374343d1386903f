import Testing
@testable import EventGraph

@Suite("Overviews of big graphs")
struct OverviewTests {
    /// A hub joined to every spoke, spokes joined in a ring, one event among three spokes.
    static func star(spokes: Int) -> GraphView {
        var actors = [Actor(id: "hub", kind: "company", name: "Hub")]
        var events: [Event] = []
        for i in 0..<spokes {
            actors.append(Actor(id: "s\(i)", kind: "company", name: "Spoke \(i)"))
            events.append(Event(id: "hub-s\(i)", kind: "meeting", date: .on(PartialDate(year: 2025)!), title: "hub and \(i)",
                                roles: [RoleBinding(role: "participants", ids: ["hub", "s\(i)"])]))
        }
        events.append(Event(id: "trio", kind: "meeting", date: .on(PartialDate(year: 2025)!), title: "trio",
                            roles: [RoleBinding(role: "participants", ids: ["s0", "s1", "s2"])]))
        return GraphView(actors: actors, events: events)
    }

    @Test("an overview keeps the most connected actors (ties by id) and only the links among them")
    func mostConnected() throws {
        let graph = Self.star(spokes: 10)
        let overview = try #require(graph.overview(limit: 4))
        // hub: 10 links; s0, s1, s2: 2 each; the rest 1.
        #expect(overview.view.actors.map(\.id) == ["hub", "s0", "s1", "s2"])
        #expect(overview.view.events.map(\.id).sorted() == ["hub-s0", "hub-s1", "hub-s2", "trio"])
        #expect(overview.caption == "the 4 most connected of 11 actors")
    }

    @Test("no overview when the graph is small enough or the limit is 0")
    func smallGraphs() {
        let graph = Self.star(spokes: 3)
        #expect(graph.overview(limit: 4) == nil)
        #expect(graph.overview(limit: 0) == nil)
    }

    @Test("a link that joins a left-out actor is left out, even when the others are kept")
    func inducedLinks() throws {
        let graph = Self.star(spokes: 10)
        let overview = try #require(graph.overview(limit: 3))
        #expect(overview.view.actors.map(\.id) == ["hub", "s0", "s1"])
        #expect(!overview.view.events.map(\.id).contains("trio"), "the trio names s2, which is left out")
    }

    @Test("a focused overview keeps the focus and its nearest actors first, most connected within a distance (against brute force on random graphs)",
          arguments: 0..<60)
    func focusedNearestFirst(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        let n = 6 + Int(rng.next() % 20)
        let actors = (0..<n).map { Actor(id: "a\($0)", kind: "company", name: "A\($0)") }
        // a0, the focus, is always in one event, so its neighbourhood has two actors or more.
        var events = [Event(id: "first", kind: "meeting", date: .on(PartialDate(year: 2025)!), title: "first",
                            roles: [RoleBinding(role: "participants", ids: ["a0", "a1"])])]
        for e in 0..<(n + Int(rng.next() % UInt64(2 * n))) {
            let size = 2 + Int(rng.next() % 2)
            let ids = Set((0..<size).map { _ in "a\(rng.next() % UInt64(n))" })
            guard ids.count > 1 else { continue }
            events.append(Event(id: "e\(e)", kind: "meeting", date: .on(PartialDate(year: 2025)!), title: "e\(e)",
                                roles: [RoleBinding(role: "participants", ids: ids.sorted())]))
        }
        let graph = GraphView(actors: actors, events: events)
        let depth = 1 + Int(rng.next() % 2)
        let focused = graph.filtered(by: GraphFilter(focus: "a0", depth: depth))
        let limit = max(1, focused.actors.count / 2)
        #expect(focused.overview(limit: focused.actors.count, focus: "a0", depth: depth) == nil, "nothing to leave out")
        let overview = try #require(focused.overview(limit: limit, focus: "a0", depth: depth))
        // Brute force: distances by breadth-first search over the focused view's events.
        var distance = ["a0": 0], frontier = ["a0"]
        while !frontier.isEmpty {
            var next: [String] = []
            for actor in frontier {
                for event in focused.events where event.roles.contains(where: { $0.ids.contains(actor) }) {
                    for other in event.roles.flatMap(\.ids) where distance[other] == nil {
                        distance[other] = distance[actor]! + 1
                        next.append(other)
                    }
                }
            }
            frontier = next
        }
        let degree = Dictionary(uniqueKeysWithValues: focused.actors.map { actor in
            (actor.id, focused.events.filter { $0.roles.contains(where: { $0.ids.contains(actor.id) }) }.count)
        })
        let ranked = focused.actors.map(\.id).sorted {
            (distance[$0]!, -degree[$0]!, $0) < (distance[$1]!, -degree[$1]!, $1)
        }
        let chosen = Set(ranked.prefix(limit))
        let shown = Set(overview.view.actors.map(\.id))
        #expect(shown.isSubset(of: chosen), "only the nearest, most connected actors are drawn")
        // Every event drawn joins chosen actors only; every event among chosen actors is drawn.
        let among = focused.events.filter { $0.roles.flatMap(\.ids).allSatisfy(chosen.contains) }.map(\.id)
        #expect(overview.view.events.map(\.id).sorted() == among.sorted())
        #expect(overview.isFocused && overview.caption.contains("nearest and most connected of \(focused.actors.count) actors"))
    }

    @Test("a focused overview keeps the hub's own spokes before the spokes' other partners")
    func focusedStar() throws {
        var graph = Self.star(spokes: 6)
        // s0…s5 are one step from the hub; far0…far9 two steps, each more connected than any spoke.
        var actors = Array(graph.actors), events = Array(graph.events)
        for i in 0..<10 {
            actors.append(Actor(id: "far\(i)", kind: "company", name: "Far \(i)"))
            for j in 0..<4 {
                events.append(Event(id: "far\(i)-\(j)", kind: "meeting", date: .on(PartialDate(year: 2025)!), title: "far",
                                    roles: [RoleBinding(role: "participants", ids: ["far\(i)", "s\(j % 6)"])]))
            }
        }
        graph = GraphView(actors: actors, events: events)
        let focused = graph.filtered(by: GraphFilter(focus: "hub", depth: 2))
        let overview = try #require(focused.overview(limit: 7, focus: "hub", depth: 2))
        #expect(overview.view.actors.map(\.id).sorted() == ["hub", "s0", "s1", "s2", "s3", "s4", "s5"])
        #expect(overview.caption == "the 7 nearest and most connected of 17 actors")
    }

    @Test("a theme chart's axis leaves off a few events far before the rest and says so; a --from window keeps them")
    func themeAxisOutliers() throws {
        var events: [Event] = (1...24).map { i in
            Event(id: "e\(i)", kind: "meeting", date: .on(PartialDate(year: 2025, month: (i % 12) + 1)!), title: "m\(i)",
                  roles: [RoleBinding(role: "participants", ids: ["a", "b"])])
        }
        events.append(Event(id: "old", kind: "meeting", date: .on(PartialDate(year: 1987)!), title: "long ago",
                            roles: [RoleBinding(role: "participants", ids: ["a", "b"])]))
        let graph = GraphView(actors: [Actor(id: "a", kind: "company", name: "A"), Actor(id: "b", kind: "company", name: "B")],
                              events: events)
        let layout = ThemeLineLayout(graph: graph)
        #expect(layout.eventsBeforeAxis == 1)
        #expect(layout.startDay == PartialDate.dayNumber(year: 2025, month: 1, day: 1))
        #expect(!layout.events.map(\.id).contains("old"))
        #expect(ThemeLineDiagram(graph: graph).document.text.contains("1 event long before the rest (before 2025-01-01) left off the axis"))
        let windowed = ThemeLineLayout(graph: graph, window: DayInterval(first: PartialDate.dayNumber(year: 1987, month: 1, day: 1), last: Int.max))
        #expect(windowed.eventsBeforeAxis == 0 && windowed.events.map(\.id).contains("old"))
    }
}
