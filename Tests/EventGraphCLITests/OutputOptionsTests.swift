import Foundation
import Testing

/// `-o`, `--format` and `--lang`, shared by every command that writes a result.
@Suite("Output options")
struct OutputOptionsTests {
    static let quickstart = "Samples/quickstart"

    static func bytes(_ url: URL, _ count: Int) throws -> [UInt8] {
        Array(try Data(contentsOf: url).prefix(count))
    }

    @Test("the format comes from the -o extension when --format is not given")
    func formatFromExtension() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let png = dir.appendingPathComponent("actors.png")
        let out = try CommandRunner.run(["render", Self.quickstart, "-o", png.path])
        #expect(out.status == 0)
        #expect(try Self.bytes(png, 4) == [0x89, 0x50, 0x4E, 0x47])
        #expect(out.stdout.hasPrefix("wrote \(png.path) (actors view, png, "))
        let md = dir.appendingPathComponent("path.md")
        let path = try CommandRunner.run(["path", Self.quickstart, "benchmark", "mofcom", "-o", md.path])
        #expect(path.status == 0)
        #expect(try String(contentsOf: md, encoding: .utf8).hasPrefix("**"))
    }

    @Test("a --format that contradicts the -o extension is refused, and nothing is written")
    func contradiction() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let svg = dir.appendingPathComponent("x.svg")
        let out = try CommandRunner.run(["render", Self.quickstart, "--format", "png", "-o", svg.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--format png contradicts the output file's extension (.svg)"))
        #expect(!FileManager.default.fileExists(atPath: svg.path))
    }

    @Test("path and neighbors draw PNG and PDF too, and every single-file -o says what it wrote")
    func binaryFormats() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let pdf = dir.appendingPathComponent("path.pdf")
        let path = try CommandRunner.run(["path", Self.quickstart, "benchmark", "mofcom", "--format", "pdf", "-o", pdf.path])
        #expect(path.status == 0)
        #expect(try Self.bytes(pdf, 4) == Array("%PDF".utf8))
        #expect(path.stdout.hasPrefix("wrote \(pdf.path) (path, pdf, "))
        let png = dir.appendingPathComponent("manus.png")
        let neighbors = try CommandRunner.run(["neighbors", Self.quickstart, "manus", "-o", png.path])
        #expect(neighbors.status == 0)
        #expect(try Self.bytes(png, 4) == [0x89, 0x50, 0x4E, 0x47])
        let json = dir.appendingPathComponent("graph.json.out")
        let export = try CommandRunner.run(["export", Self.quickstart, "--format", "json", "-o", json.path])
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("wrote \(json.path) (export, json, "))
    }

    @Test("export needs a format: from --format or the -o extension")
    func exportNeedsFormat() throws {
        let out = try CommandRunner.run(["export", Self.quickstart])
        #expect(out.status == 2)
        #expect(out.stderr.contains("give --format"))
    }
}

/// `--layout-timeout`: a layout that runs long says what it is doing and stops with advice.
@Suite("Layout timeout")
struct LayoutTimeoutTests {
    @Test("a layout past --layout-timeout stops with exit 1, a sentence with advice, and no file")
    func stopsLongLayouts() throws {
        let dir = try CommandRunner.temporaryDirectory()
        var lines = ["sources: {s: {title: S}}", "actors:"]
        let n = 3000
        for i in 0..<n { lines.append("  a\(i): {kind: company, name: A\(i)}") }
        lines.append("relations:")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<9000 {
            let a = Int.random(in: 0..<n, using: &generator), b = Int.random(in: 0..<n, using: &generator)
            if a != b { lines.append("  - {kind: related-to, from: a\(a), to: a\(b)}") }
        }
        let graph = dir.appendingPathComponent("big.yaml")
        try lines.joined(separator: "\n").write(to: graph, atomically: true, encoding: .utf8)
        let svg = dir.appendingPathComponent("big.svg")
        let out = try CommandRunner.run(["render", graph.path, "--max-actors", "0", "--layout-timeout", "1", "-o", svg.path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("layout: dot is placing"))
        #expect(out.stderr.contains("did not finish within 1 s; nothing was written"))
        #expect(out.stderr.contains("--focus"))
        #expect(!FileManager.default.fileExists(atPath: svg.path))
    }

    @Test("a big graph's actor drawing is an overview by default, said in its title; --max-actors 0 draws everything")
    func overviewByDefault() throws {
        let overview = try CommandRunner.run(["render", "Graphs/ai-race", "--format", "dot"])
        #expect(overview.status == 0)
        #expect(overview.stdout.contains("most connected of 182 actors (--max-actors 0 draws all; --focus ID one neighbourhood)"))
        let all = try CommandRunner.run(["render", "Graphs/ai-race", "--format", "dot", "--max-actors", "0"])
        #expect(!all.stdout.contains("most connected"))
        #expect(all.stdout.count > overview.stdout.count)
    }

    @Test("a big neighbourhood is drawn nearest first under --max-actors, said in its title; --max-actors 0 draws all of it")
    func focusedOverview() throws {
        let focused = try CommandRunner.run(["render", "Graphs/ai-race", "--focus", "openai", "--depth", "2", "--max-actors", "12", "--format", "dot"])
        #expect(focused.status == 0)
        #expect(focused.stdout.contains("the 12 nearest and most connected of "))
        #expect(focused.stdout.contains("(--max-actors 0 draws all)"))
        #expect(focused.stdout.contains("\"openai\""), "the focus is always drawn")
        let all = try CommandRunner.run(["render", "Graphs/ai-race", "--focus", "openai", "--depth", "2", "--max-actors", "0", "--format", "dot"])
        #expect(all.status == 0)
        #expect(!all.stdout.contains("nearest and most connected"))
        #expect(all.stdout.count > focused.stdout.count)
    }
}

/// Bad usage found after loading is one sentence with exit 2, not the generic usage text.
@Suite("Usage errors after loading")
struct UsageErrorTests {
    @Test("a --kinds or --via typo is one sentence listing the kinds, exit 2, no usage block", arguments: [
        ["render", "Samples/quickstart", "--kinds", "acquistion"],
        ["path", "Samples/quickstart", "benchmark", "mofcom", "--via", "aquisition"],
    ])
    func kindTypos(arguments: [String]) throws {
        let out = try CommandRunner.run(arguments)
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("error: --"))
        #expect(out.stderr.contains("event kinds: release, statement"))
        #expect(!out.stderr.contains("Usage:"))
        #expect(out.stdout.isEmpty)
    }

    @Test("watch without -o is one sentence with an example, exit 2, and no usage line naming 'render watch'")
    func watchWithoutOutput() throws {
        let out = try CommandRunner.run(["watch", "Samples/quickstart"])
        #expect(out.status == 2)
        #expect(out.stderr == "error: watch needs -o FILE: the file to re-render on every change (for example: eventgraph watch Samples/quickstart -o graph.svg)\n")
        let help = try CommandRunner.run(["watch", "--help"])
        #expect(help.stdout.contains("-o FILE is required here"))
        #expect(!help.stdout.contains("render watch"))
    }

    @Test("--period names a period of the graph; an unknown one is one sentence with suggestions")
    func period() throws {
        let ok = try CommandRunner.run(["timeline", "Samples/time", "--period", "launch"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("Acme releases Acme One"))
        #expect(!ok.stdout.contains("seed round"))
        let typo = try CommandRunner.run(["timeline", "Samples/time", "--period", "lanch"])
        #expect(typo.status == 1)
        #expect(typo.stderr == "error: no period is named 'lanch'; did you mean 'launch'?\n")
    }
}
