import Foundation
import Testing
@testable import EventGraph

struct VerifyTests {
    @Test("every quickstart quote is found in its source text")
    func quickstartVerifies() throws {
        let graph = try GraphLoader().load(paths: [Fixtures.quickstart])
        let report = try QuoteVerifier(sourcesFolder: Fixtures.quickstart + "/sources").verify(graph)
        #expect(report.quotesChecked == 11)
        #expect(report.sourcesRead == 1)
    }

    @Test("a quote is matched ignoring white space but nothing else")
    func whitespaceInsensitive() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eg-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "黄仁勋说，\n中国将赢得 AI 竞赛。".write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        func graph(quote: String) throws -> GraphView {
            try GraphLoader().load([InputDocument(name: "g.yaml", text: """
                sources: { s: { title: T, file: t.txt } }
                events:
                  e:
                    kind: other
                    date: 2025
                    title: E
                    sources: [{ source: s, quote: "\(quote)" }]
                """)])
        }
        #expect(try QuoteVerifier(sourcesFolder: dir.path).verify(graph(quote: "黄仁勋说，中国将赢得AI竞赛")).quotesChecked == 1)
        let error = #expect(throws: InputError.self) {
            _ = try QuoteVerifier(sourcesFolder: dir.path).verify(graph(quote: "黄仁勋说,中国"))
        }
        #expect(error?.description == "g.yaml:7:15: error: quote not found in the text of source 's' (t.txt): \"黄仁勋说,中国\"")
    }
}
