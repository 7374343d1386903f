import Foundation
import Testing

/// End-to-end: the built binary, its output and its exit codes (0 ok, 1 bad input, 2 bad usage).
struct CommandLineTests {
    let quickstart = "Samples/quickstart"

    @Test("validate prints a one-line summary and exits 0")
    func validateOK() throws {
        let outcome = try CommandRunner.run(["validate", quickstart])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "ok: 14 actors, 9 events, 3 relations, 1 source\n")
    }

    @Test("bad input prints every error as FILE:LINE:COLUMN and exits 1")
    func validateBadInput() throws {
        let outcome = try CommandRunner.run(["validate", "Tests/EventGraphTests/Fixtures/errors/many-errors.yaml"])
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("Tests/EventGraphTests/Fixtures/errors/many-errors.yaml:") && $0.contains(": error: ") })
        #expect(outcome.stdout.isEmpty)
    }

    @Test("bad usage exits 2", arguments: [["render"], ["render", "Samples/quickstart", "--format", "gif"],
                                            ["validate", "--bogus", "x"], ["frobnicate"], ["render", "Samples/quickstart", "--from", "2025-13"]])
    func badUsage(arguments: [String]) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
        #expect(!outcome.stderr.isEmpty)
    }

    @Test("--help exits 0 and lists the subcommands")
    func help() throws {
        let outcome = try CommandRunner.run(["--help"])
        #expect(outcome.status == 0)
        for command in ["validate", "verify", "render", "export", "show", "stats"] {
            #expect(outcome.stdout.contains(command))
        }
    }

    @Test("render writes SVG, PNG and PDF files and says what it wrote")
    func renderFormats() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["svg", "png", "pdf", "dot"] {
            let path = dir.appendingPathComponent("q.\(format)").path
            let outcome = try CommandRunner.run(["render", quickstart, "--format", format, "-o", path])
            #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.hasPrefix("wrote \(path) (actors view, \(format), "))
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(data.count > 1000)
        }
    }

    @Test("nothing is written to -o when the input is bad, and an existing file is left alone")
    func noHalfWrittenOutput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("new.svg").path
        let bad = "Tests/EventGraphTests/Fixtures/errors/unknown-role.yaml"
        #expect(try CommandRunner.run(["render", bad, "-o", fresh]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let existing = dir.appendingPathComponent("old.json")
        try Data("previous".utf8).write(to: existing)
        #expect(try CommandRunner.run(["export", bad, "--format", "json", "-o", existing.path]).status == 1)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "previous")
        let missingFolder = dir.appendingPathComponent("no/such/folder/x.svg").path
        let outcome = try CommandRunner.run(["render", quickstart, "-o", missingFolder])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: cannot write \(missingFolder): the folder"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.sorted() == ["old.json"])
    }

    @Test("export is byte-identical run after run", arguments: ["dot", "json"])
    func deterministicExport(format: String) throws {
        let first = try CommandRunner.run(["export", quickstart, "--format", format])
        let second = try CommandRunner.run(["export", quickstart, "--format", format])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
    }

    @Test("show finds an actor by a Chinese name in either script and cites every event")
    func showByChineseName() throws {
        let simplified = try CommandRunner.run(["show", quickstart, "黄仁勋"])
        let traditional = try CommandRunner.run(["show", quickstart, "黃仁勳"])
        #expect(simplified.status == 0)
        #expect(simplified.stdout == traditional.stdout)
        #expect(simplified.stdout.hasPrefix("Jensen Huang [jensen-huang], person\n"))
        #expect(simplified.stdout.contains("— briefing (Quickstart briefing): 「said in November 2025 that China would win the AI race」"))
    }

    @Test("show of an unknown name exits 1 with suggestions")
    func showUnknown() throws {
        let outcome = try CommandRunner.run(["show", quickstart, "nvidai"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: no actor or event is named 'nvidai'; did you mean 'nvidia'?\n")
    }

    @Test("verify checks quotes against the source texts")
    func verify() throws {
        let outcome = try CommandRunner.run(["verify", quickstart, "--sources", "Samples/quickstart/sources"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "ok: verified 11 quotes against 1 source text\n")
        let missing = try CommandRunner.run(["verify", quickstart, "--sources", "/nonexistent"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: cannot read the text of source 'briefing'"))
    }

    @Test("stats counts by kind and lists the most connected actors")
    func stats() throws {
        let outcome = try CommandRunner.run(["stats", quickstart])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("events by kind:\n"))
        #expect(outcome.stdout.contains("dates: 2025-01-01 … 2025-12-31 (of 9 event dates: 7 stated, 2 derived)\n"))
        #expect(outcome.stdout.contains("  manus (Manus)"))
    }

    @Test("filters apply to render: --focus and --kinds narrow the diagram")
    func filters() throws {
        let outcome = try CommandRunner.run(["render", quickstart, "--format", "dot", "--focus", "Manus", "--depth", "1"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("\"benchmark\" [label="))
        #expect(!outcome.stdout.contains("\"deepseek\" [label="))
        let unknownKind = try CommandRunner.run(["render", quickstart, "--kinds", "acquisitoin"])
        #expect(unknownKind.status == 2)
        #expect(unknownKind.stderr.contains("unknown kind acquisitoin"))
    }
}
