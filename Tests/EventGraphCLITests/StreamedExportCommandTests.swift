import Foundation
import Testing

/// Exports are streamed to their `-o` file while they are made: a write that fails half-way
/// (here: a file-size limit, `ulimit -f`, making the disk "full" after 16 KiB) must leave
/// no file, no temporary file, and an existing output as it was.
struct StreamedExportCommandTests {
    /// Runs `eventgraph ARGS` under `ulimit -f BLOCKS` (1 KiB blocks); SIGXFSZ ignored so the
    /// write fails with EFBIG instead of killing the process.
    static func runLimited(blocks: Int, _ arguments: [String]) throws -> CommandRunner.Outcome {
        let quoted = ([CommandRunner.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try ExportCommandTests.run(URL(fileURLWithPath: "/bin/bash"),
                                          ["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \(quoted.joined(separator: " "))"])
    }

    @Test("an export to a file that fails mid-stream exits 1 with one sentence and leaves the old file and no temporary file",
          arguments: ["graphml", "gexf", "json"])
    func fileFailure(format: String) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.\(format)").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        let outcome = try Self.runLimited(blocks: 16, ["export", "Graphs/ai-race", "--format", format, "-o", target])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("cannot write \(target): file too large"), "\(outcome.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.\(format)"])
        // Without the limit the same command writes the whole file.
        let whole = try CommandRunner.run(["export", "Graphs/ai-race", "--format", format, "-o", target])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.size] as? Int ?? 0 > 16 * 1024)
    }

    @Test("a folder export that fails mid-stream exits 1 and leaves no folder and no staging folder", arguments: ["csv", "neo4j-csv"])
    func folderFailure(format: String) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out").path
        let outcome = try Self.runLimited(blocks: 16, ["export", "Graphs/ai-race", "--format", format, "-o", target])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("file too large"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    /// A graph of `events` meetings among 2,000 companies, as JSON.
    static func largeGraph(events: Int) -> String {
        var text = "{\"sources\": {\"s\": {\"title\": \"S\"}},\n\"actors\": {\n"
        text += (0..<2000).map { "\"a\($0)\": {\"kind\":\"company\",\"name\":\"Company \($0)\"}" }.joined(separator: ",\n")
        text += "},\n\"events\": {\n"
        text += (0..<events).map { i in
            "\"e\(i)\": {\"kind\":\"meeting\",\"date\":\"20\(10 + i % 15)-0\(1 + i % 9)-1\(i % 10)\",\"title\":\"Meeting \(i)\",\"participants\":[\"a\(i % 2000)\",\"a\((i * 7 + 1) % 2000)\"],\"sources\":[{\"source\":\"s\"}]}"
        }.joined(separator: ",\n")
        return text + "}}\n"
    }

    @Test("an export ended by SIGTERM or SIGINT half-way leaves no output, no temporary file and no staging folder",
          arguments: [("graphml", SIGTERM), ("neo4j-csv", SIGTERM), ("json", SIGINT)])
    func interrupted(format: String, signal: Int32) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("graph.json").path
        try Self.largeGraph(events: 40_000).write(toFile: graph, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["export", graph, "--format", format, "-o", out.appendingPathComponent("result").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // Foundation starts the child with SIGINT at its default action, so the handler installs.
        try process.run()
        // Wait until the export has begun writing its temporary file or staging folder.
        var started = false
        for _ in 0..<3000 where !started {
            started = try FileManager.default.contentsOfDirectory(atPath: out.path).contains { $0.contains(".tmp-") }
            if !started { usleep(10_000) }
        }
        try #require(started, "the export never began writing")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal,
                "the export was not ended by the signal (\(process.terminationReason == .exit ? "exit" : "signal") \(process.terminationStatus))")
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(left == [], "left behind: \(left)")
    }
}
