import Foundation
import Testing
@testable import EventGraph

struct DOTTests {
    @Test("quotes and backslashes are escaped; newlines become \\n")
    func escaping() {
        #expect(DOTDocument.quote(#"say "hi"\now"#) == #""say \"hi\"\\now""#)
        #expect(DOTDocument.quote("two\nlines") == #""two\nlines""#)
        #expect(DOTDocument.quote("黄仁勋") == "\"黄仁勋\"")
    }

    @Test("ids that are DOT keywords or start with digits are always quoted")
    func keywordIDs() {
        let document = DOTDocument(name: "graph", statements: [
            .node("node", []), .node("edge", []), .node("strict", []), .node("9lives", []), .node("subgraph", []),
            .edge("node", "9lives", [DOTAttribute("label", "a \"b\" \\ c")]),
        ])
        let text = document.text
        #expect(text.contains("\n  \"node\";\n"))
        #expect(text.contains("\n  \"9lives\";\n"))
        #expect(text.contains(#""node" -> "9lives" [label="a \"b\" \\ c"];"#))
        #expect(text.hasPrefix("digraph \"graph\" {\n"))
    }

    @Test("HTML labels are written between angle brackets and their text is escaped")
    func htmlLabels() {
        let attribute = DOTAttribute("label", html: "<B>" + DOTDocument.htmlEscape("AT&T <R&D>") + "</B>")
        #expect(attribute.text == "label=<<B>AT&amp;T &lt;R&amp;D&gt;</B>>")
        #expect(DOTAttribute("label", "<B>").text == #"label="<B>""#)
    }

    @Test("the actor view draws edge-kind events as arrows and the rest as nodes, with a CJK font")
    func actorView() throws {
        let graph = try GraphLoader().load(paths: [Fixtures.quickstart])
        let diagram = ActorDiagram(graph: graph)
        #expect(diagram.drawsAsArrow(try #require(graph.event("benchmark-invests-manus"))))
        // Referenced by the review, so it becomes a node the review can point at.
        #expect(!diagram.drawsAsArrow(try #require(graph.event("meta-acquires-manus"))))
        // Has a participant outside its edge roles (destination).
        #expect(!diagram.drawsAsArrow(try #require(graph.event("us-approves-chip-exports"))))
        let text = diagram.document.text
        #expect(text.contains(#""benchmark" -> "manus" [label="investment\n2025-04""#))
        #expect(text.contains(#""mofcom-reviews-deal" -> "meta-acquires-manus" [label="subject""#))
        #expect(text.contains(#"fontname="Noto Sans CJK SC""#))
        #expect(text.contains(#"newrank="true""#))
        for actor in graph.actors { #expect(text.contains("\n  \"\(actor.id)\" [label=<")) }
    }

    @Test("actors with the ids 'legend', 'empty' and 'no-changes' are drawn as actors in every view: the diagram's own nodes have names no id can take", arguments: DiagramView.allCases)
    func ownNodesNeverTakeAnActorsPlace(view: DiagramView) throws {
        let text = """
            sources:
              s1: {title: S}
            actors:
              legend: {kind: person, name: Lee Gend}
              empty: {kind: person, name: Em Pty}
              no-changes: {kind: company, name: Nochange Inc}
            events:
              e1:
                kind: meeting
                date: 2024-01-02
                title: The three meet
                participants: [legend, empty, no-changes]
                sources: [{source: s1}]
            """
        let graph = try GraphLoader().load([InputDocument(name: "own.yaml", text: text)])
        let statements = graph.diagram(view).statements
        var names: [String] = []
        for statement in statements { if case let .node(id, _) = statement { names.append(id) } }
        // Each name is declared once (a second declaration would restyle the first node).
        #expect(Set(names).count == names.count, "\(names)")
        #expect(names.contains(DiagramBuilder.OwnNode.legend))
        let dot = graph.diagram(view).text
        for name in ["Lee Gend", "Em Pty", "Nochange Inc"] { #expect(dot.contains(name), "\(view): \(name)") }
    }

    @Test("per-language names replace display names with --lang")
    func languageNames() throws {
        let graph = try GraphLoader().load(paths: [Fixtures.quickstart])
        let text = graph.diagram(.actors, options: DiagramOptions(language: "zh-Hant")).text
        #expect(text.contains("黃仁勳"))
        #expect(text.contains("<B>Benchmark</B>"))
    }

    @Test("output is byte-identical run after run", arguments: DiagramView.allCases)
    func determinism(view: DiagramView) throws {
        let first = try GraphLoader().load(paths: [Fixtures.quickstart]).diagram(view).text
        let second = try GraphLoader().load(paths: [Fixtures.quickstart]).diagram(view).text
        #expect(first == second)
        let json1 = try GraphLoader().load(paths: [Fixtures.quickstart]).nodeLinkJSON.text
        let json2 = try GraphLoader().load(paths: [Fixtures.quickstart]).nodeLinkJSON.text
        #expect(json1 == json2)
    }

    @Test("the committed quickstart DOT is what the code produces now")
    func committedSampleIsCurrent() throws {
        let graph = try GraphLoader().load(paths: [Fixtures.quickstart])
        for view in DiagramView.allCases {
            let path = Fixtures.root.appendingPathComponent("Samples/quickstart/\(view.rawValue).dot").path
            let committed = try String(contentsOfFile: path, encoding: .utf8)
            #expect(committed == graph.diagram(view).text, "Samples/quickstart/\(view.rawValue).dot is stale: run `make samples`")
        }
    }

    @Test("Graphviz's dot command parses every exported DOT", arguments: DiagramView.allCases)
    func dotParses(view: DiagramView) throws {
        let dot = try #require(["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) },
                               "Graphviz's dot command is not installed (scripts/setup.sh installs it)")
        let graph = try GraphLoader().load(paths: [Fixtures.quickstart])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tcanon"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(graph.diagram(view).text.utf8))
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.isEmpty, "dot said: \(stderr)")
    }

    @Test("node-link JSON carries kinds, dates, claims and sources")
    func nodeLinkJSON() throws {
        let graph = try GraphLoader().load(paths: [Fixtures.quickstart])
        let text = graph.nodeLinkJSON.text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let links = try #require(object["links"] as? [[String: Any]])
        #expect(nodes.count == graph.actors.count + graph.events.count)
        let approval = try #require(nodes.first { $0["id"] as? String == "us-approves-chip-exports" })
        #expect(approval["claim"] as? String == "reported")
        #expect(approval["date"] as? String == "~2025")
        #expect((approval["sources"] as? [[String: Any]])?.first?["source"] as? String == "briefing")
        #expect(links.contains { $0["source"] as? String == "mofcom-reviews-deal" && $0["target"] as? String == "meta-acquires-manus" && $0["role"] as? String == "subject" })
        #expect(links.contains { $0["type"] as? String == "relation" && $0["kind"] as? String == "leads" && $0["since"] as? String == "1993" })
    }
}
