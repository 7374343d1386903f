import Testing
@testable import EventGraph

/// The theme-line chart's computed geometry: lanes, axis, marks, connectors and labels.
struct ThemeLineLayoutTests {
    static func fixture() throws -> GraphView { try GraphLoader().load(paths: [TimelineTests.fixture]) }
    static func aiRace() throws -> GraphView { try GraphLoader().load(paths: [Fixtures.root.appendingPathComponent("Graphs/ai-race").path]) }
    static func day(_ y: Int, _ m: Int, _ d: Int = 1) -> Int { PartialDate.dayNumber(year: y, month: m, day: d) }

    @Test("explicit lanes keep their order, one lane spacing apart, names right-aligned before the axis")
    func lanes() throws {
        let layout = ThemeLineLayout(graph: try Self.fixture(), actors: ["gamma", "alpha", "beta"], language: "zh-Hans")
        #expect(layout.lanes.map(\.actorID) == ["gamma", "alpha", "beta"])
        #expect(layout.lanes[0].name == "伽马")
        for (a, b) in zip(layout.lanes, layout.lanes.dropFirst()) {
            #expect(abs(b.y - a.y - layout.configuration.laneSpacing) < 0.001)
        }
        for lane in layout.lanes {
            #expect(lane.labelBox.maxX < layout.axisLeft)
            #expect(lane.labelBox.minX >= 0)
        }
    }

    @Test("an event in 2025-03 lies between the 2025-03 and 2025-04 ticks, as a bar covering the month")
    func axisPlacement() throws {
        let layout = ThemeLineLayout(graph: try Self.fixture(), actors: ["gamma", "alpha", "beta"])
        let march = try #require(layout.ticks.first { $0.day == Self.day(2025, 3) })
        let april = try #require(layout.ticks.first { $0.day == Self.day(2025, 4) })
        let marks = layout.marks.filter { $0.eventID == "e-month" }
        #expect(marks.count == 2) // speaker gamma, about beta
        for mark in marks {
            #expect(mark.isSpan)
            #expect(abs(mark.xStart - march.x) < 0.001)
            #expect(abs(mark.xEnd - april.x) < 0.001)
            #expect(march.x < mark.x && mark.x < april.x)
        }
        // A date known to the day is a dot inside its month.
        let dot = try #require(layout.marks.first { $0.eventID == "e-day" })
        let february = try #require(layout.ticks.first { $0.day == Self.day(2025, 2) })
        #expect(!dot.isSpan)
        #expect(february.x < dot.x && dot.x < march.x)
        // The axis runs over whole months, the year boundary is a year tick, and x grows with time.
        #expect(layout.startDay == Self.day(2025, 1))
        #expect(layout.endDay == Self.day(2026, 2))
        #expect(layout.ticks.first { $0.day == Self.day(2026, 1) }?.level == .year)
        #expect(layout.ticks.map(\.x) == layout.ticks.map(\.x).sorted())
        #expect(layout.axisLabels.contains { $0.text == "Mar" && march.x < $0.x && $0.x < april.x })
        #expect(layout.axisLabels.contains { $0.text == "2025" && $0.row == .years })
    }

    @Test("a year-only date is a bar over the whole year; ~ dates are marked approximate")
    func partialDates() throws {
        let layout = ThemeLineLayout(graph: try Self.fixture(), actors: ["alpha", "beta", "gamma"])
        let year = try #require(layout.marks.first { $0.eventID == "e-year" })
        #expect(abs(year.xStart - layout.x(day: Self.day(2025, 1))) < 0.001)
        #expect(abs(year.xEnd - layout.x(day: Self.day(2026, 1))) < 0.001)
        #expect(layout.marks.first { $0.eventID == "e-approx" }?.approximate == true)
        #expect(layout.marks.first { $0.eventID == "e-day" }?.approximate == false)
    }

    @Test("connectors join an event's marks across lanes; overlapping marks on a lane take different tracks")
    func connectorsAndTracks() throws {
        let layout = ThemeLineLayout(graph: try Self.fixture(), actors: ["alpha", "beta", "gamma"])
        let connector = try #require(layout.connectors.first { $0.eventID == "e-span" })
        let ys = layout.marks.filter { $0.eventID == "e-span" }.map(\.y)
        #expect(connector.top == ys.min() && connector.bottom == ys.max())
        for lane in layout.lanes {
            let marks = layout.marks.filter { $0.lane == lane.index }
            for (i, a) in marks.enumerated() {
                for b in marks[(i + 1)...] where a.xStart < b.xEnd && b.xStart < a.xEnd {
                    #expect(a.track != b.track, "\(a.eventID) and \(b.eventID) overlap on \(lane.actorID)")
                }
            }
        }
    }

    @Test("the most connected actors are chosen as lanes, deterministically")
    func chosenLanes() throws {
        let graph = try Self.aiRace()
        let lanes = ThemeLineLayout.chooseLanes(in: graph, count: 12)
        #expect(lanes.count == 12)
        #expect(Set(lanes).count == 12)
        #expect(lanes.contains("china"))
        #expect(ThemeLineLayout.chooseLanes(in: graph, count: 12) == lanes)
        #expect(ThemeLineLayout(graph: graph, laneCount: 12).lanes.map(\.actorID) == lanes)
    }

    /// Checks that no label overlaps another label or a lane name, and no leader crosses another label.
    static func expectNoCollisions(_ layout: ThemeLineLayout) {
        for (i, a) in layout.labels.enumerated() {
            for b in layout.labels[(i + 1)...] {
                #expect(!a.box.intersects(b.box), "label \(a.eventID) overlaps \(b.eventID)")
            }
            for lane in layout.lanes { #expect(!a.box.intersects(lane.labelBox)) }
            for other in layout.labels where other.eventID != a.eventID {
                let crosses = a.box.minX < other.leaderX && other.leaderX < a.box.maxX
                    && a.box.minY < other.leaderBottom && other.leaderTop < a.box.maxY
                #expect(!crosses, "the leader of \(other.eventID) crosses the label of \(a.eventID)")
            }
            #expect(a.box.maxY <= layout.lanesTop)
            #expect(a.leaderBottom > a.leaderTop)
        }
    }

    @Test("labels of the seed dataset never collide with each other, leaders or lane names")
    func labelsDoNotCollide() throws {
        let graph = try Self.aiRace()
        let full = ThemeLineLayout(graph: graph, laneCount: 20)
        #expect(full.labels.count == full.events.count)
        Self.expectNoCollisions(full)
        let window = DayInterval(first: Self.day(2025, 1), last: Self.day(2026, 1, 31))
        let windowed = ThemeLineLayout(graph: graph, laneCount: 18, window: window)
        Self.expectNoCollisions(windowed)
        for mark in windowed.marks {
            #expect(mark.xStart >= windowed.axisLeft - 0.001 - windowed.configuration.dotDiameter)
            #expect(mark.xEnd <= windowed.axisRight + 0.001 + windowed.configuration.dotDiameter)
        }
    }

    @Test("sixty events on one day get sixty stacked labels that do not collide")
    func denseLabels() throws {
        var events: [Event] = []
        for i in 0..<60 {
            events.append(Event(id: "e\(i)", kind: "statement", date: .on(try PartialDate(parsing: "2025-06-15")),
                                title: "Statement number \(i) on the same day", roles: [RoleBinding(role: "speaker", ids: [i % 2 == 0 ? "a" : "b"])]))
        }
        let graph = GraphView(actors: [Actor(id: "a", kind: "person", name: "A"), Actor(id: "b", kind: "person", name: "B")], events: events)
        let layout = ThemeLineLayout(graph: graph, laneCount: 2)
        #expect(layout.labels.count == 60)
        #expect(Set(layout.labels.map(\.row)).count == 60)
        Self.expectNoCollisions(layout)
    }

    @Test("past the label limit, events are drawn without labels and the diagram says so")
    func labelLimit() throws {
        var configuration = ThemeLineLayout.Configuration()
        configuration.maximumLabels = 5
        let graph = try Self.fixture()
        let layout = ThemeLineLayout(graph: graph, actors: ["alpha", "beta", "gamma"], configuration: configuration)
        #expect(layout.labels.isEmpty)
        #expect(layout.unlabelledEvents == 6)
        var diagram = ThemeLineDiagram(graph: graph, options: DiagramOptions(actors: ["alpha", "beta", "gamma"]))
        diagram.configuration = configuration
        #expect(diagram.document.text.contains("labels left out (more than 5)"))
    }

    @Test("every node of the theme-line DOT is pinned, and the DOT is deterministic")
    func pinnedDOT() throws {
        let graph = try Self.fixture()
        let text = graph.diagram(.themes).text
        #expect(!text.contains("rankdir"))
        for line in text.split(separator: "\n") where line.hasPrefix("  \"") && !line.contains(" -- ") {
            #expect(line.contains("pos=\"") && line.contains("!\""), "unpinned: \(line)")
        }
        #expect(text == (try Self.fixture()).diagram(.themes).text)
        #expect(DiagramView.themes.hasPinnedPositions && !DiagramView.timeline.hasPinnedPositions)
    }
}
