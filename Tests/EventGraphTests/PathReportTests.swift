import Foundation
import Testing
@testable import EventGraph

/// Golden outputs for a path on the quickstart sample, and the report formats.
@Suite("Path reports")
struct PathReportTests {
    func answer(_ from: String, _ to: String, _ query: PathQuery = PathQuery()) throws -> (GraphView, PathAnswer) {
        let network = try PathFixtures.quickstartNetwork()
        let answer = network.findPaths(from: try network.resolveActorNode(from), to: try network.resolveActorNode(to), query: query)
        return (network, answer)
    }

    @Test("Benchmark to the Ministry of Commerce: 3 links, every hop cited (text)")
    func goldenText() throws {
        let (network, answer) = try answer("Benchmark", "MOFCOM")
        let expected = """
        Benchmark (benchmark) → Ministry of Commerce of China (mofcom): 1 path, 3 links (shortest)

        Path 1 · 3 links
          ● Benchmark · fund · benchmark
          ├─[investor → investee] 2025-04 investment: Benchmark leads an investment in Manus  (benchmark-invests-manus)
          │     “received an investment led by Benchmark in April 2025” — Quickstart briefing [briefing]
          ● Manus · company · manus
          ├─[target → subject] 2025-12 acquisition: Meta agrees to buy Manus  (meta-acquires-manus)
          │     “Meta agreed to buy Manus in December 2025” — Quickstart briefing [briefing]
          ├─[subject → authority] 2025-12 review: MOFCOM reviews the Meta–Manus deal  (mofcom-reviews-deal)
          │     “China's Ministry of Commerce (商务部) then opened a review of the deal.” — Quickstart briefing [briefing]
          ● Ministry of Commerce of China · government · mofcom
        """
        #expect(PathReport(network: network, answer: answer).text == expected + "\n")
    }

    @Test("Benchmark to the Ministry of Commerce: the JSON shape of cli.md, key order included")
    func goldenJSON() throws {
        let (network, answer) = try answer("benchmark", "mofcom")
        let expected = """
        {
          "from": "benchmark",
          "to": "mofcom",
          "paths": [
            {
              "length": 3,
              "nodes": [
                {
                  "id": "benchmark",
                  "type": "actor",
                  "kind": "fund",
                  "name": "Benchmark"
                },
                {
                  "id": "benchmark-invests-manus",
                  "type": "event",
                  "kind": "investment",
                  "date": "2025-04",
                  "title": "Benchmark leads an investment in Manus",
                  "enter": "investor",
                  "leave": "investee",
                  "sources": [
                    {
                      "source": "briefing",
                      "quote": "received an investment led by Benchmark in April 2025"
                    }
                  ]
                },
                {
                  "id": "manus",
                  "type": "actor",
                  "kind": "company",
                  "name": "Manus"
                },
                {
                  "id": "meta-acquires-manus",
                  "type": "event",
                  "kind": "acquisition",
                  "date": "2025-12",
                  "title": "Meta agrees to buy Manus",
                  "enter": "target",
                  "leave": "subject",
                  "sources": [
                    {
                      "source": "briefing",
                      "quote": "Meta agreed to buy Manus in December 2025"
                    }
                  ]
                },
                {
                  "id": "mofcom-reviews-deal",
                  "type": "event",
                  "kind": "review",
                  "date": "2025-12",
                  "title": "MOFCOM reviews the Meta–Manus deal",
                  "enter": "subject",
                  "leave": "authority",
                  "sources": [
                    {
                      "source": "briefing",
                      "quote": "China's Ministry of Commerce (商务部) then opened a review of the deal."
                    }
                  ]
                },
                {
                  "id": "mofcom",
                  "type": "actor",
                  "kind": "government",
                  "name": "Ministry of Commerce of China"
                }
              ]
            }
          ]
        }
        """
        #expect(PathReport(network: network, answer: answer).json.text == expected + "\n")
    }

    @Test("the path is benchmark -investment-> manus -acquisition-> acquisition -review-> mofcom, with enter/leave roles")
    func hopsAndRoles() throws {
        let (network, answer) = try answer("Benchmark", "商务部")
        let path = try #require(answer.paths.first).path
        #expect(path.length == 3)
        #expect(path.ids(in: network.links) == ["benchmark", "benchmark-invests-manus", "manus", "meta-acquires-manus",
                                                "mofcom-reviews-deal", "mofcom"])
        let hops = PathReport(network: network, answer: answer).hops(path)
        #expect(hops.map(\.enter) == [nil, "investor", nil, "target", "subject", nil])
        #expect(hops.map(\.leave) == [nil, "investee", nil, "subject", "authority", nil])
    }

    @Test("temporal answers carry certain or possible in JSON, and nothing else does")
    func temporalKey() throws {
        let (network, plain) = try answer("benchmark", "mofcom")
        #expect(!PathReport(network: network, answer: plain).json.text.contains("\"temporal\""))
        let (_, timed) = try answer("benchmark", "mofcom", PathQuery(temporal: TemporalRule()))
        let text = PathReport(network: network, answer: timed).json.text
        // Acquisition (2025-12) then review (2025-12): the same month, so only possible.
        #expect(text.contains("\"temporal\": \"possible\""))
        #expect(text.components(separatedBy: "\"length\"").count == 2)
    }

    @Test("markdown puts each link's quotes in one footnote, shared between paths")
    func markdownFootnotes() throws {
        let (network, answer) = try answer("jensen-huang", "deepseek", PathQuery(mode: .kShortest(3)))
        let markdown = PathReport(network: network, answer: answer).markdown
        #expect(answer.paths.count == 3)
        let definitions = markdown.split(separator: "\n").filter { $0.hasPrefix("[^") }
        let links = Set(answer.paths.flatMap { $0.path.links(in: network.links) }
            .filter { !(network.event(at: $0)?.sources ?? network.relation(at: $0)?.sources ?? []).isEmpty })
        #expect(definitions.count == links.count)
        #expect(markdown.contains("“Nvidia's chief executive Jensen Huang” — *Quickstart briefing*"))
    }

    @Test("paths are ordered by length, then by node ids")
    func ordering() throws {
        let (network, answer) = try answer("jensen-huang", "deepseek", PathQuery(mode: .all(limit: 50), maxLength: 5))
        let keys = answer.paths.map { ($0.path.length, $0.path.ids(in: network.links)) }
        let sorted = keys.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.lexicographicallyPrecedes($1.1) }
        #expect(keys.map(\.1) == sorted.map(\.1))
        #expect(answer.paths.count >= 3)
    }

    @Test("no path is a sentence that says what was searched")
    func noPathSentence() throws {
        let network = try PathFixtures.quickstartNetwork()
        let query = PathQuery(mode: .all(limit: 10), temporal: TemporalRule(strict: true), maxLength: 2, via: ["acquisition"])
        let answer = network.findPaths(from: try network.resolveActorNode("benchmark"), to: try network.resolveActorNode("singapore"), query: query)
        #expect(answer.paths.isEmpty)
        #expect(network.noPathSentence(answer) == "no time-respecting path from Benchmark (benchmark) to Singapore (singapore) within 2 links (each link strictly after the previous one; using only acquisition links)")
    }

    @Test("the DOT of a path highlights its nodes and connections inside their neighbourhood")
    func diagram() throws {
        let (network, answer) = try answer("benchmark", "mofcom")
        let dot = PathDiagram(answer: answer, network: network, context: 2).document.text
        #expect(dot.contains("\"benchmark\" [") && dot.contains("\"mofcom-reviews-deal\" ["))
        #expect(dot.contains(PathDiagram.highlightColor))
        #expect(dot == PathDiagram(answer: answer, network: network, context: 2).document.text)
    }

    @Test("the ego network of Manus lists its investors, acquirer and the links between them")
    func egoNetwork() throws {
        let network = try PathFixtures.quickstartNetwork()
        let manus = try network.resolveActorNode("Manus")
        let ego = network.egoNetwork(of: manus, depth: 1)
        let ids = Set(ego.actors.map { network.links.id($0.node) })
        #expect(ids.isSuperset(of: ["manus", "benchmark", "meta", "china", "singapore"]))
        let json = EgoReport(network: network, ego: ego).json.text
        #expect(json.hasPrefix("{\n  \"center\": \"manus\",\n  \"depth\": 1,"))
    }
}
