import Foundation
import Testing
@testable import EventGraph

/// One engine whatever the syntax: the same graph written as YAML and as JSON loads into the
/// same store and gives byte-identical answers from every command's library call; the same
/// broken document gives the same diagnostics.
@Suite("YAML and JSON give the same answers")
struct SyntaxEquivalenceTests {
    /// A graph written in the input format (JSON), one entity per line.
    static func json(_ graph: GraphView) -> String {
        func evidence(_ pieces: [Evidence]) -> JSONValue {
            .array(pieces.map { e in
                var f: [(String, JSONValue)] = [("source", .string(e.source))]
                if let q = e.quote { f.append(("quote", .string(q))) }
                if let n = e.note { f.append(("note", .string(n))) }
                return .object(f)
            })
        }
        var lines: [String] = ["{"]
        if let title = graph.title { lines.append("\"title\": \(JSONValue.string(title).compactText),") }
        if !graph.periods.isEmpty {
            lines.append("\"periods\": {")
            lines.append(graph.periods.map { p in
                var f: [(String, JSONValue)] = [("title", .string(p.title)), ("from", .string(p.from.description)), ("to", .string(p.to.description))]
                if let c = p.color { f.append(("color", .string(c))) }
                if !p.actors.isEmpty { f.append(("actors", .array(p.actors.map(JSONValue.string)))) }
                return "\(JSONValue.string(p.id).compactText): \(JSONValue.object(f).compactText)"
            }.joined(separator: ",\n"))
            lines.append("},")
        }
        lines.append("\"sources\": {")
        lines.append(graph.sources.map { s in
            var f: [(String, JSONValue)] = [("title", .string(s.title))]
            if let p = s.publisher { f.append(("publisher", .string(p))) }
            if let d = s.published { f.append(("published", .string(d.description))) }
            return "\(JSONValue.string(s.id).compactText): \(JSONValue.object(f).compactText)"
        }.joined(separator: ",\n"))
        lines.append("},")
        lines.append("\"actors\": {")
        lines.append(graph.actors.map { a in
            var f: [(String, JSONValue)] = [("kind", .string(a.kind)), ("name", .string(a.name))]
            if !a.names.isEmpty { f.append(("names", .object(a.names.map { ($0.language, .string($0.name)) }))) }
            if !a.aliases.isEmpty { f.append(("aliases", .array(a.aliases.map(JSONValue.string)))) }
            if let c = a.country { f.append(("country", .string(c))) }
            if let d = a.since { f.append(("since", .string(d.description))) }
            if let d = a.until { f.append(("until", .string(d.description))) }
            return "\(JSONValue.string(a.id).compactText): \(JSONValue.object(f).compactText)"
        }.joined(separator: ",\n"))
        lines.append("},")
        lines.append("\"relations\": [")
        lines.append(graph.relations.map { r in
            var f: [(String, JSONValue)] = [("kind", .string(r.kind)), ("from", .string(r.from)), ("to", .string(r.to))]
            if let role = r.role { f.append(("role", .string(role))) }
            if let s = r.since { f.append(("since", .string(s.description))) }
            if let u = r.until { f.append(("until", .string(u.description))) }
            if !r.sources.isEmpty { f.append(("sources", evidence(r.sources))) }
            return JSONValue.object(f).compactText
        }.joined(separator: ",\n"))
        lines.append("],")
        lines.append("\"events\": {")
        lines.append(graph.events.map { e in
            var f: [(String, JSONValue)] = [("kind", .string(e.kind))]
            if let r = e.relativeDate {
                switch r.given {
                case let .on(d)?: f.append(("date", .string(d.description)))
                case let .span(s, t)?: f.append(("start", .string(s.description))); f.append(("end", .string(t.description)))
                default: break
                }
                if !r.after.isEmpty { f.append(("after", .array(r.after.map(JSONValue.string)))) }
                if !r.before.isEmpty { f.append(("before", .array(r.before.map(JSONValue.string)))) }
                if let w = r.within { f.append(("within", .string("\(w)d"))) }
            } else {
                switch e.date {
                case let .on(d): f.append(("date", .string(d.description)))
                case let .span(s, t), let .between(s, t): f.append(("start", .string(s.description))); f.append(("end", .string(t.description)))
                }
            }
            f.append(("title", .string(e.title)))
            for b in e.roles { f.append((b.role, b.ids.count == 1 ? .string(b.ids[0]) : .array(b.ids.map(JSONValue.string)))) }
            if let s = e.status { f.append(("status", .string(s.rawValue))) }
            if e.claim != .asserted { f.append(("claim", .string(e.claim.rawValue))) }
            if let c = e.claimedBy { f.append(("claimed_by", .string(c))) }
            if e.dateBasis != .stated { f.append(("date_basis", .string(e.dateBasis.rawValue))) }
            if let n = e.dateNote { f.append(("date_note", .string(n))) }
            if let d = e.dateSource { f.append(("date_source", .string(d))) }
            f.append(("sources", evidence(e.sources)))
            if !e.tags.isEmpty { f.append(("tags", .array(e.tags.map(JSONValue.string)))) }
            return "\(JSONValue.string(e.id).compactText): \(JSONValue.object(f).compactText)"
        }.joined(separator: ",\n"))
        lines.append("}")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same graph in block YAML: ids, kinds and dates as plain scalars, text double-quoted.
    static func yaml(_ graph: GraphView) -> String {
        func q(_ text: String) -> String { JSONValue.string(text).compactText }
        func evidence(_ pieces: [Evidence], indent: String) -> [String] {
            pieces.flatMap { e -> [String] in
                var lines = ["\(indent)- source: \(e.source)"]
                if let quote = e.quote { lines.append("\(indent)  quote: \(q(quote))") }
                if let note = e.note { lines.append("\(indent)  note: \(q(note))") }
                return lines
            }
        }
        var lines: [String] = []
        if let title = graph.title { lines.append("title: \(q(title))") }
        if !graph.periods.isEmpty {
            lines.append("periods:")
            for p in graph.periods {
                lines.append("  \(p.id):")
                lines.append("    title: \(q(p.title))")
                lines.append("    from: \(p.from)")
                lines.append("    to: \(p.to)")
                if let c = p.color { lines.append("    color: \(q(c))") }
                if !p.actors.isEmpty { lines.append("    actors: [" + p.actors.joined(separator: ", ") + "]") }
            }
        }
        lines.append("sources:")
        for s in graph.sources {
            lines.append("  \(s.id):")
            lines.append("    title: \(q(s.title))")
            if let p = s.publisher { lines.append("    publisher: \(q(p))") }
            if let d = s.published { lines.append("    published: \(d)") }
        }
        lines.append("actors:")
        for a in graph.actors {
            lines.append("  \(a.id):")
            lines.append("    kind: \(a.kind)")
            lines.append("    name: \(q(a.name))")
            if !a.names.isEmpty { lines.append("    names: {" + a.names.map { "\($0.language): \(q($0.name))" }.joined(separator: ", ") + "}") }
            if !a.aliases.isEmpty { lines.append("    aliases: [" + a.aliases.map(q).joined(separator: ", ") + "]") }
            if let c = a.country { lines.append("    country: \(c)") }
            if let d = a.since { lines.append("    since: \(q(d.description))") }
            if let d = a.until { lines.append("    until: \(q(d.description))") }
        }
        lines.append("relations:")
        for r in graph.relations {
            lines.append("  - kind: \(r.kind)")
            lines.append("    from: \(r.from)")
            lines.append("    to: \(r.to)")
            if let role = r.role { lines.append("    role: \(q(role))") }
            if let s = r.since { lines.append("    since: \(s)") }
            if let u = r.until { lines.append("    until: \(u)") }
            if !r.sources.isEmpty { lines.append("    sources:"); lines += evidence(r.sources, indent: "      ") }
        }
        lines.append("events:")
        for e in graph.events {
            lines.append("  \(e.id):")
            lines.append("    kind: \(e.kind)")
            if let r = e.relativeDate {
                switch r.given {
                case let .on(d)?: lines.append("    date: \(q(d.description))")
                case let .span(s, t)?: lines.append("    start: \(q(s.description))"); lines.append("    end: \(q(t.description))")
                default: break
                }
                if !r.after.isEmpty { lines.append("    after: [" + r.after.joined(separator: ", ") + "]") }
                if !r.before.isEmpty { lines.append("    before: [" + r.before.joined(separator: ", ") + "]") }
                if let w = r.within { lines.append("    within: \(w)d") }
            } else {
                switch e.date {
                case let .on(d): lines.append("    date: \(q(d.description))")
                case let .span(s, t), let .between(s, t): lines.append("    start: \(q(s.description))"); lines.append("    end: \(q(t.description))")
                }
            }
            lines.append("    title: \(q(e.title))")
            for b in e.roles {
                lines.append("    \(b.role): " + (b.ids.count == 1 ? b.ids[0] : "[" + b.ids.joined(separator: ", ") + "]"))
            }
            if let s = e.status { lines.append("    status: \(s.rawValue)") }
            if e.claim != .asserted { lines.append("    claim: \(e.claim.rawValue)") }
            if let c = e.claimedBy { lines.append("    claimed_by: \(c)") }
            if e.dateBasis != .stated { lines.append("    date_basis: \(e.dateBasis.rawValue)") }
            if let n = e.dateNote { lines.append("    date_note: \(q(n))") }
            if let d = e.dateSource { lines.append("    date_source: \(q(d))") }
            lines.append("    sources:")
            lines += evidence(e.sources, indent: "      ")
            if !e.tags.isEmpty { lines.append("    tags: [" + e.tags.map(q).joined(separator: ", ") + "]") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One folder for the whole run (files get unique names inside it).
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eventgraph-syntax-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Writes `text` to a new file whose name ends with `name` (its extension decides the syntax).
    static func write(_ text: String, name: String = "graph.json") throws -> String {
        let url = folder.appendingPathComponent("\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every node (id, type, kind, interval, claim) and connection (neighbour, role, side).
    static func signature(_ links: LinkGraph) -> [String] {
        (0..<links.nodeCount).map { n in
            let i = links.interval(n)
            let connections = links.connections(n).map { "\(links.id($0.node))/\(links.roleNames[$0.role])/\($0.isParticipant)" }
            return "\(links.id(n)) \(links.type(n).name) \(links.kind(n)) \(links.isLink(n) ? "\(i.first)…\(i.last) \(links.claim(n).rawValue)" : "") [\(connections.joined(separator: " "))]"
        }
    }

    /// What every command prints for a graph, through the library calls the commands make:
    /// validate, stats, show, timeline, every export, every diagram's DOT, paths, neighbors.
    static func answers(_ graph: GraphView) -> [String: String] {
        var out: [String: String] = [:]
        out["validate"] = graph.summary
        out["stats"] = GraphStatistics(graph: graph).text(graph: graph)
        let exporters: [any GraphExporter] = [NodeLinkJSONExporter(), CSVExporter(), GraphMLExporter(), GEXFExporter(),
                                              CypherExporter(), Neo4jCSVExporter(), TimelineJSExporter(), KumuExporter(), MermaidExporter()]
        for exporter in exporters {
            out["export \(exporter.formatName)"] = exporter.export(graph).files.map { "\($0.name)\n\($0.text)" }.joined(separator: "\n")
        }
        for view in DiagramView.allCases { out["render \(view.rawValue)"] = graph.diagram(view).text }
        let actors = graph.actors.map(\.id)
        let focus = actors.first ?? ""
        let filtered = graph.filtered(by: GraphFilter(from: PartialDate(year: 2025, month: 2), focus: focus, depth: 2))
        out["render --focus"] = filtered.diagram(.actors).text
        out["timeline"] = Timeline(graph: graph).text
        out["timeline --actor"] = Timeline(graph: graph, following: [focus]).text
        for id in actors.prefix(3) + graph.events.map(\.id).prefix(3) {
            let reference: EntityReference = graph.actor(id) != nil ? .actor(id) : .event(id)
            out["show \(id)"] = EntityReport(graph: graph, reference: reference).text
        }
        for (a, b) in zip(actors.prefix(4), actors.reversed().prefix(4)) where a != b {
            let from = graph.links.node(a)!, to = graph.links.node(b)!
            for query in [PathQuery(), PathQuery(mode: .kShortest(3)), PathQuery(temporal: TemporalRule())] {
                out["path \(a) \(b) \(query.mode) \(query.temporal != nil)"] =
                    PathReport(network: graph, answer: graph.findPaths(from: from, to: to, query: query)).json.text
            }
            out["neighbors \(a)"] = EgoReport(network: graph, ego: graph.egoNetwork(of: from, depth: 2)).text
        }
        return out
    }

    /// Loads both syntaxes of a graph and checks that every answer is byte-identical.
    func expectSameAnswers(_ graph: GraphView, _ comment: String) throws {
        let json = try GraphLoader().load(paths: [try Self.write(Self.json(graph), name: "graph.json")])
        let yaml = try GraphLoader().load(paths: [try Self.write(Self.yaml(graph), name: "graph.yaml")])
        #expect(Self.signature(json.links) == Self.signature(yaml.links), "\(comment): link graphs differ")
        func plain<T>(_ items: some Sequence<T>, _ strip: (inout T) -> Void) -> [T] { items.map { var x = $0; strip(&x); return x } }
        #expect(plain(json.events, { $0.location = nil; $0.sources = $0.sources.map { Evidence(source: $0.source, quote: $0.quote, note: $0.note) } })
                == plain(yaml.events, { $0.location = nil; $0.sources = $0.sources.map { Evidence(source: $0.source, quote: $0.quote, note: $0.note) } }))
        let a = Self.answers(json), b = Self.answers(yaml)
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in a.keys.sorted() where a[key] != b[key] {
            Issue.record("\(comment): '\(key)' differs between JSON and YAML")
        }
        // Both again with their sections cut into chunks of one and of two records (read on two threads).
        for perChunk in [1, 2] {
            var loader = GraphLoader()
            loader.recordsPerChunk = perChunk
            for (name, text) in [("graph.json", Self.json(graph)), ("graph.yaml", Self.yaml(graph))] {
                let chunked = Self.answers(try loader.load(paths: [try Self.write(text, name: name)]))
                for key in a.keys.sorted() where a[key] != chunked[key] {
                    Issue.record("\(comment): '\(key)' differs between JSON read whole and \(name) in chunks of \(perChunk)")
                }
            }
        }
    }

    static let seeds: [UInt64] = Array(1...40)

    @Test("random graphs give byte-identical answers from YAML and from JSON", arguments: seeds)
    func randomGraphs(seed: UInt64) throws {
        let graph = RandomGraphs.make(seed: seed, actors: 8 + Int(seed % 9), events: 6 + Int(seed % 13), relations: Int(seed % 6))
        try expectSameAnswers(graph, "seed \(seed)")
    }

    @Test("the quickstart and the seed dataset give byte-identical answers from YAML and from JSON")
    func samples() throws {
        try expectSameAnswers(try PathFixtures.quickstartNetwork(), "quickstart")
        try expectSameAnswers(try GraphLoader().load(paths: [PathFixtures.packageRoot.appendingPathComponent("Graphs/ai-race").path]), "ai-race")
        try expectSameAnswers(try GraphLoader().load(paths: [PathFixtures.packageRoot.appendingPathComponent("Samples/time/graph.yaml").path]), "time")
    }

    /// A small valid document; each case below breaks it in one way.
    static let base = """
    {
    "title": "Base",
    "sources": {
    "s1": {"title": "Source one", "published": "2025-01"}
    },
    "actors": {
    "acme": {"kind": "company", "name": "Acme", "country": "US"},
    "bob": {"kind": "person", "name": "Bob", "names": {"zh-Hans": "鲍勃"}},
    "gov": {"kind": "government", "name": "Ministry"}
    },
    "relations": [
    {"kind": "leads", "from": "bob", "to": "acme", "since": "2020"},
    {"kind": "owns", "from": "gov", "to": "acme"}
    ],
    "events": {
    "deal": {"kind": "acquisition", "date": "2025-03", "title": "Gov buys Acme", "acquirer": "gov", "target": "acme", "sources": [{"source": "s1", "quote": "bought"}]},
    "probe": {"kind": "review", "date": "2025-04-02", "title": "Probe", "authority": "gov", "subject": ["deal"], "sources": [{"source": "s1"}]}
    }
    }
    """

    static let brokenCases: [(String, String, String)] = [
        ("unknown top-level field", "\"title\": \"Base\",", "\"title\": \"Base\", \"colour\": 1,"),
        ("unknown actor field", "\"name\": \"Acme\",", "\"name\": \"Acme\", \"size\": 3,"),
        ("unknown actor kind", "\"kind\": \"company\", \"name\": \"Acme\"", "\"kind\": \"corp\", \"name\": \"Acme\""),
        ("missing actor name", "\"gov\": {\"kind\": \"government\", \"name\": \"Ministry\"}", "\"gov\": {\"kind\": \"government\"}"),
        ("blank name", "\"name\": \"Ministry\"", "\"name\": \"  \""),
        ("event without sources", ", \"sources\": [{\"source\": \"s1\"}]}", "}"),
        ("unknown role", "\"acquirer\": \"gov\",", "\"buyer\": \"gov\","),
        ("invalid date", "\"date\": \"2025-03\"", "\"date\": \"2025-13\""),
        ("role given the wrong kind of actor", "\"target\": \"acme\"", "\"target\": \"bob\""),
        ("unknown id in a role", "\"target\": \"acme\"", "\"target\": \"acne\""),
        ("an id defined twice", "\"probe\": {", "\"acme\": {"),
        ("unknown relation kind", "{\"kind\": \"owns\",", "{\"kind\": \"owned\","),
        ("relation naming an event", "\"from\": \"gov\", \"to\": \"acme\"}", "\"from\": \"gov\", \"to\": \"deal\"}"),
        ("unknown source", "[{\"source\": \"s1\"}]", "[{\"source\": \"s2\"}]"),
        ("a key given twice", "\"title\": \"Probe\",", "\"title\": \"Probe\", \"title\": \"Again\","),
        ("span ending before it starts", "\"date\": \"2025-04-02\"", "\"start\": \"2025-05\", \"end\": \"2025-04\""),
        ("date and span", "\"date\": \"2025-04-02\"", "\"date\": \"2025-04-02\", \"start\": \"2025-05\""),
        ("invalid claim", "\"title\": \"Probe\",", "\"title\": \"Probe\", \"claim\": \"rumoured\","),
        ("claimed_by without claim", "\"title\": \"Probe\",", "\"title\": \"Probe\", \"claimed_by\": \"bob\","),
        ("amount not a number", "\"target\": \"acme\",", "\"target\": \"acme\", \"amount\": {\"value\": \"lots\"},"),
        ("names not a mapping", "\"names\": {\"zh-Hans\": \"鲍勃\"}", "\"names\": [\"鲍勃\"]"),
        ("invalid country", "\"country\": \"US\"", "\"country\": \"usa\""),
        ("a number for an unknown role", "\"authority\": \"gov\"", "\"authority\": \"gov\", \"x\": 1"),
        ("an event naming itself", "\"subject\": [\"deal\"]", "\"subject\": [\"probe\"]"),
        ("relations not a list", "\"relations\": [", "\"relations\": \"none\", \"ignored\": ["),
        ("tags not a list", "\"title\": \"Probe\",", "\"title\": \"Probe\", \"tags\": \"x\","),
        ("invalid id", "\"deal\": {", "\"Deal\": {"),
        ("relation ends before it starts", "\"since\": \"2020\"", "\"since\": \"2020\", \"until\": \"2019\""),
        ("empty events", "\"events\": {", "\"events\": [], \"x\": {"),
        ("missing required role", "\"acquirer\": \"gov\", ", ""),
        ("status invalid", "\"title\": \"Probe\",", "\"title\": \"Probe\", \"status\": \"done\","),
        ("evidence not a list", "[{\"source\": \"s1\"}]", "{\"source\": \"s1\"}"),
        ("evidence unknown field", "[{\"source\": \"s1\"}]", "[{\"source\": \"s1\", \"page\": 3}]"),
        ("an event id given twice", "\"probe\": {", "\"deal\": {"),
        ("top level not a mapping", "{\n\"title\"", "[\n\"title\""),
        ("a quarter that does not exist", "\"date\": \"2025-03\"", "\"date\": \"2025-Q5\""),
        ("a period ending before it starts", "\"title\": \"Base\",", "\"title\": \"Base\", \"periods\": {\"p\": {\"title\": \"P\", \"from\": \"2025\", \"to\": \"2024\"}},"),
        ("a period with a bad colour and an unknown actor", "\"title\": \"Base\",", "\"title\": \"Base\", \"periods\": {\"p\": {\"title\": \"P\", \"from\": \"2025\", \"to\": \"2025\", \"color\": \"#fff\\\"><IMG\", \"actors\": [\"acne\"]}},"),
        ("an actor ending before it begins", "\"name\": \"Acme\",", "\"name\": \"Acme\", \"since\": \"2025\", \"until\": \"2024\","),
        ("an event before an actor existed", "\"name\": \"Acme\",", "\"name\": \"Acme\", \"since\": \"2025-06\","),
        ("an event after an actor ended", "\"name\": \"Ministry\"", "\"name\": \"Ministry\", \"until\": \"2025-02-28\""),
        ("a relative date naming an unknown event", "\"date\": \"2025-04-02\"", "\"after\": \"dael\", \"within\": \"7d\""),
        ("a relative date naming an actor", "\"date\": \"2025-04-02\"", "\"after\": \"acme\", \"within\": \"7d\""),
        ("an open-ended relative date", "\"date\": \"2025-04-02\"", "\"after\": \"deal\""),
        ("a bad within", "\"date\": \"2025-04-02\"", "\"after\": \"deal\", \"within\": \"a week\""),
        ("within without after or before", "\"date\": \"2025-04-02\"", "\"date\": \"2025-04-02\", \"within\": \"7d\""),
        ("relative dates in a cycle", "\"date\": \"2025-04-02\"", "\"after\": \"deal\", \"within\": \"7d\", \"before\": \"deal\""),
        ("relative dates that contradict a date", "\"date\": \"2025-04-02\"", "\"date\": \"2025-02\", \"after\": \"deal\""),
    ]

    @Test("the base document is valid as JSON and as YAML")
    func baseIsValid() throws {
        _ = try GraphLoader().load(paths: [try Self.write(Self.base, name: "graph.json")])
        _ = try GraphLoader().load(paths: [try Self.write(Self.base, name: "graph.yaml")])
    }

    /// YAML stops at a key given twice (its parser refuses the document); JSON reports it
    /// with the rest. Every other case must give the same diagnostics.
    static let stopsYAML: Set<String> = ["a key given twice", "an event id given twice"]
    /// Not JSON and not YAML: each syntax reports where its own parser gives up.
    static let syntaxErrors: Set<String> = ["top level not a mapping"]

    @Test("a broken document gives the same diagnostics read as JSON and as YAML (flow style)",
          arguments: brokenCases.map(\.0))
    func sameDiagnostics(name: String) throws {
        let (_, find, replace) = Self.brokenCases.first { $0.0 == name }!
        #expect(Self.base.contains(find), "case \(name) does not apply")
        let text = Self.base.replacingOccurrences(of: find, with: replace)
        func diagnostics(_ file: String, recordsPerChunk: Int = GraphDocument.chunkRecords) throws -> [String] {
            let path = try Self.write(text, name: file)
            do {
                var loader = GraphLoader()
                loader.recordsPerChunk = recordsPerChunk
                _ = try loader.load(paths: [path])
                return []
            } catch {
                return error.diagnostics.map {
                    "\($0.location.line):\($0.location.column): " + $0.message.replacingOccurrences(of: path, with: "FILE")
                }
            }
        }
        let json = try diagnostics("graph.json"), yaml = try diagnostics("graph.yaml")
        #expect(!json.isEmpty, "JSON accepted case \(name)")
        #expect(try diagnostics("graph.json", recordsPerChunk: 1) == json, "JSON read in chunks of one record differs")
        if Self.syntaxErrors.contains(name) {
            #expect(json.count == 1 && json[0].contains("not valid JSON"))
            #expect(yaml.count == 1 && yaml[0].contains("not valid YAML"))
        } else if Self.stopsYAML.contains(name) {
            #expect(yaml.count == 1 && yaml[0].contains("given twice"))
            #expect(json.contains { $0.contains("given twice") || $0.contains("defined twice") })
        } else {
            #expect(json == yaml)
        }
    }

    @Test("a JSON syntax error is one positioned sentence, and a schema section in JSON extends the schema")
    func jsonSyntax() throws {
        let broken = try Self.write("{\n  \"title\": \"x\",\n  \"actors\": {\"a\": {\"kind\": \"person\" \"name\": \"A\"}}\n}\n")
        #expect(throws: InputError.self) { try GraphLoader().load(paths: [broken]) }
        do {
            _ = try GraphLoader().load(paths: [broken])
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(broken):3:37: error: not valid JSON: expected ',' or '}'"])
        }
        let withSchema = Self.base.replacingOccurrences(of: "\"title\": \"Base\",",
            with: "\"title\": \"Base\", \"schema\": {\"actor-kinds\": {\"lab\": {\"is\": \"organization\"}}},")
            .replacingOccurrences(of: "\"kind\": \"company\", \"name\": \"Acme\"", with: "\"kind\": \"lab\", \"name\": \"Acme\"")
        let graph = try GraphLoader().load(paths: [try Self.write(withSchema)])
        #expect(graph.actor("acme")?.kind == "lab")
    }
}
