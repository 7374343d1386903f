import Foundation
import Testing
@testable import EventGraph

/// A large JSON section is read in chunks on two threads (``ChunkedSection``); the store, the
/// answers and every diagnostic must be exactly those of a one-thread read.
@Suite("JSON sections read in chunks on two threads")
struct ChunkedReadingTests {
    /// A JSON graph of `events` meetings among 60 organizations and 120 relations, one record
    /// a line; `edit` may replace the text of an event's record (given its index), `actor`
    /// and `relation` the text of an actor's or a relation's.
    static func graph(events: Int, edit: (Int) -> String? = { _ in nil }, actor: (Int) -> String? = { _ in nil },
                      relation: (Int) -> String? = { _ in nil }) -> String {
        var lines = ["{", "\"title\": \"Chunks\",", "\"sources\": {\"s1\": {\"title\": \"Source\"}},", "\"actors\": {"]
        lines += (0..<60).map { (actor($0) ?? "\"o\($0)\": {\"kind\": \"organization\", \"name\": \"Org \($0) 机构\"}") + ($0 < 59 ? "," : "") }
        lines += ["},", "\"relations\": ["]
        lines += (0..<120).map { i in
            (relation(i) ?? "{\"kind\": \"\(i % 2 == 0 ? "competes-with" : "related-to")\", \"from\": \"o\(i % 60)\", \"to\": \"o\((i * 11 + 3) % 60)\", "
                + "\"since\": \"\(2000 + i % 20)\", \"sources\": [{\"source\": \"s1\", \"quote\": \"r\(i)\"}]}") + (i < 119 ? "," : "")
        }
        lines += ["],", "\"events\": {"]
        for i in 0..<events {
            let day = 1 + i % 28, month = 1 + i / 28 % 12, year = 2000 + i / 336
            let record = edit(i) ?? """
            "e\(i)": {"kind": "meeting", "date": "\(year)-\(String(format: "%02d-%02d", month, day))", "title": "Meeting \(i)", \
            "participants": ["o\(i % 60)", "o\((i * 7 + 1) % 60)"], "sources": [{"source": "s1", "quote": "q\(i)"}]}
            """
            lines.append(record + (i < events - 1 ? "," : ""))
        }
        lines += ["}", "}"]
        return lines.joined(separator: "\n")
    }

    static func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Loads `path` with `recordsPerChunk` (0: one thread): the answers, or the diagnostics as text.
    static func load(_ path: String, recordsPerChunk: Int) -> (answers: [String: String]?, diagnostics: String) {
        var loader = GraphLoader()
        loader.recordsPerChunk = recordsPerChunk
        do {
            let graph = try loader.load(paths: [path])
            return (SyntaxEquivalenceTests.answers(graph), graph.warnings.map(\.description).joined(separator: "\n"))
        } catch {
            return (nil, error.description)
        }
    }

    @Test("a valid graph of 60 actors, 120 relations and 3,000 events gives the same answers read whole and in chunks of 1, 7 and 512 records")
    func sameAnswers() throws {
        let path = try Self.write(Self.graph(events: 3000))
        let whole = Self.load(path, recordsPerChunk: 0)
        let answers = try #require(whole.answers, "\(whole.diagnostics)")
        #expect(answers["validate"]?.contains("3000 events") == true)
        for perChunk in [1, 7, 512] {
            let chunked = Self.load(path, recordsPerChunk: perChunk)
            #expect(chunked.diagnostics == whole.diagnostics)
            let got = try #require(chunked.answers, "chunks of \(perChunk): \(chunked.diagnostics)")
            #expect(got.keys.sorted() == answers.keys.sorted())
            for key in answers.keys.sorted() where got[key] != answers[key] {
                Issue.record("chunks of \(perChunk): '\(key)' differs from the one-thread read")
            }
        }
    }

    /// The graph of ``graph(events:edit:actor:relation:)`` with `count` sources (`s1` … ), one a
    /// line; `source` may replace the text of a source's record (given its index).
    static func graph(sources count: Int, events: Int, source: (Int) -> String? = { _ in nil }) -> String {
        let records = (1...count).map { n in
            (source(n) ?? "\"s\(n)\": {\"title\": \"Story \(n) «\\u00e9»\", \"publisher\": \"P\(n % 7)\", \"published\": \"20\(10 + n % 10)\"}")
        }
        return graph(events: events, edit: { i in
            """
            "e\(i)": {"kind": "meeting", "date": "2020", "title": "M\(i)", "participants": ["o\(i % 60)", "o\((i + 1) % 60)"], \
            "sources": [{"source": "s\(1 + i * 13 % count)", "quote": "q"}]}
            """
        }).replacingOccurrences(of: "\"sources\": {\"s1\": {\"title\": \"Source\"}},", with: "\"sources\": {\n" + records.joined(separator: ",\n") + "\n},")
    }

    @Test("a sources section of 3,000 records read in chunks: the same answers, and with errors in many chunks the same diagnostics as one thread")
    func chunkedSources() throws {
        let valid = try Self.write(Self.graph(sources: 3000, events: 500))
        let whole = Self.load(valid, recordsPerChunk: 0)
        let answers = try #require(whole.answers, "\(whole.diagnostics)")
        #expect(answers["validate"]?.contains("3000 sources") == true)
        for perChunk in [1, 7, 512] {
            #expect(Self.load(valid, recordsPerChunk: perChunk).answers == answers, "chunks of \(perChunk)")
        }
        let broken = try Self.write(Self.graph(sources: 3000, events: 500) { n in
            switch n {
            case let n where n % 211 == 5: "\"s\(n)\": {\"publisher\": \"No title\"}"
            case let n where n % 307 == 9: "\"s\(n)\": {\"title\": \"T\", \"publisher\": 5, \"publishd\": \"2020\"}"
            case let n where n % 401 == 11: "\"s\(n)\": {\"title\": \"T\", \"published\": \"2020-13\"}"
            case 2900: "\"s40\": {\"title\": \"Defined twice\", \"publisher\": [1]}"
            case 2901: "\"o5\": {\"title\": \"An actor's id\"}"
            case 2902: "\"bad id\": {\"title\": \"T\"}"
            default: nil
            }
        })
        let one = Self.load(broken, recordsPerChunk: 0)
        #expect(one.answers == nil)
        for needle in ["missing required field 'title'", "publishd", "defined twice", "invalid id 'bad id'"] {
            #expect(one.diagnostics.contains(needle), "\(needle)")
        }
        for perChunk in [1, 7, 64, 512] {
            #expect(Self.load(broken, recordsPerChunk: perChunk).diagnostics == one.diagnostics, "chunks of \(perChunk)")
        }
    }

    @Test("errors in many chunks, an id defined in two chunks and escaped text give the same diagnostics, in the same order")
    func sameDiagnostics() throws {
        let text = Self.graph(events: 2500, edit: { i in
            switch i {
            case let i where i % 97 == 5: "\"e\(i)\": {\"kind\": \"meetin\", \"date\": \"2020\", \"title\": \"T\", \"sources\": [{\"source\": \"s1\"}]}"
            case let i where i % 131 == 7: "\"e\(i)\": {\"kind\": \"meeting\", \"date\": \"2020-13\", \"title\": \"T\", \"participants\": [\"o1\", \"nobody\"], \"sources\": [{\"source\": \"s2\"}]}"
            case 2100: "\"e40\": {\"kind\": \"meeting\", \"date\": \"2020\", \"title\": \"Twice\", \"participants\": [\"o1\"], \"sources\": [{\"source\": \"s1\"}]}"
            case 1234: "\"e1234\": {\"kind\": \"meeting\", \"date\": \"2020\", \"title\": \"\\u00e9t\\u00e9 \\\"quoted\\\"\", \"participants\": [\"o1\"], \"sources\": []}"
            default: nil
            }
        }, actor: { i in
            switch i {
            case 7: "\"o7\": {\"kind\": \"organisation\", \"name\": \"Org 7\"}"
            case 50: "\"o3\": {\"kind\": \"organization\", \"name\": \"Org 3 again\", \"country\": \"usa\"}"
            default: nil
            }
        }, relation: { i in
            switch i {
            case 9: "{\"kind\": \"owns\", \"from\": \"o1\", \"to\": \"o2\", \"sources\": [{\"source\": \"s3\"}]}"
            case 90: "{\"kind\": \"related-to\", \"from\": \"o1\", \"to\": \"nobody\", \"since\": \"2020\", \"until\": \"2019\"}"
            default: nil
            }
        })
        let path = try Self.write(text)
        let whole = Self.load(path, recordsPerChunk: 0)
        #expect(whole.answers == nil)
        #expect(whole.diagnostics.contains("unknown event kind 'meetin'"))
        #expect(whole.diagnostics.contains("id 'e40' is defined twice"))
        #expect(whole.diagnostics.contains("unknown id 'nobody' in role 'participants'"))
        #expect(whole.diagnostics.contains("unknown actor kind 'organisation'"))
        #expect(whole.diagnostics.contains("id 'o3' is defined twice"))
        #expect(whole.diagnostics.contains("relation ends (until 2019) before it starts (since 2020)"))
        #expect(whole.diagnostics.contains("'s3'"))
        for perChunk in [1, 3, 64, 1000] {
            #expect(Self.load(path, recordsPerChunk: perChunk).diagnostics == whole.diagnostics, "chunks of \(perChunk)")
        }
    }

    @Test("a syntax error in a late chunk stops the section there, as a one-thread read does")
    func syntaxErrorInALateChunk() throws {
        let text = Self.graph(events: 2000) { i in
            switch i {
            case 300: "\"e300\": {\"kind\": \"meetin\", \"date\": \"2020\", \"title\": \"T\", \"sources\": [{\"source\": \"s1\"}]}"
            case 1700: "\"e1700\": {\"kind\": \"meeting\" \"date\": \"2020\"}"
            case 1900: "\"e1900\": {\"kind\": \"meetin\", \"date\": \"2020\", \"title\": \"T\", \"sources\": [{\"source\": \"s1\"}]}"
            default: nil
            }
        }
        let path = try Self.write(text)
        let whole = Self.load(path, recordsPerChunk: 0)
        #expect(whole.diagnostics.contains("not valid JSON"))
        #expect(whole.diagnostics.contains("meetin"))
        // Records after the syntax error are not read: e1900's unknown kind is not reported.
        #expect(whole.diagnostics.components(separatedBy: "unknown event kind").count == 2)
        for perChunk in [1, 5, 256] {
            #expect(Self.load(path, recordsPerChunk: perChunk).diagnostics == whole.diagnostics, "chunks of \(perChunk)")
        }
    }

    @Test("a chunk that does not end where the next one starts is read again with the rest of the section, each record once")
    func misalignedChunk() throws {
        let text = "{\"events\": {" + (0..<40).map { "\"k\($0)\": {\"n\": \($0)}" }.joined(separator: ", ") + "}}"
        let document = try GraphDocument.open(name: "g.json", index: 0, text: text, limits: InputLimits(), recordsPerChunk: 4).get()
        let section = try #require(document.top.entries(document.root!).first { $0.key == "events" }?.value)
        let chunked = try #require(document.chunkedSection(section))
        #expect(chunked.count == 10)
        // Move the start of the fourth chunk one byte on: the third chunk's parse passes it.
        var starts = chunked.starts
        starts[3] += 1
        let broken = ChunkedSection(mapped: chunked.mapped, file: chunked.file, fileIndex: chunked.fileIndex,
                                    isObject: chunked.isObject, starts: starts, recordsPerChunk: chunked.recordsPerChunk)
        for section in [chunked, broken] {
            var keys: [String] = []
            let problem = section.read(makeBatch: { [String]() }, decode: { reader, key, _, batch in batch.append(reader.tree.text(key)) }, commit: { records, _ in keys += records })
            #expect(problem == nil)
            #expect(keys == (0..<40).map { "k\($0)" })
        }
    }

    @Test("chunk starts fall just after the commas between records, never inside a string")
    func chunkStarts() throws {
        let text = "{\"events\": {\"a\": {\"t\": \"x, y\"}, \"b\": [1, 2], \"c,\": {}, \"d\": \"}, \"}"
        let document = try GraphDocument.open(name: "g.json", index: 0, text: text + "}", limits: InputLimits(), recordsPerChunk: 1).get()
        let section = try #require(document.top.entries(document.root!).first { $0.key == "events" }?.value)
        let chunked = try #require(document.chunkedSection(section))
        let bytes = Array((text + "}").utf8)
        #expect(chunked.starts.count == 4)
        for start in chunked.starts.dropFirst() {
            #expect(bytes[start - 1] == UInt8(ascii: ","))
            #expect(bytes[start] == UInt8(ascii: " ") && bytes[start + 1] == UInt8(ascii: "\""))
        }
    }

    @Test("event keys, role names and ids written with \\u escapes are read as the same fields and ids, whole and in chunks")
    func escapedKeysAndIDs() throws {
        // Every 5th event spells its keys and ids with escapes (\u006b = k, \u0065 = e, \u006f = o).
        let escaped = try Self.write(Self.graph(events: 600) { i in
            guard i % 5 == 0 else { return nil }
            return """
            "\\u0065\(i)": {"\\u006bind": "meeting", "date": "2001-02-03", "titl\\u0065": "Meeting \(i)", \
            "participant\\u0073": ["\\u006f\(i % 60)", "o\((i * 7 + 1) % 60)"], "sources": [{"sourc\\u0065": "s1", "quote": "q\(i)"}]}
            """
        })
        let plain = try Self.write(Self.graph(events: 600) { i in
            guard i % 5 == 0 else { return nil }
            return """
            "e\(i)": {"kind": "meeting", "date": "2001-02-03", "title": "Meeting \(i)", \
            "participants": ["o\(i % 60)", "o\((i * 7 + 1) % 60)"], "sources": [{"source": "s1", "quote": "q\(i)"}]}
            """
        })
        let expected = Self.load(plain, recordsPerChunk: 0)
        #expect(expected.answers != nil, "\(expected.diagnostics)")
        for perChunk in [0, 7] {
            let read = Self.load(escaped, recordsPerChunk: perChunk)
            #expect(read.answers == expected.answers)
            #expect(read.diagnostics == expected.diagnostics)
        }
    }

    @Test("a repeated or escaped-repeated key in an event is reported once, at the repeat, whole and in chunks")
    func repeatedKeys() throws {
        let path = try Self.write(Self.graph(events: 40) { i in
            switch i {
            case 3: return "\"e3\": {\"kind\": \"meeting\", \"date\": \"2001\", \"title\": \"A\", \"title\": \"B\", \"participants\": [\"o1\"], \"sources\": [{\"source\": \"s1\"}]}"
            case 9: return "\"e9\": {\"kind\": \"meeting\", \"date\": \"2001\", \"title\": \"A\", \"titl\\u0065\": \"B\", \"participants\": [\"o1\"], \"sources\": [{\"source\": \"s1\", \"source\": \"s1\"}]}"
            default: return nil
            }
        })
        let whole = Self.load(path, recordsPerChunk: 0)
        #expect(whole.answers == nil)
        let lines = whole.diagnostics.split(separator: "\n")
        #expect(lines.filter { $0.contains("'title' is given twice in event 'e3'") }.count == 1)
        #expect(lines.filter { $0.contains("'title' is given twice in event 'e9'") }.count == 1)
        #expect(lines.filter { $0.contains("'source' is given twice in evidence of event 'e9'") }.count == 1)
        #expect(Self.load(path, recordsPerChunk: 3).diagnostics == whole.diagnostics)
    }

    @Test("keys that are the same text in different Unicode forms (é composed and decomposed) count as one key given twice, as text comparison says")
    func canonicallyEqualKeys() throws {
        let composed = "r\u{E9}le", decomposed = "re\u{301}le"
        let path = try Self.write(Self.graph(events: 30) { i in
            i == 4 ? "\"e4\": {\"kind\": \"meeting\", \"date\": \"2001\", \"title\": \"A\", \"\(composed)\": \"x\", \"\(decomposed)\": \"y\", \"participants\": [\"o1\"], \"sources\": [{\"source\": \"s1\"}]}" : nil
        })
        let whole = Self.load(path, recordsPerChunk: 0)
        #expect(whole.answers == nil)
        #expect(whole.diagnostics.contains("is given twice in event 'e4'"))
        #expect(Self.load(path, recordsPerChunk: 3).diagnostics == whole.diagnostics)
    }
}
