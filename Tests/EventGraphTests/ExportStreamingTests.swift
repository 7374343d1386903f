import Foundation
import Testing
@testable import EventGraph

/// Streamed exports (``ExportSink`` through ``OutputFile`` and ``OutputFolder``): the bytes
/// on disk are the in-memory export and the committed samples, the byte-level escapers give
/// exactly what the rules they replace gave, and a failed export leaves nothing behind.
struct ExportStreamingTests {
    static let root = ExportTests.root
    static let streamed: [any GraphExporter] = [
        NodeLinkJSONExporter(), CSVExporter(), GraphMLExporter(), GEXFExporter(), Neo4jCSVExporter(),
    ]

    static func aiRace() throws -> GraphView {
        try GraphLoader().load(paths: [root.appendingPathComponent("Graphs/ai-race").path])
    }

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eventgraph-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Streams an export to `target` (a file, or a folder for a multi-file format) and reads
    /// back what landed there, in the format's file order.
    static func streamToDisk(_ exporter: any GraphExporter, _ graph: GraphView, at target: String) throws -> ExportOutput {
        if case .folder = exporter.export(graph) {
            let names = try OutputFolder.write(to: target) { exporter.write(graph, to: $0) }
            return .folder(try names.map { name in
                ExportFile(name: name, text: try String(contentsOfFile: target + "/" + name, encoding: .utf8))
            })
        }
        let count = try OutputFile.write(to: target) { exporter.write(graph, to: $0) }
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.utf8.count == count, "the byte count reported for \(exporter.formatName)")
        return .file(text)
    }

    @Test("streamed to disk, json, csv, graphml, gexf and neo4j-csv are byte for byte their in-memory export (quickstart, ai-race, awkward strings, hostile names)")
    func streamedEqualsMemory() throws {
        let graphs = [("quickstart", try ExportTests.quickstart()), ("ai-race", try Self.aiRace()), ("awkward", try ExportTests.awkward()),
                      ("formulas", try GraphLoader().load(paths: [Self.root.appendingPathComponent("Tests/EventGraphTests/Fixtures/hostile/formulas.yaml").path])),
                      ("control-names", try GraphLoader().load(paths: [Self.root.appendingPathComponent("Tests/EventGraphTests/Fixtures/hostile/control-names.yaml").path]))]
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, graph) in graphs {
            for exporter in Self.streamed {
                let target = dir.appendingPathComponent("\(name).\(exporter.formatName)").path
                let disk = try Self.streamToDisk(exporter, graph, at: target)
                #expect(disk == exporter.export(graph), "\(name) as \(exporter.formatName)")
            }
        }
        // ai-race's GraphML is several buffers long, so the buffer was emptied mid-export.
        let graphML = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("ai-race.graphml").path)
        #expect((graphML[.size] as? Int ?? 0) > 4 * ExportSink.chunk)
        // Only the outputs are left: no temporary file or staging folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test("the quickstart streamed is the committed Samples/quickstart-exports, file for file")
    func samples() throws {
        let graph = try ExportTests.quickstart()
        let samples = Self.root.appendingPathComponent("Samples/quickstart-exports")
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for exporter in Self.streamed {
            let name = exporter is CSVExporter || exporter is Neo4jCSVExporter ? exporter.formatName : "quickstart.\(exporter.formatName)"
            let streamed = try Self.streamToDisk(exporter, graph, at: dir.appendingPathComponent(name).path)
            for file in streamed.files {
                let sample = samples.appendingPathComponent(name).appendingPathComponent(file.name).path
                #expect(try String(contentsOfFile: sample, encoding: .utf8) == file.text, "\(name)/\(file.name)")
            }
        }
    }

    @Test("the node-link JSON written one node at a time is nodeLinkJSON's text")
    func nodeLinkJSON() throws {
        for graph in [try ExportTests.quickstart(), try Self.aiRace(), try ExportTests.awkward(), GraphView()] {
            #expect(NodeLinkJSONExporter().export(graph) == .file(graph.nodeLinkJSON.text))
        }
    }

    // MARK: Chunks written on two threads

    /// An export in memory, its records written `itemsPerChunk` at a time.
    static func export(_ exporter: any GraphExporter, _ graph: GraphView, itemsPerChunk: Int) -> ExportOutput {
        ExportSink.collect { sink in
            sink.itemsPerChunk = itemsPerChunk
            exporter.write(graph, to: sink)
        }
    }

    /// A random graph of meetings, reviews of earlier events (event-to-event roles) and
    /// relations, and the same graph focused on one actor (so events lose participants).
    static func randomGraphs() -> [(String, GraphView)] {
        let random = RandomGraphs.make(seed: 41, actors: 300, events: 1_500, relations: 200, eventReviews: 40)
        return [("random", random), ("random focused on a0", random.filtered(by: GraphFilter(focus: "a0", depth: 1)))]
    }

    @Test("json, csv, graphml, gexf and neo4j-csv written in chunks of 1, 7 and 500 records on two threads are byte for byte the one-pass export (ai-race, awkward strings, a random graph whole and focused, an empty graph)")
    func chunkedEqualsOnePass() throws {
        let graphs = [("ai-race", try Self.aiRace()), ("awkward", try ExportTests.awkward()), ("empty", GraphView())] + Self.randomGraphs()
        for (name, graph) in graphs {
            for exporter in Self.streamed {
                let onePass = Self.export(exporter, graph, itemsPerChunk: Int.max)
                for size in [1, 7, 500] {
                    #expect(Self.export(exporter, graph, itemsPerChunk: size) == onePass, "\(name) as \(exporter.formatName) in chunks of \(size)")
                }
            }
        }
    }

    @Test("role links, their offsets, the roles in use and the event headers read from the columns are what the events' values say, whole and focused")
    func roleLinksFromColumns() throws {
        let graphs = [("ai-race", try Self.aiRace()), ("empty", GraphView())] + Self.randomGraphs()
        var droppedSomewhere = false
        for (name, graph) in graphs {
            var offsets = [0]
            var roles = Set<String>()
            for event in graph.events {
                offsets.append(offsets.last! + event.roles.reduce(0) { $0 + $1.ids.count })
                for binding in event.roles { roles.insert(binding.role) }
            }
            #expect(graph.roleLinkOffsets() == offsets, "\(name)")
            #expect(graph.rolesInUse() == roles, "\(name)")
            for (position, event) in graph.events.enumerated() {
                var links: [String] = []
                let node = Int(graph.eventNodes[position])
                graph.forEachRoleLink(ofEvent: node) { role, target, isEvent in links.append("\(role) \(target) \(isEvent)") }
                #expect(links == event.roles.flatMap { binding in binding.ids.map { "\(binding.role) \($0) \(graph.hasEvent($0))" } }, "\(name) \(event.id)")
                let header = graph.eventHeader(at: node)
                #expect([header.id, header.kind, header.date.description, header.claim.rawValue]
                        == [event.id, event.kind, event.date.description, event.claim.rawValue], "\(name) \(event.id)")
                if graph.store.events.roleRange(Int(graph.store.record[node])).count > links.count { droppedSomewhere = true }
            }
        }
        #expect(droppedSomewhere, "the focused graph keeps events without some of their participants")
    }

    @Test("writeChunked hands every item to one chunk, in order, into each of several files, for any chunk size")
    func writeChunkedOrder() {
        for count in [0, 1, 5, 12, 13, 1_000] {
            for size in [1, 3, 4, 12, Int.max] {
                let files = ExportSink.collect { folder in
                    let sinks = ["a", "b", "c"].map { folder.file(named: $0) }
                    sinks[0].itemsPerChunk = size
                    ExportSink.writeChunked(count, into: sinks) { items, sinks in
                        for i in items {
                            sinks[0].write("\(i),")
                            if i % 2 == 0 { sinks[1].write("\(i);") }
                            sinks[2].write(byte: UInt8(ascii: "x"))
                        }
                    }
                }.files.map(\.text)
                let expected = [(0..<count).map { "\($0)," }.joined(), (0..<count).filter { $0 % 2 == 0 }.map { "\($0);" }.joined(),
                                String(repeating: "x", count: count)]
                #expect(files == expected, "\(count) items in chunks of \(size)")
            }
        }
    }

    // MARK: Escapers against the rules they replace

    /// Strings made of the pieces escaping cares about: markup, quotes, formula starts,
    /// numbers, control characters, U+FFFE/U+FFFF, Unicode spaces, combining and prepended
    /// marks that join characters.
    static func randomStrings(seed: UInt64, count: Int) -> [String] {
        let pieces = ["a", "Z", "0", "7", ".", "e", "E", ",", "\"", "'", "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", " ", "|", ";",
                      "&", "<", ">", "\\", "/", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}",
                      "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{301}", "\u{200D}", "\u{600}", "é", "中", "😀", "🇫🇷"]
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            String((0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
    }

    /// The XML rule as it was written before streaming: scalar by scalar into a String.
    static func xmlByScalars(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += attribute ? "&quot;" : "\""
            case "'": out += attribute ? "&apos;" : "'"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case "\t": out += attribute ? "&#9;" : "\t"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The JSON string rule as it was written before streaming.
    static func jsonByScalars(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test("the byte-level XML and JSON escapers give what the scalar-by-scalar rules gave, on 20,000 random strings")
    func xmlAndJSONEscapers() {
        for text in Self.randomStrings(seed: 9, count: 20_000) {
            #expect(XMLText.escape(text) == Self.xmlByScalars(text, attribute: true), "\(Array(text.unicodeScalars))")
            #expect(XMLText.escape(text, attribute: false) == Self.xmlByScalars(text, attribute: false), "\(Array(text.unicodeScalars))")
            #expect(ExportSink.text { $0.writeJSONString(text) } == Self.jsonByScalars(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("the byte-level CSV field is CSVWriter.field on 20,000 random strings (formulas, numbers, edge spaces, joining marks)")
    func csvField() {
        let strings = Self.randomStrings(seed: 4, count: 20_000)
            + ["-12.5", "+3", "1e6", "-1e-6", "'=1", "''+x", "=SUM(A1)", " x", "x ", "\tx", "x\u{B}", "\u{C}", "-", "", "1.", ".5"]
        for text in strings {
            #expect(ExportSink.text { $0.writeCSVField(text) } == CSVWriter.field(text), "\(Array(text.unicodeScalars))")
        }
        #expect(ExportSink.text { $0.writeCSVRecord(["a", "x,y", "=1"]) } == "a,\"x,y\",'=1\r\n")
    }

    @Test("integers are written as String(_:) writes them")
    func integers() {
        for number in [0, 7, -7, 10, 99, 100, 123_456_789, Int.max, Int.min] {
            #expect(ExportSink.text { $0.write(number) } == String(number))
        }
    }

    // MARK: Failures

    @Test("a folder export whose third file cannot be made fails with a sentence and leaves neither the folder nor temporary files")
    func folderFailureLeavesNothing() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out").path
        let big = String(repeating: "x", count: 3 * ExportSink.chunk + 5)
        #expect(throws: OutputFileError.self) {
            try OutputFolder.write(to: target) { folder in
                folder.file(named: "a.csv").write(big)
                folder.file(named: "b.csv").write("b")
                folder.file(named: "missing/c.csv").write("c")
                folder.file(named: "d.csv").write("d")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    @Test("a failed folder export leaves the files already in the folder as they were")
    func folderFailureKeepsExisting() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let existing = dir.appendingPathComponent("a.csv").path
        try "old".write(toFile: existing, atomically: false, encoding: .utf8)
        #expect(throws: OutputFileError.self) {
            try OutputFolder.write(to: dir.path) { folder in
                folder.file(named: "a.csv").write("new")
                folder.file(named: "missing/b.csv").write("b")
            }
        }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.csv"])
    }

    @Test("a write that fails mid-stream is reported once and later bytes are dropped")
    func stickyFailure() throws {
        let fd = open("/dev/null", O_RDONLY)
        defer { close(fd) }
        let sink = ExportSink(descriptor: fd)
        sink.write(String(repeating: "y", count: 2 * ExportSink.chunk))
        sink.write("more")
        sink.flush()
        #expect(sink.failure == EBADF)
        #expect(sink.used == 0)
    }
}
