import Foundation
import Testing

/// `eventgraph schema` and `eventgraph init`, end to end; the JSON Schema checked with the
/// real `jsonschema` package (scripts/readers/check_json_schema.py).
@Suite(.serialized)
struct SchemaCommandTests {
    func checkJSONSchema(_ arguments: [String]) throws -> CommandRunner.Outcome {
        let python = CommandRunner.packageRoot.appendingPathComponent(".venv-readers/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "the readers are not installed: run scripts/setup-readers.sh (scripts/test.sh does)")
        return try ExportCommandTests.run(python, ["scripts/readers/check_json_schema.py", "--bin", CommandRunner.binary.path] + arguments)
    }

    @Test("schema lists actor kinds with parents, relation kinds with ends, event kinds with roles")
    func listing() throws {
        let text = try CommandRunner.run(["schema"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("  company (is organization) — Company\n"))
        #expect(text.stdout.contains("  competes-with: any actor — any actor (undirected)\n"))
        #expect(text.stdout.contains("    investor: person|organization|country (required, many)\n"))
        let json = try CommandRunner.run(["schema", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let events = try #require(object?["eventKinds"] as? [[String: Any]])
        let acquisition = try #require(events.first { $0["kind"] as? String == "acquisition" })
        #expect((acquisition["roles"] as? [[String: Any]])?.contains { $0["role"] as? String == "acquirer" && $0["required"] as? Bool == true } == true)
    }

    @Test("the JSON Schema accepts the seed dataset and the quickstart, with jsonschema")
    func jsonSchemaAcceptsDatasets() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CommandRunner.packageRoot.appendingPathComponent("Graphs/ai-race").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Graphs/ai-race/\($0)" }
        #expect(files.count >= 5)
        let outcome = try checkJSONSchema(files + ["Samples/quickstart/graph.yaml"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.components(separatedBy: "valid: ").count - 1 == files.count + 1)
    }

    @Test("the JSON Schema rejects an unknown event kind, an unknown role and a bad date")
    func jsonSchemaRejects() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases = [
            "kind.yaml": "events:\n  e: { kind: launch-party, date: 2025-01-01, title: t, sources: [{ source: s }] }\n",
            "role.yaml": "events:\n  e: { kind: agreement, date: 2025-01-01, title: t, parties: [a], guest: b, sources: [{ source: s }] }\n",
            "date.yaml": "events:\n  e: { kind: agreement, date: 2025-13-01, title: t, parties: [a], sources: [{ source: s }] }\n",
            "missing-role.yaml": "events:\n  e: { kind: acquisition, date: 2025-Q3, title: t, acquirer: a, sources: [{ source: s }] }\n",
        ]
        for (name, text) in cases { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let outcome = try checkJSONSchema(["--expect-invalid"] + cases.keys.sorted().map { dir.appendingPathComponent($0).path })
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.components(separatedBy: "invalid: ").count - 1 == cases.count)
    }

    @Test("init writes a starter graph that validates, verifies and matches the JSON Schema, and refuses a non-empty folder")
    func initStarter() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("starter").path
        let first = try CommandRunner.run(["init", target])
        #expect(first.status == 0, "\(first.stderr)")
        let validate = try CommandRunner.run(["validate", target])
        #expect(validate.stdout == "ok: 4 actors, 3 events, 1 relation, 1 source\n", "\(validate.stderr)")
        let verify = try CommandRunner.run(["verify", target, "--sources", target + "/sources"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(FileManager.default.fileExists(atPath: target + "/.eventgraph/schema.json"))
        let schema = try checkJSONSchema([target + "/graph.yaml"])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
        let again = try CommandRunner.run(["init", target])
        #expect(again.status == 1)
        #expect(again.stderr.contains("is not empty"))
    }
}
