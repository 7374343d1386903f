import Foundation
import Testing
@testable import EventGraph

/// Spreadsheet import: the RFC 4180 parser, positioned errors, and the CSV round trip.
struct ImportTests {
    @Test("the CSV parser reads quoted fields, doubled quotes, embedded line breaks and CRLF")
    func parser() {
        let text = "\u{FEFF}id,title\r\na,\"one, two\"\r\nb,\"say \"\"hi\"\"\nnext line\"\r\n\r\nc,plain\n"
        let parser = CSVParser(text)
        #expect(parser.problems.isEmpty)
        #expect(parser.records.map { $0.map(\.text) } == [["id", "title"], ["a", "one, two"], ["b", "say \"hi\"\nnext line"], ["c", "plain"]])
        #expect(parser.records[3][1].line == 6)
        #expect(parser.records[3][1].column == 3)
    }

    @Test("CSV syntax errors are reported with their line and column, and parsing goes on")
    func parserErrors() {
        let parser = CSVParser("a,b\nx,\"open\ny,z\n")
        #expect(parser.problems.first?.line == 2)
        #expect(parser.problems.first?.column == 3)
        #expect(CSVParser("a,b\"c\n").problems.first?.column == 4)
    }

    @Test("export --format csv then import gives the same graph", arguments: ["Samples/quickstart", "Graphs/ai-race"])
    func roundTrip(path: String) throws {
        let graph = try GraphLoader().load(paths: [ExportTests.root.appendingPathComponent(path).path])
        guard case let .folder(files) = CSVExporter().export(graph) else { Issue.record("a folder expected"); return }
        let yaml = try SpreadsheetImporter().yaml(from: files.map { SpreadsheetImporter.Sheet(name: $0.name, text: $0.text) })
        let again = try GraphLoader().load([InputDocument(name: "imported.yaml", text: yaml)])
        #expect(again.nodeLinkJSON.text == graph.nodeLinkJSON.text)
    }

    @Test("every problem is reported at once, at the CSV file, line and column it comes from")
    func positionedErrors() throws {
        let actors = "id,kind,name,bogus\r\nmeta,company,Meta,\r\nmanus,compny,Manus,\r\n"
        let events = "id,kind,date,title,acquirer,target,source,quote\r\nbuy,acquisition,2025-13,Meta buys Manus,metaa,manus,s,q\r\n"
        let sources = "id,title\r\ns,Source\r\n"
        do {
            _ = try SpreadsheetImporter().yaml(from: [.init(name: "actors.csv", text: actors), .init(name: "events.csv", text: events),
                                                     .init(name: "sources.csv", text: sources)])
            Issue.record("errors expected")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains("actors.csv:1:14: error: unknown column 'bogus'"))
            #expect(lines.contains { $0.hasPrefix("actors.csv:3:7: error: column 'kind': unknown actor kind 'compny'") })
            #expect(lines.contains { $0.hasPrefix("events.csv:2:17: error: column 'date': ") && $0.contains("month 13") })
            #expect(lines.contains { $0.hasPrefix("events.csv:2:41: error: column 'acquirer': ") && $0.contains("'meta'") })
        }
    }

    @Test("TimelineJS and Kumu column names are understood, and evidence rows continue a record")
    func otherLayouts() throws {
        let people = "Label,Type,ID,Tags\r\nJensen Huang,person,jensen-huang,ceo|founder\r\nNvidia,company,nvidia,\r\n"
        let timeline = "ID,Kind,Year,Month,Day,Headline,Text,speaker,about,Media,Source,Quote\r\n"
            + "s1,statement,2025,11,,Huang speaks,Longer text,jensen-huang,nvidia,http://x,src,first\r\n"
            + "s1,,,,,,,,,,src,second\r\n"
        let sources = "id,title,url\r\nsrc,A source,https://example.org\r\n"
        let yaml = try SpreadsheetImporter().yaml(from: [.init(name: "people.csv", text: people),
                                                        .init(name: "timeline.csv", text: timeline),
                                                        .init(name: "sources.csv", text: sources)])
        let graph = try GraphLoader().load([InputDocument(name: "x.yaml", text: yaml)])
        let event = try #require(graph.event("s1"))
        #expect(event.date.description == "2025-11")
        #expect(event.sources.map(\.quote) == ["first", "second"])
        #expect(event.description == "Longer text")
        #expect(graph.actor("jensen-huang")?.tags == ["ceo", "founder"])
    }
}
