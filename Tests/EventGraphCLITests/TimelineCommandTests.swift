import Foundation
import Testing

/// End-to-end: `timeline`, `diff`, the timeline and themes views, and --known-as-of.
struct TimelineCommandTests {
    let quickstart = "Samples/quickstart"
    let fixture = "Tests/EventGraphTests/Fixtures/timeline/known.yaml"
    let v1 = "Tests/EventGraphTests/Fixtures/timeline/v1"
    let v2 = "Tests/EventGraphTests/Fixtures/timeline/v2"

    @Test("timeline prints events by year and month and exits 0")
    func timelineText() throws {
        let outcome = try CommandRunner.run(["timeline", fixture])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("Timeline fixture\n6 events, "))
        #expect(outcome.stdout.contains("\n2025\n"))
        #expect(outcome.stdout.contains("\n  March 2025\n"))
        #expect(outcome.stdout == (try CommandRunner.run(["timeline", fixture])).stdout)
    }

    @Test("timeline --actor accepts any name and --from/--to narrow the window")
    func timelineFilters() throws {
        let outcome = try CommandRunner.run(["timeline", quickstart, "--actor", "Huang", "--from", "2025-11", "--to", "2025-11"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Huang says China will win the AI race"))
        #expect(!outcome.stdout.contains("DeepSeek releases"))
        let json = try CommandRunner.run(["timeline", quickstart, "--format", "json", "--as-of", "2025-04"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["count"] as? Int == 5)
        let markdown = try CommandRunner.run(["timeline", quickstart, "--format", "markdown", "--known-as-of", "2025-11"])
        #expect(markdown.status == 1) // the briefing is published 2025-12: nothing known yet
        #expect(markdown.stderr.contains("no events pass the filters"))
    }

    @Test("timeline exits 1 on an empty answer or an unknown actor, 2 on bad usage", arguments: [
        (["timeline", "Samples/quickstart", "--from", "2030"], Int32(1)),
        (["timeline", "Samples/quickstart", "--actor", "Nobody At All"], Int32(1)),
        (["timeline", "Samples/quickstart", "--actor", "deepseek", "--from", "2025-06"], Int32(1)),
        (["timeline", "Samples/quickstart", "--from", "2025-13"], Int32(2)),
        (["timeline", "Samples/quickstart", "--known-as-of", "soon"], Int32(2)),
        (["timeline", "Samples/quickstart", "--format", "gif"], Int32(2)),
        (["timeline", "Samples/quickstart", "--from", "2025-12", "--to", "2025-01"], Int32(2)),
        (["render", "Samples/quickstart", "--from", "2025-12", "--as-of", "2025-01"], Int32(2)),
        (["timeline"], Int32(2)),
    ])
    func timelineFailures(arguments: [String], status: Int32) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == status, "\(arguments): \(outcome.stderr)")
        #expect(!outcome.stderr.isEmpty)
        #expect(outcome.stdout.isEmpty)
    }

    @Test("render draws the timeline and themes views as SVG, PNG, PDF and pinned DOT", arguments: ["timeline", "themes"])
    func renderViews(view: String) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["svg", "png", "pdf", "dot"] {
            let path = dir.appendingPathComponent("\(view).\(format)").path
            let outcome = try CommandRunner.run(["render", quickstart, "--view", view, "--format", format, "-o", path, "--lang", "zh-Hans"])
            #expect(outcome.status == 0, "\(view) \(format): \(outcome.stderr)")
            #expect(outcome.stderr.isEmpty, "\(view) \(format): \(outcome.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count > 1000)
        }
        let svg = try String(contentsOfFile: dir.appendingPathComponent("\(view).svg").path, encoding: .utf8)
        #expect(svg.contains(">黄仁勋</text>"))
        if view == "themes" {
            let dot = try String(contentsOfFile: dir.appendingPathComponent("themes.dot").path, encoding: .utf8)
            #expect(dot.contains("pos=\""))
        }
    }

    @Test("themes takes lanes by --actor or --lanes; they are usage errors elsewhere")
    func themesOptions() throws {
        let actors = try CommandRunner.run(["render", quickstart, "--view", "themes", "--format", "dot", "--actor", "Huang", "--actor", "china"])
        #expect(actors.status == 0, "\(actors.stderr)")
        #expect(actors.stdout.contains(#""name:jensen-huang""#) && actors.stdout.contains(#""name:china""#))
        #expect(!actors.stdout.contains(#""name:manus""#))
        let lanes = try CommandRunner.run(["render", quickstart, "--view", "themes", "--format", "dot", "--lanes", "2"])
        #expect(lanes.stdout.components(separatedBy: "\"name:").count - 1 == 2)
        #expect(try CommandRunner.run(["render", quickstart, "--view", "actors", "--lanes", "2"]).status == 2)
        #expect(try CommandRunner.run(["render", quickstart, "--view", "events", "--actor", "manus"]).status == 2)
        #expect(try CommandRunner.run(["render", quickstart, "--view", "themes", "--lanes", "0"]).status == 2)
        #expect(try CommandRunner.run(["render", quickstart, "--view", "themes", "--actor", "nobody"]).status == 1)
    }

    @Test("--known-as-of filters render and export like --as-of does")
    func knownAsOf() throws {
        let early = try CommandRunner.run(["export", fixture, "--format", "json", "--known-as-of", "2025-02-15"])
        #expect(early.status == 0, "\(early.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(early.stdout.utf8)) as? [String: Any])
        let events = (object["nodes"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "event" }.compactMap { $0["id"] as? String }
        #expect(events == ["e-day", "e-span"])
        let render = try CommandRunner.run(["render", fixture, "--view", "themes", "--format", "dot", "--known-as-of", "2025-06"])
        #expect(render.status == 0)
        #expect(render.stdout.contains("e-month") && !render.stdout.contains("e-approx"))
    }

    @Test("diff OLD NEW lists changes by id; --old/--new is the same; JSON parses")
    func diffVersions() throws {
        let outcome = try CommandRunner.run(["diff", v1, v2])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("\(v1) → \(v2): 4 added, 3 removed, 2 changed\n"))
        #expect(try CommandRunner.run(["diff", "--old", v1, "--new", v2]).stdout == outcome.stdout)
        let json = try CommandRunner.run(["diff", v1, v2, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["changes"] as? [Any])?.count == 9)
        let same = try CommandRunner.run(["diff", v1, v1])
        #expect(same.status == 0 && same.stdout.hasSuffix("no changes\n"))
    }

    @Test("diff --at D1 --at D2 lists what happened, and with --known what became known")
    func diffDates() throws {
        let outcome = try CommandRunner.run(["diff", fixture, "--at", "2025-02", "--at", "2025-06", "--known"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("between 2025-02 and 2025-06 (after 2025-02-28, through 2025-06-30)"))
        #expect(outcome.stdout.contains("+ event    e-month"))
        #expect(outcome.stdout.contains("* source   monthly"))
    }

    @Test("diff draws its changes as SVG and PNG, written only on success")
    func diffDiagram() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["svg", "png", "dot"] {
            let path = dir.appendingPathComponent("diff.\(format)").path
            let outcome = try CommandRunner.run(["diff", v1, v2, "--format", format, "-o", path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.hasPrefix("wrote \(path) (diff, \(format), "))
        }
        let missing = dir.appendingPathComponent("never.svg").path
        let failed = try CommandRunner.run(["diff", v1, "no/such/folder", "--format", "svg", "-o", missing])
        #expect(failed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("diff argument mistakes are usage errors (exit 2)", arguments: [
        ["diff", "Samples/quickstart"],
        ["diff", "Samples/quickstart", "--at", "2025-01"],
        ["diff", "Samples/quickstart", "--at", "2025-06", "--at", "2025-01"],
        ["diff", "Samples/quickstart", "--at", "2025-06", "--at", "2025-06-30"],
        ["diff", "Samples/quickstart", "--at", "2025-13", "--at", "2026"],
        ["diff", "a", "b", "--known"],
        ["diff", "--old", "a"],
        ["diff", "a", "--old", "b", "--new", "c"],
        ["diff", "a", "b", "--format", "gif"],
    ])
    func diffUsage(arguments: [String]) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
        #expect(!outcome.stderr.isEmpty)
    }

    @Test("--help lists timeline and diff")
    func help() throws {
        let outcome = try CommandRunner.run(["--help"])
        #expect(outcome.stdout.contains("timeline") && outcome.stdout.contains("diff"))
    }
}
