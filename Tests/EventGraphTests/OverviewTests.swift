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
