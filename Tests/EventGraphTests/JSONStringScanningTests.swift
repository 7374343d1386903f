import Foundation
import Testing
@testable import EventGraph

/// The JSON reader skips string bytes eight at a time and jumps to the first quote,
/// backslash, control or non-ASCII byte of a word (``JSONParser/parseString()`` and the
/// top-level skip). These tests put such bytes at every offset of a word.
@Suite("JSON strings scanned a word at a time")
struct JSONStringScanningTests {
    /// Titles with an awkward character at each offset 0…17, between plain ASCII runs.
    static func titles() -> [String] {
        let specials = ["\"", "\\", "\n", "\t", "\u{1}", "é", "中", "😀", "/", "\u{7F}", "\u{2028}"]
        var titles: [String] = []
        for (k, special) in specials.enumerated() {
            for offset in 0..<18 {
                let before = String(repeating: "a", count: offset), after = String(repeating: "z", count: (offset * 7 + k) % 13)
                titles.append(before + special + after + special + "end")
            }
        }
        titles += ["x", String(repeating: "\\", count: 9), String(repeating: "\"", count: 17), "plain words only, nothing else"]
        return titles
    }

    /// A graph whose events have those titles (and sources with them as quotes), written by
    /// Foundation's JSON encoder, so every escape is a real encoder's.
    static func document(_ titles: [String]) throws -> String {
        var events: [String: Any] = [:]
        for (i, title) in titles.enumerated() {
            events["e\(i)"] = ["kind": "meeting", "date": "2024-01-02", "title": title, "participants": ["a", "b"],
                               "sources": [["source": "s", "quote": title]]]
        }
        let graph: [String: Any] = [
            "sources": ["s": ["title": "S"]],
            "actors": ["a": ["kind": "person", "name": "A"], "b": ["kind": "person", "name": "B"]],
            "events": events,
        ]
        let data = try JSONSerialization.data(withJSONObject: graph, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    @Test("every title with a quote, backslash, control, non-ASCII or line separator at any offset reads back exactly, whole and in chunks")
    func titlesReadBack() throws {
        let titles = Self.titles()
        let path = try ChunkedReadingTests.write(try Self.document(titles))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for perChunk in [0, 1, 7] {
            var loader = GraphLoader()
            loader.recordsPerChunk = perChunk
            let graph = try loader.load(paths: [path])
            for (i, title) in titles.enumerated() {
                let event = try #require(graph.event("e\(i)"))
                #expect(event.title == title, "chunk \(perChunk), e\(i)")
                #expect(event.sources.first?.quote == title, "chunk \(perChunk), e\(i) quote")
            }
        }
    }

    @Test("a raw control character in a string is reported at its own column, at any offset in a word")
    func controlCharacterColumn() throws {
        for offset in 0..<18 {
            let title = String(repeating: "a", count: offset) + "\u{1}" + "zz"
            let text = "{\"title\": \"\(title)\"}"
            let expected = "g.json:1:\(12 + offset): error: not valid JSON: control character in a string (write it as an escape such as \\n)"
            do {
                _ = try GraphLoader().load([InputDocument(name: "g.json", text: text)])
                Issue.record("offset \(offset): a control character in a string was accepted")
            } catch {
                #expect(error.description == expected, "offset \(offset)")
            }
        }
    }

    @Test("columns count Unicode scalars eight bytes at a time: the same count as byte by byte, for every range of random bytes")
    func scalarCount() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<61).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                for from in 0..<bytes.count {
                    for to in from...bytes.count {
                        let expected = bytes[from..<to].filter { $0 & 0xC0 != 0x80 }.count
                        if Locator.scalars(base, from, to) != expected {
                            Issue.record("bytes \(bytes), \(from)..<\(to)")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test("JSON strings are written with the escapes of the one rule wherever the awkward byte falls in a word, and read back by Foundation")
    func writtenStrings() throws {
        for title in Self.titles() + ["\u{0}\u{1F}\u{7F}", "ab\"cd\\ef\ngh\rij\tkl"] {
            let expected = ExportStreamingTests.jsonByScalars(title)
            let written = ExportSink.text { $0.writeJSONString(title) }
            #expect(written == expected, "\(title.debugDescription)")
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(written)]".utf8)) as? [String]
            #expect(decoded == [title])
        }
    }

    @Test("ByteWord's tests flag exactly the first matching byte of a word, against a byte-by-byte search over random words")
    func byteWordFirstFlag() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x5C, 0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &generator) ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator) }
            let w = bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!) }
            for target in interesting {
                let mask = ByteWord.equal(w, target)
                #expect((mask == 0) == !bytes.contains(target))
                if mask != 0 { #expect(ByteWord.first(mask) == bytes.firstIndex(of: target)!) }
            }
            let below = ByteWord.below(w, 0x20)
            #expect((below == 0) == !bytes.contains { $0 < 0x20 })
            if below != 0 { #expect(ByteWord.first(below) == bytes.firstIndex { $0 < 0x20 }!) }
            #expect(ByteWord.continuations(w).nonzeroBitCount == bytes.filter { $0 & 0xC0 == 0x80 }.count)
            #expect(ByteWord.nonASCII(w).nonzeroBitCount == bytes.filter { $0 >= 0x80 }.count)
        }
    }
}
