import Foundation
import Testing

/// `eventgraph render --frames` on the built binary.
struct FramesCommandTests {
    @Test("render --frames month writes one SVG per month of 2025 and animation.svg, and says so")
    func framesOfTheSeedDataset() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("frames").path
        let outcome = try CommandRunner.run(["render", "Graphs/ai-race", "--frames", "month", "--from", "2025-01", "--to", "2025-12", "-o", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("wrote \(out) (12 actors frames by month, 2025-01…2025-12, svg, and animation.svg; "))
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == (1...12).map { String(format: "2025-%02d.svg", $0) } + ["animation.svg"])
        let animation = try String(contentsOfFile: out + "/animation.svg", encoding: .utf8)
        #expect(animation.contains("<style>") && !animation.lowercased().contains("<script"))
        #expect(animation.contains(">December 2025</text>"))
    }

    @Test("quarters as PNG: sortable names, the same picture size in every frame")
    func quartersAsPNG() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("q").path
        let outcome = try CommandRunner.run(["render", "Graphs/ai-race", "--frames", "quarter", "--from", "2025", "--to", "2025",
                                             "--focus", "manus", "--format", "png", "-o", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["2025-Q1.png", "2025-Q2.png", "2025-Q3.png", "2025-Q4.png", "animation.svg"])
        let sizes = try Set(names.dropLast().map { Array(try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0))[16..<24]) })
        #expect(sizes.count == 1)
    }

    @Test("--frames refuses what it cannot draw with one sentence, exit 2, and writes nothing",
          arguments: [
            (["--frames", "month"], "error: --frames month from 1980-01 to 2026-01 makes 553 frames, more than the 360 one run draws: narrow the range with --from/--to or draw --frames quarter or year"),
            (["--frames", "year", "--view", "timeline"], "Error: --frames draws the actors or events view, not --view timeline"),
            (["--frames", "year", "--format", "html"], "Error: --frames draws one svg, png, pdf or dot file per frame, not a page"),
            (["--frames", "week"], "Error: The value 'week' is invalid for '--frames <STEP>'"),
          ])
    func refusals(arguments: [String], message: String) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("frames").path
        let outcome = try CommandRunner.run(["render", "Graphs/ai-race"] + arguments + ["-o", out])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix(message), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("--frames without -o asks for a folder")
    func needsAFolder() throws {
        let outcome = try CommandRunner.run(["render", "Graphs/ai-race", "--frames", "year"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("Error: --frames writes a folder of files: give -o DIR"))
    }
}
