import Foundation
import Testing
@testable import EventGraph

/// JSON imports write sources, actors and events as their rows are read (``ImportRecords/streamed``)
/// instead of keeping every record: the bytes, the diagnostics and what `--skip-bad-rows` keeps
/// must be those of the records kept in memory, for every shipped mapping.
struct ImportStreamingTests {
    typealias Input = MappedImporter.Input

    /// Runs the import twice (records streamed, records kept) with JSON output and checks that
    /// both give the same bytes and counts, or the same diagnostics.
    static func expectSameBothWays(_ mapping: ImportMapping, _ inputs: [Input], skipBadRows: Bool = false,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var kept = MappedImporter(mapping: mapping)
        kept.streamsRecords = false
        let streamed = MappedImporter(mapping: mapping)
        let a = Result(catching: { () throws(InputError) in try streamed.run(inputs, skipBadRows: skipBadRows, syntax: .json) })
        let b = Result(catching: { () throws(InputError) in try kept.run(inputs, skipBadRows: skipBadRows, syntax: .json) })
        switch (a, b) {
        case let (.success(x), .success(y)):
            #expect(x.bytes == y.bytes, "streamed JSON differs from JSON of kept records", sourceLocation: sourceLocation)
            #expect(x.summary == y.summary, sourceLocation: sourceLocation)
            #expect(x.skipped == y.skipped && x.skippedRows == y.skippedRows && x.notes == y.notes, sourceLocation: sourceLocation)
            #expect(x.syntax == .json, sourceLocation: sourceLocation)
        case let (.failure(x), .failure(y)):
            #expect(x.diagnostics == y.diagnostics, sourceLocation: sourceLocation)
        default:
            Issue.record("one way failed and the other did not: \(a) / \(b)", sourceLocation: sourceLocation)
        }
    }

    static func builtIn(_ name: String) throws -> ImportMapping { try #require(ImportMapping.builtIn(name)) }

    /// An ICEWS table of `count` rows: repeated actors and stories, quoted names, some rows
    /// repeating an Event ID (`duplicates`), some with a bad date or code (`broken`).
    static func icewsRows(_ count: Int, duplicates: Bool = false, broken: Bool = false) -> String {
        var rows = MappedImportTests.icewsHeader
        let codes = ["010", "040", "051", "111", "173", "190"]
        for n in 0..<count {
            let id = duplicates && n % 17 == 16 ? n - 3 : n
            let date = broken && n % 23 == 5 ? "2015-13-01" : "2015-\(1 + n % 12)-\(10 + n % 18)".replacingOccurrences(of: "-1-", with: "-01-")
            let code = broken && n % 29 == 7 ? "990" : codes[n % codes.count]
            let source = n % 5 == 0 ? "China" : "\"Agency \(n % 11), \"\"Press\"\"\""
            let target = n % 3 == 0 ? "Japan" : "Ministry \(n % 13)"
            rows += "\(id),\(date),\(source),Media,China,Consult,\(code),1.5,\(target),Government,Japan,\(n / 4),\(n % 3),Xinhua,,,,China,,\n"
        }
        return rows
    }

    @Test("ICEWS rows: streamed JSON is byte-identical to JSON of records kept in memory", arguments: [1, 40, 3000])
    func icews(rows: Int) throws {
        try Self.expectSameBothWays(try Self.builtIn("icews"), [MappedImportTests.input("icews.csv", Self.icewsRows(rows))])
    }

    @Test("ICEWS rows with repeated ids, bad dates and unknown codes: the same diagnostics streamed or not, and with --skip-bad-rows the same bytes and skipped rows")
    func icewsBroken() throws {
        let input = MappedImportTests.input("bad.csv", Self.icewsRows(200, duplicates: true, broken: true))
        try Self.expectSameBothWays(try Self.builtIn("icews"), [input])
        try Self.expectSameBothWays(try Self.builtIn("icews"), [input], skipBadRows: true)
    }

    @Test("rows the loader rejects are left out of streamed records as out of kept ones (--skip-bad-rows), and traced to the same cells")
    func loaderRejections() throws {
        let map = try MappedImportTests.developerProductMapping()
        var rows = "Who,What,When,Product\n"
        for n in 0..<60 { rows += n % 7 == 3 ? "France \(n),release,2025-04,Model \(n)\n" : "Lab \(n % 9),statement,2025-0\(1 + n % 9),\n" }
        let input = MappedImportTests.input("r.csv", rows)
        try Self.expectSameBothWays(map, [input])
        try Self.expectSameBothWays(map, [input], skipBadRows: true)
    }

    @Test("the eventgraph-csv and kumu mappings on exports of the samples: streamed JSON is byte-identical to JSON of kept records",
          arguments: ["Samples/quickstart", "Graphs/ai-race"])
    func exports(path: String) throws {
        let graph = try GraphLoader().load(paths: [ExportTests.root.appendingPathComponent(path).path])
        guard case let .folder(csv) = CSVExporter().export(graph), case let .folder(kumu) = KumuExporter().export(graph) else {
            Issue.record("folders expected")
            return
        }
        try Self.expectSameBothWays(try Self.builtIn("eventgraph-csv"), csv.map { MappedImportTests.input($0.name, $0.text) })
        try Self.expectSameBothWays(try Self.builtIn("kumu"), kumu.map { MappedImportTests.input($0.name, $0.text) })
    }

    @Test("TimelineJS's own sheets (timelinejs mapping): streamed JSON is byte-identical to JSON of kept records",
          .enabled(if: MappedImportTests.timelineJSPresent, "../shared/external/timelinejs3 is not beside the repository"),
          arguments: ["src_template_my-own-timeline.csv", "contrib_women_in_computing.csv", "src_js_core___tests___women_in_computing.csv"])
    func timelineJS(file: String) throws {
        let input = try MappedImportTests.file(MappedImportTests.timelineJS.appendingPathComponent(file))
        try Self.expectSameBothWays(try Self.builtIn("timelinejs"), [input])
    }
}
