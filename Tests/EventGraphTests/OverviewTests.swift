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
}
