import Testing

@testable import EventGraphRendering

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let renderer = GraphvizRenderer.shared

private let cjkGraph = """
    digraph G {
      node [fontname="Noto Sans CJK SC", shape=box];
      huang [label="黄仁勋"];
      nvidia [label="英伟达 NVIDIA"];
      huang -> nvidia [label="创立"];
    }
    """

/// A small graph with pinned positions (points), usable by every layout.
private let pinnedGraph = """
    digraph G {
      node [fontname="Noto Sans CJK SC"];
      a [label="甲", pos="0,0!"];
      b [label="乙", pos="150,0!"];
      c [label="丙", pos="75,120!"];
      a -> b; b -> c; c -> a;
    }
    """

@Suite("GraphvizRenderer")
struct GraphvizRendererTests {
    @Test("SVG of a graph with CJK labels contains the label text")
    func svgWithCJKLabels() throws {
        let result = try renderer.render(dot: cjkGraph, layout: .dot, format: .svg)
        let svg = result.text
        #expect(svg.contains("<svg"))
        #expect(svg.contains("黄仁勋"))
        #expect(svg.contains("英伟达 NVIDIA"))
        #expect(svg.contains("创立"))
        #expect(svg.contains("Noto Sans CJK SC"))
        #expect(result.warnings.isEmpty)
    }

    @Test("PNG output starts with the PNG signature and has plausible dimensions")
    func pngSignature() throws {
        let bytes = try renderer.render(dot: cjkGraph, layout: .dot, format: .png).bytes
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(bytes.count > 1_000 && bytes.count < 5_000_000)
        // IHDR: width and height are big-endian UInt32 at offsets 16 and 20.
        try #require(bytes.count > 24)
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect((50...2_000).contains(width))
        #expect((50...2_000).contains(height))
    }

    @Test("PDF output starts with %PDF-")
    func pdfSignature() throws {
        let bytes = try renderer.render(dot: cjkGraph, layout: .dot, format: .pdf).bytes
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(bytes.count > 1_000)
    }

    /// Every place an HTML-like label can sit (graph, cluster, node, external, edge, head, tail
    /// and external edge labels), with nested tables, bold and italic text: what the renderer
    /// frees for Graphviz 2.42 (GraphvizHTMLTextItems, GraphvizTextLayout) must be freed once,
    /// by every engine, render after render (a double free aborts the process).
    @Test("HTML-like labels everywhere, bold and italic, render again and again with every engine",
          arguments: GraphvizLayout.allCases)
    func htmlLabelsEverywhere(layout: GraphvizLayout) throws {
        let pin = layout == .pinned
        func pos(_ x: Int, _ y: Int) -> String { pin ? ", pos=\"\(x),\(y)!\"" : "" }
        let dot = """
            digraph G {
              label=<<B>Graph</B> <I>label</I>>;
              subgraph cluster_a { label=<<TABLE><TR><TD><B>Cluster</B></TD></TR><TR><TD>two</TD></TR></TABLE>>;
                a [label=<<TABLE><TR><TD><TABLE><TR><TD><B>a</B></TD><TD><I>in</I></TD></TR></TABLE></TD></TR><TR><TD>line<BR/>two</TD></TR></TABLE>>, xlabel=<<I>x</I>>\(pos(0, 0))];
              }
              b [label=<<B>b</B><BR/><FONT POINT-SIZE="8"><I>bold and italic</I></FONT>>\(pos(200, 0))];
              a -> b [label=<<B>edge</B>>, headlabel=<<I>head</I>>, taillabel=<tail>, xlabel=<<B><I>x</I></B>>];
            }
            """
        for _ in 0..<3 {
            let svg = try renderer.render(dot: dot, layout: layout, format: .svg).text
            #expect(svg.contains("font-weight=\"bold\"") && svg.contains("font-style=\"italic\""))
            #expect(svg.contains(">bold and italic</text>"))
        }
        _ = try renderer.render(dot: dot, layout: layout, format: .png)
    }

    @Test("Every layout engine renders a small graph", arguments: GraphvizLayout.allCases)
    func everyLayout(layout: GraphvizLayout) throws {
        let result = try renderer.render(dot: pinnedGraph, layout: layout, format: .svg)
        #expect(result.text.contains("<svg"))
        #expect(result.text.contains("甲"))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test("Every output format is available with the installed plugins", arguments: GraphvizFormat.allCases)
    func everyFormat(format: GraphvizFormat) throws {
        let result = try renderer.render(dot: "digraph { a -> b }", layout: .dot, format: format)
        #expect(!result.bytes.isEmpty)
    }

    @Test("Pinned layout keeps the given positions")
    func pinnedKeepsPositions() throws {
        let plain = try renderer.layoutDOT(pinnedGraph, layout: .pinned, format: .plain).text
        // plain: "node name x y width height ..." in inches; nop2 may translate the drawing,
        // so compare distances: b is 150pt right of a, c is 120pt above a.
        let positions = Dictionary(
            uniqueKeysWithValues: plain.split(separator: "\n").compactMap { line -> (String, (Double, Double))? in
                let fields = line.split(separator: " ")
                guard fields.first == "node", fields.count > 3,
                      let x = Double(fields[2]), let y = Double(fields[3]) else { return nil }
                return (String(fields[1]), (x * 72, y * 72))
            })
        let a = try #require(positions["a"]), b = try #require(positions["b"]), c = try #require(positions["c"])
        #expect(abs((b.0 - a.0) - 150) < 1 && abs(b.1 - a.1) < 1)
        #expect(abs((c.0 - a.0) - 75) < 1 && abs((c.1 - a.1) - 120) < 1)
    }

    @Test("Pinned layout without positions fails with Graphviz's message")
    func pinnedWithoutPositions() {
        let error = #expect(throws: GraphvizError.self) {
            try renderer.render(dot: "digraph { a -> b }", layout: .pinned, format: .svg)
        }
        #expect(error?.kind == .layoutFailed)
        #expect(error?.graphvizMessages.contains { $0.contains("has no position") } == true)
    }

    @Test("Syntax errors cite the line of the current input, after earlier failed and empty parses")
    func syntaxErrorLinesAreFresh() {
        for _ in 0..<3 {
            _ = try? renderer.render(dot: "digraph {\n a\n b\n c\n d -> \n", layout: .dot, format: .svg)
            _ = try? renderer.render(dot: "", layout: .dot, format: .svg)
            _ = try? renderer.render(dot: "  \n\n", layout: .dot, format: .svg)
            _ = try? renderer.render(dot: "digraph {\n  a -> b\n}\n\n", layout: .dot, format: .svg)
            let error = #expect(throws: GraphvizError.self) {
                try renderer.render(dot: "digraph {\n  a -> b\n  -> -> c\n}", layout: .dot, format: .svg)
            }
            #expect(error?.graphvizMessages == ["Error: syntax error in line 3 near '->'"])
        }
    }

    @Test("Invalid DOT throws with Graphviz's syntax error, and the next render is clean")
    func invalidDOTThenValid() throws {
        let error = #expect(throws: GraphvizError.self) {
            try renderer.render(dot: "digraph {\n  a -> b\n  -> -> c\n}", layout: .dot, format: .svg)
        }
        #expect(error?.kind == .invalidDOT)
        #expect(error?.graphvizMessages == ["Error: syntax error in line 3 near '->'"])
        #expect(error?.description.contains("syntax error in line 3 near '->'") == true)

        let result = try renderer.render(dot: "digraph { a -> b }", layout: .dot, format: .svg)
        #expect(result.text.contains("<svg"))
        #expect(result.warnings.isEmpty)
    }

    @Test("Empty input and NUL bytes are rejected as invalid DOT")
    func emptyAndNulInput() {
        for input in ["", "   \n", "digraph { a\0 -> b }"] {
            let error = #expect(throws: GraphvizError.self) {
                try renderer.render(dot: input, layout: .dot, format: .svg)
            }
            #expect(error?.kind == .invalidDOT)
        }
    }

    @Test("An unknown shape is reported as a warning, not an error")
    func unknownShapeWarning() throws {
        let result = try renderer.render(
            dot: "digraph { a [shape=hexagonn]; a -> b }", layout: .dot, format: .svg)
        #expect(result.text.contains("<svg"))
        #expect(result.warnings == ["using box for unknown shape hexagonn"])

        // The warning does not leak into the next render.
        let next = try renderer.render(dot: "digraph { a -> b }", layout: .dot, format: .svg)
        #expect(next.warnings.isEmpty)
    }

    @Test("A layout attribute in the DOT does not override the requested engine")
    func layoutAttributeIsOverridden() throws {
        let result = try renderer.render(
            dot: "digraph { graph [layout=nosuchengine]; a -> b }", layout: .dot, format: .svg)
        #expect(result.text.contains("<svg"))
    }

    @Test("Concurrent renders from a task group all succeed")
    func concurrentRenders() async throws {
        let outputs = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for index in 0..<16 {
                group.addTask {
                    let dot = "digraph { node [fontname=\"Noto Sans CJK SC\"]; n\(index) [label=\"节点\(index)\"]; n\(index) -> x }"
                    let layout = GraphvizLayout.allCases[index % GraphvizLayout.allCases.count]
                    let format = GraphvizFormat.allCases[index % GraphvizFormat.allCases.count]
                    if layout == .pinned {
                        return (index, try renderer.render(dot: pinnedGraph, layout: layout, format: format).bytes)
                    }
                    return (index, try renderer.render(dot: dot, layout: layout, format: format).bytes)
                }
            }
            var collected: [Int: [UInt8]] = [:]
            for try await (index, bytes) in group { collected[index] = bytes }
            return collected
        }
        #expect(outputs.count == 16)
        #expect(outputs.values.allSatisfy { !$0.isEmpty })
    }

    @Test("Concurrent renders mixing failures and successes keep their own messages")
    func concurrentMixedRenders() async {
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<24 {
                group.addTask {
                    switch index % 3 {
                    case 0:
                        let result = try? renderer.render(dot: "digraph { a -> b }", layout: .dot, format: .svg)
                        #expect(result?.warnings == [])
                    case 1:
                        do {
                            _ = try renderer.render(dot: "digraph { -> }", layout: .dot, format: .svg)
                            Issue.record("expected a syntax error")
                        } catch let error as GraphvizError {
                            #expect(error.graphvizMessages == ["Error: syntax error in line 1 near '->'"])
                        } catch {
                            Issue.record("unexpected error \(error)")
                        }
                    default:
                        // Graphviz warns only the first time a process meets an unknown shape
                        // name (it caches it as a user shape), so use a fresh name per task.
                        let result = try? renderer.render(
                            dot: "digraph { a [shape=nosuchshape\(index)] }", layout: .dot, format: .svg)
                        #expect(result?.warnings == ["using box for unknown shape nosuchshape\(index)"])
                    }
                }
            }
        }
    }

    @Test("SVG rendering is deterministic")
    func deterministicSVG() throws {
        let first = try renderer.render(dot: cjkGraph, layout: .dot, format: .svg).bytes
        let second = try renderer.render(dot: cjkGraph, layout: .dot, format: .svg).bytes
        #expect(first == second)
    }

    @Test("Layout as DOT carries positions")
    func layoutDOTHasPositions() throws {
        let result = try renderer.layoutDOT(cjkGraph, layout: .dot)
        #expect(result.text.contains("pos="))
        #expect(result.text.contains("bb="))
        let xdot = try renderer.layoutDOT(cjkGraph, layout: .dot, format: .xdot)
        #expect(xdot.text.contains("_ldraw_"))
        let json = try renderer.layoutDOT(cjkGraph, layout: .neato, format: .json)
        #expect(json.text.hasPrefix("{"))
    }

    @Test("CJK labels are measured with real font metrics (pango text layout)")
    func cjkTextMetrics() throws {
        #expect(try renderer.availablePlugins().textLayouts.contains("textlayout"))
        // Noto Sans CJK glyphs are 1 em wide: three at 14pt = 42pt = 0.583in.
        let plain = try renderer.layoutDOT(
            """
            digraph { node [fontname="Noto Sans CJK SC", fontsize=14, shape=box, margin=0, width=0, height=0];
                      n [label="黄仁勋"] }
            """,
            layout: .dot, format: .plain
        ).text
        let nodeLine = try #require(plain.split(separator: "\n").first { $0.hasPrefix("node n ") })
        let width = try #require(Double(nodeLine.split(separator: " ")[4]))
        #expect(abs(width - 42.0 / 72.0) < 0.03, "node width \(width) in")
    }

    @Test("The installed Graphviz lists the plugins every layout and format needs")
    func availablePlugins() throws {
        let plugins = try renderer.availablePlugins()
        for layout in GraphvizLayout.allCases {
            #expect(plugins.layouts.contains(layout.engineName))
        }
        for format in GraphvizFormat.allCases {
            #expect(plugins.devices.contains(format.requiredDevice))
            #expect(plugins.renderers.contains(format.requiredRenderer))
        }
    }

    @Test("A missing plugin configuration produces an actionable error")
    func missingPluginConfiguration() throws {
        var template = Array("/tmp/eventgraph-gvplugins-XXXXXX".utf8CString)
        let directory = try #require(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) })
            .withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
        defer { rmdir(directory) }

        let error = try #require(GraphvizPluginConfiguration.problem(inDirectory: directory))
        #expect(error.kind == .pluginConfigurationMissing)
        #expect(error.message.hasPrefix("Graphviz plugin configuration is missing"))
        #expect(error.message.contains("run `sudo dot -c` (from Debian's graphviz package) or reinstall libgvc6"))

        let gone = try #require(GraphvizPluginConfiguration.problem(inDirectory: directory + "/nonexistent"))
        #expect(gone.kind == .pluginConfigurationMissing)

        // The real installation is fine.
        let real = GraphvizPluginConfiguration.locateDirectory()
        #expect(real != nil)
        #expect(GraphvizPluginConfiguration.problem(inDirectory: real) == nil)
    }

    @Test("Graphviz's message fragments are split into leveled messages")
    func messageParsing() {
        let raw = "Error: node a in graph %1 has no position\nas required by the -n flag\n"
            + "Warning: using box for unknown shape x\nWarning: a\nError: b"
        #expect(
            GraphvizMessage.parse(Array(raw.utf8)) == [
                GraphvizMessage(level: .error, text: "node a in graph %1 has no position as required by the -n flag"),
                GraphvizMessage(level: .warning, text: "using box for unknown shape x"),
                GraphvizMessage(level: .warning, text: "a"),
                GraphvizMessage(level: .error, text: "b"),
            ])
    }

    @Test("Layouts and formats map to Graphviz engine and format names")
    func nameMapping() {
        #expect(GraphvizLayout.allCases.map(\.engineName) == ["dot", "neato", "fdp", "sfdp", "circo", "twopi", "nop2"])
        #expect(GraphvizFormat.allCases.map(\.graphvizFormatName) == ["svg", "png:cairo", "pdf:cairo"])
    }
}
