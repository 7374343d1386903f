import Foundation
import Testing

/// `import --mapping`, `import --from ftm`, `export --format ftm` and `--format kumu-json`
/// through the built binary; FollowTheMoney output checked by the real `followthemoney`
/// package (scripts/readers/check_ftm.py).
@Suite(.serialized)
struct ImportCommandTests {
    static let ftmFixture = "Tests/EventGraphTests/Fixtures/import/entities.ftm.jsonl"

    static func checkFtM(_ files: [String]) throws -> (status: Int32, results: [[String: Any]], stderr: String) {
        let python = CommandRunner.packageRoot.appendingPathComponent(".venv-readers/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "the readers are not installed: run scripts/setup-readers.sh (scripts/test.sh does)")
        let outcome = try ExportCommandTests.run(python, ["scripts/readers/check_ftm.py"] + files)
        let results = (try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))) as? [[String: Any]] ?? []
        return (outcome.status, results, outcome.stderr)
    }

    @Test("import --mapping icews --skip-bad-rows: the good rows written, every skipped row on stderr with its reason and a count")
    func icewsSkip() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("events.csv")
        try Data(("Event ID,Event Date,Source Name,Source Sectors,Source Country,Event Text,CAMEO Code,Intensity,Target Name,Target Sectors,Target Country,Story ID,Sentence Number,Publisher\n"
            + "1,2014-01-01,China,,China,Make statement,010,0,Japan,,Japan,7,1,Xinhua\n"
            + "2,2014-02-30,China,,China,Consult,040,1,Japan,,Japan,7,2,Xinhua\n"
            + "3,2014-01-03,Japan,,Japan,Consult,777,1,China,,China,8,1,Kyodo\n").utf8).write(to: table)
        let out = dir.appendingPathComponent("out.yaml").path
        let strict = try CommandRunner.run(["import", "--mapping", "icews", table.path, "-o", out])
        #expect(strict.status == 1)
        #expect(strict.stderr.split(separator: "\n").count == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
        let outcome = try CommandRunner.run(["import", "--mapping", "icews", "--skip-bad-rows", table.path, "-o", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "wrote \(out) (YAML) from 1 file: 3 rows in: 2 actors, 1 event, 0 relations, 1 source; 2 rows skipped\n")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(table.path):3:") && $0.contains("warning: row skipped: column 'Event Date'") })
        #expect(lines.contains { $0.hasPrefix("\(table.path):4:") && $0.contains("'777' is not in the mapping's value table 'cameo'") })
        #expect(lines.last == "skipped 2 rows (2 problems)")
        #expect(try CommandRunner.run(["validate", out]).status == 0)
    }

    @Test("a JSON import the loader rejects leaves nothing beside -o (its result was being written while checked); --skip-bad-rows keeps the good rows")
    func stagedOutput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tables = dir.appendingPathComponent("tables")
        #expect(try CommandRunner.run(["export", "Samples/quickstart", "--format", "csv", "-o", tables.path]).status == 0)
        // Benchmark is said to exist only from 2026, after the investment of 2025-04 it leads.
        let actors = tables.appendingPathComponent("actors.csv")
        let text = try String(contentsOf: actors, encoding: .utf8)
        try text.replacingOccurrences(of: "benchmark,fund,Benchmark,,,,US,,,,", with: "benchmark,fund,Benchmark,,,,US,,,2026,")
            .write(to: actors, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.json").path
        let strict = try CommandRunner.run(["import", tables.path, "-o", out])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("before it existed"), "\(strict.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["tables"], "nothing written, no temporary file")
        let skipping = try CommandRunner.run(["import", "--skip-bad-rows", tables.path, "-o", out])
        #expect(skipping.status == 0, "\(skipping.stderr)")
        #expect(skipping.stderr.contains("row skipped"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["out.json", "tables"])
        let check = try CommandRunner.run(["validate", out])
        #expect(check.status == 0 && !check.stdout.isEmpty)
    }

    @Test("a mapping file's mistakes stop the import with FILE:LINE:COLUMN sentences; an unknown mapping name says which exist")
    func badMapping() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let map = dir.appendingPathComponent("map.yaml"), table = dir.appendingPathComponent("t.csv")
        try Data("tables:\n  t:\n    make: events\n    columns: [A]\n    fields:\n      headline: A\n".utf8).write(to: map)
        try Data("A\nx\n".utf8).write(to: table)
        let outcome = try CommandRunner.run(["import", "--mapping", map.path, table.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("\(map.path):6:7: error: table 't' makes events, which have no field 'headline'"))
        let unknown = try CommandRunner.run(["import", "--mapping", "nosuch", table.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("built in: eventgraph-csv, icews, kumu, timelinejs"))
    }

    @Test("FollowTheMoney round trip: every mapped entity comes back, the kept properties with it, and followthemoney accepts the export")
    func ftmRoundTrip() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = dir.appendingPathComponent("ftm.yaml").path, back = dir.appendingPathComponent("back.ftm.json").path
        let imported = try CommandRunner.run(["import", "--from", "ftm", Self.ftmFixture, "-o", yaml])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("20 rows in: 7 actors, 4 events, 8 relations, 3 sources\n"))
        #expect(imported.stderr.contains("1 Address entity has no counterpart in EventGraph and is not imported"))
        let exported = try CommandRunner.run(["export", yaml, "--format", "ftm", "-o", back])
        #expect(exported.status == 0, "\(exported.stderr)")
        let check = try Self.checkFtM([Self.ftmFixture, back])
        #expect(check.status == 0, "\(check.results) \(check.stderr)")
        let original = check.results.first?["schemata"] as? [String: Int] ?? [:]
        var mapped = original
        mapped["Address"] = nil
        #expect(check.results.last?["schemata"] as? [String: Int] == mapped)
        #expect(mapped.values.reduce(0, +) == 19)
        // Ids, dates and the properties EventGraph has no field for are back.
        let text = try String(contentsOfFile: back, encoding: .utf8)
        for fragment in ["{\"id\":\"own-1\",\"schema\":\"Ownership\"", "\"percentage\":[\"51\"]", "{\"id\":\"9f2c1e\",\"schema\":\"Company\"",
                         "\"birthDate\":[\"1971-04-02\"]", "\"listingDate\":[\"2021-02-01\"]", "\"reason\":[\"Bribery of officials\"]",
                         "\"sourceUrl\":[\"https://example.org/procurement/2018-77\"]", "\"registrationNumber\":[\"J40/1234/2004\"]"] {
            #expect(text.contains(fragment), "\(fragment)")
        }
    }

    @Test("export --format ftm of a graph not made from FtM is valid FollowTheMoney, and says what it leaves out",
          arguments: ["Samples/quickstart", "Graphs/ai-race"])
    func ftmExport(graph: String) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.ftm.json").path
        let exported = try CommandRunner.run(["export", graph, "--format", "ftm", "-o", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("note: actors of kinds with no FollowTheMoney schema are left out:"))
        let check = try Self.checkFtM([out])
        #expect(check.status == 0, "\(check.results) \(check.stderr)")
        #expect((check.results.first?["entities"] as? Int ?? 0) > 10)
    }

    @Test("export --format kumu-json: a blueprint with elements, directed and undirected connections, and timeline years")
    func kumuJSON() throws {
        let outcome = try CommandRunner.run(["export", "Samples/quickstart", "--format", "kumu-json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let blueprint = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let elements = try #require(blueprint["elements"] as? [[String: Any]])
        let connections = try #require(blueprint["connections"] as? [[String: Any]])
        #expect(elements.count == 14 + 9)
        #expect(elements.allSatisfy { $0["id"] is String && $0["label"] is String && $0["type"] is String })
        let ids = Set(elements.compactMap { $0["id"] as? String })
        #expect(connections.allSatisfy { ids.contains($0["from"] as? String ?? "") && ids.contains($0["to"] as? String ?? "") })
        #expect(Set(connections.compactMap { $0["direction"] as? String }).isSubset(of: ["directed", "undirected"]))
        let huang = try #require(elements.first { $0["id"] as? String == "jensen-huang" })
        // Jensen Huang leads Nvidia since 1993 (an open relation runs to the graph's last year) and speaks in 2025.
        #expect(huang["timeline"] as? [String] == (1993...2025).map(String.init))
        #expect((huang["names"] as? [String])?.count == 2)
    }
}
