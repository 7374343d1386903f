import Foundation
import Testing
@testable import EventGraph

/// The shipped dataset (Graphs/ai-race): it validates, its quotes verify against the seed
/// articles (when they are beside the repository), and key facts read back through queries.
struct SeedDatasetTests {
    static let path = Fixtures.root.appendingPathComponent("Graphs/ai-race").path
    static let seeds = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
    static var seedsPresent: Bool { FileManager.default.fileExists(atPath: seeds) }

    let graph: GraphView

    init() throws {
        graph = try GraphLoader().load(paths: [Self.path])
    }

    @Test("the dataset validates with every source, many actors and events")
    func validates() {
        #expect(graph.sources.count == 5)
        #expect(graph.actors.count >= 150)
        #expect(graph.events.count >= 80)
        #expect(graph.relations.count >= 80)
        #expect(graph.sources.allSatisfy { $0.file != nil && $0.published != nil && $0.language != nil })
    }

    @Test("every quote appears in its seed article", .enabled(if: seedsPresent, "the seed articles are not beside the repository"))
    func verifies() throws {
        let report = try QuoteVerifier(sourcesFolder: Self.seeds).verify(graph)
        #expect(report.quotesChecked >= 200)
        #expect(report.sourcesRead == 5)
    }

    @Test("Meta's acquisition of Manus: acquirer, target, amount and date")
    func acquisition() throws {
        let deal = try #require(graph.event("meta-acquires-manus"))
        #expect(deal.kind == "acquisition")
        #expect(deal.participants("acquirer") == ["meta"])
        #expect(deal.participants("target") == ["manus"])
        #expect(deal.amount == Amount(value: 2_000_000_000, currency: "USD"))
        #expect(deal.date.description == "2025-12")
        let review = try #require(graph.events.first { $0.kind == "review" && $0.participants("subject").contains(deal.id) })
        #expect(review.participants("authority") == ["mofcom"])
    }

    @Test("Jensen Huang is found by either Chinese script, and his Nov 5 remark is cited")
    func huang() throws {
        #expect(try graph.resolve("黄仁勋") == .actor("jensen-huang"))
        #expect(try graph.resolve("黃仁勛") == .actor("jensen-huang"))
        #expect(try graph.resolve("商务部") == .actor("mofcom"))
        #expect(try graph.resolve("商務部") == .actor("mofcom"))
        let remark = try #require(graph.events.first {
            $0.kind == "statement" && $0.participants("speaker") == ["jensen-huang"] && $0.date.description == "2025-11-05"
                && $0.participants("at").contains("ft-future-of-ai-summit")
        })
        #expect(remark.sources.contains { $0.quote?.contains("中国将赢得AI竞赛") == true || $0.quote?.contains("中國將贏得AI競賽") == true })
        let walkBack = try #require(graph.events.first { $0.participants("about").contains(remark.id) })
        #expect(walkBack.date.interval.first >= remark.date.interval.first)
    }

    @Test("DeepSeek-R1's release and the integrations by Nvidia, Amazon and Microsoft")
    func deepseek() throws {
        let release = try #require(graph.events.first { $0.kind == "release" && $0.participants("product").contains("deepseek-r1") })
        #expect(release.participants("developer").contains("deepseek"))
        let adopters = Set(graph.events.filter { $0.kind == "adoption" && $0.participants("product").contains("deepseek-r1") }
            .flatMap { $0.participants("adopter") })
        #expect(adopters.isSuperset(of: ["nvidia", "amazon", "microsoft"]))
    }

    @Test("relative dates are marked inferred and explained")
    func inferredDates() {
        let inferred = graph.events.filter { $0.dateBasis == .inferred }
        #expect(!inferred.isEmpty)
        #expect(inferred.allSatisfy { ($0.dateNote ?? "").count > 10 })
        #expect(graph.events.filter { $0.claim == .reported }.count >= 3)
        #expect(graph.events.filter { $0.claim == .claimed }.allSatisfy { $0.claimedBy != nil })
    }
}
