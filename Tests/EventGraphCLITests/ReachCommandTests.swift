import Foundation
import Testing

/// `eventgraph reach` and the temporal path family of `eventgraph path`, run as the built
/// binary on `Samples/paths` (docs/paths.md, "Worked examples").
@Suite("reach command and the temporal path family")
struct ReachCommandTests {
    let sample = "Samples/paths"

    @Test("each temporal objective picks its own route, with its value in the heading and JSON")
    func objectives() throws {
        let expected: [(String?, String, String)] = [
            (nil, "2 links · certain · arrives 2025-09-01 at the earliest", "ben"),
            ("--earliest", "3 links · certain · arrives 2025-03-01 at the earliest", "calder"),
            ("--latest-departure", "3 links · certain · leaves 2025-10-01 at the latest", "eve"),
            ("--fastest", "3 links · possible · 3 days from the first link to the last at the least", "fenwick"),
        ]
        for (flag, heading, via) in expected {
            let out = try CommandRunner.run(["path", sample, "ada", "regulator", "--temporal"] + (flag.map { [$0] } ?? []))
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.stdout.contains("Path 1 · " + heading), "\(flag ?? "fewest"): \(out.stdout)")
            #expect(out.stdout.contains("· \(via)\n"))
        }
        let late = try CommandRunner.run(["path", sample, "ada", "regulator", "--temporal", "--latest-departure", "--format", "json"])
        #expect(late.stdout.contains("\"latestDeparture\": \"2025-10-01\""))
        let fast = try CommandRunner.run(["path", sample, "ada", "regulator", "--temporal", "--fastest", "--format", "json"])
        #expect(fast.stdout.contains("\"elapsedDays\": 3"))
    }

    @Test("--by sets a deadline: the latest departure that still arrives by then, only possible here")
    func deadline() throws {
        let out = try CommandRunner.run(["path", sample, "ada", "regulator", "--temporal", "--latest-departure", "--by", "2025-07"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("Path 1 · 3 links · possible · leaves 2025-05-30 at the latest"))
        let none = try CommandRunner.run(["path", sample, "ada", "regulator", "--temporal", "--by", "2025-01"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("none after 2025-01-31"))
    }

    @Test("reach: text lists each actor with its day, links and certainty; a lifespan keeps Zeta Labs out")
    func reachText() throws {
        let out = try CommandRunner.run(["reach", sample, "Ada"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("Ada (ada) could have influenced 8 actors"))
        #expect(out.stdout.contains("  2025-03-01  3      certain   Northbridge Regulator · government · regulator\n"))
        #expect(out.stdout.contains("  2025-05-30  2      possible  Gil · person · gil\n"))
        #expect(!out.stdout.contains("zeta"))
        let reverse = try CommandRunner.run(["reach", sample, "regulator", "--reverse"])
        #expect(reverse.stdout.contains("  2025-02-28  1      certain   Zeta Labs · company · zeta\n"))
    }

    @Test("reach: JSON objects with id, day, hops, temporal and the chain on request; deterministic")
    func reachJSON() throws {
        let out = try CommandRunner.run(["reach", sample, "ada", "--chains", "--format", "json"])
        #expect(out.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(object["direction"] as? String == "forward")
        let reached = try #require(object["reached"] as? [[String: Any]])
        let regulator = try #require(reached.first { $0["id"] as? String == "regulator" })
        #expect(regulator["earliestArrival"] as? String == "2025-03-01")
        #expect(regulator["hops"] as? Int == 3)
        #expect(regulator["temporal"] as? String == "certain")
        let chain = try #require(regulator["chain"] as? [String: Any])
        #expect((chain["nodes"] as? [[String: Any]])?.count == 7)
        let again = try CommandRunner.run(["reach", sample, "ada", "--chains", "--format", "json"])
        #expect(again.stdout == out.stdout)
        let reverse = try CommandRunner.run(["reach", sample, "regulator", "--reverse", "--format", "json"])
        #expect(reverse.stdout.contains("\"latestDeparture\": \"2025-12-01\""))
    }

    @Test("reach: --limit stops and says so; a diagram draws the chains")
    func reachLimitAndDiagram() throws {
        let limited = try CommandRunner.run(["reach", sample, "ada", "--limit", "2"])
        #expect(limited.stdout.contains("stopped at --limit 2: more actors are reached"))
        let dot = try CommandRunner.run(["reach", sample, "ada", "--format", "dot"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph"))
        #expect(dot.stdout.contains("arrives 2025-03-01 · 3 links · certain"))
    }

    @Test("bad usage: exit 2", arguments: [
        ["reach", "Samples/paths"],
        ["reach", "Samples/paths", "ada", "--limit", "0"],
        ["reach", "Samples/paths", "ada", "--by", "someday"],
        ["reach", "Samples/paths", "ada", "--from", "2025-06", "--by", "2025-05"],
        ["path", "Samples/paths", "ada", "regulator", "--fastest"],
        ["path", "Samples/paths", "ada", "regulator", "--temporal", "--fastest", "--earliest"],
        ["path", "Samples/paths", "ada", "regulator", "--by", "2025-05"],
        ["path", "Samples/paths", "ada", "regulator", "--temporal", "--latest-departure", "--k", "2"],
    ])
    func badUsage(arguments: [String]) throws {
        let out = try CommandRunner.run(arguments)
        #expect(out.status == 2, "\(arguments): \(out.stderr)")
    }
}
