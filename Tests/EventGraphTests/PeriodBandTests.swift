import Foundation
import Testing
@testable import EventGraph

/// Periods drawn as bands: stacking, colours through StyleValue, the theme-line and timeline charts.
struct PeriodBandTests {
    static func band(_ id: String, _ from: String, _ to: String, color: String? = nil, title: String? = nil, index: Int = 0) -> PeriodBand {
        let first = try! PartialDate(parsing: from).interval.first, last = try! PartialDate(parsing: to).interval.last
        return PeriodBand(id: id, title: title ?? id, interval: DayInterval(first: first, last: last), color: color, index: index)
    }

    @Test("overlapping periods go on separate rows, as few as the most overlapping on one day (brute force)")
    func stackingAgainstBruteForce() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let bands = (0..<Int.random(in: 0...12, using: &generator)).map { i in
                let first = Int.random(in: 0..<100, using: &generator)
                return PeriodBand(id: "p\(i)", title: "p\(i)", interval: DayInterval(first: first, last: first + Int.random(in: 0..<40, using: &generator)), color: nil)
            }
            let stacked = PeriodBand.stacked(bands)
            #expect(stacked.count == bands.count)
            for (i, a) in stacked.enumerated() {
                for b in stacked[(i + 1)...] where a.row == b.row { #expect(!a.interval.overlaps(b.interval), "\(a.id) and \(b.id) share row \(a.row)") }
            }
            let depth = (0..<140).map { day in bands.filter { $0.interval.first <= day && day <= $0.interval.last }.count }.max() ?? 0
            #expect((stacked.map(\.row).max() ?? -1) + 1 == depth)
        }
    }

    @Test("colours: a StyleValue colour is used, made translucent when hex; anything else falls back to the palette")
    func colours() {
        #expect(Self.band("a", "2025", "2025", color: "#abc").translucentFill() == "#aabbcc40")
        #expect(Self.band("a", "2025", "2025", color: "#123456").translucentFill() == "#12345640")
        #expect(Self.band("a", "2025", "2025", color: "#12345680").translucentFill() == "#12345680")
        #expect(Self.band("a", "2025", "2025", color: "steelblue").solidColor == "steelblue")
        #expect(Self.band("a", "2025", "2025", color: "steelblue").translucentFill() == "#9e9e9e40")
        #expect(Self.band("a", "2025", "2025", color: "red\"><IMG SRC=\"x\"/>", index: 1).solidColor == PeriodBand.palette[1])
    }

    /// The timeline chart of FrameSequenceTests' graph with two overlapping periods.
    static func timelineWithTwoPeriods() -> TimelineDiagram {
        var diagram = TimelineDiagram(graph: FrameSequenceTests.graph())
        diagram.periods = [band("thaw", "2025-01", "2025-03", color: "#2e7d32", title: "Thaw & <talks>"),
                           band("chill", "2025-02", "2025-06", title: "Chill", index: 1)]
        return diagram
    }

    static func themeDiagram(_ periods: [PeriodBand]) -> ThemeLineDiagram {
        var diagram = ThemeLineDiagram(graph: FrameSequenceTests.graph(), options: DiagramOptions(lanes: 4))
        diagram.periods = periods
        return diagram
    }

    @Test("the theme-line chart draws each period as a band over the lanes and names it under the axis, overlapping ones on their own rows")
    func themeBands() throws {
        let periods = [Self.band("thaw", "2025-01", "2025-03", color: "#2e7d32", title: "Thaw & <talks>"),
                       Self.band("chill", "2025-02", "2025-05", title: "Chill", index: 1),
                       Self.band("later", "2025-05-20", "2025-06", index: 2)]
        let diagram = Self.themeDiagram(periods)
        let layout = diagram.layout
        let placed = diagram.periodBands(layout)
        #expect(placed.map(\.band.id) == ["thaw", "chill", "later"])
        #expect(placed.map(\.band.row) == [0, 1, 0])
        let text = diagram.document.text
        #expect(text.contains("\"period:thaw\" [pos="))
        #expect(text.contains("fillcolor=\"#2e7d3240\""))
        #expect(text.contains("Thaw &amp; &lt;talks&gt;"))
        #expect(text.contains("tooltip=\"Thaw & <talks> (2025-01-01 – 2025-03-31)\""))
        // Bands come first: everything else is drawn over them.
        let firstBand = try #require(text.range(of: "\"period:thaw\""))
        let firstLane = try #require(text.range(of: "\"lane:"))
        #expect(firstBand.lowerBound < firstLane.lowerBound)
        // Without periods, nothing changes.
        #expect(Self.themeDiagram([]).document.text == ThemeLineDiagram(graph: FrameSequenceTests.graph(), options: DiagramOptions(lanes: 4)).document.text)
        if let out = ProcessInfo.processInfo.environment["EVENTGRAPH_PERIODS_DOT"] { try text.write(toFile: out, atomically: true, encoding: .utf8) }
    }

    @Test("the timeline chart marks each period beside the headings it covers, titled under the first, in stacked columns")
    func timelineMarks() throws {
        let text = Self.timelineWithTwoPeriods().document.text
        // Headings: 2025, January, March, June. Thaw covers 2025, January, March; Chill 2025, March, June.
        #expect(text.components(separatedBy: "TITLE=\"Thaw &amp; &lt;talks&gt; (2025-01-01 – 2025-03-31)\"").count - 1 == 3)
        #expect(text.components(separatedBy: "TITLE=\"Chill (2025-02-01 – 2025-06-30)\"").count - 1 == 3)
        // Both overlap 2025 (the first heading), so both titles are under it, in two columns.
        #expect(text.contains("<B>Thaw &amp; &lt;talks&gt;</B>") && text.contains("<B>Chill</B>"))
        #expect(text.contains("<TD WIDTH=\"7\" BGCOLOR=\"#2e7d32\""))
        #expect(!text.contains("<talks>"))
        // Without periods, headings are as before.
        #expect(!TimelineDiagram(graph: FrameSequenceTests.graph()).document.text.contains("ROWSPAN"))
        if let out = ProcessInfo.processInfo.environment["EVENTGRAPH_PERIODS_TIMELINE"] { try text.write(toFile: out, atomically: true, encoding: .utf8) }
    }
}
