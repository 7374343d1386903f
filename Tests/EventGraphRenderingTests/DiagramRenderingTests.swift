import Foundation
import Testing
import EventGraph
import EventGraphRendering

/// Renders the quickstart sample's diagrams through libgraphviz, in-process.
struct DiagramRenderingTests {
    static let quickstart = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/quickstart").path

    @Test("the SVG of each view holds every actor's label, including CJK names", arguments: DiagramView.allCases)
    func svgHasEveryLabel(view: DiagramView) throws {
        let graph = try GraphLoader().load(paths: [Self.quickstart])
        let svg = try graph.diagram(view).render(layout: .dot, format: .svg).text
        #expect(svg.contains("<svg"))
        let shown = view == .actors ? Array(graph.actors) : graph.actors.filter { actor in graph.events.contains { $0.allParticipants.contains(actor.id) } }
        for actor in shown {
            let escaped = actor.name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "-", with: "&#45;")
            #expect(svg.contains(">\(escaped)</text>"), "missing \(actor.name)")
        }
        let chinese = try graph.diagram(view, options: DiagramOptions(language: "zh-Hans")).render(format: .svg).text
        #expect(chinese.contains(">黄仁勋</text>"))
        #expect(chinese.contains("font-family=\"Noto Sans CJK SC"))
    }

    @Test("a timeline whose first year has one month renders: activity-strip cells too narrow for their year are left empty, not an empty FONT Graphviz refuses")
    func timelineWithANarrowYear() throws {
        let actors = [Actor(id: "a", kind: "organization", name: "A"), Actor(id: "b", kind: "organization", name: "B")]
        let events = (0..<40).map { i in
            Event(id: "e\(i)", kind: "meeting", date: .on(PartialDate(year: 2020 + (11 + i) / 12, month: 1 + (11 + i) % 12, day: 3)!),
                  title: "Meeting \(i)", roles: [RoleBinding(role: "participants", ids: ["a", "b"])],
                  sources: [Evidence(source: "s")])
        }
        let graph = GraphView(sources: [Source(id: "s", title: "S")], actors: actors, events: events)
        let dot = graph.diagram(.timeline).text
        #expect(dot.contains("ALIGN=\"LEFT\"></TD>"), "no year cell too narrow for its label: the case is not exercised")
        #expect(!dot.contains("\"></FONT>"), "an empty FONT element")
        let svg = try graph.diagram(.timeline).render(layout: .dot, format: .svg).text
        #expect(svg.contains("Events per month"))
    }

    @Test("PNG and PDF renders are valid files", arguments: [GraphvizFormat.png, .pdf])
    func binaryFormats(format: GraphvizFormat) throws {
        let graph = try GraphLoader().load(paths: [Self.quickstart])
        let bytes = try graph.diagram(.actors).render(format: format).bytes
        if format == .png {
            #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        } else {
            #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "%PDF-")
            #expect(String(decoding: bytes.suffix(8), as: UTF8.self).contains("%%EOF"))
        }
        #expect(bytes.count > 10_000)
    }

    @Test("every layout engine renders the actor view without Graphviz errors",
          arguments: [GraphvizLayout.dot, .neato, .fdp, .sfdp, .circo, .twopi])
    func layouts(layout: GraphvizLayout) throws {
        let graph = try GraphLoader().load(paths: [Self.quickstart])
        let result = try graph.diagram(.actors).render(layout: layout, format: .svg)
        #expect(result.text.contains("</svg>"))
    }

    @Test("no two node labels overlap in the quickstart actor diagram")
    func noOverlappingNodes() throws {
        let graph = try GraphLoader().load(paths: [Self.quickstart])
        let layout = try GraphvizRenderer.shared.layoutDOT(graph.diagram(.actors).text, layout: .dot, format: .json).text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(layout.utf8)) as? [String: Any])
        let objects = try #require(object["objects"] as? [[String: Any]])
        struct Box { let name: String; let minX, minY, maxX, maxY: Double }
        var boxes: [Box] = []
        for node in objects {
            guard let pos = node["pos"] as? String, let w = (node["width"] as? String).flatMap(Double.init),
                  let h = (node["height"] as? String).flatMap(Double.init) else { continue }
            let xy = pos.split(separator: ",").compactMap { Double($0) }
            guard xy.count == 2 else { continue }
            boxes.append(Box(name: node["name"] as? String ?? "", minX: xy[0] - w * 36, minY: xy[1] - h * 36,
                             maxX: xy[0] + w * 36, maxY: xy[1] + h * 36))
        }
        #expect(boxes.count >= graph.actors.count)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let overlaps = a.minX < b.maxX - 0.5 && b.minX < a.maxX - 0.5 && a.minY < b.maxY - 0.5 && b.minY < a.maxY - 0.5
                #expect(!overlaps, "\(a.name) overlaps \(b.name)")
            }
        }
    }
}
