import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import EventGraph

/// The exporters: escaping, dates and evidence, determinism. Loading each format into its
/// real reader is ExportCommandTests' job (scripts/readers/check_exports.py).
struct ExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func quickstart() throws -> GraphView {
        try GraphLoader().load(paths: [root.appendingPathComponent("Samples/quickstart").path])
    }

    /// A small graph with awkward strings in every field.
    static func awkward() throws -> GraphView {
        let yaml = #"""
        title: "Quotes \"double\" & <markup>"
        sources:
          s1: { title: "Source, with comma", published: 2025-06 }
        actors:
          end: { kind: company, name: "Line\nbreak \"quoted\" <b>&</b> O'Brien \\ back", names: { zh-Hans: 逗号，名字 } }
          b: { kind: fund, name: "#hash; semi | pipe" }
        relations:
          - { kind: owns, from: b, to: end, since: 2020, sources: [{ source: s1, quote: "it's \"owned\"" }] }
        events:
          e1:
            kind: investment
            date: "~2025-03"
            title: "Invest, \"big\"\nnext line"
            investor: b
            investee: end
            claim: reported
            sources: [{ source: s1, quote: "a\tb, \"c\"", note: "n'1" }]
        """#
        return try GraphLoader().load([InputDocument(name: "awkward.yaml", text: yaml)])
    }

    static let exporters: [any GraphExporter] = [
        NodeLinkJSONExporter(), GraphMLExporter(), GEXFExporter(), CypherExporter(), Neo4jCSVExporter(),
        TimelineJSExporter(), TimelineJSExporter(grouping: .actor), KumuExporter(), MermaidExporter(), CSVExporter(),
    ]

    @Test("every exporter gives byte-identical output run after run")
    func deterministic() throws {
        let first = try Self.quickstart(), second = try Self.quickstart()
        for exporter in Self.exporters {
            #expect(exporter.export(first) == exporter.export(second), "\(exporter.formatName)")
            #expect(exporter.export(first).files.allSatisfy { !$0.text.isEmpty }, "\(exporter.formatName)")
        }
    }

    @Test("XML escaping keeps markup, quotes and line breaks out of the GraphML and GEXF structure")
    func xmlEscaping() throws {
        let graph = try Self.awkward()
        for exporter in [GraphMLExporter(), GEXFExporter()] as [any GraphExporter] {
            guard case let .file(text) = exporter.export(graph) else { Issue.record("one file expected"); continue }
            #expect(!text.contains("<b>"), "\(exporter.formatName)")
            #expect(text.contains("&lt;b&gt;&amp;&lt;/b&gt;"), "\(exporter.formatName)")
            let parser = XMLParser(data: Data(text.utf8))
            #expect(parser.parse(), "\(exporter.formatName): \(String(describing: parser.parserError))")
        }
    }

    @Test("GEXF dates a partial date as the interval it covers, for Gephi's timeline")
    func gexfIntervals() throws {
        guard case let .file(text) = GEXFExporter().export(try Self.awkward()) else { return }
        #expect(text.contains("mode=\"dynamic\" timeformat=\"date\""))
        #expect(text.contains("start=\"2025-03-01\" end=\"2025-03-31\""))
        #expect(text.contains("start=\"2020-01-01\">"))
    }

    @Test("Cypher literals escape backslashes and quotes; relation kinds become relationship types")
    func cypherEscaping() {
        #expect(CypherExporter.literal(#"O'Brien \ "x""#) == #"'O\'Brien \\ "x"'"#)
        #expect(CypherExporter.literal("a\u{0}b") == "'ab'")
        #expect(CypherExporter.relationshipType("works-at") == "WORKS_AT")
    }

    @Test("Mermaid ids avoid keywords and labels use entity codes")
    func mermaidEscaping() throws {
        #expect(MermaidExporter.nodeID("end", event: false) == "a_end")
        #expect(MermaidExporter.label("a \"b\" <c> #d") == "\"a #quot;b#quot; #lt;c#gt; #35;d\"")
        guard case let .file(text) = MermaidExporter().export(try Self.awkward()) else { return }
        #expect(text.contains("a_end["))
        #expect(!text.contains("<b>"))
    }

    @Test("TimelineJS dates keep only the parts the date has")
    func timelinePrecision() throws {
        let month = try PartialDate(parsing: "~2025-03")
        #expect(TimelineJSExporter.dateObject(month) == .object([("year", 2025), ("month", 3), ("display_date", "c. 2025-03")]))
        #expect(TimelineJSExporter.dateObject(try PartialDate(parsing: "2025")) == .object([("year", 2025)]))
        guard case let .file(text) = TimelineJSExporter(grouping: .actor).export(try Self.quickstart()) else { return }
        #expect(text.contains("\"group\": \"Benchmark\""))
        #expect(text.contains("claim: reported"))
    }

    @Test("CSV fields are quoted when they hold commas, quotes, line breaks or edge spaces")
    func csvQuoting() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.field(" pad") == "\" pad\"")
        #expect(CSVWriter.document(header: ["a", "b"], rows: [["1", "x,y"]]) == "a,b\r\n1,\"x,y\"\r\n")
    }

    @Test("every format carries kinds, dates, claim status and sources")
    func carriesEssentials() throws {
        let graph = try Self.awkward()
        for exporter in Self.exporters {
            let text = exporter.export(graph).files.map(\.text).joined()
            for needle in ["investment", "reported", "s1"] {
                #expect(text.contains(needle), "\(exporter.formatName) lacks \(needle)")
            }
            #expect(text.contains("2025-03"), "\(exporter.formatName) lacks the date")
        }
    }

    @Test("a multi-file export writes every file into the folder, and a failed write leaves nothing behind")
    func outputFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eventgraph-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out").path
        try OutputFolder.write([ExportFile(name: "a.csv", text: "1"), ExportFile(name: "b.csv", text: "2")], to: target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["a.csv", "b.csv"])
        #expect(throws: OutputFileError.self) {
            try OutputFolder.write([ExportFile(name: "a.csv", text: "1")], to: dir.appendingPathComponent("missing/out").path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out"])
    }
}
