import Foundation

/// The block-style record sections of a YAML document as its lines show them, found without
/// libyaml: a line `events:` (or another record section's name) at the start of a line, then
/// records that each start a line with exactly the section's indentation (a list's with `- `),
/// up to the first line written less indented.
///
/// This is what lets the reader's first pass skip the section's text (``YAMLEventReader``):
/// libyaml sees the document with each section's records replaced by one stand-in record (the
/// reader numbers the lines after it as the document does), and each chunk of the records is
/// parsed alone when the validator reads it. The scan only proposes; nothing it finds is trusted
/// until libyaml agrees: the first pass must find each section where the scan put it, and
/// every chunk must parse alone without a problem into the records the scan counted in it.
/// A line that looks like a record start inside a quoted scalar or a flow collection leaves
/// the chunk before it unterminated (a syntax error in that chunk); a block scalar's or a plain
/// scalar's lines are always more indented than the section's records, so they never look
/// like one. Whatever does not agree sends the document to the exact two-pass reading.
struct YAMLSectionScan {
    /// One section as the scan sees it.
    struct Section {
        let isMapping: Bool
        /// The records' indentation (spaces).
        let indent: Int
        /// The first record's line (from 0, as libyaml counts) and where it starts.
        let firstLine: Int
        let bodyStart: Int
        /// Where the section's text ends: the start of the first line after it (or the end).
        var end = 0
        /// The line feeds from `bodyStart` to `end`.
        var lineFeeds = 0
        /// Per chunk (every `recordsPerChunk`-th record): where its first line starts, that
        /// line, and the records before it.
        var starts: [Int] = []
        var lines: [Int] = []
        var records: [Int] = []
        var count = 0
    }

    private(set) var sections: [Section] = []

    private static let sectionNames: [[UInt8]] = GraphDocument.recordSections.sorted().map { Array($0.utf8) }

    /// Scans `bytes` (every line break a line feed or CR LF); nil when there is no such section,
    /// or a section's line has a tab in its indentation, or a record's line starts with a
    /// character that could make it something else than a plain or quoted key (`?`, `-`, `&`,
    /// `{`, …): such documents are read the exact way.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, recordsPerChunk: Int) {
        guard let base = bytes.baseAddress, recordsPerChunk > 0 else { return nil }
        let count = bytes.count
        var line = 0
        var at = 0
        /// Inside a section: its index in `sections` (the last), its records' indentation and kind.
        var inSection = false
        var indent = 0
        var isMapping = true
        while at < count {
            let (lineEnd, hasFeed, spaces, first, second) = Self.line(base, count, at: at)
            // A tab where a line's indentation is: libyaml decides what it is.
            if first == 0x09 && inSection { return nil }
            let isBlank = first == 0x0A || first == 0x23 || (first == 0x0D && second == 0x0A)
            if inSection && !isBlank {
                let dash = first == 0x2D && (second == 0x20 || second == 0x0A || second == 0x0D)
                if spaces < indent || (spaces == indent && !isMapping && !dash) {
                    sections[sections.count - 1].end = at
                    inSection = false
                } else if spaces == indent {
                    if isMapping && Self.cannotStartKey(first) { return nil }
                    let last = sections.count - 1
                    let record = sections[last].count
                    if record % recordsPerChunk == 0 {
                        sections[last].starts.append(at)
                        sections[last].lines.append(line)
                        sections[last].records.append(record)
                    }
                    sections[last].count = record + 1
                }
            }
            if !inSection && spaces == 0 && Self.isSectionHeader(base + at, lineEnd - at),
               let section = Self.firstRecord(base, count, after: lineEnd, line: line + 1) {
                // Go on from the first record's line (counted as the section's next line).
                sections.append(section)
                inSection = true
                indent = section.indent
                isMapping = section.isMapping
                at = section.bodyStart
                line = section.firstLine
                continue
            }
            if inSection && hasFeed { sections[sections.count - 1].lineFeeds += 1 }
            guard hasFeed else { break }
            at = lineEnd + 1
            line += 1
        }
        if inSection { sections[sections.count - 1].end = count }
        guard !sections.isEmpty else { return nil }
    }

    /// The line starting at byte `at`: where it ends (its line feed, or the end of the text),
    /// whether a line feed ends it, its indentation (spaces) and its first two characters after
    /// them (a line feed past its end: a blank line).
    private static func line(_ base: UnsafePointer<UInt8>, _ count: Int, at: Int)
        -> (end: Int, hasFeed: Bool, spaces: Int, first: UInt8, second: UInt8) {
        let hit = memchr(base + at, 0x0A, count - at)
        let end = hit.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
        var spaces = 0
        while at + spaces < end && base[at + spaces] == 0x20 { spaces += 1 }
        let first: UInt8 = at + spaces < end ? base[at + spaces] : 0x0A
        let second: UInt8 = at + spaces + 1 < end ? base[at + spaces + 1] : 0x0A
        return (end, hit != nil, spaces, first, second)
    }

    /// Characters that make a line at the records' indentation something else than a plain or
    /// quoted key of a block mapping (or that a plain key cannot start with).
    private static func cannotStartKey(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), 0x0D:
            return true
        default:
            return false
        }
    }

    /// Whether the line (`length` bytes from `start`, without its line feed) is a record
    /// section's name, a colon and nothing else (trailing spaces, a comment, a CR).
    private static func isSectionHeader(_ start: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        for name in sectionNames where length > name.count && start[name.count] == UInt8(ascii: ":")
            && memcmp(start, name, name.count) == 0 {
            var i = name.count + 1
            while i < length && start[i] == 0x20 { i += 1 }
            return i == length || (start[i] == 0x23 && i > name.count + 1) || (start[i] == 0x0D && i + 1 == length)
        }
        return false
    }

    /// The first line after a section header (from byte `at`, line `line`) that is not blank
    /// or a comment, when it starts a block section's record: more indented for a mapping, a
    /// `- ` at any indentation for a list. (The header's line feed is at `headerEnd`.)
    private static func firstRecord(_ base: UnsafePointer<UInt8>, _ count: Int, after headerEnd: Int, line: Int) -> Section? {
        var at = headerEnd + 1
        var line = line
        while at < count {
            let (lineEnd, hasFeed, spaces, first, second) = Self.line(base, count, at: at)
            if first == 0x09 { return nil }
            if first == 0x0A || first == 0x23 || (first == 0x0D && second == 0x0A) {
                guard hasFeed else { return nil }
                at = lineEnd + 1
                line += 1
                continue
            }
            if first == 0x2D && (second == 0x20 || second == 0x0A || second == 0x0D) {
                return Section(isMapping: false, indent: spaces, firstLine: line, bodyStart: at)
            }
            guard spaces > 0, !cannotStartKey(first) else { return nil }
            return Section(isMapping: true, indent: spaces, firstLine: line, bodyStart: at)
        }
        return nil
    }

    /// Where the first pass's text (``presented(_:)``) and the document differ, per section.
    struct Shift {
        /// The end of the stand-in (and its line feed) in the first pass's text, and how much
        /// further on the byte there is in the document.
        let presentedEnd: Int
        let delta: Int
        /// The stand-in's line in the first pass's text, and the lines the document has more
        /// than it from the line after it on (this section's and the sections' before).
        let standInLine: Int
        let linesLeftOut: Int
    }

    /// The text the first pass parses: the document with each section's records replaced by
    /// ``standIn(_:)`` and one line feed (libyaml then reads a line per section, not one per
    /// line of records), and the shifts that give a byte or line of it in the document.
    func presented(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: [UInt8], shifts: [Shift]) {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count - sections.reduce(0) { $0 + ($1.end - $1.bodyStart) } + 64 * sections.count)
        var shifts: [Shift] = []
        var from = 0
        var linesLeftOut = 0
        for section in sections {
            text.append(contentsOf: bytes[from..<section.bodyStart])
            text.append(contentsOf: Self.standIn(section))
            let standInLine = section.firstLine - linesLeftOut
            if section.lineFeeds > 0 {
                text.append(0x0A)
                linesLeftOut += section.lineFeeds - 1
            }
            shifts.append(Shift(presentedEnd: text.count, delta: section.end - text.count, standInLine: standInLine,
                                linesLeftOut: linesLeftOut))
            from = section.end
        }
        text.append(contentsOf: bytes[from...])
        return (text, shifts)
    }

    /// The one record the first pass sees in place of a section's: a key `k` with no value, or
    /// a list item with none, at the section's indentation.
    static func standIn(_ section: Section) -> [UInt8] {
        Array(repeating: 0x20, count: section.indent) + Array((section.isMapping ? "k:" : "-").utf8)
    }

    /// The values of a stand-in record (counted by the first pass towards the alias bound).
    static func standInValues(_ section: Section) -> Int { section.isMapping ? 2 : 1 }
}
