import Foundation
import Testing
@testable import EventGraph

/// `import --mapping`: the byte-level CSV reader, mapping files, the shipped mappings on real
/// files (TimelineJS's own sheets from ../shared/external/timelinejs3), ICEWS-style tables,
/// positioned errors, --skip-bad-rows, and the round trips through export.
struct MappedImportTests {
    static let external = ExportTests.root.deletingLastPathComponent().appendingPathComponent("shared/external")
    static let timelineJS = external.appendingPathComponent("timelinejs3")
    static var timelineJSPresent: Bool { FileManager.default.fileExists(atPath: timelineJS.path) }

    static func input(_ name: String, _ text: String) -> MappedImporter.Input {
        MappedImporter.Input(name: name, bytes: Array(text.utf8))
    }

    static func file(_ url: URL) throws -> MappedImporter.Input {
        try #require(MappedImporter.Input(path: url.path))
    }

    static func load(_ result: MappedImporter.Result) throws -> GraphView {
        let name = result.syntax == .json ? "imported.json" : "imported.yaml"
        return try GraphLoader().load([InputDocument(name: name, text: String(decoding: result.bytes, as: UTF8.self))])
    }

    /// Events whose Who column is a country developer and Product a product (the loader
    /// rejects a release by a country): for tracing the loader's problems back to rows.
    static func developerProductMapping() throws -> ImportMapping {
        try mapping("""
            tables:
              events:
                make: events
                columns: [Who, What, When]
                fields:
                  kind: { column: What }
                  title: { template: "{Who} {What}" }
                  date: When
                roles:
                  developer: { name: Who, kind: { value: country } }
                  product: { name: Product, kind: { value: product } }
            """)
    }

    static func mapping(_ yaml: String) throws -> ImportMapping { try ImportMapping(yaml: yaml, file: "test-mapping.yaml") }

    // MARK: The reader

    @Test("the CSV reader reads quoted commas, doubled quotes, line breaks inside fields and CRLF, with positions")
    func reader() {
        let text = "\u{FEFF}id,title\r\na,\"one, two\"\r\nb,\"say \"\"hi\"\"\nnext line\"\r\n\r\nc,plain\nd,Zoë,\"é\"\n"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(buffer)
            var rows: [[String]] = []
            var lines: [Int] = []
            while reader.next() {
                rows.append(reader.fields.map { reader.text($0) })
                lines.append(reader.recordLine)
            }
            #expect(reader.problems.isEmpty)
            #expect(rows == [["id", "title"], ["a", "one, two"], ["b", "say \"hi\"\nnext line"], ["c", "plain"], ["d", "Zoë", "é"]])
            #expect(lines == [1, 2, 3, 6, 7])
        }
        // Columns count characters, not bytes: the third field of line 7 starts at column 7.
        bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(buffer)
            while reader.next(), reader.recordLine < 7 {}
            #expect(reader.column(reader.fields[2]) == 7)
        }
    }

    @Test("CSV syntax errors are found with their line and column, and reading goes on")
    func readerErrors() {
        for (text, line, column) in [("a,b\nx,\"open\ny,z\n", 2, 3), ("a,b\"c\n", 1, 4), ("a,\"b\"c\nd,e\n", 1, 6)] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var reader = CSVReader(buffer)
                while reader.next() {}
                #expect(reader.problems.first?.line == line, "\(text.debugDescription)")
                #expect(reader.problems.first?.column == column, "\(text.debugDescription)")
            }
        }
    }

    @Test("TimelineJS's parser_test.csv: three rows, a quoted comma, doubled quotes and a line break read as TimelineJS reads them",
          .enabled(if: timelineJSPresent, "../shared/external/timelinejs3 is not beside the repository"))
    func timelineJSParserTest() throws {
        let map = try Self.mapping("""
            tables:
              rows:
                make: events
                columns: [title, count, description]
                fields:
                  kind: { value: other }
                  title: title
                  description: description
                  date: { year: count }
            """)
        let result = try MappedImporter(mapping: map).run([Self.file(Self.timelineJS.appendingPathComponent("src_js_core___tests___parser_test.csv"))])
        #expect(result.rowsRead == 3)
        let graph = try Self.load(result)
        let events = graph.events.sorted { $0.date.description > $1.date.description }
        #expect(events.map(\.title) == ["a good day", "an ok day", "a day, i guess"])
        #expect(events.map(\.description) == [
            "let's just pile it  all in here,  commas, \"quoted strings\" and \nnew lines!", "this is less ambitious", "what else could go wrong?",
        ])
        #expect(events.map(\.date.description) == ["0005", "0003", "0002"])
    }

    // MARK: The shipped mappings on real files

    @Test("TimelineJS's own template sheet imports with --mapping timelinejs: the title row, spans, year-only rows, HTML text",
          .enabled(if: timelineJSPresent, "../shared/external/timelinejs3 is not beside the repository"))
    func timelineJSTemplate() throws {
        let result = try MappedImporter(mapping: try #require(ImportMapping.builtIn("timelinejs")))
            .run([Self.file(Self.timelineJS.appendingPathComponent("src_template_my-own-timeline.csv"))])
        #expect(result.rowsRead == 11)
        #expect(result.events == 10 && result.actors == 0 && result.skippedRows == 0)
        let graph = try Self.load(result)
        #expect(graph.title == "MY OWN CSV")
        let ada = try #require(graph.events.first { $0.title == "Ada Lovelace" })
        #expect(ada.date.description == "1815-12-10..1852-11-27")
        #expect(ada.sources.first?.note?.hasPrefix("media: https://upload.wikimedia.org/") == true)
        #expect(graph.events.first { $0.title == "...And the women who made it work" }?.date.description == "1943-07..1946")
        #expect(graph.events.first { $0.title == "Rózsa Péter writes recursion" }?.date.description == "1951")
        let eniac = try #require(graph.events.first { $0.title == "...And the women who made it work" })
        #expect(eniac.description?.contains("ENIAC Women.\r\n.</span>") == true)
        #expect(graph.events.first { $0.title == "\"The Mother of the Internet\"" } != nil)
    }

    @Test("the women-in-computing sheet (contrib) imports the same way and its TimelineJS export has TimelineJS's own shape",
          .enabled(if: timelineJSPresent, "../shared/external/timelinejs3 is not beside the repository"))
    func timelineJSExportShape() throws {
        let result = try MappedImporter(mapping: try #require(ImportMapping.builtIn("timelinejs")))
            .run([Self.file(Self.timelineJS.appendingPathComponent("contrib_women_in_computing.csv"))])
        let graph = try Self.load(result)
        #expect(graph.events.count == 10)
        guard case let .file(text) = TimelineJSExporter().export(graph) else { Issue.record("one file expected"); return }
        // Every key path of our export is one TimelineJS's own examples use, or one its JSON
        // format documents beside them (display_date on slides and dates, scale).
        var allowed: Set<String> = ["/scale", "/events[]/display_date", "/events[]/start_date/display_date", "/events[]/end_date/display_date"]
        let examples = try FileManager.default.contentsOfDirectory(atPath: Self.timelineJS.path).filter { $0.hasSuffix(".json") }
        #expect(examples.count >= 5)
        for name in examples {
            allowed.formUnion(Self.keyPaths(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.timelineJS.appendingPathComponent(name)))))
        }
        let ours = Self.keyPaths(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        #expect(ours.subtracting(allowed).isEmpty, "keys TimelineJS's examples do not have: \(ours.subtracting(allowed).sorted())")
        #expect(ours.contains("/events[]/end_date/year") && ours.contains("/title/text/headline"))
        // The same slides as TimelineJS's own JSON of this sheet (contrib_women_in_computing.json).
        let theirs = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.timelineJS.appendingPathComponent("contrib_women_in_computing.json"))) as? [String: Any]
        let mine = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        func headlines(_ d: [String: Any]?) -> [String] {
            ((d?["events"] as? [[String: Any]]) ?? []).compactMap { ($0["text"] as? [String: Any])?["headline"] as? String }.sorted()
        }
        #expect(headlines(mine) == headlines(theirs))
    }

    @Test("TimelineJS era rows become periods, and their TimelineJS export has the shape of TimelineJS's own eras example",
          .enabled(if: timelineJSPresent, "../shared/external/timelinejs3 is not beside the repository"))
    func timelineJSEras() throws {
        let sheet = """
            Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background
            ,,,,,,,,,Eras Test,Events in the 7th century,,,,,title,,
            602,,,,629,,,,,Last great Roman-Persian War.,Long conflict,,,,,,,
            650,,,,700,,,,,Era Test 650-700,,,,,,era,,
            610,3,,,,,,,,Era of one month,,,,,,era,,

            """
        let result = try MappedImporter(mapping: try #require(ImportMapping.builtIn("timelinejs"))).run([Self.input("eras.csv", sheet)])
        let graph = try Self.load(result)
        #expect(graph.events.count == 1)
        #expect(graph.periods.map(\.title).sorted() == ["Era Test 650-700", "Era of one month"])
        #expect(graph.periods.first { $0.title == "Era Test 650-700" }.map { "\($0.from)..\($0.to)" } == "0650..0700")
        #expect(graph.periods.first { $0.title == "Era of one month" }.map { "\($0.from)..\($0.to)" } == "0610-03..0610-03")
        guard case let .file(text) = TimelineJSExporter().export(graph) else { Issue.record("one file expected"); return }
        let theirs = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.timelineJS.appendingPathComponent("src_template_eras.json")))
        let ours = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let eraPaths = { (v: Any) in Self.keyPaths(v).filter { $0.hasPrefix("/eras") } }
        #expect(!eraPaths(ours).isEmpty)
        #expect(eraPaths(ours).subtracting(eraPaths(theirs).union(["/eras[]/start_date/month", "/eras[]/end_date/month", "/eras[]/start_date/day", "/eras[]/end_date/day"])).isEmpty,
                "era keys TimelineJS's eras example does not have: \(eraPaths(ours).subtracting(eraPaths(theirs)).sorted())")
        #expect(eraPaths(theirs).isSubset(of: eraPaths(ours)))
    }

    @Test("FollowTheMoney birth, death, incorporation and dissolution dates are actor lifespans")
    func ftmLifespans() throws {
        let fixture = ExportTests.root.appendingPathComponent("Tests/EventGraphTests/Fixtures/import/entities.ftm.jsonl")
        let graph = try Self.load(try FtMImporter().run([Self.file(fixture)]))
        #expect(graph.actor("p-ana")?.since?.description == "1971-04-02")
        #expect(graph.actor("p-boris")?.until?.description == "2019")
        #expect(graph.actor("c-danube")?.since?.description == "2004-06")
        #expect(graph.actor("le-holding")?.until?.description == "2021-12-31")
        #expect(graph.actor("p-ana")?.description?.contains("birthDate") == false)
    }

    @Test("a broken FtM stream: every problem at its line at once; --skip-bad-rows keeps the rest")
    func ftmErrors() throws {
        let stream = "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\nnot json\n"
            + "{\"id\":\"e\",\"schema\":\"Event\",\"properties\":{\"name\":[\"No date\"],\"involved\":[\"a\"]}}\n"
            + "{\"id\":\"o\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"a\"],\"asset\":[\"nobody\"]}}\n"
        do {
            _ = try FtMImporter().run([Self.input("s.jsonl", stream)])
            Issue.record("errors expected")
        } catch {
            #expect(error.diagnostics.map { "\($0.location.line)" } == ["2", "3", "4"])
            #expect(error.diagnostics.last?.message.contains("asset 'nobody' is no Person, Company") == true)
        }
        let result = try FtMImporter().run([Self.input("s.jsonl", stream)], skipBadRows: true)
        #expect(result.actors == 1 && result.events == 0 && result.relations == 0 && result.skippedRows == 3)
    }

    static func keyPaths(_ value: Any, _ prefix: String = "") -> Set<String> {
        var out = Set<String>()
        if let d = value as? [String: Any] {
            for (k, v) in d { out.insert(prefix + "/" + k); out.formUnion(keyPaths(v, prefix + "/" + k)) }
        } else if let a = value as? [Any] {
            for v in a { out.formUnion(keyPaths(v, prefix + "[]")) }
        }
        return out
    }

    static let icewsHeader = "Event ID,Event Date,Source Name,Source Sectors,Source Country,Event Text,CAMEO Code,Intensity,Target Name,Target Sectors,Target Country,Story ID,Sentence Number,Publisher,City,District,Province,Country,Latitude,Longitude\n"

    @Test("an ICEWS table: one actor per distinct name (kinds from countries and sectors), CAMEO roots to kinds and roles, one source per story")
    func icews() throws {
        let rows = Self.icewsHeader + #"""
            926685,2014-01-01,China,,China,Make statement,010,0.0,Japan,,Japan,28235806,1,Xinhua,,,,China,,
            926686,2014-01-02,"Police (Kenya)",Police,Kenya,Arrest,173,-5.0,"Citizen, ""Nairobi""",Citizen,Kenya,28235807,2,Daily Nation,,,,Kenya,,
            926687,2014-01-03,China,,China,Consult,040,1.0,Japan,,Japan,28235806,3,Xinhua,,,,China,,
            926688,2014-01-04,Acme Mining,"Business,Mining",South Africa,Praise,051,3.4,China,,China,28235808,1,Reuters,,,,South Africa,,

            """#
        let result = try MappedImporter(mapping: try #require(ImportMapping.builtIn("icews"))).run([Self.input("icews.csv", rows)])
        #expect(result.rowsRead == 4 && result.events == 4 && result.actors == 5 && result.sources == 3)
        let graph = try Self.load(result)
        #expect(graph.actor("china")?.kind == "country")
        #expect(graph.actor("china")?.country == "CN")
        #expect(graph.actor("police-kenya")?.kind == "government")
        #expect(graph.actor("citizen-nairobi")?.name == "Citizen, \"Nairobi\"")
        #expect(graph.actor("citizen-nairobi")?.kind == "person")
        #expect(graph.actor("acme-mining")?.kind == "company")
        let statement = try #require(graph.event("icews-926685"))
        #expect(statement.kind == "statement")
        #expect(statement.participants("speaker") == ["china"] && statement.participants("about") == ["japan"])
        #expect(graph.event("icews-926687")?.kind == "meeting")
        #expect(graph.event("icews-926687")?.participants("participants") == ["china", "japan"])
        #expect(graph.event("icews-926686")?.kind == "restriction")
        #expect(statement.sources.first?.source == "story-28235806")
        #expect(graph.source("story-28235806")?.publisher == "Xinhua")
        // The same rows give the same bytes.
        let again = try MappedImporter(mapping: try #require(ImportMapping.builtIn("icews"))).run([Self.input("icews.csv", rows)])
        #expect(again.bytes == result.bytes)
    }

    @Test("large imports are JSON with one record a line, still one document the loader reads")
    func jsonOutput() throws {
        var rows = Self.icewsHeader
        for n in 0..<50 { rows += "\(n),2015-02-\(10 + n % 18),Actor \(n % 7),Business,,Consult,040,1,Actor \((n + 1) % 7),Business,,\(n / 3),1,X,,,,,,\n" }
        let result = try MappedImporter(mapping: try #require(ImportMapping.builtIn("icews"))).run([Self.input("t.csv", rows)], syntax: .json)
        let text = String(decoding: result.bytes, as: UTF8.self)
        let eventLines = text.split(separator: "\n").filter { $0.hasPrefix("\"icews-") }
        #expect(eventLines.count == 50)
        #expect(eventLines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data("{\($0.hasSuffix(",") ? $0.dropLast() : $0)}".utf8))) != nil })
        #expect(try Self.load(result).events.count == 50)
    }

    // MARK: Errors

    @Test("mapping problems are sentences at FILE:LINE:COLUMN, every one of them, and nothing is returned")
    func rowErrors() throws {
        let rows = Self.icewsHeader + """
            1,2014-13-01,A,,,Consult,040,1,B,,,1,1,X,,,,,,
            2,01/02/2014,A,,,Consult,040,1,B,,,1,1,X,,,,,,
            3,2014-01-03,A,,,Mystery,990,1,B,,,1,1,X,,,,,,
            4,2014-01-04,A,,,Consult,040,1,B,,,1,1,X,,,,,,

            """
        let icews = try #require(ImportMapping.builtIn("icews"))
        do {
            _ = try MappedImporter(mapping: icews).run([Self.input("bad.csv", rows)])
            Issue.record("errors expected")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasPrefix("bad.csv:2:3: error: ") && $0.contains("month 13") })
            #expect(lines.contains("bad.csv:3:3: error: column 'Event Date': '01/02/2014' is not a iso date (like 2025, 2025-03, 2025-03-14 or 2025-03-14T09:30)"))
            #expect(lines.contains { $0.hasPrefix("bad.csv:4:") && $0.contains("'990' is not in the mapping's value table 'cameo'") })
            #expect(lines.count == 3)
        }
    }

    @Test("--skip-bad-rows imports the rest and reports every skipped row with its reason")
    func skipBadRows() throws {
        let rows = Self.icewsHeader + """
            1,2014-13-01,A,,,Consult,040,1,B,,,1,1,X,,,,,,
            2,01/02/2014,A,,,Consult,040,1,B,,,1,1,X,,,,,,
            3,2014-01-03,A,,,Mystery,990,1,B,,,1,1,X,,,,,,
            4,2014-01-04,A,,,Consult,040,1,B,,,1,1,X,,,,,,

            """
        let result = try MappedImporter(mapping: try #require(ImportMapping.builtIn("icews"))).run([Self.input("bad.csv", rows)], skipBadRows: true)
        #expect(result.rowsRead == 4 && result.events == 1 && result.skippedRows == 3)
        #expect(result.skipped.map(\.location.line) == [2, 3, 4])
        #expect(result.skipped.allSatisfy { $0.severity == .warning && $0.message.hasPrefix("row skipped: ") })
        #expect(try Self.load(result).event("icews-4") != nil)
    }

    @Test("problems the loader finds are traced back to the row and the column that gave the field")
    func loaderErrorsTraced() throws {
        let map = try Self.developerProductMapping()
        let rows = "Who,What,When,Product\nNvidia,release,2025-03,Blackwell\nFrance,release,2025-04,Mistral\n"
        do {
            _ = try MappedImporter(mapping: map).run([Self.input("r.csv", rows)])
            Issue.record("errors expected")
        } catch {
            // A country cannot develop: both rows name countries; each is reported at its 'Who' cell.
            let lines = error.diagnostics.map(\.description)
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.contains(": error: column 'Who': role 'developer' of event kind 'release' cannot be") })
            #expect(lines.first?.hasPrefix("r.csv:2:1:") == true)
        }
        // Skipping drops both rows and the actors only they made.
        let result = try MappedImporter(mapping: map).run([Self.input("r.csv", rows)], skipBadRows: true)
        #expect(result.events == 0 && result.skippedRows == 2)
    }

    @Test("a JSON-lines input's lines that are not objects are reported at their line, and nothing is imported")
    func brokenJSONLines() throws {
        let map = try Self.mapping("""
            tables:
              events:
                make: events
                columns: [Who, What, When]
                fields:
                  kind: { value: statement }
                  title: { template: "{Who} {What}" }
                  date: When
                roles:
                  speaker: { name: Who, kind: { value: company } }
            """)
        let lines = #"{"Who": "Nvidia", "What": "speaks", "When": "2025-03"}"# + "\n{broken\n[1, 2]\n"
            + #"{"Who": "Arm", "What": "speaks", "When": "2025-04"}"# + "\n"
        do {
            _ = try MappedImporter(mapping: map).run([Self.input("r.jsonl", lines)])
            Issue.record("errors expected")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "r.jsonl:2:1: error: this line is not a JSON object",
                "r.jsonl:3:1: error: a row must be a JSON object",
            ])
        }
        // The well-formed lines alone import.
        let good = try MappedImporter(mapping: map).run([Self.input("r.jsonl", #"{"Who": "Nvidia", "What": "speaks", "When": "2025-03"}"# + "\n")])
        #expect(good.events == 1)
    }

    @Test("a mapping file's own mistakes are positioned sentences")
    func mappingErrors() {
        do {
            _ = try ImportMapping(yaml: """
                tables:
                  events:
                    make: event
                    columns: [A]
                  actors:
                    make: actors
                    fields:
                      kind: { column: K, table: nope }
                      colour: C
                """, file: "m.yaml")
            Issue.record("errors expected")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasPrefix("m.yaml:3:11: error: ") && $0.contains("make") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:8:33: error: no value table 'nope'") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:9:7: error: table 'actors' makes actors, which have no field 'colour'") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:5:3: error: table 'actors' needs 'files:'") })
        }
    }

    @Test("dates: ISO with a time of day, day-first, month-first, compact, and year/month/day columns", arguments: [
        ("iso", "2025-03-14T09:30:00Z", "2025-03-14"), ("iso", "2025-03-14 09:30", "2025-03-14"), ("iso", "~2025-Q3", "~2025-Q3"),
        ("day-first", "14/03/2025", "2025-03-14"), ("day-first", "4.3.2025 18:05", "2025-03-04"), ("month-first", "03/14/2025", "2025-03-14"),
        ("compact", "20250314", "2025-03-14"),
    ])
    func dates(format: String, text: String, expected: String) throws {
        #expect(ImportDates.parse(text, format: try #require(.init(rawValue: format))) == expected)
        #expect(ImportDates.parse("14/03", format: try #require(.init(rawValue: format))) == nil)
    }

    // MARK: Round trips

    @Test("export --format csv then import (the eventgraph-csv mapping) gives the same graph", arguments: ["Samples/quickstart", "Graphs/ai-race"])
    func csvRoundTrip(path: String) throws {
        let graph = try GraphLoader().load(paths: [ExportTests.root.appendingPathComponent(path).path])
        guard case let .folder(files) = CSVExporter().export(graph) else { Issue.record("a folder expected"); return }
        let result = try MappedImporter(mapping: try #require(ImportMapping.builtIn("eventgraph-csv")))
            .run(files.map { Self.input($0.name, $0.text) })
        #expect(try Self.load(result).nodeLinkJSON.text == graph.nodeLinkJSON.text)
    }

    @Test("export --format kumu then import --mapping kumu keeps every actor, event, role, relation and citation",
          arguments: ["Samples/quickstart", "Graphs/ai-race"])
    func kumuRoundTrip(path: String) throws {
        let graph = try GraphLoader().load(paths: [ExportTests.root.appendingPathComponent(path).path])
        guard case let .folder(files) = KumuExporter().export(graph) else { Issue.record("a folder expected"); return }
        let back = try Self.load(try MappedImporter(mapping: try #require(ImportMapping.builtIn("kumu"))).run(files.map { Self.input($0.name, $0.text) }))
        #expect(back.actors.map(\.id) == graph.actors.map(\.id))
        for actor in graph.actors {
            let other = try #require(back.actor(actor.id))
            #expect(other.name == actor.name && other.kind == actor.kind && other.names == actor.names && other.aliases == actor.aliases
                && other.country == actor.country && other.tags == actor.tags && other.description == actor.description, "\(actor.id)")
        }
        #expect(back.events.map(\.id) == graph.events.map(\.id))
        for event in graph.events {
            let other = try #require(back.event(event.id))
            #expect(other.kind == event.kind && other.date == event.date && other.title == event.title && other.claim == event.claim, "\(event.id)")
            #expect(Set(other.roles.map { "\($0.role)=\($0.ids)" }) == Set(event.roles.map { "\($0.role)=\($0.ids)" }), "\(event.id)")
            #expect(other.sources.map { [$0.source, $0.quote ?? "", $0.note ?? ""] } == event.sources.map { [$0.source, $0.quote ?? "", $0.note ?? ""] }, "\(event.id)")
        }
        #expect(back.relations.map { "\($0.kind) \($0.from) \($0.to) \($0.role ?? "") \($0.since?.description ?? "")..\($0.until?.description ?? "")" }
            == graph.relations.map { "\($0.kind) \($0.from) \($0.to) \($0.role ?? "") \($0.since?.description ?? "")..\($0.until?.description ?? "")" })
    }

    @Test("a Kumu user's own sheets: labels in From/To, types as words, elements named only in connections made once")
    func kumuUserSheets() throws {
        let elements = "Label,Type,Description,Tags\nAda,Person,Mathematician,math|poetry\nAnalytical Engine Co,Company,,\n"
        let connections = "From,To,Type,Direction\nAda,Analytical Engine Co,works at,directed\nCharles,Analytical Engine Co,founded,directed\nCharles,Ada,related to,undirected\n"
        let result = try MappedImporter(mapping: try #require(ImportMapping.builtIn("kumu")))
            .run([Self.input("my-elements.csv", elements), Self.input("my-connections.csv", connections)])
        let graph = try Self.load(result)
        #expect(graph.actors.map(\.id).sorted() == ["ada", "analytical-engine-co", "charles"])
        #expect(graph.actor("ada")?.tags == ["math", "poetry"])
        #expect(graph.relations.map(\.kind).sorted() == ["founded", "related-to", "works-at"])
    }

    @Test("citations in one cell are read back exactly as exports write them")
    func evidenceText() {
        let items: [Evidence] = [Evidence(source: "a", quote: "x; y” and “z", note: "n (1)"), Evidence(source: "b-2"), Evidence(source: "c", note: "only")]
        let back = EvidenceText.parse(GraphView.evidenceText(items))
        #expect(back == items.map { ImportRecords.Evidence(source: $0.source, quote: $0.quote, note: $0.note) })
    }
}
