import Foundation
import Testing
@testable import EventGraph

/// The fast JSON loader against GraphLoader: the same link graph from valid input, the same
/// diagnostics from invalid input.
@Suite("Fast JSON loader")
struct PathLoaderTests {
    /// A graph written in the input format (JSON), one entity per line.
    static func json(_ graph: Graph) -> String {
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
            switch e.date {
            case let .on(d): f.append(("date", .string(d.description)))
            case let .span(s, t): f.append(("start", .string(s.description))); f.append(("end", .string(t.description)))
            }
            f.append(("title", .string(e.title)))
            for b in e.roles { f.append((b.role, b.ids.count == 1 ? .string(b.ids[0]) : .array(b.ids.map(JSONValue.string)))) }
            if let s = e.status { f.append(("status", .string(s.rawValue))) }
            if e.claim != .asserted { f.append(("claim", .string(e.claim.rawValue))) }
            if let c = e.claimedBy { f.append(("claimed_by", .string(c))) }
            if e.dateBasis != .stated { f.append(("date_basis", .string(e.dateBasis.rawValue))) }
            if let n = e.dateNote { f.append(("date_note", .string(n))) }
            f.append(("sources", evidence(e.sources)))
            if !e.tags.isEmpty { f.append(("tags", .array(e.tags.map(JSONValue.string)))) }
            return "\(JSONValue.string(e.id).compactText): \(JSONValue.object(f).compactText)"
        }.joined(separator: ",\n"))
        lines.append("}")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func write(_ text: String, name: String = "graph.json") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eventgraph-path-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
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

    @Test("the quickstart as JSON loads into the same link graph and the same cited answer as from YAML")
    func quickstartEquivalence() throws {
        let yaml = try PathFixtures.quickstartNetwork()
        let path = try Self.write(Self.json(yaml.graph))
        guard case let .loaded(fast) = LinkGraphLoader().load(files: [path]) else {
            Issue.record("the fast loader did not load the quickstart JSON")
            return
        }
        #expect(fast.graph.title == yaml.graph.title)
        #expect(Self.signature(fast.links) == Self.signature(yaml.links))
        let from = try fast.resolveActor("Benchmark"), to = try fast.resolveActor("MOFCOM")
        let query = PathQuery(mode: .kShortest(3), temporal: TemporalRule())
        let a = PathReport(network: fast, answer: fast.findPaths(from: from, to: to, query: query)).json.text
        let b = PathReport(network: yaml, answer: yaml.findPaths(from: from, to: to, query: query)).json.text
        #expect(a == b)
        // And through the public entry point used by `path`.
        let loaded = try PathNetwork.load(paths: [path])
        #expect(Self.signature(loaded.links) == Self.signature(yaml.links))
    }

    @Test("random graphs written as JSON load into the same link graph as through GraphLoader", arguments: [UInt64(3), 4, 5])
    func randomEquivalence(seed: UInt64) throws {
        let graph = RandomGraphs.make(seed: seed, actors: 30, events: 60, relations: 12)
        let path = try Self.write(Self.json(graph))
        let slow = PathNetwork(graph: try GraphLoader().load(paths: [path]))
        guard case let .loaded(fast) = LinkGraphLoader().load(files: [path]) else {
            Issue.record("the fast loader did not load the JSON")
            return
        }
        #expect(Self.signature(fast.links) == Self.signature(slow.links))
        func plain(_ actors: [Actor]) -> [Actor] { actors.map { var a = $0; a.location = nil; return a } }
        #expect(plain(fast.graph.actors) == plain(slow.graph.actors))
        for relation in slow.graph.relations {
            var plainRelation = relation
            plainRelation.location = nil
            plainRelation.sources = relation.sources.map { Evidence(source: $0.source, quote: $0.quote, note: $0.note) }
            #expect(fast.records.relation(relation.id) == plainRelation)
        }
        for event in slow.graph.events { #expect(fast.records.event(event.id) == event.withoutLocation) }
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
    ]

    @Test("the base document is valid for both loaders")
    func baseIsValid() throws {
        let path = try Self.write(Self.base)
        _ = try GraphLoader().load(paths: [path])
        guard case .loaded = LinkGraphLoader().load(files: [path]) else {
            Issue.record("fast loader rejected the base document")
            return
        }
    }

    @Test("invalid JSON gets the same diagnostics from the fast loader as from GraphLoader",
          arguments: brokenCases.map(\.0))
    func sameDiagnostics(name: String) throws {
        let (_, find, replace) = Self.brokenCases.first { $0.0 == name }!
        #expect(Self.base.contains(find), "case \(name) does not apply")
        let text = Self.base.replacingOccurrences(of: find, with: replace)
        let path = try Self.write(text)
        var expected: [String] = []
        do {
            _ = try GraphLoader().load(paths: [path])
        } catch {
            expected = error.diagnostics.map(\.description)
        }
        #expect(!expected.isEmpty, "GraphLoader accepted case \(name)")
        switch LinkGraphLoader().load(files: [path]) {
        case let .invalid(diagnostics):
            #expect(diagnostics.map(\.description) == expected)
        case .loaded:
            Issue.record("the fast loader accepted case \(name)")
        case .declined:
            // Not strict JSON, or a form the fast loader leaves to GraphLoader: fine.
            break
        }
    }

    @Test("YAML, schema sections and non-JSON text are left to GraphLoader")
    func declines() throws {
        let yamlInJSON = try Self.write("title: not json\n")
        guard case .declined = LinkGraphLoader().load(files: [yamlInJSON]) else {
            Issue.record("YAML text in a .json file should be declined")
            return
        }
        let withSchema = try Self.write(Self.base.replacingOccurrences(of: "\"title\": \"Base\",", with: "\"title\": \"Base\", \"schema\": {},"))
        guard case .declined = LinkGraphLoader().load(files: [withSchema]) else {
            Issue.record("a schema section should be declined")
            return
        }
    }
}

extension Event {
    /// The event as the lazily parsed JSON records give it (they carry no source positions).
    var withoutLocation: Event {
        var copy = self
        copy.location = nil
        copy.sources = sources.map { Evidence(source: $0.source, quote: $0.quote, note: $0.note) }
        return copy
    }
}
