import Foundation
import Testing
@testable import EventGraph

/// `diff`: between two dates of one graph, and between two versions.
struct DiffTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/EventGraphTests/Fixtures/timeline")
    static func versions() throws -> GraphDiff {
        let old = try GraphLoader().load(paths: [folder.appendingPathComponent("v1").path])
        let new = try GraphLoader().load(paths: [folder.appendingPathComponent("v2").path])
        return GraphDiff(old: old, new: new, oldName: "v1", newName: "v2")
    }
    static func date(_ text: String) throws -> PartialDate { try PartialDate(parsing: text) }

    @Test("two versions: added, removed and changed elements by id, with the fields that changed")
    func versions() throws {
        let diff = try Self.versions()
        func ids(_ change: GraphDiff.Change, _ element: GraphDiff.Element) -> [String] {
            diff.entries.filter { $0.change == change && $0.element == element }.map(\.id)
        }
        #expect(ids(.added, .actor) == ["newcomer"])
        #expect(ids(.removed, .actor) == ["gone"])
        #expect(ids(.changed, .actor) == ["alpha"])
        #expect(ids(.added, .event) == ["launch"])
        #expect(ids(.removed, .event) == ["old-news"])
        #expect(ids(.changed, .event) == ["deal"])
        #expect(ids(.added, .relation) == ["newcomer--works-at--beta"])
        #expect(ids(.removed, .relation) == ["gone--works-at--alpha"])
        #expect(ids(.added, .source) == ["s2"])
        #expect(diff.entries.first { $0.id == "deal" }?.fields == ["date"])
        #expect(diff.entries.first { $0.id == "alpha" }?.fields == ["name"])
        // Each changed field says from what to what, in the text and in JSON.
        #expect(diff.entries.first { $0.id == "deal" }?.values == [GraphDiff.FieldChange(field: "date", old: "2025-01", new: "2025-02")])
        #expect(diff.entries.first { $0.id == "alpha" }?.values == [GraphDiff.FieldChange(field: "name", old: "Alpha", new: "Alpha Corp")])
        #expect(diff.text.contains("[date: 2025-01 → 2025-02]"))
        #expect(diff.text.contains("[name: Alpha → Alpha Corp]"))
        #expect(diff.json.text.contains("\"old\": \"2025-01\""))
        // Unchanged elements are not listed; positions in the files do not count.
        #expect(!diff.entries.contains { $0.id == "beta" || $0.id == "s1" })
        // The diagram's graph holds what was removed as well as what is new.
        #expect(diff.graph.actor("gone") != nil && diff.graph.actor("newcomer") != nil)
        #expect(diff.graph.event("old-news") != nil)
    }

    @Test("a graph compared with itself has no changes")
    func identical() throws {
        let graph = try GraphLoader().load(paths: [Fixtures.quickstart])
        let again = try GraphLoader().load(paths: [Fixtures.quickstart])
        let diff = GraphDiff(old: graph, new: again, oldName: "a", newName: "b")
        #expect(diff.isEmpty)
        #expect(diff.text == "a → b\nno changes\n")
    }

    @Test("between two dates: what --as-of D2 shows beyond --as-of D1, relations started and ended")
    func dates() throws {
        let graph = try GraphLoader().load(paths: [TimelineTests.fixture])
        let diff = GraphDiff(graph: graph, from: try Self.date("2025-02"), to: try Self.date("2025-06"))
        #expect(diff.entries.filter { $0.element == .event }.map(\.id) == ["e-month", "e-approx"])
        #expect(diff.entries.filter { $0.element == .relation }.map(\.change) == [.added])
        #expect(diff.count(.known) == 0)
        // Exactly the difference between the two as-of views.
        let before = Set(graph.filtered(by: GraphFilter(asOf: try Self.date("2025-02"))).events.map(\.id))
        let after = Set(graph.filtered(by: GraphFilter(asOf: try Self.date("2025-06"))).events.map(\.id))
        #expect(Set(diff.entries.filter { $0.element == .event }.map(\.id)) == after.subtracting(before))
        let later = GraphDiff(graph: graph, from: try Self.date("2025-06"), to: try Self.date("2025-12"))
        #expect(later.entries.map(\.change) == [.ended])
        #expect(later.entries.first?.id == "gamma--leads--alpha")
        // Reversed dates find nothing.
        #expect(GraphDiff(graph: graph, from: try Self.date("2025-06"), to: try Self.date("2025-02")).isEmpty)
    }

    @Test("--known lists the sources published between the dates and what they were first to cite")
    func known() throws {
        let graph = try GraphLoader().load(paths: [TimelineTests.fixture])
        let diff = GraphDiff(graph: graph, from: try Self.date("2025-03"), to: try Self.date("2025"), known: true)
        let known = diff.entries.filter { $0.change == .known }
        #expect(known.filter { $0.element == .source }.map(\.id) == ["monthly", "annual"])
        #expect(known.filter { $0.element == .event }.map(\.id) == ["e-year", "e-month"])
        #expect(known.first { $0.id == "e-month" }?.sources == ["monthly"])
        // e-span was already known from the early report; the undated note never counts.
        #expect(!known.contains { $0.id == "e-span" || $0.id == "e-approx" || $0.id == "undated" })
    }

    @Test("text and JSON are deterministic and JSON parses")
    func outputs() throws {
        let diff = try Self.versions()
        #expect(diff.text == (try Self.versions()).text)
        #expect(diff.text.hasPrefix("v1 → v2: 4 added, 3 removed, 2 changed\n"))
        #expect(diff.text.contains("  ~ event    deal"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.json.text.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["removed"] as? Int == 3)
        #expect((object["changes"] as? [[String: Any]])?.count == 9)
        let dates = GraphDiff(graph: try GraphLoader().load(paths: [TimelineTests.fixture]), from: try Self.date("2025-02"),
                              to: try Self.date("2025-06"), known: true)
        let comparison = try #require((try JSONSerialization.jsonObject(with: Data(dates.json.text.utf8)) as? [String: Any])?["comparison"] as? [String: Any])
        #expect(comparison["after"] as? String == "2025-02-28")
        #expect(comparison["through"] as? String == "2025-06-30")
    }

    @Test("the diff diagram highlights each change and keeps untouched actors grey")
    func diagram() throws {
        let text = DiffDiagram(diff: try Self.versions()).document.text
        #expect(text.contains(DiffDiagram.color(of: .added)))
        #expect(text.contains(DiffDiagram.color(of: .removed)))
        #expect(text.contains(DiffDiagram.color(of: .changed)))
        #expect(text.contains(#""gone" [label=<"#))
        #expect(text.contains(#""beta" [label="Beta""#)) // context
        #expect(text.contains("changed: date"))
        #expect(DiffDiagram(diff: try Self.versions()).document.text == text)
    }
}
