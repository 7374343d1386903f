import Testing
@testable import EventGraph

/// Events per period: the HTML page's strip and play steps, and the timeline chart's strip.
struct EventActivityTests {
    static func day(_ text: String) -> Int { try! PartialDate(parsing: text).interval.first }

    @Test("counts each event once, in the period of the first day it may have happened, against a brute-force count")
    func countsMatchBruteForce() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let start = Self.day("2020-01-01") + Int.random(in: 0..<400, using: &generator)
            let days = (0..<Int.random(in: 1..<40, using: &generator)).map { _ in start + Int.random(in: 0..<(365 * Int.random(in: 1...40, using: &generator)), using: &generator) }
            guard let activity = EventActivity(days: days) else { Issue.record("no activity"); continue }
            #expect(activity.counts.reduce(0, +) == days.count)
            #expect(activity.periods.count <= EventActivity.maximumBars || activity.step == .year)
            for (period, count) in zip(activity.periods, activity.counts) {
                #expect(count == days.filter { period.interval.first <= $0 && $0 <= period.interval.last }.count)
            }
            // Periods follow each other without gaps.
            for (a, b) in zip(activity.periods, activity.periods.dropFirst()) { #expect(a.interval.last + 1 == b.interval.first) }
        }
    }

    @Test("the finest step that fits: months, then quarters, then years")
    func stepChoice() {
        #expect(EventActivity(days: [Self.day("2025-01-05"), Self.day("2025-12-31")])?.step == .month)
        #expect(EventActivity(days: [Self.day("2015-01-05"), Self.day("2025-12-31")])?.step == .quarter)
        #expect(EventActivity(days: [Self.day("1980-01-05"), Self.day("2025-12-31")])?.step == .year)
        #expect(EventActivity(days: [Self.day("1980-01-05"), Self.day("2025-12-31")], maximumBars: 200)?.step == .quarter)
        #expect(EventActivity(days: []) == nil)
        // A window: outside days are not counted, the bars span the window.
        let windowed = EventActivity(days: [Self.day("2024-12-31"), Self.day("2025-02-01")],
                                     span: DayInterval(first: Self.day("2025-01-01"), last: Self.day("2025-03-31")))!
        #expect(windowed.periods.map(\.description) == ["2025-01", "2025-02", "2025-03"])
        #expect(windowed.counts == [0, 1, 0])
    }

    @Test("the timeline chart ends with the strip: a bar per period, tooltips naming period and count, below the legend")
    func timelineStrip() {
        let graph = FrameSequenceTests.graph(name: "<b>A</b>")
        let text = graph.diagram(.timeline).text
        #expect(text.contains("\"strip:activity\" [label=<<TABLE"))
        #expect(text.contains("TITLE=\"January 2025: 1 event\""))
        #expect(text.contains("TITLE=\"February 2025: 0 events\""))
        #expect(text.contains("Events per month (by the earliest day each may have happened), January 2025 to June 2025 (most: 1 in January 2025)"))
        #expect(text.contains("\"diagram:legend\" -> \"strip:activity\" [style=\"invis\""))
        // No events, no strip.
        #expect(!GraphView().diagram(.timeline).text.contains("strip:activity"))
    }

    @Test("the page's data carries the periods the play button steps through")
    func pageData() {
        let page = HTMLPage(graph: FrameSequenceTests.graph(), diagram: FrameSequenceTests.graph().diagram(.actors))
        let json = page.data.compactText
        #expect(json.contains("\"activity\":{\"step\":\"month\",\"peak\":1,\"periods\":[[\"2025-01\",\"January 2025\","))
        #expect(json.contains("[\"2025-06\",\"June 2025\",20240,20269,1]"))
    }
}
