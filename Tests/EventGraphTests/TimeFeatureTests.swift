import Foundation
import Testing
@testable import EventGraph

/// Quarters and halves, periods, actor lifespans and relative dates (format.md, "Added in the
/// second release"), through the one loader.
@Suite("Time: quarters, periods, lifespans, relative dates")
struct TimeFeatureTests {
    static func load(_ yaml: String) throws(InputError) -> GraphView {
        try GraphLoader().load([InputDocument(name: "g.yaml", text: yaml)])
    }

    static func errors(_ yaml: String) -> [String] {
        do {
            _ = try load(yaml)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static let header = """
    sources:
      s: {title: S}
    actors:
      a: {kind: company, name: A}
      b: {kind: company, name: B}

    """

    /// An event of two participants with the given date lines.
    static func event(_ id: String, _ dateLines: String) -> String {
        "  \(id):\n    kind: meeting\n    title: \(id)\n    participants: [a, b]\n    sources: [{source: s}]\n"
            + dateLines.split(separator: "\n").map { "    \($0)\n" }.joined()
    }

    // MARK: Quarters and halves

    @Test("quarters and halves parse, print as written and cover their months",
          arguments: [("2025-Q1", "2025-01-01", "2025-03-31"), ("2025-Q3", "2025-07-01", "2025-09-30"),
                      ("2024-Q4", "2024-10-01", "2024-12-31"), ("2025-H1", "2025-01-01", "2025-06-30"),
                      ("2025-H2", "2025-07-01", "2025-12-31"), ("~2025-Q2", "2025-04-01", "2025-06-30")])
    func quarters(text: String, first: String, last: String) throws {
        let date = try PartialDate(parsing: text)
        #expect(date.description == text)
        #expect(DayInterval.isoDate(date.interval.first) == first)
        #expect(DayInterval.isoDate(date.interval.last) == last)
        #expect(PartialDate(packed: date.packed) == date, "the event columns keep the date exactly")
    }

    @Test("quarters and halves that do not exist are refused with a reason", arguments: ["2025-Q0", "2025-Q5", "2025-H3", "2025-Q", "2025-Q12"])
    func badQuarters(text: String) {
        #expect(throws: DateSyntaxError.self) { try PartialDate(parsing: text) }
    }

    @Test("precision orders year < half < quarter < month < day")
    func precision() throws {
        let texts = ["2025", "2025-H1", "2025-Q1", "2025-01", "2025-01-01"]
        let precisions = try texts.map { try PartialDate(parsing: $0).precision }
        #expect(precisions == precisions.sorted())
        #expect(Set(precisions).count == 5)
    }

    // MARK: Periods

    @Test("periods load sorted by date, filter like --from/--to, and become TimelineJS eras split where they overlap")
    func periods() throws {
        let graph = try Self.load("""
        periods:
          late: {title: Late, from: 2025-H2, to: 2025-12}
          early: {title: Early, from: 2025-Q1, to: 2025-07, color: steelblue, actors: [a]}
        \(Self.header)events:
        \(Self.event("e1", "date: 2025-02-10"))\(Self.event("e2", "date: 2025-08-01"))\(Self.event("e3", "date: 2025-11"))
        """)
        #expect(graph.periods.map(\.id) == ["early", "late"])
        let early = try graph.resolvePeriod("early")
        #expect(try graph.resolvePeriod("LATE").id == "late", "a title matches ignoring case")
        #expect(throws: NameResolutionError.self) { try graph.resolvePeriod("erly") }
        let kept = graph.filtered(by: GraphFilter(period: early.interval)).events.map(\.id)
        #expect(kept == ["e1"])
        let both = graph.filtered(by: GraphFilter(from: try PartialDate(parsing: "2025-07"), period: early.interval)).events.map(\.id)
        #expect(both.isEmpty, "--from and --period both apply")
        let eras = TimelineJSExporter.eras(graph.periods).map(\.compactText)
        #expect(eras == [
            #"{"start_date":{"year":2025,"month":1,"day":1},"end_date":{"year":2025,"month":6,"day":30},"text":{"headline":"Early"}}"#,
            #"{"start_date":{"year":2025,"month":7,"day":1},"end_date":{"year":2025,"month":7,"day":31},"text":{"headline":"Early · Late"}}"#,
            #"{"start_date":{"year":2025,"month":8,"day":1},"end_date":{"year":2025,"month":12,"day":31},"text":{"headline":"Late"}}"#,
        ])
    }

    @Test("periods that do not overlap keep their own dates as eras")
    func separateEras() throws {
        let eras = TimelineJSExporter.eras([
            Period(id: "a", title: "A", from: try PartialDate(parsing: "2024"), to: try PartialDate(parsing: "2024")),
            Period(id: "b", title: "B", from: try PartialDate(parsing: "2025-03"), to: try PartialDate(parsing: "2025-Q3")),
        ]).map(\.compactText)
        #expect(eras == [
            #"{"start_date":{"year":2024},"end_date":{"year":2024},"text":{"headline":"A"}}"#,
            #"{"start_date":{"year":2025,"month":3},"end_date":{"year":2025,"month":7,"display_date":"2025-Q3"},"text":{"headline":"B"}}"#,
        ])
    }

    @Test("a period's mistakes are all reported: missing dates, reversed dates, bad colour, unknown actor, duplicate id")
    func periodErrors() {
        let errors = Self.errors("""
        periods:
          p1: {title: P1, from: 2025}
          p2: {title: P2, from: 2025, to: 2024}
          p3: {title: P3, from: 2025, to: 2025, color: "#fff\\"><IMG SRC=x>", actors: [zed]}
        \(Self.header)
        """)
        #expect(errors == [
            "g.yaml:2:3: error: period 'p1' is missing required field 'to'",
            "g.yaml:3:35: error: period 'p2' ends (to 2024) before it starts (from 2025)",
            "g.yaml:4:48: error: '#fff\"><IMG SRC=x>' is not a colour for 'color': use #rgb, #rrggbb, #rrggbbaa or a colour name such as 'steelblue'",
            "g.yaml:4:79: error: period names unknown actor 'zed'",
        ])
    }

    // MARK: Lifespans

    @Test("an event certainly outside an actor's lifespan is an error naming both dates; a possible one a warning")
    func lifespanConflicts() throws {
        let yaml = """
        sources:
          s: {title: S}
        actors:
          a: {kind: company, name: A, since: 2025-03, until: 2025-10}
          b: {kind: company, name: B}
        events:
        \(Self.event("early", "date: 2025-02-20"))\(Self.event("late", "date: 2025-11-02"))
        """
        #expect(Self.errors(yaml) == [
            "g.yaml:10:20: error: event 'early' (2025-02-20) involves 'a' before it existed (since 2025-03)",
            "g.yaml:16:20: error: event 'late' (2025-11-02) involves 'a' after it ended (until 2025-10)",
        ])
        let possible = try Self.load(yaml.replacingOccurrences(of: "2025-02-20", with: "2025-03").replacingOccurrences(of: "2025-11-02", with: "2025"))
        #expect(possible.warnings.map(\.description) == [
            "g.yaml:16:20: warning: event 'late' (2025) may involve 'a' after it ended (until 2025-10)",
            "g.yaml:16:20: warning: event 'late' (2025) may involve 'a' before it existed (since 2025-03)",
        ], "the event dated 2025-03 is the founding month itself and passes")
    }

    @Test("as of a date, actors that certainly did not exist yet are left out; the lifespan is the actor node's interval")
    func asOfLeavesOutUnbornActors() throws {
        let graph = try Self.load("""
        sources:
          s: {title: S}
        actors:
          a: {kind: company, name: A}
          b: {kind: company, name: B}
          c: {kind: company, name: C, since: 2025-06}
        events:
        \(Self.event("e1", "date: 2025-01"))  e2:
            kind: meeting
            title: e2
            participants: [a, c]
            sources: [{source: s}]
            date: 2025-07
        """)
        let node = graph.links.node("c")!
        #expect(graph.links.interval(node).first == PartialDate.dayNumber(year: 2025, month: 6, day: 1))
        #expect(graph.links.interval(graph.links.node("a")!).first == Int(LinkGraph.dayMin))
        let before = graph.filtered(by: GraphFilter(asOf: try PartialDate(parsing: "2025-05")))
        #expect(before.actors.map(\.id) == ["a", "b"])
        let after = graph.filtered(by: GraphFilter(asOf: try PartialDate(parsing: "2025-07")))
        #expect(after.actors.map(\.id) == ["a", "b", "c"])
    }

    @Test("a theme line starts and ends with its actor's lifespan; actors without one span the axis")
    func themeLinesFollowLifespans() throws {
        let graph = try GraphLoader().load(paths: [PathFixtures.packageRoot.appendingPathComponent("Samples/time/graph.yaml").path])
        let layout = ThemeLineLayout(graph: graph)
        let lanes = Dictionary(uniqueKeysWithValues: layout.lanes.map { ($0.actorID, $0) })
        let model = try #require(lanes["acme-one"]), beta = try #require(lanes["beta"]), regulator = try #require(lanes["regulator"])
        func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }
        #expect(near(model.lineStart, layout.x(day: PartialDate.dayNumber(year: 2025, month: 3, day: 12))))
        #expect(model.lineEnd == layout.axisRight)
        #expect(beta.lineStart == layout.axisLeft)
        #expect(near(beta.lineEnd, layout.x(day: PartialDate.dayNumber(year: 2025, month: 10, day: 1))))
        #expect(regulator.lineStart == layout.axisLeft && regulator.lineEnd == layout.axisRight)
    }

    // MARK: Relative dates

    @Test("a relative date resolves to the narrowest interval and says where it comes from")
    func relativeDate() throws {
        let graph = try Self.load(Self.header + "events:\n" + Self.event("launch", "date: 2025-03-12")
            + Self.event("follow", "after: launch\nwithin: 2w") + Self.event("meet", "after: follow\nbefore: review\nwithin: 30d")
            + Self.event("review", "date: 2025-04"))
        let follow = try #require(graph.event("follow"))
        #expect(follow.date.description == "[2025-03-12..2025-03-26]")
        #expect(follow.dateProvenance == "date after launch, within 14 days")
        #expect(try #require(graph.event("meet")).date.description == "[2025-03-12..2025-04-25]")
        #expect(try #require(graph.event("launch")).date.description == "2025-03-12", "the events pointed at keep their dates")
    }

    @Test("relative dates that cannot hold are errors: cycles are named in order, contradictions by their chains")
    func contradictions() {
        let cycle = Self.errors(Self.header + "events:\n" + Self.event("x", "after: z\nwithin: 3d") + Self.event("y", "after: x\nwithin: 3d")
            + Self.event("z", "after: y\nwithin: 3d"))
        #expect(cycle == ["g.yaml:12:12: error: relative dates form a cycle: 'x' → 'y' → 'z' → 'x', each after the one before"])
        let contradiction = Self.errors(Self.header + "events:\n" + Self.event("e-b", "date: 2025-03-10")
            + Self.event("e-a", "after: e-b\nbefore: e-c") + Self.event("e-c", "date: 2025-03-05"))
        #expect(contradiction == [
            "g.yaml:18:12: error: relative dates contradict each other: 'e-a' must be on or after 2025-03-10 ('e-b' → 'e-a') and on or before 2025-03-05 ('e-a' → 'e-c')",
        ])
        let open = Self.errors(Self.header + "events:\n" + Self.event("e-b", "date: 2025-03-10") + Self.event("e-a", "after: e-b"))
        #expect(open == ["g.yaml:18:12: error: the relative date of event 'e-a' is open-ended (no latest day): add 'within:', another 'after:'/'before:' event, or a 'date:'"])
    }

    @Test("a long chain of relative dates written backwards settles in one sweep, with every day right")
    func longChainBackwards() throws {
        let n = 3000
        var text = Self.header + "events:\n"
        for i in 0..<(n - 1) { text += Self.event("e\(i)", "after: e\(i + 1)\nwithin: 1d") }
        text += Self.event("e\(n - 1)", "date: 2025-01-01")
        let graph = try Self.load(text)
        let base = PartialDate.dayNumber(year: 2025, month: 1, day: 1)
        for i in [0, 1, n / 2, n - 2] {
            let interval = try #require(graph.event("e\(i)")).date.interval
            #expect(interval.first == base && interval.last == base + (n - 1 - i), "e\(i)")
        }
    }

    /// Brute force: every assignment of days to the events within a window, keeping those that
    /// meet every constraint; the range of each relative event's days over them.
    struct Case {
        enum Date { case day(Int), days(Int, Int), span(Int, Int), relative(given: (Int, Int)?) }
        var dates: [Date]
        /// (event, after?, other, within)
        var constraints: [(Int, Bool, Int, Int?)]
    }

    static func bruteForce(_ c: Case, window: Int) -> [Int: (Int, Int)]? {
        let n = c.dates.count
        // Each event's first and last day variables (equal for a one-day event).
        func domain(_ i: Int) -> [(Int, Int)] {
            switch c.dates[i] {
            case let .day(d): return [(d, d)]
            case let .days(a, b): return (a...b).map { ($0, $0) }
            case let .span(a, b): return [(a, b)]
            case let .relative(given): return (given.map { $0.0...$0.1 } ?? 0...window).map { ($0, $0) }
            }
        }
        var best: [Int: (Int, Int)] = [:]
        var found = false
        var choice = [(Int, Int)](repeating: (0, 0), count: n)
        func ok() -> Bool {
            for (a, isAfter, b, within) in c.constraints {
                let day = choice[a].0
                if isAfter {
                    let end = choice[b].1
                    if day < end { return false }
                    if let w = within, day > end + w { return false }
                } else {
                    let start = choice[b].0
                    if day > start { return false }
                    let hasAfter = c.constraints.contains { $0.0 == a && $0.1 }
                    if !hasAfter, let w = within, day < start - w { return false }
                }
            }
            return true
        }
        func go(_ i: Int) {
            if i == n {
                guard ok() else { return }
                found = true
                for (k, date) in c.dates.enumerated() {
                    guard case .relative = date else { continue }
                    let d = choice[k].0
                    best[k] = best[k].map { (min($0.0, d), max($0.1, d)) } ?? (d, d)
                }
                return
            }
            for pick in domain(i) {
                choice[i] = pick
                go(i + 1)
            }
        }
        go(0)
        return found ? best : nil
    }

    static func randomCase(seed: UInt64) -> Case {
        var rng = SeededGenerator(seed: seed)
        let n = Int.random(in: 3...4, using: &rng)
        var dates: [Case.Date] = []
        for i in 0..<n {
            let start = Int.random(in: 8...20, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: dates.append(.day(start))
            case 1: dates.append(.days(start, start + Int.random(in: 1...4, using: &rng)))
            case 2: dates.append(.span(start, start + Int.random(in: 1...3, using: &rng)))
            case 3 where i > 0: dates.append(.relative(given: (start - 4, start + 4)))
            default: dates.append(i > 0 ? .relative(given: nil) : .day(start))
            }
        }
        var constraints: [(Int, Bool, Int, Int?)] = []
        for (i, date) in dates.enumerated() {
            guard case .relative = date else { continue }
            let within = Bool.random(using: &rng) ? Int.random(in: 0...6, using: &rng) : nil
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                var other = Int.random(in: 0..<n, using: &rng)
                if other == i { other = (i + 1) % n }
                if constraints.contains(where: { $0.0 == i && $0.2 == other }) { continue }
                constraints.append((i, Bool.random(using: &rng), other, within))
            }
        }
        return Case(dates: dates, constraints: constraints)
    }

    /// The case as a graph: day 0 is 2025-01-01.
    static func yaml(_ c: Case) -> String {
        func day(_ d: Int) -> String { DayInterval.isoDate(PartialDate.dayNumber(year: 2025, month: 1, day: 1) + d) }
        var text = header + "events:\n"
        for (i, date) in c.dates.enumerated() {
            var lines: [String] = []
            switch date {
            case let .day(d): lines.append("date: \(day(d))")
            case let .days(a, b): lines.append("start: \(day(a))\nend: \(day(b))")  // replaced below by a month or a span
            case let .span(a, b): lines.append("start: \(day(a))\nend: \(day(b))")
            case let .relative(given): if let given { lines.append("date: \(day(given.0))") ; _ = given }
            }
            let mine = c.constraints.filter { $0.0 == i }
            let after = mine.filter(\.1).map { "e\($0.2)" }, before = mine.filter { !$0.1 }.map { "e\($0.2)" }
            if !after.isEmpty { lines.append("after: [\(after.joined(separator: ", "))]") }
            if !before.isEmpty { lines.append("before: [\(before.joined(separator: ", "))]") }
            if let w = mine.first?.3 { lines.append("within: \(w)d") }
            text += event("e\(i)", lines.joined(separator: "\n"))
        }
        return text
    }

    @Test("relative dates resolve to exactly the days brute force allows (300 random systems of 3–4 events)")
    func relativeDatesAgainstBruteForce() throws {
        var resolved = 0, contradicted = 0, open = 0, cycles = 0
        for seed in UInt64(1)...300 {
            var c = Self.randomCase(seed: seed)
            // One-day domains and given dates only (a range of days is written as a span, which
            // is a different thing), so the brute force and the graph mean the same.
            c.dates = c.dates.map { if case let .days(a, _) = $0 { return .day(a) }; if case let .relative(g?) = $0 { return .relative(given: (g.0, g.0)) }; return $0 }
            let window = 60
            let yaml = Self.yaml(c)
            let expected = Self.bruteForce(c, window: window)
            do {
                let graph = try Self.load(yaml)
                let base = PartialDate.dayNumber(year: 2025, month: 1, day: 1)
                let truth = try #require(expected, "seed \(seed): loaded, but brute force finds no assignment\n\(yaml)")
                for (k, range) in truth {
                    let event = try #require(graph.event("e\(k)"))
                    let interval = event.date.interval
                    #expect(interval.first - base == range.0 && interval.last - base == range.1,
                            "seed \(seed): e\(k) is \(event.date), brute force \(range)\n\(yaml)")
                }
                resolved += 1
            } catch let error as InputError {
                let text = error.description
                if text.contains("form a cycle") {
                    cycles += 1
                } else if text.contains("open-ended") {
                    // Brute force reaches the edge of its window for some relative event.
                    let truth = try #require(expected, "seed \(seed): open-ended, but brute force finds nothing\n\(yaml)")
                    #expect(truth.values.contains { $0.0 == 0 || $0.1 == window }, "seed \(seed): \(text)")
                    open += 1
                } else {
                    #expect(expected == nil, "seed \(seed): \(text)\n\(yaml)")
                    contradicted += 1
                }
            }
        }
        #expect(resolved > 50 && contradicted > 5 && open > 5, "resolved \(resolved), contradicted \(contradicted), open \(open), cycles \(cycles)")
    }
}
