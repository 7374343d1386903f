import Foundation
import Testing
@testable import EventGraph

/// `eventgraph import` without --mapping: EventGraph's own CSV layout, read through the
/// built-in `eventgraph-csv` mapping (the one import path).
struct ImportTests {
    static func run(_ sheets: [(String, String)]) throws(InputError) -> GraphView {
        let result = try MappedImporter(mapping: ImportMapping.builtIn("eventgraph-csv")!)
            .run(sheets.map { MappedImporter.Input(name: $0.0, bytes: Array($0.1.utf8)) })
        return try GraphLoader().load([InputDocument(name: "x.yaml", text: String(decoding: result.bytes, as: UTF8.self))])
    }

    @Test("every problem is reported at once, at the CSV file, line and column it comes from")
    func positionedErrors() throws {
        let actors = "id,kind,name\r\nmeta,company,Meta\r\nmanus,compny,Manus\r\n"
        let events = "id,kind,date,title,acquirer,target,source,quote\r\nbuy,acquisition,2025-13,Meta buys Manus,metaa,manus,s,q\r\n"
        let sources = "id,title,publisher,url\r\ns,Source,,\r\n"
        do {
            _ = try Self.run([("actors.csv", actors), ("events.csv", events), ("sources.csv", sources)])
            Issue.record("errors expected")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasPrefix("actors.csv:3:7: error: column 'kind': unknown actor kind 'compny'") })
            #expect(lines.contains { $0.hasPrefix("events.csv:2:17: error: column 'date': ") && $0.contains("month 13") })
            #expect(lines.contains { $0.hasPrefix("events.csv:2:41: error: column 'acquirer': ") && $0.contains("'meta'") })
        }
    }

    @Test("rows repeating an id add evidence to the record before; name: columns are names per language")
    func continuationRows() throws {
        let actors = "id,kind,name,name:zh-Hans,tags\r\njensen-huang,person,Jensen Huang,黄仁勋,ceo|founder\r\nnvidia,company,Nvidia,,\r\n"
        let events = "id,kind,date,title,description,speaker,about,source,quote\r\n"
            + "s1,statement,2025-11,Huang speaks,Longer text,jensen-huang,nvidia,src,first\r\n"
            + "s1,,,,,,,src,second\r\n"
        let sources = "id,title,publisher,url\r\nsrc,A source,,https://example.org\r\n"
        let graph = try Self.run([("actors.csv", actors), ("events.csv", events), ("sources.csv", sources)])
        let event = try #require(graph.event("s1"))
        #expect(event.date.description == "2025-11")
        #expect(event.sources.map(\.quote) == ["first", "second"])
        #expect(event.description == "Longer text")
        #expect(graph.actor("jensen-huang")?.tags == ["ceo", "founder"])
        #expect(graph.actor("jensen-huang")?.names.map(\.name) == ["黄仁勋"])
    }
}
