import Testing
@testable import EventGraph

/// The two time axes: --as-of (what had happened) and --known-as-of (what had been published).
struct TimelineFilterTests {
    static func graph() throws -> GraphView { try GraphLoader().load(paths: [TimelineTests.fixture]) }
    static func date(_ text: String) throws -> PartialDate { try PartialDate(parsing: text) }

    @Test("as-of keeps events that may have happened by then and relations in force")
    func asOf() throws {
        let graph = try Self.graph()
        let kept = graph.filtered(by: GraphFilter(asOf: try Self.date("2025-02")))
        #expect(kept.events.map(\.id) == ["e-day", "e-span", "e-year"])
        #expect(kept.relations.map(\.kind) == ["competes-with"]) // leads starts 2025-03
    }

    @Test("a source counts as published by a date only when its whole publication interval ends by then")
    func publication() throws {
        let monthly = Source(id: "m", title: "M", published: try Self.date("2025-11"))
        #expect(monthly.isPublished(by: try Self.date("2025-11")))
        #expect(monthly.isPublished(by: try Self.date("2025-12-01")))
        #expect(!monthly.isPublished(by: try Self.date("2025-11-15")))
        #expect(!Source(id: "u", title: "U").isPublished(by: try Self.date("2999")))
        #expect(Source(id: "d", title: "D", published: try Self.date("~2025-02-10")).isPublished(by: try Self.date("2025-02-10")))
    }

    @Test("known-as-of keeps what some evidence's source had published by then", arguments: [
        ("2025-02-15", ["e-day", "e-span"], [String]()),
        ("2025-06", ["e-day", "e-month", "e-span"], ["leads"]),
        ("2025", ["e-day", "e-month", "e-span", "e-year"], ["leads"]),
        ("2999", ["e-day", "e-month", "e-span", "e-year"], ["leads"]),
    ])
    func knownAsOf(date: String, events: [String], relations: [String]) throws {
        let graph = try Self.graph()
        let filter = GraphFilter(knownAsOf: try Self.date(date))
        let kept = graph.filtered(by: filter)
        #expect(kept.events.map(\.id) == events)
        // The uncited relation (competes-with) is known from no source, so it never passes.
        #expect(kept.relations.map(\.kind) == relations)
        // Events citing only the undated source never pass.
        #expect(!kept.events.contains { $0.id == "e-approx" || $0.id == "e-next" })
    }

    @Test("keeps(_:) honours known-as-of once the filter is resolved against the graph")
    func keepsResolved() throws {
        let graph = try Self.graph()
        var filter = GraphFilter(knownAsOf: try Self.date("2025-02-15"))
        #expect(filter.keeps(try #require(graph.event("e-month")))) // unresolved: not applied yet
        filter = filter.resolved(in: graph)
        #expect(filter.knownSources == ["early"])
        #expect(!filter.keeps(try #require(graph.event("e-month"))))
        #expect(filter.keeps(try #require(graph.event("e-day"))))
        #expect(!filter.keeps(try #require(graph.relations.first { $0.kind == "leads" })))
        #expect(!filter.isEmpty)
        #expect(filter.resolved(in: graph) == filter)
    }

    @Test("as-of and known-as-of combine: what had happened and was already reported")
    func bothAxes() throws {
        let graph = try Self.graph()
        let kept = graph.filtered(by: GraphFilter(asOf: try Self.date("2025-03"), knownAsOf: try Self.date("2025-06")))
        #expect(kept.events.map(\.id) == ["e-day", "e-month", "e-span"])
        let reported = graph.filtered(by: GraphFilter(asOf: try Self.date("2025-03"), knownAsOf: try Self.date("2025-03")))
        #expect(reported.events.map(\.id) == ["e-day", "e-span"])
    }
}
