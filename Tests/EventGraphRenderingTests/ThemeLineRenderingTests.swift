import Foundation
import Testing
import EventGraph
import EventGraphRendering

/// The theme-line chart through Graphviz's pinned layout: every format, no warnings, and the
/// labels Graphviz actually measured do not overlap.
struct ThemeLineRenderingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the theme-line chart renders as SVG, PNG and PDF without Graphviz warnings", arguments: GraphvizFormat.allCases)
    func formats(format: GraphvizFormat) throws {
        let graph = try GraphLoader().load(paths: [Self.root.appendingPathComponent("Samples/quickstart").path])
        let result = try graph.diagram(.themes).render(layout: .pinned, format: format)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.bytes.count > 5000)
    }

    @Test("in the seed dataset's chart, no two labels Graphviz measured overlap")
    func measuredLabelsDoNotOverlap() throws {
        let graph = try GraphLoader().load(paths: [Self.root.appendingPathComponent("Graphs/ai-race").path])
        var options = DiagramOptions(lanes: 18)
        options.timeWindow = DayInterval(first: PartialDate.dayNumber(year: 2025, month: 1, day: 1),
                                         last: PartialDate.dayNumber(year: 2026, month: 1, day: 31))
        let dot = graph.diagram(.themes, options: options).text
        let layout = try GraphvizRenderer.shared.layoutDOT(dot, layout: .pinned, format: .json).text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(layout.utf8)) as? [String: Any])
        let objects = try #require(object["objects"] as? [[String: Any]])
        struct Box { let name: String; let minX, minY, maxX, maxY: Double }
        var boxes: [Box] = []
        for node in objects {
            guard let name = node["name"] as? String, name.hasPrefix("label:") || name.hasPrefix("name:") || name.hasPrefix("axis-label:"),
                  let pos = node["pos"] as? String, let w = (node["width"] as? String).flatMap(Double.init),
                  let h = (node["height"] as? String).flatMap(Double.init) else { continue }
            let xy = pos.split(separator: ",").compactMap { Double($0) }
            guard xy.count == 2 else { continue }
            boxes.append(Box(name: name, minX: xy[0] - w * 36, minY: xy[1] - h * 36, maxX: xy[0] + w * 36, maxY: xy[1] + h * 36))
        }
        #expect(boxes.filter { $0.name.hasPrefix("label:") }.count > 50)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let overlaps = a.minX < b.maxX - 0.5 && b.minX < a.maxX - 0.5 && a.minY < b.maxY - 0.5 && b.minY < a.maxY - 0.5
                #expect(!overlaps, "\(a.name) overlaps \(b.name)")
            }
        }
    }
}
