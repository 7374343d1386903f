import Foundation
import Testing
@testable import EventGraph

/// The timeline: ordering of mixed-precision dates, grouping, following actors, outputs.
struct TimelineTests {
    static let fixture = Fixtures.root.appendingPathComponent("Tests/EventGraphTests/Fixtures/timeline/known.yaml").path

    @Test("events are ordered by their date intervals, with year-only dates heading their year")
    func mixedPrecisionOrder() throws {
        let timeline = Timeline(graph: try GraphLoader().load(paths: [Self.fixture]))
        #expect(timeline.entries.map(\.event.id) == ["e-year", "e-day", "e-span", "e-month", "e-approx", "e-next"])
        #expect(timeline.groups.map(\.period.description) == ["2025", "2025-02", "2025-03", "2026-01"])
        #expect(timeline.groups.map(\.period.title) == ["2025", "February 2025", "March 2025", "January 2026"])
    }

    @Test("overlapping intervals make the order possible, not certain")
    func possibleOrder() throws {
        let entries = Timeline(graph: try GraphLoader().load(paths: [Self.fixture])).entries
        let flags = Dictionary(uniqueKeysWithValues: entries.map { ($0.event.id, $0.overlapsPrevious) })
        #expect(flags["e-year"] == false)
        #expect(flags["e-day"] == true)      // 2025-02-01 lies within 2025
        #expect(flags["e-span"] == false)    // 2025-02-20..2025-04 starts after 2025-02-01
        #expect(flags["e-month"] == true)    // 2025-03 lies within the span
        #expect(flags["e-approx"] == true)   // ~2025-03-15 lies within 2025-03
        #expect(flags["e-next"] == false)
    }

    @Test("periods sort years before their months and are comparable across years")
    func periodOrder() {
        let periods = [TimelinePeriod(year: 2025, month: 3), TimelinePeriod(year: 2024), TimelinePeriod(year: 2025),
                       TimelinePeriod(year: 2024, month: 12)]
        #expect(periods.sorted().map(\.description) == ["2024", "2024-12", "2025", "2025-03"])
    }

    @Test("the text shows dates as written, participants by role and the sources cited")
    func text() throws {
        let text = Timeline(graph: try GraphLoader().load(paths: [Self.fixture])).text
        #expect(text.hasPrefix("Timeline fixture\n6 events, 2025-01-01 … 2026-01-05\n"))
        #expect(text.contains("≈ ~2025-03-15"))
        #expect(text.contains("2025-02-20..2025-04"))
        #expect(text.contains("speaker: Beta · about: Gamma"))
        #expect(text.contains("sources: early (2025-02-10); undated"))
        #expect(text.contains("\n  March 2025\n"))
    }

    @Test("following an actor keeps its events, including events about its events")
    func following() throws {
        let timeline = Timeline(graph: try GraphLoader().load(paths: [Self.fixture]), following: ["gamma"], language: "zh-Hans")
        #expect(timeline.entries.map(\.event.id) == ["e-span", "e-month", "e-approx", "e-next"])
        #expect(timeline.text.contains("following 伽马"))
        let quickstart = try GraphLoader().load(paths: [Fixtures.quickstart])
        let manus = Timeline(graph: quickstart, following: ["manus"]).entries.map(\.event.id)
        #expect(manus.contains("mofcom-reviews-deal")) // reviews Meta's acquisition of Manus
        #expect(!manus.contains("deepseek-r1-release"))
    }

    @Test("JSON and Markdown carry every event, and all outputs are deterministic")
    func outputs() throws {
        let graph = try GraphLoader().load(paths: [Self.fixture])
        let json = Timeline(graph: graph).json.text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let periods = try #require(object["periods"] as? [[String: Any]])
        #expect(periods.count == 4)
        let march = try #require(periods[2]["events"] as? [[String: Any]])
        #expect(march.map { $0["id"] as? String } == ["e-month", "e-approx"])
        #expect(march[1]["order"] as? String == "possible")
        #expect(march[1]["first"] as? String == "2025-03-15")
        let markdown = Timeline(graph: graph).markdown
        #expect(markdown.contains("### 2025 (month not known)"))
        #expect(markdown.contains("- **~2025-03-15** (≈) — Beta replies"))
        let again = try GraphLoader().load(paths: [Self.fixture])
        #expect(Timeline(graph: again).json.text == json)
        #expect(Timeline(graph: again).text == Timeline(graph: graph).text)
        #expect(Timeline(graph: again).markdown == markdown)
    }

    @Test("the timeline diagram ranks each period's first row with its spine heading")
    func diagram() throws {
        let graph = try GraphLoader().load(paths: [Self.fixture])
        let text = graph.diagram(.timeline).text
        #expect(text.contains(#"newrank="true""#))
        #expect(text.contains(#"rank="same""#))
        #expect(text.contains(#""spine:2025-02" -> "spine:2025-03""#))
        #expect(!text.contains("伽马"))
        let chinese = graph.diagram(.timeline, options: DiagramOptions(language: "zh-Hans")).text
        #expect(chinese.contains("伽马"))
        let followed = graph.diagram(.timeline, options: DiagramOptions(actors: ["beta"])).text
        #expect(!followed.contains(#""e-next" ["#))
        #expect(followed.contains(#""e-day" ["#))
    }
}
