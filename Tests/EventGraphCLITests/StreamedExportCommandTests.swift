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
}
