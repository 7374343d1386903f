import Testing
@testable import EventGraph

/// `render --frames`: the periods, which frame draws what, the captions and the animation's CSS.
struct FrameSequenceTests {
    static func date(_ text: String) -> PartialDate { try! PartialDate(parsing: text) }

    /// a–b meet in January, a invests in c in March, b owns d from April, c–d meet in June.
    static func graph(title: String? = "Small world", name: String = "Alpha") -> GraphView {
        GraphView(
            title: title,
            actors: [Actor(id: "a", kind: "company", name: name), Actor(id: "b", kind: "company", name: "Beta"),
                     Actor(id: "c", kind: "company", name: "Gamma"), Actor(id: "d", kind: "company", name: "Delta")],
            events: [Event(id: "e1", kind: "meeting", date: .on(date("2025-01-10")), title: "First meeting",
                           roles: [RoleBinding(role: "participants", ids: ["a", "b"])]),
                     Event(id: "e2", kind: "investment", date: .on(date("2025-03")), title: "A invests in C",
                           roles: [RoleBinding(role: "investor", ids: ["a"]), RoleBinding(role: "investee", ids: ["c"])]),
                     Event(id: "e3", kind: "meeting", date: .on(date("2025-06-02")), title: "Second meeting",
                           roles: [RoleBinding(role: "participants", ids: ["c", "d"])])],
            relations: [Relation(id: "r1", kind: "owns", from: "b", to: "d", since: date("2025-04"))])
    }

    @Test("frames are named so they sort by date: months, quarters and years")
    func periods() {
        let span = DayInterval(first: Self.date("2024-11-15").interval.first, last: Self.date("2025-02-03").interval.last)
        #expect(FrameStep.month.frames(covering: span).map(\.description) == ["2024-11", "2024-12", "2025-01", "2025-02"])
        #expect(FrameStep.quarter.frames(covering: span).map(\.description) == ["2024-Q4", "2025-Q1"])
        #expect(FrameStep.year.frames(covering: span).map(\.description) == ["2024", "2025"])
        #expect(FrameStep.quarter.frames(covering: span).map(\.title) == ["Q4 2024", "Q1 2025"])
        #expect(FrameStep.month.count(covering: span) == 4)
        let q = FrameStep.quarter.frames(covering: span)[1]
        #expect(q.asOf == Self.date("2025-03"))
        #expect(q.interval == DayInterval(first: Self.date("2025-01-01").interval.first, last: Self.date("2025-03-31").interval.first))
    }

    @Test("one frame per month from the first to the last event, each drawing what the as-of view keeps")
    func framesFollowTheAsOfView() throws {
        let graph = Self.graph()
        let sequence = try FrameSequence(graph: graph, filter: GraphFilter(), view: .actors, step: .month)
        #expect(sequence.frames.map(\.description) == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"])
        // Each frame draws exactly the statements of the as-of view's own diagram (no layout
        // decision differs in this graph), and frames only add.
        for (index, frame) in sequence.frames.enumerated() {
            let asOf = graph.filtered(by: GraphFilter(asOf: frame.asOf))
            let own = ActorDiagram(graph: asOf).document.statements.filter { if case .node(let id, _) = $0 { id != DiagramBuilder.OwnNode.legend } else { true } }
            let drawn = sequence.statements(inFrame: index).map { sequence.document.statements[$0] }
                .filter { if case .node(let id, _) = $0 { id != DiagramBuilder.OwnNode.legend } else { true } }
            #expect(Self.keys(drawn) == Self.keys(own), "frame \(frame)")
            if index > 0 { #expect(Set(sequence.statements(inFrame: index - 1)).isSubset(of: sequence.statements(inFrame: index))) }
        }
        #expect(sequence.arrivals == [3, 0, 2, 2, 0, 1])
        #expect(sequence.summary == graph.summary)
    }

    /// Node ids and edge ends, in order.
    static func keys(_ statements: [DOTStatement]) -> [String] {
        statements.map {
            switch $0 {
            case let .node(id, _): "node \(id)"
            case let .edge(from, to, _): "edge \(from) \(to)"
            default: "other"
            }
        }.sorted()
    }

    @Test("--from/--to set the range; the filters still apply to every frame")
    func windowSetsTheRange() throws {
        let graph = Self.graph()
        let sequence = try FrameSequence(graph: graph, filter: GraphFilter(from: Self.date("2025-02"), to: Self.date("2025-12")),
                                         view: .events, step: .quarter)
        #expect(sequence.frames.map(\.description) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
        // e1 (January) is outside --from: never drawn.
        #expect(!sequence.document.statements.contains { if case .node("e1", _) = $0 { true } else { false } })
        #expect(sequence.statements(inFrame: 3) == Array(sequence.document.statements.indices))
    }

    @Test("absurd ranges, empty views and chart views are refused with one sentence")
    func refusals() {
        let graph = Self.graph()
        let long = GraphFilter(from: Self.date("1900"), to: Self.date("2025"))
        #expect(throws: FrameError.self) { try FrameSequence(graph: graph, filter: long, view: .actors, step: .month) }
        do {
            _ = try FrameSequence(graph: graph, filter: long, view: .actors, step: .month)
        } catch {
            #expect(error.description == "--frames month from 1900-01 to 2025-12 makes 1512 frames, more than the 360 one run draws: narrow the range with --from/--to or draw --frames quarter or year")
        }
        // By year, the same range is fine.
        #expect(throws: Never.self) { try FrameSequence(graph: graph, filter: long, view: .actors, step: .year) }
        #expect(throws: FrameError.nothingDated) { try FrameSequence(graph: GraphView(), filter: GraphFilter(), view: .actors, step: .year) }
        #expect(throws: FrameError.unsupportedView(.timeline)) { try FrameSequence(graph: graph, filter: GraphFilter(), view: .timeline, step: .year) }
        // Dates as far apart as the format allows cost nothing before the refusal.
        let widest = GraphFilter(from: Self.date("0001"), to: Self.date("9999"))
        #expect(throws: FrameError.self) { try FrameSequence(graph: graph, filter: widest, view: .actors, step: .year) }
    }

    @Test("a union with more actors than the limit is drawn as its overview in every frame, said in the caption")
    func overview() throws {
        let graph = Self.graph()
        let sequence = try FrameSequence(graph: graph, filter: GraphFilter(), view: .actors, step: .month, maximumActors: 2)
        let overview = try #require(graph.overview(limit: 2))
        #expect(sequence.title == "Small world — " + overview.caption)
        #expect(sequence.summary == overview.view.summary)
        let drawnActors = sequence.document.statements.compactMap { if case let .node(id, _) = $0, graph.hasActor(id) { id } else { nil } }
        #expect(Set(drawnActors) == Set(overview.view.actors.map(\.id)))
        #expect(sequence.arrivals.reduce(0, +) == overview.view.actors.count + overview.view.events.count + overview.view.relations.count)
        // No limit, or a limit the graph is within: every actor.
        #expect(try FrameSequence(graph: graph, filter: GraphFilter(), view: .actors, step: .month, maximumActors: 4).title == "Small world")
    }

    static let layout: FrameLayout = {
        var placements: [Int: FrameLayout.Placement] = [:]
        for index in 0..<64 { placements[index] = .init(pos: "\(index * 10),\(index * 5)", labelPos: "1,2") }
        return FrameLayout(minX: 0, minY: 0, maxX: 400, maxY: 300, placements: placements)
    }()

    @Test("every frame pins every node, keeps the union's canvas and carries its own caption")
    func frameDocuments() throws {
        let sequence = try FrameSequence(graph: Self.graph(), filter: GraphFilter(), view: .actors, step: .month)
        let first = try sequence.frameDocument(0, layout: Self.layout).text
        let last = try sequence.frameDocument(5, layout: Self.layout).text
        #expect(first.contains(">January 2025<") && last.contains(">June 2025<"))
        #expect(first.contains(">Small world<"))
        for text in [first, last] {
            #expect(text.contains("\"_corner0\" [shape=\"point\", style=\"invis\", width=\"0.01\", height=\"0.01\", label=\"\", pos=\"0.00,0.00!\"]"))
            #expect(text.contains("\"_corner1\""))
            #expect(!text.contains("labelloc"))
        }
        for case let .node(id, attributes) in try sequence.frameDocument(5, layout: Self.layout).statements {
            #expect(attributes.contains { $0.name == "pos" && { if case .plain(let p) = $0.value { p.hasSuffix("!") } else { false } }($0) }, "\(id)")
        }
        #expect(first.components(separatedBy: "pos=").count < last.components(separatedBy: "pos=").count)
        // A layout missing a statement is an error, not a frame with a node Graphviz places anywhere.
        #expect(throws: FrameError.self) { try sequence.frameDocument(0, layout: FrameLayout(minX: 0, minY: 0, maxX: 1, maxY: 1, placements: [:])) }
    }

    @Test("the layout document names statements by position only; Graphviz's JSON is read back by those names")
    func layoutNames() throws {
        let sequence = try FrameSequence(graph: Self.graph(name: "\"a\" -> \"b\" <x>"), filter: GraphFilter(), view: .actors, step: .month)
        let text = sequence.layoutDocument.text
        #expect(text.contains("\"n0\" [") && text.contains("\"e"))
        #expect(!text.contains("\"a\" ->"))
        let json = #"{"bb": "0,0,120.5,80", "objects": [{"_gvid": 0, "name": "n0", "pos": "27,18"}], "edges": [{"_gvid": 0, "tail": 0, "head": 0, "id": "e7", "pos": "e,1,2 3,4 5,6 7,8", "lp": "9,10"}]}"#
        let layout = try FrameLayout(graphvizJSON: Array(json.utf8))
        #expect(layout.maxX == 120.5 && layout.maxY == 80)
        #expect(layout.placements[0] == .init(pos: "27,18"))
        #expect(layout.placements[7] == .init(pos: "e,1,2 3,4 5,6 7,8", labelPos: "9,10"))
        #expect(throws: FrameError.self) { try FrameLayout(graphvizJSON: Array("not json".utf8)) }
    }

    @Test("the animation's CSS shows each statement from its frame and one caption at a time, with no script")
    func animationStyle() throws {
        let sequence = try FrameSequence(graph: Self.graph(), filter: GraphFilter(), view: .actors, step: .month)
        let document = try sequence.animationDocument(layout: Self.layout).text
        for k in 0..<6 { #expect(document.contains("class=\"egcap egc\(k)\"")) }
        #expect(document.contains("class=\"egf0\"") && document.contains("class=\"egf5\""))
        let svg = sequence.animatedSVG("<?xml version=\"1.0\"?>\n<svg width=\"1pt\">\n<g id=\"graph0\"></g>\n</svg>\n")
        #expect(svg.hasPrefix("<?xml version=\"1.0\"?>\n<svg width=\"1pt\">\n<style>"))
        // 6 frames: 5 × 1 s, then the last for 3 s = 8 s; frame 2 starts at 2/8 of the cycle.
        #expect(svg.contains(".egf2{animation:egf2 8s step-end infinite}\n@keyframes egf2{0%{opacity:0}25.000%{opacity:1}100%{opacity:1}}"))
        #expect(svg.contains("@keyframes egc0{0%{opacity:1}12.500%{opacity:0}100%{opacity:0}}"))
        #expect(svg.contains("@keyframes egc5{0%{opacity:0}62.500%{opacity:1}100%{opacity:1}}"))
        #expect(svg.contains(".egcap{opacity:0}\n.egc5{opacity:1}"))
        #expect(svg.contains("prefers-reduced-motion"))
        // Frames 1 and 4 bring nothing new: no rule for them.
        #expect(!svg.contains(".egf1{") && !svg.contains(".egf4{"))
        #expect(!svg.lowercased().contains("<script"))
    }

    @Test("titles are escaped for the caption's HTML-like label")
    func hostileCaption() throws {
        let sequence = try FrameSequence(graph: Self.graph(title: "</FONT><IMG SRC=\"/etc/passwd\"/> & <B>"), filter: GraphFilter(),
                                         view: .actors, step: .year)
        let text = try sequence.frameDocument(0, layout: Self.layout).text
        #expect(text.contains("&lt;/FONT&gt;&lt;IMG SRC=&quot;/etc/passwd&quot;/&gt; &amp; &lt;B&gt;"))
        #expect(!text.contains("<IMG"))
    }
}
