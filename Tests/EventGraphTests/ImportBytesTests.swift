import Foundation
import Testing
@testable import EventGraph

/// Rows are mapped on their cells' UTF-8 bytes (``ImportText``, ``ValueTable``, ``ActorNames``,
/// ``CSVReader/append(_:to:)``) and in pieces of the file on two threads (``RowEvaluator``):
/// each byte rule must give what the `String` rule it replaces gives, and a table read in
/// many pieces must import exactly as in one.
struct ImportBytesTests {
    /// Awkward texts: ASCII and Unicode white space at either end, a space before a combining
    /// mark or after a prepended mark, CRLF, NBSP, composed and decomposed letters, the Kelvin
    /// sign, a leading `'`, separators at the ends.
    static let texts = [
        "", " ", "\t\r\n ", "plain", "  padded  ", "\r\nline\r\n", "\u{A0}nbsp\u{A0}", " \u{301}accent", "x \u{301}",
        "\u{600} ", "Côte d'Ivoire", "Cote\u{301} d'Ivoire ", "Ünïcödé", "ÄB", "\u{212A}elvin", "İstanbul", "'=formula",
        "a|b| |c|", "|", "a, b ,c", "Government, Police", "United\u{2028}Kingdom", "12 Ltd.", "ООО Ромашка", "日本",
    ]

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The `String` rule the mapped import split values by before it worked on bytes: at every
    /// `separator`, compared as bytes; the text itself when it has none.
    static func parts(_ text: String, _ separator: String) -> [String] {
        let sep = Array(separator.utf8), b = Array(text.utf8)
        guard let first = sep.first else { return [text] }
        var result: [String] = []
        var start = 0, i = 0
        while i + sep.count <= b.count {
            if b[i] == first && Array(b[i..<(i + sep.count)]) == sep {
                result.append(String(decoding: b[start..<i], as: UTF8.self))
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        if result.isEmpty { return [text] }
        result.append(String(decoding: b[start..<b.count], as: UTF8.self))
        return result
    }

    @Test("trimming, lower case and splitting on bytes give the String rules' results", arguments: texts)
    func textRules(text: String) {
        var buf = Self.bytes(text)
        let trimmed = ImportText.trim(&buf, 0..<text.utf8.count)
        #expect(ImportText.string(buf, trimmed) == text.trimmingWhitespace())
        var lower = Self.bytes(text)
        let lowered = ImportText.lowercase(&lower, 0..<text.utf8.count)
        #expect(ImportText.string(lower, lowered) == text.lowercased())
        for separator in ["|", ",", ", ", ""] {
            var parts: [String] = []
            ImportText.forEachPart(Self.bytes(text), 0..<text.utf8.count, separator: separator) { parts.append(ImportText.string(Self.bytes(text), $0)) }
            #expect(parts == Self.parts(text, separator), "split \(text.debugDescription) at \(separator.debugDescription)")
        }
    }

    @Test("ids made from bytes are the String rule's ids", arguments: texts + ["30000000", "story-20000000", "Agency 7, \"Press\"", String(repeating: "Long Name ", count: 12), "---", "a-b"])
    func slugs(text: String) {
        #expect(ImportText.slug(Self.bytes(text), 0..<text.utf8.count, prefix: "e") == ImportRun.slug(text, prefix: "e"))
    }

    @Test("JSON strings written from bytes escape as before: quotes, backslashes, control characters, U+2028/9")
    func jsonEscaping() {
        for text in Self.texts + ["say \"hi\"", "back\\slash", "tab\there", "bell\u{7}", "\u{2029}", "\u{E2}\u{80}", "0123456789abcdef\"0123456789"] {
            var out: [UInt8] = []
            JSONBytes.string(text, into: &out)
            let decoded = try? JSONSerialization.jsonObject(with: Data(out), options: [.fragmentsAllowed]) as? String
            #expect(decoded == text, "\(text.debugDescription) → \(String(decoding: out, as: UTF8.self))")
            #expect(!String(decoding: out, as: UTF8.self).contains("\u{2028}"))
        }
    }

    @Test("a CSV field's bytes are its text: doubled quotes, quoted commas and line breaks, CRLF, a BOM, non-ASCII and bytes that are not UTF-8")
    func csvCells() {
        var file: [UInt8] = [0xEF, 0xBB, 0xBF]
        file += Array("a,\"b, \"\"quoted\"\"\",\"line\r\nbreak\"\r\nCôte,\"\",x\n".utf8)
        file += [0x62, 0xFF, 0x61, 0x64, 0x2C, 0xC3, 0x0A]
        file.withUnsafeBufferPointer { bytes in
            var reader = CSVReader(bytes)
            var rows = 0
            while reader.next() {
                rows += 1
                for field in reader.fields {
                    var out: [UInt8] = [9, 9]
                    let r = reader.append(field, to: &out)
                    #expect(r.lowerBound == 2)
                    #expect(ImportText.string(out, r) == reader.text(field))
                }
            }
            #expect(rows == 3)
        }
    }

    @Test("value tables looked up by bytes: exact, by lower case, by longest prefix, keys written in another Unicode form")
    func valueTables() {
        let table = ["01": "statement", "011": "comment", "Government": "government", "Police": "government", "Côte d'Ivoire": "CI",
                     "Cote\u{301} d'Azur": "FR", "\u{212A}": "kelvin", "": "empty", "a\r\nb": "crlf"]
        var folded: [String: String] = [:]
        for (key, value) in table.sorted(by: { $0.key < $1.key }) where folded[key.lowercased()] == nil { folded[key.lowercased()] = value }
        let lookup = ValueTable(table, folded: folded)
        func stringRule(_ candidate: String, prefix: Bool) -> String? {
            if let v = table[candidate] ?? folded[candidate.lowercased()] { return v }
            guard prefix, let key = table.keys.filter({ candidate.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { return nil }
            return table[key]
        }
        for candidate in ["01", "011", "0115", "019", "1", "government", "POLICE", "Côte d'Ivoire", "Cote\u{301} d'Ivoire", "Côte d'Azur",
                          "K", "k", "Kx", "", "a\r\nb", "a\r", "x"] {
            for prefix in [false, true] {
                #expect(lookup.lookup(Self.bytes(candidate), 0..<candidate.utf8.count, prefix: prefix) == stringRule(candidate, prefix: prefix),
                        "\(candidate.debugDescription), prefix \(prefix)")
            }
        }
    }

    @Test("actor names by bytes: an id names its actor first, a name names the actor made for it, texts compare as Strings do")
    func actorNames() {
        var names = ActorNames()
        names.addName("Côte d'Ivoire", id: "cote-d-ivoire", replacing: true)
        names.addID("france")
        names.addName("france", id: "other", replacing: true)
        names.addName("Paris", id: "paris", replacing: false)
        names.addName("Paris", id: "paris-2", replacing: false)
        names.addName("Lyon", id: "lyon", replacing: false)
        names.addName("Lyon", id: "lyon-2", replacing: true)
        func find(_ text: String) -> String? { names.find(Self.bytes(text), 0..<text.utf8.count).map { names.id($0) } }
        #expect(find("Co\u{302}te d'Ivoire") == "cote-d-ivoire")
        #expect(find("france") == "france")
        #expect(find("Paris") == "paris")
        #expect(find("Lyon") == "lyon-2")
        #expect(find("paris") == nil)
    }

    @Test("an id index finds what a dictionary of the same ids finds, through growth, reserving and moves", arguments: [0, 10, 5_000])
    func idIndex(reserved: Int) {
        var index = IDIndex(), reference: [String: Int] = [:]
        index.reserve(reserved)
        var generator = SeededGenerator(seed: UInt64(reserved) + 7)
        for step in 0..<3_000 {
            let id = "e\(generator.next() % 1_200)" + (step % 3 == 0 ? "-a-longer-id-than-sixteen-bytes" : "")
            index.set(id, at: step)
            reference[id] = step
        }
        #expect(index.count == reference.count)
        for (id, position) in reference { #expect(index[id] == position) }
        #expect(index["absent"] == nil && index[""] == nil)
        #expect(index.idsByPosition == reference.sorted { $0.value < $1.value }.map(\.key))
    }

    /// A table with quoted line breaks, CRLF and CR-only lines, blank lines and syntax errors.
    static func awkwardTable(syntaxError: Bool) -> String { "Event ID,Event Date,Source Name,Source Sectors,Source Country,Event Text,CAMEO Code,Intensity,Target Name,Target Sectors,Target Country,Story ID,Sentence Number,Publisher\r\n"
        + (0..<120).map { n in
            let name = n % 7 == 0 ? "\"Agency \(n % 5), \"\"Press\"\"\"" : n % 11 == 0 ? "\"Line\nBreak \(n % 3)\"" : "Côte d'Ivoire"
            let end = n % 13 == 0 ? "\r" : n % 5 == 0 ? "\r\n\r\n" : "\n"
            let date = n % 17 == 3 ? "2015-13-40" : "2015-0\(1 + n % 9)-1\(n % 9)"
            let code = n % 19 == 4 ? "990" : "0\(1 + n % 9)\(n % 10)"
            let target = n % 23 == 6 ? "" : "Ministry \(n % 4)"
            let bad = syntaxError && n == 90 ? "x\"y" : "Consult"
            return "\(n),\(date),\(name),Media,France,\(bad),\(code),1.5,\(target),Government,Japan,\(n / 3),\(n % 4),Xinhua\(end)"
        }.joined() + "\n\n" }

    @Test("a table read in pieces of a few bytes imports exactly as in one piece: bytes, diagnostics, skipped rows",
          arguments: [false, true])
    func pieces(skipBadRows: Bool) throws {
        let mapping = try #require(ImportMapping.builtIn("icews"))
        let input = MappedImportTests.input("awkward.csv", Self.awkwardTable(syntaxError: false))
        for syntax in [MappedImporter.OutputSyntax.json, .yaml] {
            let whole = MappedImporter(mapping: mapping)
            var pieces = MappedImporter(mapping: mapping)
            pieces.pieceSize = 150
            let a = Result(catching: { () throws(InputError) in try whole.run([input], skipBadRows: skipBadRows, syntax: syntax) })
            let b = Result(catching: { () throws(InputError) in try pieces.run([input], skipBadRows: skipBadRows, syntax: syntax) })
            switch (a, b) {
            case let (.success(x), .success(y)):
                #expect(x.bytes == y.bytes)
                #expect(x.summary == y.summary)
                #expect(x.skipped == y.skipped && x.skippedRows == y.skippedRows && x.notes == y.notes)
                if skipBadRows { #expect(x.skippedRows > 0) }
            case let (.failure(x), .failure(y)):
                #expect(x.diagnostics == y.diagnostics)
                #expect(!skipBadRows)
            default:
                Issue.record("one way failed and the other did not: \(a) / \(b)")
            }
        }
    }

    @Test("the cuts of a CSV file fall on record starts: reading from each gives the same records as reading straight through")
    func cuts() {
        let bytes = Array(Self.awkwardTable(syntaxError: true).utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var straight = CSVReader(buffer)
            var lines: [Int] = []
            var texts: [[String]] = []
            while straight.next() {
                lines.append(straight.recordLine)
                texts.append(straight.fields.map { straight.text($0) })
            }
            for size in [1, 40, 333, 100_000] {
                let starts = CSVReader(buffer).cuts(every: size)
                var piecewise: [Int] = []
                var piecewiseTexts: [[String]] = []
                var problems: [String] = []
                for (k, start) in starts.enumerated() {
                    var reader = CSVReader(buffer, at: start)
                    while reader.next(before: k + 1 < starts.count ? starts[k + 1].offset : buffer.count) {
                        piecewise.append(reader.recordLine)
                        piecewiseTexts.append(reader.fields.map { reader.text($0) })
                    }
                    problems += reader.problems.map { "\($0.line):\($0.column) \($0.message)" }
                }
                #expect(piecewise == lines, "pieces of \(size) bytes")
                #expect(piecewiseTexts == texts)
                #expect(problems == straight.problems.map { "\($0.line):\($0.column) \($0.message)" })
            }
        }
    }
}
