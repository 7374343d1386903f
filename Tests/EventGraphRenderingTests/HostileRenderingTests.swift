import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import EventGraph
import EventGraphRendering

/// The hostile corpus drawn by libgraphviz: names with NUL, escape and other control
/// characters, line breaks, quotes, backslashes and markup render in every view, to SVG
/// that is well-formed XML and shows no injected element.
struct HostileRenderingTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EventGraphTests/Fixtures/hostile")

    @Test("names with control characters, line breaks and markup render in every view as well-formed SVG",
          arguments: DiagramView.allCases)
    func controlNames(view: DiagramView) throws {
        let graph = try GraphLoader().load(paths: [Self.corpus.appendingPathComponent("control-names.yaml").path])
        let svg = try graph.diagram(view).render(format: .svg).text
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the \(view) SVG is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(!svg.contains("<image"))
        #expect(svg.contains("Nul\u{FFFD}byte"))
    }
}
