import Foundation
import Testing
@testable import EventGraph

/// Block sections left out of the YAML reader's first pass (``YAMLSectionScan``) and checked
/// chunk by chunk as they are read (``YAMLSectionCheck``): a document the chunks vouch for gives
/// the answers of the exact two-pass reading, and anything they cannot vouch for sends it back
/// to that reading, so every diagnostic is the exact reading's, byte for byte.
struct YAMLSkimmedSectionTests {
    /// How `text` fares when its sections are skimmed, in chunks of `perChunk` records: how many
    /// sections pass 1 left to their chunks (0: the exact reading was used from the start), and
    /// whether reading them (as the validator does) sends the document back to the exact reading.
    static func skimming(_ text: String, perChunk: Int, limits: InputLimits = InputLimits()) throws
        -> (sections: Int, needsExactRead: Bool)? {
        guard case let .success(document) = GraphDocument.open(name: "g.yaml", index: 0, text: text, limits: limits,
                                                                recordsPerChunk: perChunk, skimsSections: true),
              let root = document.root else { return nil }
        var sections = 0
        let entries = document.top.entries(root).filter { GraphDocument.recordSections.contains($0.key) }
            .sorted { document.top[$0.keyNode].mark < document.top[$1.keyNode].mark }
        document.readingRecords {
            for entry in entries {
                if let chunked = document.chunkedSection(entry.value) {
                    if chunked.yaml?.layout.isCheckedByChunks == true { sections += 1 }
                    _ = chunked.read(makeBatch: { 0 }, decode: { _, _, _, count in count += 1 }, commit: { _, _ in })
                } else {
                    _ = document.forEachRecord(in: entry.value) { _, _, _ in }
                }
            }
        }
        return (sections, document.needsExactRead)
    }

    /// The answers or diagnostics of `text` read on two threads in chunks of 1, 3 and 512 records
    /// (sections skimmed) equal those of the exact one-thread reading; returns the latter.
    @discardableResult
    static func expectSameAsExact(_ text: String, limits: InputLimits = InputLimits(),
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> (answers: [String: String]?, diagnostics: String) {
        let exact = load(text, recordsPerChunk: 0, limits: limits)
        for perChunk in [1, 3, 512] {
            let read = load(text, recordsPerChunk: perChunk, limits: limits)
            #expect(read.diagnostics == exact.diagnostics, "chunks of \(perChunk)", sourceLocation: sourceLocation)
            #expect(read.answers == exact.answers, "chunks of \(perChunk)", sourceLocation: sourceLocation)
        }
        return exact
    }

    /// Loads `text` as `g.yaml` with `recordsPerChunk` (0: one thread, read the exact way): the
    /// answers, or the diagnostics as text.
    static func load(_ text: String, recordsPerChunk: Int, limits: InputLimits = InputLimits())
        -> (answers: [String: String]?, diagnostics: String) {
        var loader = GraphLoader(limits: limits)
        loader.recordsPerChunk = recordsPerChunk
        do {
            let graph = try loader.load([InputDocument(name: "g.yaml", text: text)])
            return (SyntaxEquivalenceTests.answers(graph), graph.warnings.map(\.description).joined(separator: "\n"))
        } catch {
            return (nil, error.description)
        }
    }

    /// A valid event of the block graph, its title written as `title` (one or more lines).
    static func event(_ i: Int, title: String) -> String {
        "  e\(i):\n    kind: meeting\n    date: \"2020\"\n    title: \(title)\n    participants: [o1, o2]\n    sources:\n      - source: s1"
    }

    @Test("a valid block-style graph is read with its four sections left to their chunks, with the answers of the exact reading")
    func validGraphIsSkimmed() throws {
        let (yaml, answers) = try YAMLReadingTests.blockGraph(events: 600)
        for perChunk in [1, 7, 512] {
            let skim = try #require(try Self.skimming(yaml, perChunk: perChunk))
            #expect(skim.sections == 4, "chunks of \(perChunk)")
            #expect(!skim.needsExactRead, "chunks of \(perChunk)")
        }
        let exact = try Self.expectSameAsExact(yaml)
        #expect(exact.answers == answers)
    }

    @Test("the scan finds a section's records at its indentation, cutting every n-th; comments, blank lines and deeper lines are not records")
    func scanFindsRecordStarts() throws {
        let text = "title: T\n# a comment\nevents:  # the events\n\n  k0:\n    n: 0\n# at the margin\n\n  k1:\n    n: |\n      k9:\n  k2: {n: 2}\n  \"k3\":\n    n: 3\nrelations:\n- a: 1\n  b: 2\n-   c: 3\n"
        let bytes = Array(text.utf8)
        let scan = try #require(bytes.withUnsafeBufferPointer { YAMLSectionScan($0, recordsPerChunk: 2) })
        #expect(scan.sections.count == 2)
        let events = scan.sections[0], relations = scan.sections[1]
        #expect(events.isMapping && events.indent == 2 && events.count == 4 && events.firstLine == 4)
        #expect(events.lines == [4, 11])
        #expect(events.starts.map { String(decoding: bytes[$0..<($0 + 5)], as: UTF8.self) } == ["  k0:", "  k2:"])
        #expect(String(decoding: bytes[events.end...].prefix(10), as: UTF8.self) == "relations:")
        #expect(!relations.isMapping && relations.indent == 0 && relations.count == 2 && relations.end == bytes.count)
        // The first pass's text: one stand-in record a section, a line each; the lines after
        // them are numbered back to the document's.
        let (presented, shifts) = bytes.withUnsafeBufferPointer { scan.presented($0) }
        let lines = String(decoding: presented, as: UTF8.self).components(separatedBy: "\n")
        #expect(lines == ["title: T", "# a comment", "events:  # the events", "", "  k:", "relations:", "-", ""])
        #expect(shifts.map(\.standInLine) == [4, 6] && shifts.map(\.linesLeftOut) == [9, 11])
        #expect(shifts.map { $0.presentedEnd + $0.delta } == [events.end, relations.end])
        // Records that could be something else than a key (`? k`, an anchor, a tab) are not scanned.
        for odd in ["  ? k\n  : 1\n", "  &a k: 1\n", "  k: 1\n \t k2: 2\n"] {
            let other = Array(("events:\n  k0: 0\n" + odd).utf8)
            #expect(other.withUnsafeBufferPointer { YAMLSectionScan($0, recordsPerChunk: 2) } == nil, "\(odd)")
        }
    }

    @Test("a block scalar whose lines look like records (deeper, as a block scalar's must be) is read from its chunks, as the exact reading reads it")
    func blockScalarWithRecordLikeLines() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 40)
        let yaml = YAMLReadingTests.replacing(record: "e5", in: valid, with: Self.event(5, title: "|\n      e6:\n        kind: x\n\n      # not a comment"))
        for perChunk in [1, 3] {
            let skim = try #require(try Self.skimming(yaml, perChunk: perChunk))
            #expect(skim.sections == 4 && !skim.needsExactRead, "chunks of \(perChunk)")
        }
        let exact = try Self.expectSameAsExact(yaml)
        #expect(exact.answers != nil, "\(exact.diagnostics)")
    }

    @Test("a quoted scalar or flow list over several lines, one of them like a record start, leaves its chunk unterminated: the exact reading decides")
    func quotedAndFlowLinesLikeRecordStarts() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 40)
        let quoted = YAMLReadingTests.replacing(record: "e5", in: valid, with: Self.event(5, title: "\"first line\n  e77: second line\""))
        let single = YAMLReadingTests.replacing(record: "e5", in: valid, with: Self.event(5, title: "'first line\n  e77: second'"))
        let flow = YAMLReadingTests.replacing(record: "e5", in: valid,
                                              with: "  e5:\n    kind: meeting\n    date: \"2020\"\n    title: T\n    participants: [o1,\n  o2]\n    sources:\n      - source: s1")
        for text in [quoted, single, flow] {
            let skim = try #require(try Self.skimming(text, perChunk: 1))
            #expect(skim.needsExactRead)
            try Self.expectSameAsExact(text)
        }
    }

    @Test("a plain scalar over several lines: deeper lines continue it; a line at the records' indentation is a broken record, with the exact reading's message")
    func plainMultiLineScalars() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 40)
        let deeper = YAMLReadingTests.replacing(record: "e5", in: valid, with: Self.event(5, title: "first\n      e6 and more"))
        let skim = try #require(try Self.skimming(deeper, perChunk: 3))
        #expect(skim.sections == 4 && !skim.needsExactRead)
        #expect(try Self.expectSameAsExact(deeper).answers != nil)
        let shallow = YAMLReadingTests.replacing(record: "e5", in: valid, with: Self.event(5, title: "first\n  second"))
        let exact = try Self.expectSameAsExact(shallow)
        #expect(exact.diagnostics.contains("not valid YAML"), "\(exact.diagnostics)")
    }

    @Test("anchors, aliases (across chunks, and into a later section) and tags in a skimmed section send the document to the exact reading")
    func anchorsAliasesAndTags() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 40)
        var across = valid.replacingOccurrences(of: "  e3:\n    kind: meeting", with: "  e3:\n    kind: &k meeting")
        across = YAMLReadingTests.replacing(record: "e30", in: across, with: Self.event(30, title: "*k"))
        let undefined = YAMLReadingTests.replacing(record: "e30", in: valid, with: Self.event(30, title: "*nowhere"))
        let intoLater = valid.replacingOccurrences(of: "  e3:\n    kind: meeting", with: "  e3:\n    kind: &k meeting")
            + (valid.hasSuffix("\n") ? "" : "\n") + "x: *k\n"
        let tagged = YAMLReadingTests.replacing(record: "e12", in: valid, with: Self.event(12, title: "!!str T"))
        for text in [across, tagged] {
            #expect(try #require(try Self.skimming(text, perChunk: 3)).needsExactRead)
        }
        #expect(try Self.expectSameAsExact(across).answers != nil)
        #expect(try Self.expectSameAsExact(tagged).answers != nil)
        #expect(try Self.expectSameAsExact(undefined).diagnostics.contains("found undefined alias"))
        // The alias after the section finds no anchor in pass 1's text: the exact reading is used from the start.
        #expect(try #require(try Self.skimming(intoLater, perChunk: 3)).sections == 0)
        try Self.expectSameAsExact(intoLater)
    }

    @Test("a syntax error deep in a large section gives the exact reading's message and position")
    func syntaxErrorDeepInASection() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 600)
        let broken = YAMLReadingTests.replacing(record: "e450", in: valid,
                                                with: "  e450:\n    kind: meeting\n    date: \"2020\n    title: [T\n    participants: o1: o2")
        #expect(try #require(try Self.skimming(broken, perChunk: 64)).needsExactRead)
        let exact = try Self.expectSameAsExact(broken)
        #expect(exact.answers == nil)
        #expect(exact.diagnostics.hasPrefix("g.yaml:") && exact.diagnostics.contains("not valid YAML"), "\(exact.diagnostics)")
        // Tabs, a lone record at the margin, a second document.
        for edit in ["  e451:\n\tkind: meeting", "e451:\n    kind: meeting", "---\n  e451:\n    kind: meeting"] {
            let text = YAMLReadingTests.replacing(record: "e451", in: valid, with: edit)
            #expect(try Self.expectSameAsExact(text).answers == nil, "\(edit)")
        }
    }

    @Test("keys given twice in a record of a large section, and records given twice in different chunks, are the exact reading's diagnostics")
    func repeatedKeysInASection() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 600)
        let inRecord = YAMLReadingTests.replacing(record: "e300", in: valid, with: Self.event(300, title: "T\n    title: U"))
        let nested = YAMLReadingTests.replacing(record: "e301", in: valid, with: Self.event(301, title: "T\n    amount: {value: 1, value: 2}"))
        let twice = YAMLReadingTests.replacing(record: "e500", in: valid, with: Self.event(5, title: "T"))
        let composed = YAMLReadingTests.replacing(record: "e500", in: valid, with: "  \"\u{E9}\":\n    kind: meeting")
        let both = YAMLReadingTests.replacing(record: "e20", in: composed, with: "  \"e\u{301}\":\n    kind: meeting")
        let kelvin = YAMLReadingTests.replacing(record: "e302", in: valid, with: Self.event(302, title: "T\n    amount: {K: 1, \"\u{212A}\": 2}"))
        for text in [inRecord, nested, twice, both, kelvin] {
            #expect(try #require(try Self.skimming(text, perChunk: 64)).needsExactRead)
            let exact = try Self.expectSameAsExact(text)
            #expect(exact.diagnostics.contains("given twice in the same mapping"), "\(exact.diagnostics)")
        }
    }

    @Test("a record's mapping of many keys, and keys that differ only past ASCII, are left to the exact reading or read as it reads them")
    func manyAndNonASCIIKeys() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 100)
        let many = YAMLReadingTests.replacing(record: "e40", in: valid,
            with: Self.event(40, title: "T\n    amount: {" + (0..<70).map { "k\($0): \($0)" }.joined(separator: ", ") + "}"))
        #expect(try #require(try Self.skimming(many, perChunk: 7)).needsExactRead)
        try Self.expectSameAsExact(many)
        let accents = YAMLReadingTests.replacing(record: "e41", in: valid, with: Self.event(41, title: "T\n    amount: {\u{E9}: 1, \u{E8}: 2, e: 3}"))
        let skim = try #require(try Self.skimming(accents, perChunk: 7))
        #expect(skim.sections == 4 && !skim.needsExactRead)
        try Self.expectSameAsExact(accents)
    }

    @Test("a block section the scan leaves to pass 1, after skimmed ones, is cut at its own records' lines in the document (not in pass 1's shorter text)")
    func sectionAfterSkimmedOnesIsCutInTheDocument() throws {
        let (valid, answers) = try YAMLReadingTests.blockGraph(events: 100)
        // An anchored first key: the scan does not take the events section (the last); pass 1 reads it.
        let text = valid.replacingOccurrences(of: "\n  e0:\n", with: "\n  &first e0:\n")
        #expect(text != valid)
        guard case let .success(document) = GraphDocument.open(name: "g.yaml", index: 0, text: text, limits: InputLimits(),
                                                                recordsPerChunk: 7, skimsSections: true) else {
            Issue.record("not read")
            return
        }
        let sections = document.top.entries(document.root!).filter { GraphDocument.recordSections.contains($0.key) }
        let chunked = try sections.map { try #require(document.chunkedSection($0.value)) }
        #expect(chunked.map { $0.yaml?.layout.isCheckedByChunks } == [true, true, true, false])
        let events = try #require(chunked.last)
        let bytes = Array(text.utf8)
        let firstLines = events.starts.map { String(decoding: bytes[$0...].prefix { $0 != 0x0A }, as: UTF8.self) }
        let lines = text.components(separatedBy: "\n")
        let records = lines[try #require(lines.firstIndex(of: "events:"))...].filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
        #expect(records.count == 100 && firstLines.first == "  &first e0:")
        #expect(firstLines == stride(from: 0, to: 100, by: 7).map { records[$0] })
        #expect(try Self.expectSameAsExact(text).answers == answers)
    }

    @Test("top-level values after skimmed sections are placed on their lines in the document, as the exact reading places them")
    func topLevelAfterSkimmedSections() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 50)
        let text = valid + (valid.hasSuffix("\n") ? "" : "\n") + "description: [not, text]\n"
        let skim = try #require(try Self.skimming(text, perChunk: 7))
        #expect(skim.sections == 4 && !skim.needsExactRead)
        let exact = try Self.expectSameAsExact(text)
        let last = text.components(separatedBy: "\n").count - 1
        #expect(exact.diagnostics.hasPrefix("g.yaml:\(last):14: error: description must be"), "\(exact.diagnostics)")
    }

    @Test("with several documents, one that must be read again sends them all to the exact reading: the same diagnostics")
    func severalDocuments() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 60)
        let broken = YAMLReadingTests.replacing(record: "e30", in: valid, with: Self.event(30, title: "T\n    title: U"))
        func load(_ texts: [String], perChunk: Int) -> String {
            var loader = GraphLoader()
            loader.recordsPerChunk = perChunk
            do {
                let graph = try loader.load(texts.enumerated().map { InputDocument(name: "g\($0.offset).yaml", text: $0.element) })
                return "ok " + (SyntaxEquivalenceTests.answers(graph)["validate"] ?? "")
            } catch {
                return error.description
            }
        }
        for texts in [[valid, broken], [broken, valid], [valid, valid]] {
            let exact = load(texts, perChunk: 0)
            #expect(exact.contains("given twice") || exact.contains("defined twice"), "\(exact)")
            for perChunk in [1, 7] { #expect(load(texts, perChunk: perChunk) == exact, "chunks of \(perChunk)") }
        }
    }

    @Test("comments at the margin, blank lines, CR LF line breaks and an indentless list are read from the chunks, as the exact reading reads them")
    func layoutsTheScanAccepts() throws {
        let (valid, answers) = try YAMLReadingTests.blockGraph(events: 100)
        let commented = valid.replacingOccurrences(of: "\n  e50:\n", with: "\n# a note\n\n   # another\n  e50:\n")
        let crlf = valid.replacingOccurrences(of: "\n", with: "\r\n")
        for text in [commented, crlf] {
            let skim = try #require(try Self.skimming(text, perChunk: 7))
            #expect(skim.sections == 4 && !skim.needsExactRead)
            #expect(try Self.expectSameAsExact(text).answers == answers)
        }
        // relations as a list at the margin (`- kind: …`).
        let lines = valid.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "relations:")), end = try #require(lines.firstIndex(of: "events:"))
        var indentless = lines
        for i in (start + 1)..<end { indentless[i] = String(indentless[i].dropFirst(2)) }
        let text = indentless.joined(separator: "\n")
        let skim = try #require(try Self.skimming(text, perChunk: 7))
        #expect(skim.sections == 4 && !skim.needsExactRead)
        #expect(try Self.expectSameAsExact(text).answers == answers)
    }

    @Test("aliases that expand past the bound only with a skimmed section's values counted stop the document as the exact reading does")
    func expansionBoundWithSkimmedValues() throws {
        let (valid, _) = try YAMLReadingTests.blockGraph(events: 30)
        let limits = InputLimits(minExpandedNodes: 0)
        let anchor = "x: &a [" + Array(repeating: "1", count: 200).joined(separator: ",") + "]\ny: [" + Array(repeating: "*a", count: 120).joined(separator: ",") + "]\n"
        func text(padding: Int) -> String { "#" + String(repeating: "p", count: padding) + "\n" + anchor + valid }
        func stops(_ padding: Int) throws -> Bool {
            Self.load(text(padding: padding), recordsPerChunk: 0, limits: limits).diagnostics.contains("grows past")
        }
        // The least padding (a larger file: a larger bound) with which the exact reading accepts it.
        var low = 0, high = 60_000
        #expect(try stops(low) && !(try stops(high)))
        while high - low > 1 {
            let middle = (low + high) / 2
            if try stops(middle) { low = middle } else { high = middle }
        }
        let over = text(padding: low)
        let skim = try #require(try Self.skimming(over, perChunk: 7, limits: limits))
        #expect(skim.sections == 4 && skim.needsExactRead)
        #expect(try Self.expectSameAsExact(over, limits: limits).diagnostics.contains("grows past"))
        #expect(try #require(try Self.skimming(text(padding: high), perChunk: 7, limits: limits)).needsExactRead == false)
        try Self.expectSameAsExact(text(padding: high), limits: limits)
    }
}
