import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import EventGraph
import EventGraphRendering

/// `render --frames` through libgraphviz: the frames of a graph drawn from one layout keep
/// every node where it was (read back from the SVGs), and the animation is one well-formed
/// SVG with CSS and no script.
struct FrameRenderingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Each node's `<title>` (its id) → the first coordinates drawn in its group, and the SVG's viewBox.
    static func nodes(_ svg: String) -> (positions: [String: String], viewBox: String) {
        var positions: [String: String] = [:]
        let viewBox = svg.range(of: #"viewBox="[^"]*""#, options: .regularExpression).map { String(svg[$0]) } ?? ""
        for group in svg.components(separatedBy: "<g id=\"node").dropFirst() {
            guard let title = group.range(of: #"<title>[^<]*</title>"#, options: .regularExpression),
                  let shape = group.range(of: #"(points|cx|x)="[^"]*""#, options: .regularExpression) else { continue }
            positions[String(group[title])] = String(group[shape]) + (group.range(of: #"cy="[^"]*""#, options: .regularExpression).map { String(group[$0]) } ?? "")
        }
        return (positions, viewBox)
    }

    static func render(_ graph: GraphView, filter: GraphFilter = GraphFilter(), view: DiagramView = .actors,
                       step: FrameStep = .month, format: GraphvizFormat? = .svg) throws -> (FrameSequence, [FrameFile]) {
        let sequence = try FrameSequence(graph: graph, filter: filter, view: view, step: step)
        let (layout, _) = try sequence.layOut(with: .dot)
        return (sequence, try sequence.draw(layout, format: format).0)
    }

    @Test("the seed dataset by month over 2025: 12 frames and the animation, every node in the same place in every frame",
          arguments: [DiagramView.actors, .events])
    func seedFramesKeepPositions(view: DiagramView) throws {
        let graph = try GraphLoader().load(paths: [Self.root.appendingPathComponent("Graphs/ai-race").path])
        let filter = GraphFilter(from: try PartialDate(parsing: "2025-01"), to: try PartialDate(parsing: "2025-12"))
        let (sequence, files) = try Self.render(graph, filter: filter, view: view)
        #expect(files.map(\.name) == (1...12).map { "2025-\(String(format: "%02d", $0)).svg" } + ["animation.svg"])
        let frames = files.dropLast().map { Self.nodes($0.bytes.isEmpty ? "" : String(decoding: $0.bytes, as: UTF8.self)) }
        let last = frames.last!
        #expect(Set(frames.map(\.viewBox)).count == 1, "every frame has the union's canvas")
        var compared = 0
        for (index, frame) in frames.enumerated() {
            #expect(frame.positions.count <= last.positions.count)
            for (title, position) in frame.positions where !title.contains("_caption") {
                #expect(last.positions[title] == position, "\(title) moved in frame \(index + 1)")
                compared += 1
            }
        }
        #expect(compared > 500)
        // Frames only grow, and by the union's arrivals.
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.positions.count <= $1.positions.count })
        #expect(frames.first!.positions.count < last.positions.count)
        #expect(sequence.arrivals.reduce(0, +) > 0)
        // The animation has every node of the last frame at the same place.
        let animation = String(decoding: files.last!.bytes, as: UTF8.self)
        let animated = Self.nodes(animation)
        for (title, position) in last.positions where !title.contains("_caption") {
            #expect(animated.positions[title] == position, "\(title) is elsewhere in the animation")
        }
        #expect(animated.viewBox == last.viewBox)
        #expect(!animation.lowercased().contains("<script"))
        #expect(!animation.contains("href"))
        let parser = XMLParser(data: Data(animation.utf8))
        #expect(parser.parse(), "the animation is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("frames are byte-identical run after run")
    func deterministic() throws {
        let graph = try GraphLoader().load(paths: [Self.root.appendingPathComponent("Samples/quickstart").path])
        let (_, first) = try Self.render(graph, step: .quarter)
        let (_, second) = try Self.render(graph, step: .quarter)
        #expect(first == second)
        #expect(first.count >= 2)
    }

    @Test("PNG frames are the same size; DOT frames carry every position")
    func pngAndDot() throws {
        let graph = try GraphLoader().load(paths: [Self.root.appendingPathComponent("Samples/quickstart").path])
        let (_, png) = try Self.render(graph, step: .year, format: .png)
        let sizes = Set(png.dropLast().map { Array($0.bytes[16..<24]) })
        #expect(sizes.count == 1)
        #expect(png.last!.name == "animation.svg")
        let (_, dot) = try Self.render(graph, step: .year, format: nil)
        #expect(dot.first!.name.hasSuffix(".dot"))
        #expect(String(decoding: dot.first!.bytes, as: UTF8.self).contains("!\""))
    }

    @Test("hostile names and titles stay text in every frame and in the animation")
    func hostileNames() throws {
        let graph = try GraphLoader().load(paths: [HostileRenderingTests.corpus.appendingPathComponent("control-names.yaml").path])
        for view in [DiagramView.actors, .events] {
            let (_, files) = try Self.render(graph, view: view, step: .year)
            for file in files {
                let svg = String(decoding: file.bytes, as: UTF8.self)
                let parser = XMLParser(data: Data(file.bytes))
                #expect(parser.parse(), "\(file.name) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
                #expect(!svg.contains("<image") && !svg.lowercased().contains("<script") && !svg.contains("<b>bold"))
                #expect(svg.contains("Nul\u{FFFD}byte"))
            }
        }
    }
}
