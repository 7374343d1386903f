import Foundation
import Testing
@testable import EventGraph

/// Graphviz 2.42 leaks about a kilobyte on every layout of an HTML-like table with more than
/// one row and more than one column (see `HTMLGrid`), so no diagram may draw one.
struct DiagramTableShapeTests {
    /// The tables of `dot`'s HTML-like labels that have more than one row and more than one
    /// column (a cell's COLSPAN counts as that many columns), described for a failure message.
    static func grids(in dot: String) -> [String] {
        struct Table { var rows = 0; var columns = 0; var cellsInRow = 0 }
        var stack: [Table] = []
        var found: [String] = []
        var rest = dot[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let inner = rest[rest.index(after: open)..<close]
            let tag = inner[(inner.lastIndex(of: "<").map { inner.index(after: $0) } ?? inner.startIndex)...].uppercased()
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("TABLE") {
                stack.append(Table())
            } else if tag.hasPrefix("/TABLE"), let table = stack.popLast() {
                if table.rows > 1 && table.columns > 1 { found.append("a table of \(table.rows) rows and \(table.columns) columns") }
            } else if tag.hasPrefix("TR"), !stack.isEmpty {
                stack[stack.count - 1].rows += 1
                stack[stack.count - 1].cellsInRow = 0
            } else if tag.hasPrefix("TD"), !stack.isEmpty {
                var span = 1
                if let range = tag.range(of: "COLSPAN=\"") {
                    span = Int(tag[range.upperBound...].prefix { $0.isNumber }) ?? 1
                }
                stack[stack.count - 1].cellsInRow += span
                stack[stack.count - 1].columns = max(stack[stack.count - 1].columns, stack[stack.count - 1].cellsInRow)
            }
        }
        return found
    }

    @Test("the checker finds a two-by-two table, also inside a cell, and accepts rows of one-row tables")
    func checker() {
        #expect(Self.grids(in: "label=<<TABLE><TR><TD>a</TD><TD>b</TD></TR><TR><TD>c</TD><TD>d</TD></TR></TABLE>>") == ["a table of 2 rows and 2 columns"])
        #expect(Self.grids(in: "<TABLE><TR><TD COLSPAN=\"2\">t</TD></TR><TR><TD>a</TD></TR></TABLE>") == ["a table of 2 rows and 2 columns"])
        #expect(Self.grids(in: "<TABLE><TR><TD><TABLE><TR><TD>a</TD></TR><TR><TD>b</TD><TD>c</TD></TR></TABLE></TD></TR></TABLE>").count == 1)
        #expect(Self.grids(in: "<TABLE><TR><TD>t</TD></TR>" + HTMLGrid.row("<TD>a</TD><TD>b</TD>") + HTMLGrid.row("<TD>c</TD><TD>d</TD>") + "</TABLE>").isEmpty)
        #expect(Self.grids(in: "<TABLE><TR><TD>a</TD><TD>b</TD><TD>c</TD></TR></TABLE>").isEmpty)
    }

    @Test("no view of the samples or the ai-race dataset draws a table of more than one row and column",
          arguments: DiagramView.allCases)
    func views(view: DiagramView) throws {
        for path in [Fixtures.root.appendingPathComponent("Samples/quickstart").path, SeedDatasetTests.path] {
            let graph = try GraphLoader().load(paths: [path])
            #expect(Self.grids(in: graph.diagram(view).text).isEmpty, "\(view) of \(path)")
            #expect(Self.grids(in: graph.diagram(view, options: DiagramOptions(language: "zh-Hans")).text).isEmpty)
        }
    }

    @Test("the period marks, the diff, path and frame diagrams draw no table of more than one row and column")
    func otherDiagrams() throws {
        let timelineText = PeriodBandTests.timelineWithTwoPeriods().document.text
        #expect(timelineText.contains("TITLE=\"Chill (2025-02-01 – 2025-06-30)\""), "the period marks are not exercised")
        #expect(Self.grids(in: timelineText).isEmpty)
        let themes = PeriodBandTests.themeDiagram([PeriodBandTests.band("thaw", "2025-01", "2025-03", title: "Thaw")]).document.text
        #expect(Self.grids(in: themes).isEmpty)
        #expect(Self.grids(in: DiffDiagram(diff: try DiffTests.versions()).document.text).isEmpty)
        let network = try PathFixtures.quickstartNetwork()
        let answer = network.findPaths(from: try network.resolveActorNode("benchmark"), to: try network.resolveActorNode("mofcom"), query: PathQuery())
        #expect(Self.grids(in: PathDiagram(answer: answer, network: network, context: 2).document.text).isEmpty)
        let frames = try FrameSequence(graph: FrameSequenceTests.graph(), filter: GraphFilter(), view: .actors, step: .month)
        #expect(Self.grids(in: frames.document.text).isEmpty)
    }
}
