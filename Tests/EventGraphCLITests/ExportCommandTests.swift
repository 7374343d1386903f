import Foundation
import Testing

/// export, import, render --format html and watch, end to end; and every export loaded into
/// the real program that reads it (scripts/readers, installed by scripts/setup-readers.sh).
@Suite(.serialized)
struct ExportCommandTests {
    let quickstart = "Samples/quickstart"

    /// Runs a reader script from scripts/readers with the readers' virtual environment.
    func runReader(_ script: String, _ arguments: [String]) throws -> CommandRunner.Outcome {
        let python = CommandRunner.packageRoot.appendingPathComponent(".venv-readers/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "the readers are not installed: run scripts/setup-readers.sh (scripts/test.sh does)")
        return try Self.run(python, ["scripts/readers/\(script)", "--bin", CommandRunner.binary.path] + arguments)
    }

    /// Runs a program in the package root, its output captured through files.
    static func run(_ executable: URL, _ arguments: [String]) throws -> CommandRunner.Outcome {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.packageRoot
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CommandRunner.Outcome(status: process.terminationStatus,
                                     stdout: try String(contentsOf: outURL, encoding: .utf8),
                                     stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    @Test("every format exports; folder formats need -o and write their files there", arguments: [
        ("graphml", [String]()), ("gexf", []), ("cypher", []), ("timelinejs", []), ("mermaid", []), ("json", []), ("dot", []),
        ("neo4j-csv", ["sources.csv", "actors.csv", "events.csv", "roles.csv", "event-roles.csv", "cites.csv", "relations.csv", "import.sh"]),
        ("kumu", ["elements.csv", "connections.csv"]),
        ("csv", ["graph.csv", "sources.csv", "actors.csv", "events.csv", "relations.csv", "periods.csv"]),
    ])
    func exportFormats(format: String, files: [String]) throws {
        if files.isEmpty {
            let outcome = try CommandRunner.run(["export", quickstart, "--format", format])
            #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.count > 500)
            return
        }
        let usage = try CommandRunner.run(["export", quickstart, "--format", format])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("give the folder"))
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("out").path
        let outcome = try CommandRunner.run(["export", quickstart, "--format", format, "-o", folder])
        #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == files.sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out"])
    }

    @Test("networkx, Kuzu, jsonschema, Mermaid in Chromium and dot load every export of the quickstart, the seed dataset, the time sample (periods, lifespans, relative dates) and a generated graph")
    func realReaders() throws {
        let outcome = try runReader("check_exports.py", ["--generated", "40", quickstart, "Graphs/ai-race", "Samples/time"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("check_exports: ok: 4 graphs loaded by every reader"), "\(outcome.stdout)")
    }

    @Test("the HTML page works in headless Chromium: hover, search, time slider, filters and path", arguments: ["Samples/quickstart", "Graphs/ai-race"])
    func htmlPageInBrowser(graph: String) throws {
        let outcome = try runReader("check_page.py", ["--graph", graph])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("check_page: ok"), "\(outcome.stdout)")
    }

    @Test("render --format html writes one self-contained page with the SVG and the data inline")
    func htmlPage() throws {
        let outcome = try CommandRunner.run(["render", quickstart, "--format", "html"])
        #expect(outcome.status == 0)
        let page = outcome.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        // Graphviz writes `-` in ids as `&#45;`; the browser reads it back as `eg-n-manus`.
        #expect(page.contains("id=\"eg&#45;n&#45;manus\"") || page.contains("id=\"eg-n-manus\""))
        #expect(page.contains("<script id=\"eg-data\" type=\"application/json\">"))
        #expect(!page.contains("<script src"))
        #expect(!page.contains("http://") || !page.contains("<link"))
        #expect(try CommandRunner.run(["render", quickstart, "--format", "html"]).stdout == page)
    }

    @Test("import turns exported CSV back into the same graph, through the command line")
    func importRoundTrip() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("csv").path, yaml = dir.appendingPathComponent("graph.yaml").path
        #expect(try CommandRunner.run(["export", quickstart, "--format", "csv", "-o", folder]).status == 0)
        let imported = try CommandRunner.run(["import", folder, "-o", yaml])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "wrote \(yaml) (YAML) from 6 files: 28 rows in: 14 actors, 9 events, 3 relations, 1 source\n")
        let original = try CommandRunner.run(["export", quickstart, "--format", "json"])
        let again = try CommandRunner.run(["export", yaml, "--format", "json"])
        #expect(original.stdout == again.stdout)
    }

    @Test("the CSV round trip keeps periods, actor lifespans, quarters and relative dates (after, before, within) and the seed dataset whole",
          arguments: ["Samples/time", "Graphs/ai-race"])
    func importRoundTripKeepsTime(graph: String) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("csv").path, yaml = dir.appendingPathComponent("graph.yaml").path
        #expect(try CommandRunner.run(["export", graph, "--format", "csv", "-o", folder]).status == 0)
        let imported = try CommandRunner.run(["import", folder, "-o", yaml])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        // The node-link JSON carries periods, lifespans and each event's after/before/within.
        let original = try CommandRunner.run(["export", graph, "--format", "json"])
        let again = try CommandRunner.run(["export", yaml, "--format", "json"])
        #expect(original.stdout == again.stdout)
        if graph == "Samples/time" {
            #expect(original.stdout.contains("\"periods\""))
            #expect(original.stdout.contains("\"within_days\""))
            #expect(original.stdout.contains("\"since\""))
        }
    }

    @Test("import reports every problem as FILE:LINE:COLUMN, exits 1 and writes nothing")
    func importErrors() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let actors = dir.appendingPathComponent("actors.csv")
        try Data("id,kind,name\r\nmeta,compny,Meta\r\nbad id,company,\"open\r\n".utf8).write(to: actors)
        let out = dir.appendingPathComponent("out.yaml").path
        let outcome = try CommandRunner.run(["import", actors.path, "-o", out])
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count >= 2)
        #expect(lines.allSatisfy { $0.hasPrefix(actors.path + ":") && $0.contains(": error: ") })
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("watch re-renders on every save, prints input errors and keeps watching")
    func watch() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("graph.yaml"), out = dir.appendingPathComponent("out.dot")
        let original = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Samples/quickstart/graph.yaml"), encoding: .utf8)
        try original.write(to: graph, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["watch", graph.path, "--format", "dot", "-o", out.path, "--interval", "0.1", "--max-renders", "3"]
        let log = dir.appendingPathComponent("stderr"), stdout = dir.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        try process.run()
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }

        func waitFor(_ what: String, _ condition: () -> Bool) throws {
            let deadline = Date().addingTimeInterval(30)
            while !condition() {
                try #require(Date() < deadline, "watch: timed out waiting for \(what)")
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        func text(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

        try waitFor("the first render") { text(out).contains("Meta agrees to buy Manus") }
        try original.replacingOccurrences(of: "Meta agrees to buy Manus", with: "Meta buys Manus outright").write(to: graph, atomically: true, encoding: .utf8)
        try waitFor("the render after a save") { text(out).contains("Meta buys Manus outright") }
        try (original + "\n  broken: [\n").write(to: graph, atomically: true, encoding: .utf8)
        try waitFor("the input error") { text(log).contains(": error: ") }
        #expect(text(out).contains("Meta buys Manus outright"), "a failed render must leave the last good output")
        try waitFor("watch to stop after --max-renders") { !process.isRunning }
        #expect(process.terminationStatus == 0)
        #expect(text(stdout).components(separatedBy: "wrote \(out.path)").count - 1 == 2)
    }
}
