import Foundation
import Testing
@testable import EventGraph

struct LoaderTests {
    static let people = """
        sources:
          notes: { title: Notes, published: 2025-12 }
        actors:
          huang:
            kind: person
            name: Jensen Huang
            names: { zh-Hans: 黄仁勋, zh-Hant: 黃仁勳 }
            aliases: [Huang]
          nvidia: { kind: company, name: Nvidia, aliases: [NVIDIA] }
        """

    static let events = """
        relations:
          - { kind: leads, from: huang, to: nvidia, role: CEO, since: 1993 }
        events:
          remark:
            kind: statement
            date: 2025-11-05
            title: Huang's remark
            speaker: huang
            about: [nvidia]
            claim: claimed
            claimed_by: huang
            sources: [{ source: notes, quote: "…" }]
        """

    @Test("repeated relations get the ids from--kind--to, then -2, -3 …; a given id is never reused")
    func relationIDs() throws {
        let text = """
            actors:
              a: {kind: company, name: A}
              b: {kind: company, name: B}
              c: {kind: company, name: C}
            relations:
              - {kind: owns, from: a, to: b}
              - {kind: owns, from: a, to: b, since: 2020}
              - {kind: owns, from: b, to: c}
              - {kind: owns, from: a, to: b, since: 2021}
            """
        let graph = try GraphLoader().load([InputDocument(name: "r.yaml", text: text)])
        #expect(graph.relations.map { $0.id } == ["a--owns--b", "a--owns--b-2", "b--owns--c", "a--owns--b-3"])
        // Relations given as values keep their ids, and a synthesized id steps over them.
        let view = GraphView(actors: Array(graph.actors), relations: [
            Relation(id: "a--owns--b-2", kind: "owns", from: "a", to: "b"),
            Relation(id: "", kind: "owns", from: "a", to: "b"),
            Relation(id: "", kind: "owns", from: "a", to: "b"),
        ])
        #expect(view.relations.map { $0.id } == ["a--owns--b-2", "a--owns--b", "a--owns--b-3"])
    }

    @Test("several files merge into one graph")
    func mergesFiles() throws {
        let graph = try GraphLoader().load([InputDocument(name: "a.yaml", text: Self.people),
                                            InputDocument(name: "b.yaml", text: Self.events)])
        #expect(graph.summary == "2 actors, 1 event, 1 relation, 1 source")
        let remark = try #require(graph.event("remark"))
        #expect(remark.participants("speaker") == ["huang"])
        #expect(remark.claim == .claimed)
        #expect(graph.relations.first?.id == "huang--leads--nvidia")
    }

    @Test("an id defined in two files is an error naming both places")
    func duplicateAcrossFiles() {
        let error = #expect(throws: InputError.self) {
            _ = try GraphLoader().load([InputDocument(name: "a.yaml", text: Self.people),
                                        InputDocument(name: "b.yaml", text: "actors:\n  nvidia: { kind: company, name: N }\n")])
        }
        #expect(error?.description == "b.yaml:2:3: error: id 'nvidia' is defined twice: here and at a.yaml:9:3")
    }

    @Test("JSON input loads like the same YAML and reports positions")
    func jsonInput() throws {
        let json = """
            {"sources": {"s": {"title": "S"}},
             "actors": {"a": {"kind": "person", "name": "A"}, "b": {"kind": "company", "name": "B"}},
             "events": {"e": {"kind": "investment", "date": "2024-05", "title": "A invests in B",
                              "investor": "a", "investee": ["b"], "sources": [{"source": "s"}]}}}
            """
        let graph = try GraphLoader().load([InputDocument(name: "g.json", text: json)])
        #expect(graph.event("e")?.date.description == "2024-05")
        let bad = json.replacingOccurrences(of: "\"investment\"", with: "\"investmnt\"")
        let error = #expect(throws: InputError.self) {
            _ = try GraphLoader().load([InputDocument(name: "g.json", text: bad)])
        }
        #expect(error?.diagnostics.first?.location == SourceLocation(file: "g.json", line: 3, column: 27))
    }

    @Test("a file's schema section adds kinds used by the same graph")
    func schemaExtension() throws {
        let text = """
            schema:
              actor-kinds:
                lab: { is: institution, label: Laboratory }
              event-kinds:
                hearing:
                  roles:
                    committee: { kinds: [government], required: true }
                    witness: { kinds: [person, organization], many: true }
                  edge: { from: committee, to: witness }
            sources: { s: { title: S } }
            actors:
              senate: { kind: government, name: Senate }
              lab1: { kind: lab, name: Lab One }
            events:
              h:
                kind: hearing
                date: 2025
                title: Hearing
                committee: senate
                witness: [lab1]
                sources: [{ source: s }]
            """
        let graph = try GraphLoader().load([InputDocument(name: "x.yaml", text: text)])
        #expect(graph.schema.actorKind("lab", isA: "organization"))
        #expect(graph.event("h")?.participants("witness") == ["lab1"])
    }

    @Test("schema extensions are checked: unknown parent, redefinition, unknown role kind")
    func schemaExtensionErrors() {
        let text = """
            schema:
              actor-kinds:
                lab: { is: institute }
                person: { }
              event-kinds:
                hearing:
                  roles:
                    committee: { kinds: [senate] }
            """
        let error = #expect(throws: InputError.self) {
            _ = try GraphLoader().load([InputDocument(name: "x.yaml", text: text)])
        }
        let messages = error?.diagnostics.map(\.description) ?? []
        #expect(messages.contains { $0.hasPrefix("x.yaml:3:16: error: actor kind 'lab' has unknown parent 'institute'") })
        #expect(messages.contains { $0.hasPrefix("x.yaml:4:5: error: actor kind 'person' is already defined at schema.yaml:") })
        #expect(messages.contains { $0.hasPrefix("x.yaml:8:29: error: unknown actor kind 'senate'") })
    }

    @Test("names, per-language names and aliases resolve case-insensitively")
    func nameResolution() throws {
        let graph = try GraphLoader().load([InputDocument(name: "a.yaml", text: Self.people)])
        for name in ["huang", "Jensen Huang", "jensen huang", "黄仁勋", "黃仁勳", "HUANG"] {
            #expect(try graph.resolve(name) == .actor("huang"))
        }
        #expect(try graph.resolve("nvidia") == .actor("nvidia"))
    }

    @Test("an ambiguous name lists every candidate; an unknown one suggests the closest")
    func resolutionErrors() throws {
        let text = Self.people + "\n  huang-2: { kind: person, name: Other, aliases: [Huang] }\n"
        let graph = try GraphLoader().load([InputDocument(name: "a.yaml", text: text)])
        let ambiguous = #expect(throws: NameResolutionError.self) { try graph.resolve("Huang") }
        #expect(ambiguous?.description == "'Huang' is ambiguous: it names huang (Jensen Huang, person), huang-2 (Other, person); use an id")
        let unknown = #expect(throws: NameResolutionError.self) { try graph.resolve("nvidai") }
        #expect(unknown?.reason == .notFound(suggestions: ["nvidia"]))
    }

    @Test("folders are read recursively in path order; a missing path is an error")
    func folders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eg-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.people.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.events.write(to: dir.appendingPathComponent("sub/b.yml"), atomically: true, encoding: .utf8)
        try "ignored".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let graph = try GraphLoader().load(paths: [dir.path])
        #expect(graph.events.count == 1)
        let error = #expect(throws: InputError.self) { _ = try GraphLoader().load(paths: [dir.path + "/missing.yaml"]) }
        #expect(error?.description == "\(dir.path)/missing.yaml: error: no such file or folder")
    }

    @Test("the built-in schema has the kinds the format promises")
    func builtInSchema() {
        let schema = Schema.builtIn
        for kind in ["person", "organization", "company", "fund", "government", "institution", "country", "model", "chip",
                     "system", "product", "report", "venue", "place", "program"] {
            #expect(schema.actorKinds[kind] != nil, "missing actor kind \(kind)")
        }
        #expect(schema.actorKind("fund", isA: "organization"))
        #expect(schema.relationKinds["competes-with"]?.directed == false)
        #expect(schema.relationKinds["related-to"]?.directed == false)
        #expect(schema.eventKinds["review"]?.role("subject")?.admitsEvents == true)
        #expect(schema.eventKinds["agreement"]?.edge == nil)
        #expect(schema.eventKinds.count == 17)
    }

    @Test("filters keep events by window, kind and claim, and prune dangling role ids")
    func filters() throws {
        let graph = try GraphLoader().load(paths: [Fixtures.quickstart])
        let asOf = graph.filtered(by: GraphFilter(asOf: try PartialDate(parsing: "2025-06")))
        #expect(asOf.event("meta-acquires-manus") == nil)
        #expect(asOf.event("benchmark-invests-manus") != nil)
        let reviewsOnly = graph.filtered(by: GraphFilter(kinds: ["review"]))
        #expect(reviewsOnly.events.map(\.id) == ["mofcom-reviews-deal"])
        #expect(reviewsOnly.event("mofcom-reviews-deal")?.participants("subject") == [])
        let noReported = graph.filtered(by: GraphFilter(excludedClaims: [.reported]))
        #expect(noReported.event("us-approves-chip-exports") == nil)
        let focus = graph.filtered(by: GraphFilter(focus: "manus", depth: 1))
        #expect(Set(focus.actors.map(\.id)) == ["manus", "benchmark", "meta", "china", "singapore", "mofcom"])
    }
}

/// `validate` checks without building the store: it must find exactly what a load finds.
@Suite("Checking without the store")
struct CheckTests {
    static let graphs = ["Samples/quickstart", "Samples/time", "Samples/paths", "Graphs/ai-race"]
    static let broken: [String] = ["Fixtures/errors", "Fixtures/hostile"].flatMap { folder in
        let url = Bundle.module.resourceURL!.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            .map { url.appendingPathComponent($0).path }
    }

    @Test("a valid graph's check has the counts and warnings of its load", arguments: graphs)
    func validGraphs(folder: String) throws {
        let path = Fixtures.root.appendingPathComponent(folder).path
        let graph = try GraphLoader().load(paths: [path])
        let check = try GraphLoader().check(paths: [path])
        #expect(check.summary == graph.summary)
        #expect(check.counts == GraphCounts(actors: graph.actors.count, events: graph.events.count,
                                            relations: graph.relations.count, sources: graph.sources.count))
        #expect(check.warnings.map(\.description) == graph.warnings.map(\.description))
    }

    @Test("a broken or hostile document's check throws exactly what its load throws, or both pass alike", arguments: broken)
    func brokenDocuments(path: String) {
        func outcome(_ body: () throws(InputError) -> String) -> String {
            do throws(InputError) { return "ok: " + (try body()) } catch { return error.diagnostics.map(\.description).joined(separator: "\n") }
        }
        let loaded = outcome { () throws(InputError) in
            let graph = try GraphLoader().load(paths: [path])
            return ([graph.summary] + graph.warnings.map(\.description)).joined(separator: "\n")
        }
        let checked = outcome { () throws(InputError) in
            let check = try GraphLoader().check(paths: [path])
            return ([check.summary] + check.warnings.map(\.description)).joined(separator: "\n")
        }
        #expect(checked == loaded)
        #expect(!loaded.isEmpty)
    }

    @Test("the broken corpus is there")
    func corpusPresent() {
        #expect(Self.broken.count >= 20)
    }
}

enum Fixtures {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let quickstart = root.appendingPathComponent("Samples/quickstart").path
}
