import Foundation
import Testing
@testable import EventGraph

/// The YAML reader over libyaml's events (``YAMLEventReader``): what Yams' composer decided
/// before it (anchors and aliases, the expansion bound, keys given twice, one document per
/// file, the reader's own errors), and record sections handed out one record at a time.
/// The expected messages and positions are those the Yams-based reader gave.
struct YAMLReadingTests {
    static let graph = """
        title: T
        sources:
          s1: {title: S}
        actors:
          a: {kind: person, name: A}
          b: {kind: company, name: B}
        events:
          e1:
            kind: statement
            date: 2025-01-02
            title: E
            speaker: a
            sources: [{source: s1}]

        """

    /// The diagnostics of loading `text` as `g.yaml`; empty when it loads.
    static func diagnostics(_ text: String, limits: InputLimits = InputLimits()) -> [String] {
        do {
            _ = try GraphLoader(limits: limits).load([InputDocument(name: "g.yaml", text: text)])
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("an alias expands to a copy of its anchored node, across records, sections and the top level")
    func aliasesAcrossRecords() throws {
        let text = """
            title: &t Shared title
            sources:
              s1: {title: *t}
            actors:
              a: &person {kind: person, name: A}
              b: *person
            events:
              e1:
                kind: statement
                date: 2025-01-02
                title: E
                speaker: a
                sources: &cite [{source: s1, quote: &q the quote}]
              e2:
                kind: statement
                date: 2025-01-03
                title: *t
                speaker: b
                sources: *cite
            description: *q

            """
        let graph = try GraphLoader().load([InputDocument(name: "g.yaml", text: text)])
        #expect(graph.source("s1")?.title == "Shared title")
        #expect(graph.actor("b")?.name == "A")
        let e1 = try #require(graph.event("e1")), e2 = try #require(graph.event("e2"))
        #expect(e2.title == "Shared title")
        #expect(e2.sources == e1.sources)
        // A copy keeps the anchored node's position (as Yams' composed copies did).
        #expect(e2.sources.first?.location?.line == 13)
        #expect(graph.description == "the quote")
    }

    @Test("a problem inside an aliased node is reported at the anchored node, once per copy")
    func problemInAlias() {
        let text = Self.graph.replacingOccurrences(of: "  b: {kind: company, name: B}",
                                                   with: "  b: &bad {kind: corp, name: B}\n  c: *bad")
        let problems = Self.diagnostics(text)
        #expect(problems.count == 2 && problems.allSatisfy { $0.hasPrefix("g.yaml:6:18: error: unknown actor kind 'corp'") })
    }

    @Test("aliases that expand past the bound stop the document at the first value past it")
    func expansionBound() {
        let laughs = """
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]

            """
        // 131 bytes, so the bound is max(100, 131) values: value 132 (counting the root mapping
        // and the keys) is the third x of the first copy of a in c's first *b.
        #expect(Self.diagnostics(laughs, limits: InputLimits(minExpandedNodes: 100)) == [
            "g.yaml:1:14: error: the document grows past 131 values when its aliases (*name) are expanded; a graph file may not repeat large anchored blocks",
        ])
        // Under the default bound the same text is read (and then checked as a graph).
        #expect(Self.diagnostics(laughs).allSatisfy { $0.contains("unknown field") })
        // A syntax error later in the text is reported instead, as the parser found it first.
        #expect(Self.diagnostics(laughs + "d: [\n", limits: InputLimits(minExpandedNodes: 100)) == [
            "g.yaml:5:1: error: not valid YAML: did not find expected node content (while parsing a flow node at line 5)",
        ])
    }

    @Test("a key given twice stops the document at the key's first place, whatever mapping it is in")
    func repeatedKeys() {
        let inRecord = Self.graph.replacingOccurrences(of: "    title: E\n", with: "    title: E\n    speaker: b\n    'title': F\n")
        #expect(Self.diagnostics(inRecord) == ["g.yaml:12:5: error: 'speaker', 'title' are given twice in the same mapping"])
        let inEvidence = Self.graph.replacingOccurrences(of: "[{source: s1}]", with: "[{source: s1, source: s2}]")
        #expect(Self.diagnostics(inEvidence) == ["g.yaml:13:16: error: 'source' is given twice in the same mapping"])
        var many = "title: T\nactors:\n"
        for i in 0..<20 { many += "  a\(i): {kind: person, name: A}\n" }
        many += "  a7: {kind: person, name: A}\n  a12: {kind: person, name: A}\n"
        #expect(Self.diagnostics(many) == ["g.yaml:15:3: error: 'a12', 'a7' are given twice in the same mapping"])
        // Keys are compared as text: the composed and decomposed é are the same key.
        let accents = "title: T\nperiods:\n  \u{E9}: {title: A, from: 2020, to: 2021}\n  e\u{301}: {title: B, from: 2020, to: 2021}\n"
        #expect(Self.diagnostics(accents) == ["g.yaml:3:3: error: 'é' is given twice in the same mapping"])
        // An alias of a key is the key; a key with a tag of its own is another key (the
        // validator then reports it by its text).
        let aliased = "x: &k title\n" + Self.graph.replacingOccurrences(of: "    title: E\n", with: "    title: E\n    *k : F\n")
        #expect(Self.diagnostics(aliased) == ["g.yaml:12:5: error: 'title' is given twice in the same mapping"])
        let tagged = Self.graph.replacingOccurrences(of: "    title: E\n", with: "    title: E\n    !x title: F\n")
        #expect(Self.diagnostics(tagged) == ["g.yaml:12:5: error: 'title' is given twice in event 'e1' (first at g.yaml:11:5)"])
    }

    @Test("keys of a large (hashed) mapping are compared as text: K and the Kelvin sign, ';' and the Greek question mark, é composed and decomposed; a tagged key is another key")
    func repeatedKeysInALargeMapping() {
        var lines = ["title: T", "periods:"] + (0..<20).map { "  p\($0): {title: A, from: 2020, to: 2021}" }
        for key in ["K", "x\u{E9}", "\"a;\"", "\u{212A}", "xe\u{301}", "\"a\u{37E}\"", "!t p3"] {
            lines.append("  \(key): {title: A, from: 2020, to: 2021}")
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(Self.diagnostics(text) == ["g.yaml:23:3: error: 'K', 'a;', 'xé' are given twice in the same mapping"])
        #expect(Self.diagnostics(text + "  !t p3: again\n") == ["g.yaml:23:3: error: 'K', 'a;', 'p3', 'xé' are given twice in the same mapping"])
        #expect(Self.diagnostics(lines.prefix(22).joined(separator: "\n") + "\n") == [])
    }

    @Test("syntax errors: a tab in the indentation, a second document, an undefined alias, control characters")
    func syntaxErrors() {
        #expect(Self.diagnostics(Self.graph.replacingOccurrences(of: "    kind: statement", with: "\tkind: statement")) == [
            "g.yaml:9:1: error: not valid YAML: found character that cannot start any token (while scanning for the next token at line 9)",
        ])
        #expect(Self.diagnostics(Self.graph + "---\ntitle: U\n") == [
            "g.yaml:14:1: error: not valid YAML: but found another document (expected a single document in the stream at line 1)",
        ])
        #expect(Self.diagnostics("---\n---\n") == [
            "g.yaml:2:1: error: not valid YAML: but found another document (expected a single document in the stream at line 1)",
        ])
        // An anchor takes effect when its node ends: an alias inside it is undefined.
        #expect(Self.diagnostics("title: T\nperiods: &p\n  p: {title: x, from: 2020, to: *p}\n") == [
            "g.yaml:3:33: error: not valid YAML: found undefined alias",
        ])
        #expect(Self.diagnostics(Self.graph.replacingOccurrences(of: "title: T", with: "title: \u{1}T")) == [
            "g.yaml:1:1: error: cannot read the text: control characters are not allowed at byte 7",
        ])
        #expect(Self.diagnostics(Self.graph.replacingOccurrences(of: "    title: E\n", with: "    title: E: F\n")) == [
            "g.yaml:11:13: error: not valid YAML: mapping values are not allowed in this context; check the indentation of this line and the one above",
        ])
    }

    @Test("an empty stream, a comment and a lone document start are empty graphs; null words are nothing")
    func emptyDocuments() throws {
        for text in ["", "# nothing\n", "---\n", "---\n...\n", "~\n"] {
            #expect(Self.diagnostics(text) == [], "\(text.debugDescription)")
        }
        let nulls = Self.graph.replacingOccurrences(of: "title: T\n", with: "title: T\ndescription: ~\nperiods: null\nschema: NULL\n")
        #expect(Self.diagnostics(nulls) == [])
        let quoted = Self.graph.replacingOccurrences(of: "  a: {kind: person, name: A}", with: "  a: {kind: person, name: 'null'}")
        #expect(try GraphLoader().load([InputDocument(name: "g.yaml", text: quoted)]).actor("a")?.name == "null")
    }

    @Test("record sections are placeholders in the top level, their records read one at a time in any order")
    func sectionsRecordByRecord() throws {
        let text = Self.graph + """
            relations:
              - {kind: owns, from: b, to: a}
              - kind: leads
                from: a
                to: b

            """
        let document = try GraphDocument.open(name: "g.yaml", index: 0, text: text, limits: InputLimits()).get()
        let root = try #require(document.root)
        let sections = document.top.entries(root).filter { GraphDocument.recordSections.contains($0.key) }
        #expect(sections.map(\.key) == ["sources", "actors", "events", "relations"])
        #expect(sections.allSatisfy { document.top[$0.value].count < 0 })
        #expect(sections.map { document.recordCount(in: $0.value) } == [1, 2, 1, 2])
        func records(_ section: Int) -> [String] {
            var found: [String] = []
            let problem = document.forEachRecord(in: sections[section].value) { tree, key, value in
                let place = tree.location(key >= 0 ? key : value)
                found.append("\(key >= 0 ? tree.text(key) : "-") \(tree.kind(value)) \(place.line):\(place.column)")
            }
            #expect(problem == nil)
            return found
        }
        let expected = [["s1 mapping 3:3"], ["a mapping 5:3", "b mapping 6:3"], ["e1 mapping 8:3"],
                        ["- mapping 15:5", "- mapping 16:5"]]
        // Out of document order (each section parsed from the start) …
        #expect([3, 1, 0, 2].map(records) == [3, 1, 0, 2].map { expected[$0] })
        // … and in order through one positioned parser.
        var inOrder: [[String]] = []
        document.readingRecords { inOrder = (0..<4).map(records) }
        #expect(inOrder == expected)
    }

    @Test("an anchored or aliased section is read whole, a flow-style one record by record")
    func unusualSections() throws {
        let anchored = Self.graph.replacingOccurrences(of: "actors:\n", with: "actors: &people\n")
            + "periods: {p: {title: P, from: 2020, to: 2021, actors: [a]}}\n"
        #expect(Self.diagnostics(anchored) == [])
        let flow = """
            title: T
            sources: {s1: {title: S}}
            actors: {a: {kind: person, name: A}, b: {kind: company, name: B}}
            events: {e1: {kind: statement, date: 2025, title: E, speaker: a, sources: [{source: s1}]}}
            relations: [{kind: owns, from: a, to: b}]

            """
        let graph = try GraphLoader().load([InputDocument(name: "g.yaml", text: flow)])
        #expect(graph.summary == "2 actors, 1 event, 1 relation, 1 source")
        let late = flow.replacingOccurrences(of: "relations: [{kind: owns, from: a, to: b}]", with: "relations: [{kind: owns, from: a, to: b}, {kind: x]")
        #expect(Self.diagnostics(late) == [
            "g.yaml:5:51: error: not valid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 5)",
        ])
    }

    /// Loads `text` as a YAML file with `recordsPerChunk` (0: one thread): the answers, or the
    /// diagnostics as text.
    static func load(yaml text: String, recordsPerChunk: Int) throws -> (answers: [String: String]?, diagnostics: String) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-chunks-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        var loader = GraphLoader()
        loader.recordsPerChunk = recordsPerChunk
        do {
            let graph = try loader.load(paths: [url.path])
            return (SyntaxEquivalenceTests.answers(graph), graph.warnings.map(\.description).joined(separator: "\n"))
        } catch {
            return (nil, error.description.replacingOccurrences(of: url.path, with: "FILE"))
        }
    }

    @Test("YAML sections built on a worker thread in chunks of 1, 7 and 512 records give the answers and diagnostics of one thread")
    func chunkedSections() throws {
        // The JSON graph of ChunkedReadingTests is YAML too (flow style); here anchors in early
        // records are aliased in records of later chunks.
        func record(_ i: Int, kind: String = "meeting", date: String = "2020", participants: String = "[\"o1\", \"o2\"]") -> String {
            "\"e\(i)\": {\"kind\": \"\(kind)\", \"date\": \"\(date)\", \"title\": \"M\(i)\", \"participants\": \(participants), \"sources\": [{\"source\": \"s1\"}]}"
        }
        let valid = ChunkedReadingTests.graph(events: 3000, edit: { i in
            switch i {
            case 3: record(i, participants: "&who [\"o4\", \"o5\"]")
            case 1500, 2999: record(i, participants: "*who")
            default: nil
            }
        })
        let whole = try Self.load(yaml: valid, recordsPerChunk: 0)
        let answers = try #require(whole.answers, "\(whole.diagnostics)")
        #expect(answers["validate"]?.contains("3000 events") == true)
        for perChunk in [1, 7, 512] {
            let chunked = try Self.load(yaml: valid, recordsPerChunk: perChunk)
            #expect(chunked.diagnostics == whole.diagnostics)
            #expect(chunked.answers == answers, "chunks of \(perChunk)")
        }
        let broken = ChunkedReadingTests.graph(events: 2500, edit: { i in
            switch i {
            case 3: record(i, participants: "&who [\"o4\", \"nobody\"]")
            case let i where i % 97 == 5: record(i, kind: "meetin")
            case let i where i % 131 == 7: record(i, date: "2020-13")
            // A key given twice stops a YAML document; an id defined in two sections does not.
            case 2100: record(i).replacingOccurrences(of: "\"e2100\"", with: "\"o5\"")
            case 2400: record(i, participants: "*who")
            default: nil
            }
        }, relation: { i in i == 90 ? "{\"kind\": \"related-to\", \"from\": \"o1\", \"to\": \"o2\", \"since\": \"2020\", \"until\": \"2019\"}" : nil })
        let one = try Self.load(yaml: broken, recordsPerChunk: 0)
        #expect(one.answers == nil)
        for needle in ["unknown event kind 'meetin'", "id 'o5' is defined twice", "unknown id 'nobody'",
                       "relation ends (until 2019) before it starts (since 2020)"] {
            #expect(one.diagnostics.contains(needle), "\(needle)")
        }
        for perChunk in [1, 3, 64, 1000] {
            #expect(try Self.load(yaml: broken, recordsPerChunk: perChunk).diagnostics == one.diagnostics, "chunks of \(perChunk)")
        }
    }

    // MARK: Block sections in chunks

    /// The graph of ``ChunkedReadingTests/graph(events:edit:actor:relation:)`` (valid) as block
    /// YAML, one field a line (``SyntaxEquivalenceTests/yaml(_:)``), and its answers as JSON.
    static func blockGraph(events: Int) throws -> (yaml: String, answers: [String: String]) {
        let path = try ChunkedReadingTests.write(ChunkedReadingTests.graph(events: events))
        let graph = try GraphLoader().load(paths: [path])
        return (SyntaxEquivalenceTests.yaml(graph), SyntaxEquivalenceTests.answers(graph))
    }

    /// `text` with the block record `  id:` (and its more indented lines) replaced by `lines`.
    static func replacing(record id: String, in text: String, with lines: String) -> String {
        var all = text.components(separatedBy: "\n")
        guard let first = all.firstIndex(of: "  \(id):") else { return text }
        var end = first + 1
        while end < all.count, all[end].hasPrefix("    ") { end += 1 }
        all.replaceSubrange(first..<end, with: lines.components(separatedBy: "\n"))
        return all.joined(separator: "\n")
    }

    /// The messages of diagnostics as text, without their positions (which differ between syntaxes), sorted.
    static func messages(_ diagnostics: String, file: String) -> [String] {
        diagnostics.split(separator: "\n").map { line in
            String(line).replacingOccurrences(of: #"[^ ]+:\d+:\d+"#, with: "PLACE", options: .regularExpression)
        }.sorted()
    }

    @Test("a block-style YAML graph of 3,000 events, read in chunks of 1, 7 and 512 records on two threads, gives the answers of the same graph as JSON")
    func blockSectionsInChunks() throws {
        let (yaml, answers) = try Self.blockGraph(events: 3000)
        // Every record section is cut (in chunks of 512: sources and actors in one, events in six).
        let document = try GraphDocument.open(name: "g.yaml", index: 0, text: yaml, limits: InputLimits(), recordsPerChunk: 512).get()
        let sections = document.top.entries(document.root!).filter { GraphDocument.recordSections.contains($0.key) }
        #expect(sections.map { document.chunkedSection($0.value)?.count } == [1, 1, 1, 6])
        for perChunk in [0, 1, 7, 512] {
            let read = try Self.load(yaml: yaml, recordsPerChunk: perChunk)
            #expect(read.diagnostics == "", "chunks of \(perChunk)")
            #expect(read.answers == answers, "chunks of \(perChunk)")
        }
    }

    @Test("errors in many chunks of block-style YAML sections, the second chunk among them, give the diagnostics of a one-thread read and the messages of the same graph as JSON")
    func blockSectionErrorsInChunks() throws {
        let (valid, _) = try Self.blockGraph(events: 1500)
        func event(_ i: Int, kind: String = "meeting", date: String = "\"2020\"", participants: String = "[o1, o2]") -> String {
            "  e\(i):\n    kind: \(kind)\n    date: \(date)\n    title: \"T\(i)\"\n    participants: \(participants)\n    sources:\n      - source: s1"
        }
        func jsonEvent(_ i: Int, kind: String = "meeting", date: String = "\"2020\"", participants: String = "[\"o1\", \"o2\"]", id: String? = nil) -> String {
            "\"\(id ?? "e\(i)")\": {\"kind\": \"\(kind)\", \"date\": \(date), \"title\": \"T\(i)\", \"participants\": \(participants), \"sources\": [{\"source\": \"s1\"}]}"
        }
        // The same errors in both syntaxes: e600 is in the second chunk of 512 records.
        var yaml = valid
        for i in [3, 600, 700, 1499] { yaml = Self.replacing(record: "e\(i)", in: yaml, with: event(i, kind: "meetin")) }
        yaml = Self.replacing(record: "e601", in: yaml, with: event(601, date: "\"2020-13\""))
        yaml = Self.replacing(record: "e602", in: yaml, with: event(602, date: "[2020]"))
        yaml = Self.replacing(record: "e1200", in: yaml, with: event(1200, participants: "[o1, nobody]"))
        yaml = Self.replacing(record: "e1300", in: yaml, with: event(1300).replacingOccurrences(of: "  e1300:", with: "  o5:"))
        yaml = Self.replacing(record: "o7", in: yaml, with: "  o7:\n    kind: organisation\n    name: Org 7")
        let json = ChunkedReadingTests.graph(events: 1500, edit: { i in
            switch i {
            case 3, 600, 700, 1499: jsonEvent(i, kind: "meetin")
            case 601: jsonEvent(i, date: "\"2020-13\"")
            case 602: jsonEvent(i, date: "[2020]")
            case 1200: jsonEvent(i, participants: "[\"o1\", \"nobody\"]")
            case 1300: jsonEvent(i, id: "o5")
            default: nil
            }
        }, actor: { i in i == 7 ? "\"o7\": {\"kind\": \"organisation\", \"name\": \"Org 7\"}" : nil })
        let one = try Self.load(yaml: yaml, recordsPerChunk: 0)
        #expect(one.answers == nil)
        for needle in ["unknown event kind 'meetin'", "'2020-13'", "id 'o5' is defined twice", "unknown id 'nobody'", "unknown actor kind 'organisation'"] {
            #expect(one.diagnostics.contains(needle), "\(needle)")
        }
        let asJSON = ChunkedReadingTests.load(try ChunkedReadingTests.write(json), recordsPerChunk: 0)
        #expect(Self.messages(one.diagnostics, file: "FILE") == Self.messages(asJSON.diagnostics, file: "FILE"))
        for perChunk in [1, 7, 64, 512] {
            #expect(try Self.load(yaml: yaml, recordsPerChunk: perChunk).diagnostics == one.diagnostics, "chunks of \(perChunk)")
        }
        // YAML's own: a mapping as a record's key, aliases from chunk to chunk, a null record.
        var own = yaml.replacingOccurrences(of: "  e5:\n    kind: meeting", with: "  e5:\n    kind: &k meeting")
        own = Self.replacing(record: "e900", in: own, with: event(900, kind: "*k"))
        own = Self.replacing(record: "e901", in: own, with: "  {x: 1}:\n    kind: meeting")
        own = Self.replacing(record: "e1100", in: own, with: "  e1100:")
        own = Self.replacing(record: "e1101", in: own, with: event(1101, participants: "&who [o1, nobody2]"))
        own = Self.replacing(record: "e1400", in: own, with: event(1400, participants: "*who"))
        let ownOne = try Self.load(yaml: own, recordsPerChunk: 0)
        for needle in ["keys of events must be plain names", "event 'e1100' must be a mapping", "unknown id 'nobody2'"] {
            #expect(ownOne.diagnostics.contains(needle), "\(needle)")
        }
        for perChunk in [1, 7, 64, 512] {
            #expect(try Self.load(yaml: own, recordsPerChunk: perChunk).diagnostics == ownOne.diagnostics, "chunks of \(perChunk)")
        }
    }

    @Test("a block section is cut at the first line of every n-th record; flow style, lone CR or NEL line breaks and tag directives keep it whole")
    func blockSectionCuts() throws {
        let records = (0..<10).map { "  k\($0):\n    n: \($0)" }.joined(separator: "\n")
        func cuts(_ text: String) throws -> [String]? {
            let document = try GraphDocument.open(name: "g.yaml", index: 0, text: text, limits: InputLimits(), recordsPerChunk: 4).get()
            let section = try #require(document.top.entries(document.root!).first { $0.key == "events" }?.value)
            guard let chunked = document.chunkedSection(section) else { return nil }
            let bytes = Array(text.utf8)
            return chunked.starts.map { start in String(decoding: bytes[start...].prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self) }
        }
        #expect(try cuts("title: T\nevents:\n" + records + "\nrelations: []\n") == ["  k0:", "  k4:", "  k8:"])
        #expect(try cuts("events:\n" + records.replacingOccurrences(of: "\n", with: "\r\n")) == ["  k0:", "  k4:", "  k8:"])
        // A record that does not start its line is not a cut; the next one is.
        #expect(try cuts("events:\n" + records.replacingOccurrences(of: "  k4:", with: "  ? k4\n  :")) == ["  k0:", "  k5:", "  k9:"])
        let list = "events:\n" + (0..<6).map { "  - n: \($0)\n    m: 1" }.joined(separator: "\n")
        #expect(try cuts(list) == ["  - n: 0", "  - n: 4"])
        #expect(try cuts("events:\n" + (0..<6).map { "- n: \($0)" }.joined(separator: "\n")) == ["- n: 0", "- n: 4"])
        #expect(try cuts("events: {" + (0..<10).map { "k\($0): {n: \($0)}" }.joined(separator: ", ") + "}\n") == nil)
        #expect(try cuts("title: \"a\rb\"\nevents:\n" + records) == nil)
        #expect(try cuts("title: \"a\u{85}b\"\nevents:\n" + records) == nil)
        #expect(try cuts("title: \"a\u{2028}b\"\nevents:\n" + records) == nil)
        #expect(try cuts("%TAG !e! tag:example.com,2000:\n---\nevents:\n" + records) == nil)
    }

    @Test("flow-style and empty sections after block sections are read as one thread reads them")
    func flowAfterBlockSections() throws {
        let (valid, answers) = try Self.blockGraph(events: 300)
        // The relations (a block list) as a flow list without evidence, moved to the end.
        let lines = valid.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "relations:")), end = try #require(lines.firstIndex(of: "events:"))
        var relations: [String] = []
        for line in lines[(start + 1)..<end] where !line.hasPrefix("      ") && line != "    sources:" {
            if line.hasPrefix("  - ") {
                relations.append(String(line.dropFirst(4)))
            } else {
                relations[relations.count - 1] += ", " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        let rest = (lines[..<start] + lines[end...]).joined(separator: "\n")
        let flow = rest + "relations: [" + relations.map { "{\($0)}" }.joined(separator: ",\n  ") + "]\n"
        let empty = rest + "relations: []\nperiods: {}\n"
        for text in [flow, empty] {
            let whole = try Self.load(yaml: text, recordsPerChunk: 0)
            #expect(whole.diagnostics == "")
            #expect(whole.answers?["validate"]?.contains("300 events") == true)
            for perChunk in [1, 7] {
                #expect(try Self.load(yaml: text, recordsPerChunk: perChunk).answers == whole.answers, "chunks of \(perChunk)")
            }
        }
        #expect(try Self.load(yaml: flow, recordsPerChunk: 0).answers?["validate"] == answers["validate"])
    }

    @Test("a chunk that does not give the records the first pass counted is read again, with the rest of the section, by a parser of the whole document: each record once")
    func misalignedYAMLChunk() throws {
        let text = "title: T\nevents:\n" + (0..<40).map { "  k\($0):\n    n: \($0)" }.joined(separator: "\n") + "\n"
        let document = try GraphDocument.open(name: "g.yaml", index: 0, text: text, limits: InputLimits(), recordsPerChunk: 4).get()
        let section = try #require(document.top.entries(document.root!).first { $0.key == "events" }?.value)
        let chunked = try #require(document.chunkedSection(section))
        let yaml = try #require(chunked.yaml)
        #expect(chunked.count == 10)
        // Move the start of the fourth chunk one line on: the third chunk's text gets a fifth record (`n: 12` as a key).
        var layout = yaml.layout
        layout.starts[3] = text.utf8.count - text.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(2 + 12 * 2 + 1).joined(separator: "\n").utf8.count
        let broken = ChunkedSection(mapped: chunked.mapped, file: chunked.file, fileIndex: chunked.fileIndex, isObject: true,
                                    starts: layout.starts, recordsPerChunk: 4, yaml: YAMLSection(layout: layout, source: yaml.source))
        for section in [chunked, broken] {
            var keys: [String] = []
            var lines: [Int] = []
            let problem = section.read(makeBatch: { [(String, Int)]() }, decode: { reader, key, _, batch in
                batch.append((reader.tree.text(key), reader.tree.location(key).line))
            }, commit: { records, _ in
                keys += records.map(\.0)
                lines += records.map(\.1)
            })
            #expect(problem == nil)
            #expect(keys == (0..<40).map { "k\($0)" })
            #expect(lines == (0..<40).map { 3 + 2 * $0 })
        }
    }

    @Test("a large file's first pass, its parser on another thread, finds the syntax errors, keys given twice and bad text a one-thread pass finds, wherever they are")
    func firstPassOnTwoThreads() throws {
        let (valid, _) = try Self.blockGraph(events: 1500)
        #expect(valid.utf8.count > YAMLEventReader.pipelineBytes)
        let lines = valid.components(separatedBy: "\n")
        func with(_ line: Int, _ text: String) -> String {
            var edited = lines
            edited[line] = text
            return edited.joined(separator: "\n")
        }
        let broken = [
            with(5, "\tbad: tab"),
            with(lines.count / 2, "    title: \"unterminated"),
            with(lines.count - 3, "    kind: meeting: again"),
            with(lines.count - 4, "    kind: meeting\n" + lines[lines.count - 4]),
            with(lines.count / 3, "    kind: *nowhere"),
            with(lines.count - 2, "    title: \"\u{1}\""),
            valid + "---\ntitle: U\n",
        ]
        for text in broken {
            let one = try Self.load(yaml: text, recordsPerChunk: 0)
            #expect(one.answers == nil)
            #expect(one.diagnostics.split(separator: "\n").count == 1, "\(one.diagnostics)")
            #expect(try Self.load(yaml: text, recordsPerChunk: 512).diagnostics == one.diagnostics)
        }
    }
}
