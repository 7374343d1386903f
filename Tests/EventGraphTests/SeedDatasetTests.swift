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

    @Test("every date says where it comes from: stated, derived, external (with its source) or placed")
    func inferredDates() {
        #expect(graph.events.allSatisfy { $0.dateBasis != .inferred })
        let notStated = graph.events.filter { $0.dateBasis != .stated }
        #expect(!notStated.isEmpty)
        #expect(notStated.allSatisfy { ($0.dateNote ?? "").count > 10 })
        let external = graph.events.filter { $0.dateBasis == .external }
        #expect(!external.isEmpty)
        #expect(external.allSatisfy { ($0.dateSource ?? "").count > 10 })
        #expect(graph.events.filter { $0.dateBasis != .external }.allSatisfy { $0.dateSource == nil })
        #expect(graph.events.contains { $0.dateBasis == .derived })
        let placed = graph.events.filter { $0.dateBasis == .placed }
        #expect(!placed.isEmpty)
        // A placement has no basis, so it is never narrower than a month.
        #expect(placed.allSatisfy { $0.date.interval.last - $0.date.interval.first >= 27 })
        #expect(graph.events.filter { $0.claim == .reported }.count >= 3)
        #expect(graph.events.filter { $0.claim == .claimed }.allSatisfy { $0.claimedBy != nil })
    }

    // MARK: - Corrections from the dataset audit (docs/dataset.md)

    @Test("the 2023 A100 black-market event names Nvidia, whose shares the sentence is about")
    func a100BlackMarket() throws {
        let event = try #require(graph.event("a100-black-market-2023"))
        #expect(event.allParticipants.contains("nvidia"))
        #expect(event.allParticipants.contains("a100"))
        #expect(event.date.description == "2023")
    }

    @Test("Huang's walk-back is a span after the Nov 5 remark, cited only by the clarification sentence")
    func walkBackNotPinned() throws {
        let walkBack = try #require(graph.event("huang-walk-back"))
        let remark = try #require(graph.event("huang-ft-china-will-win"))
        #expect(walkBack.date.interval.first != walkBack.date.interval.last)
        #expect(walkBack.date.interval.first >= remark.date.interval.first)
        #expect(walkBack.participants("about").contains("huang-ft-china-will-win"))
        #expect(walkBack.sources.allSatisfy { $0.quote?.contains("納秒") != true })
        #expect(walkBack.sources.contains { $0.quote?.contains("多次澄清") == true })
        #expect(walkBack.dateBasis != .stated)
    }

    @Test("CloudMatrix 384 is cited from article 000 only; Huawei's broader supernode strategy is its own event")
    func cloudMatrixNotMixed() throws {
        let cloudMatrix = try #require(graph.event("cloudmatrix-challenges-gb200"))
        #expect(cloudMatrix.sources.allSatisfy { $0.source == "seed-ng" })
        #expect(cloudMatrix.sources.allSatisfy { $0.quote?.contains("数千至数万") != true })
        #expect(cloudMatrix.claim == .reported)
        let strategy = try #require(graph.event("huawei-compute-substitution"))
        #expect(strategy.sources.contains { $0.quote?.contains("数千至数万芯片") == true })
    }

    @Test("HeyGen's deregistration is its own event, dated no later than the Benchmark money; the move is not dated after it")
    func heygenOrder() throws {
        let deregistration = try #require(graph.event("heygen-deregisters-china-entity"))
        let money = try #require(graph.event("heygen-benchmark-investment"))
        let move = try #require(graph.event("heygen-relocation"))
        #expect(deregistration.allParticipants.contains("heygen"))
        #expect(deregistration.sources.contains { $0.quote?.contains("注銷了中國公司主體") == true })
        #expect(move.sources.allSatisfy { $0.quote?.contains("注銷") != true })
        #expect(deregistration.date.interval.first <= money.date.interval.first)
        #expect(deregistration.date.interval.last <= money.date.interval.last)
        #expect(move.date.interval.first < money.date.interval.first)
        #expect(move.dateBasis == .external)
        #expect(move.dateSource != nil)
    }

    @Test("Alibaba's plan is not asserted as September 2024: its date is a span whose doubt the note explains")
    func alibabaPlanDate() throws {
        let plan = try #require(graph.event("alibaba-ai-investment-plan"))
        #expect(plan.date.description != "2024-09")
        #expect(plan.dateBasis != .stated)
        #expect(plan.date.interval.first != plan.date.interval.last)
        #expect((plan.dateNote ?? "").contains("去年9月"))
    }

    @Test("the Toshiba sanctions rest on a chatbot's answer and are marked reported")
    func toshibaIsChatbotAnswer() throws {
        let toshiba = try #require(graph.event("us-sanctions-toshiba"))
        #expect(toshiba.claim == .reported)
        #expect(toshiba.title.contains("chatbot"))
        #expect(toshiba.date.description == "1980..1989")
    }

    @Test("the blog's OpenAI and Google paraphrases are reported, not claimed by the companies")
    func blogParaphrasesReported() throws {
        for id in ["openai-agi-claim", "google-gemini3-claim"] {
            let event = try #require(graph.event(id))
            #expect(event.claim == .reported)
            #expect(event.claimedBy == nil)
        }
    }

    @Test("hedged and doubtful items carry their claim status")
    func hedgesMarked() throws {
        #expect(graph.event("liang-ai-tutor-vision")?.claim == .reported)
        #expect(graph.event("deepseek-cheaper-than-openai")?.claim == .reported)
        #expect(graph.event("huang-2027-compute-forecast")?.claim == .reported)
        #expect(graph.event("huang-solar-storage-quote")?.claim == .disputed)
    }

    @Test("relative dates are not made more exact than the text: Musk's 'not long ago' is a span")
    func relativeDatesNotPinned() throws {
        let musk = try #require(graph.event("musk-china-compute"))
        #expect(musk.date.interval.first != musk.date.interval.last)
        #expect(musk.date.description != "2026-01-06")
        #expect(musk.dateBasis == .derived)
    }

    @Test("one event per Qwen3-Max quote: the near-duplicate is merged")
    func qwen3MaxOnce() {
        let citing = graph.events.filter { $0.sources.contains { $0.quote?.contains("最新發布的Qwen3-Max") == true } }
        #expect(citing.map(\.id) == ["qwen3-max-release"])
        #expect(graph.event("qwen3-max-top-three") == nil)
    }

    @Test("the Manus sale: founders cash out and Benchmark exits, and Benchmark's holding ends with the sale")
    func manusExit() throws {
        let deal = try #require(graph.event("meta-acquires-manus"))
        let founders = try #require(graph.event("manus-founders-cash-out"))
        let exit = try #require(graph.event("benchmark-exits-manus"))
        #expect(founders.date.interval.first >= deal.date.interval.first)
        #expect(exit.date.interval.first >= deal.date.interval.first)
        #expect(exit.allParticipants.contains("benchmark"))
        let holding = try #require(graph.relations.first { $0.kind == "owns" && $0.from == "benchmark" && $0.to == "manus" })
        #expect(holding.until != nil)
        let schmidt = try #require(graph.relations.first { $0.kind == "leads" && $0.from == "eric-schmidt" && $0.to == "google" })
        #expect(schmidt.until != nil)
    }

    @Test("the remarks of named people the audit found missing are statement events")
    func remarksPresent() {
        for person in ["bill-gates", "ray-dalio", "geoffrey-hinton", "eric-schmidt", "rui-ma", "nathan-lambert", "he-lifeng"] {
            #expect(graph.events.contains { $0.kind == "statement" && $0.participants("speaker").contains(person) }, "\(person)")
        }
    }

    @Test("names as the articles write them resolve, in either script and in the articles' odd spellings")
    func articleNamesResolve() throws {
        let names: [(String, String)] = [
            ("杰弗里·辛頓", "geoffrey-hinton"), ("蝴蝶效應", "butterfly-effect"), ("蝴蝶效应", "butterfly-effect"),
            ("中國商務部", "mofcom"), ("中国商务部", "mofcom"), ("比爾.蓋茨", "bill-gates"), ("比爾·蓋茨", "bill-gates"),
            ("施密", "eric-schmidt"), ("梁文峰", "liang-wenfeng"), ("摩根斯坦利", "morgan-stanley"),
            ("鐘才文", "cfeac"), ("林俊旸", "lin-junyang"), ("唐杰", "tang-jie"), ("北京蝴蝶效應科技有限公司", "butterfly-effect"),
        ]
        for (name, id) in names {
            #expect(try graph.resolve(name) == .actor(id), "\(name)")
        }
    }

    @Test("docs/dataset.md lists every event of the graph, only events that exist, and a reason for every row left out")
    func coverageDocument() throws {
        let url = Fixtures.root.appendingPathComponent("docs/dataset.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var listed = Set<String>()
        var rows = 0
        var leftOut = 0
        var inArticle = false
        for rawLine in text.components(separatedBy: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## ") {
                inArticle = line.hasPrefix("## Article")
                continue
            }
            guard inArticle, line.hasPrefix("|") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard cells.count >= 3, cells[0] != "line", !cells[0].hasPrefix("---") else { continue }
            rows += 1
            let last = cells[cells.count - 1]
            if last.hasPrefix("left out:") {
                leftOut += 1
                let reason = last.dropFirst("left out:".count).trimmingCharacters(in: .whitespaces)
                #expect(!reason.isEmpty, "row without a reason: \(line)")
            } else {
                let pieces = last.components(separatedBy: "`")
                let ids = pieces.indices.filter { $0 % 2 == 1 }.map { pieces[$0] }
                #expect(!ids.isEmpty, "row with neither an event id nor 'left out:': \(line)")
                for id in ids {
                    #expect(graph.event(id) != nil, "docs/dataset.md lists '\(id)', which is not an event of the graph")
                    listed.insert(id)
                }
            }
        }
        #expect(rows > 100)
        #expect(leftOut > 0)
        for event in graph.events {
            #expect(listed.contains(event.id), "event '\(event.id)' is missing from docs/dataset.md")
        }
    }
}
