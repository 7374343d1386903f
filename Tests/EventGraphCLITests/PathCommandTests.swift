import Foundation
import Testing

/// `eventgraph path` and `eventgraph neighbors`, run as the built binary.
@Suite("path and neighbors commands")
struct PathCommandTests {
    let quickstart = "Samples/quickstart"

    @Test("a path is found: exit 0, each hop with its quote")
    func pathFound() throws {
        let out = try CommandRunner.run(["path", quickstart, "Benchmark", "MOFCOM"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("Benchmark (benchmark) → Ministry of Commerce of China (mofcom): 1 path, 3 links"))
        #expect(out.stdout.contains("├─[investor → investee] 2025-04 investment: Benchmark leads an investment in Manus"))
        #expect(out.stdout.contains("“Meta agreed to buy Manus in December 2025”"))
        #expect(out.stderr.isEmpty)
    }

    @Test("per-language names and aliases resolve; JSON output is the cli.md shape")
    func jsonAndNames() throws {
        let out = try CommandRunner.run(["path", quickstart, "benchmark", "商务部", "--format", "json"])
        #expect(out.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(object["from"] as? String == "benchmark")
        #expect(object["to"] as? String == "mofcom")
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.first?["length"] as? Int == 3)
        #expect(out.stdout.hasPrefix("{\n  \"from\": \"benchmark\",\n  \"to\": \"mofcom\",\n  \"paths\": ["))
    }

    @Test("no path: exit 1 with a sentence saying what was searched")
    func noPath() throws {
        let out = try CommandRunner.run(["path", quickstart, "benchmark", "singapore", "--via", "acquisition"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("no path from Benchmark (benchmark) to Singapore (singapore) (using only acquisition links)"))
        #expect(out.stdout.isEmpty)
        let all = try CommandRunner.run(["path", quickstart, "benchmark", "singapore", "--all", "--max-hops", "1"])
        #expect(all.status == 1)
        #expect(all.stderr.contains("within 1 link"))
    }

    @Test("an unknown name: exit 1 with suggestions")
    func unknownName() throws {
        let out = try CommandRunner.run(["path", quickstart, "Benchmrk", "mofcom"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("no actor is named 'Benchmrk'; did you mean 'benchmark'"))
    }

    @Test("bad usage: exit 2", arguments: [
        ["path", "Samples/quickstart", "benchmark"],
        ["path", "Samples/quickstart", "benchmark", "mofcom", "--k", "0"],
        ["path", "Samples/quickstart", "benchmark", "mofcom", "--k", "2", "--all"],
        ["path", "Samples/quickstart", "benchmark", "mofcom", "--strict"],
        ["path", "Samples/quickstart", "benchmark", "mofcom", "--temporal", "--earliest", "--all"],
        ["path", "Samples/quickstart", "benchmark", "mofcom", "--via", "bribery"],
        ["path", "Samples/quickstart", "benchmark", "mofcom", "--format", "xml"],
        ["render", "Samples/quickstart", "--format", "png", "-o", "wrong.svg"],
        ["neighbors", "Samples/quickstart"],
    ])
    func badUsage(arguments: [String]) throws {
        let out = try CommandRunner.run(arguments)
        #expect(out.status == 2, "\(arguments): \(out.stderr)")
    }

    @Test("time-respecting paths are marked; --k and --all order by length then ids")
    func temporalAndOrdering() throws {
        let out = try CommandRunner.run(["path", quickstart, "benchmark", "mofcom", "--temporal", "--format", "json"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("\"temporal\": \"possible\""))
        let k = try CommandRunner.run(["path", quickstart, "jensen-huang", "deepseek", "--k", "3"])
        #expect(k.status == 0)
        #expect(k.stdout.contains("Path 3 · 4 links"))
    }

    @Test("markdown, DOT and SVG outputs; -o writes the file")
    func formats() throws {
        let markdown = try CommandRunner.run(["path", quickstart, "benchmark", "mofcom", "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("[^1]: “received an investment led by Benchmark in April 2025”"))
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("path.svg").path
        let rendered = try CommandRunner.run(["path", quickstart, "benchmark", "mofcom", "--format", "svg", "-o", svg])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("<svg"))
        let dot = try CommandRunner.run(["path", quickstart, "benchmark", "mofcom", "--format", "dot"])
        #expect(dot.stdout.hasPrefix("digraph \"path\" {"))
    }

    @Test("the same input gives byte-identical output")
    func deterministic() throws {
        let a = try CommandRunner.run(["path", quickstart, "jensen-huang", "deepseek", "--all", "--format", "json"])
        let b = try CommandRunner.run(["path", quickstart, "jensen-huang", "deepseek", "--all", "--format", "json"])
        #expect(a.status == 0 && a.stdout == b.stdout)
    }

    @Test("neighbors: text, JSON and a diagram")
    func neighbors() throws {
        let text = try CommandRunner.run(["neighbors", quickstart, "Manus"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Manus (manus): "))
        let json = try CommandRunner.run(["neighbors", quickstart, "manus", "--depth", "2", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"depth\": 2"))
        let dot = try CommandRunner.run(["neighbors", quickstart, "manus", "--format", "dot"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph"))
        let missing = try CommandRunner.run(["neighbors", quickstart, "nobody"])
        #expect(missing.status == 1)
    }

    @Test("the seed dataset: Benchmark to the Ministry of Commerce, cited and time-respecting")
    func seedDataset() throws {
        guard FileManager.default.fileExists(atPath: CommandRunner.packageRoot.appendingPathComponent("Graphs/ai-race").path) else { return }
        let out = try CommandRunner.run(["path", "Graphs/ai-race", "Benchmark", "Ministry of Commerce of China", "--temporal", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let path = try #require((object["paths"] as? [[String: Any]])?.first)
        #expect(["certain", "possible"].contains(path["temporal"] as? String))
        let nodes = try #require(path["nodes"] as? [[String: Any]])
        #expect(nodes.first?["id"] as? String == "benchmark")
        #expect(nodes.last?["id"] as? String == "mofcom")
        for link in nodes where link["type"] as? String != "actor" {
            let sources = try #require(link["sources"] as? [[String: Any]])
            #expect(!sources.isEmpty, "uncited hop \(link["id"] ?? "?")")
        }
    }
}
