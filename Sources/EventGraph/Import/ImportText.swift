import Foundation

/// A mapping's text rules on the UTF-8 bytes of a row's cells, each giving what the `String`
/// rule it replaces gives (trimming white space, lower case, splitting, ids), so rows are
/// mapped without a `String` per cell. Where a rule depends on Unicode (a non-ASCII character
/// at a trimmed end, lower case beyond ASCII, ids from non-ASCII names) the bytes go through
/// that `String` rule instead: the same result, rarely needed.
///
/// Texts live in a byte buffer (a row's scratch), named by their range in it; a rule that
/// changes a text appends the result and returns its range.
enum ImportText {
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var acc: UInt8 = 0
        for x in b { acc |= x }
        return acc < 0x80
    }

    static func isASCII(_ buf: [UInt8], _ r: Range<Int>) -> Bool {
        buf.withUnsafeBufferPointer { isASCII(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    /// `Character.isWhitespace` of an ASCII character.
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    static func string(_ buf: [UInt8], _ r: Range<Int>) -> String {
        buf.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// Appends `text` and returns its range.
    static func append(_ text: String, to buf: inout [UInt8]) -> Range<Int> {
        let start = buf.count
        buf.append(contentsOf: text.utf8)
        return start..<buf.count
    }

    /// The text without white space at either end (`String.trimmingWhitespace()`).
    static func trim(_ buf: inout [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        // An ASCII space next to an ASCII byte is a character of its own; else ask String.
        while lo < hi {
            let b = buf[lo]
            if b >= 0x80 { return viaString(&buf, lo..<hi) { $0.trimmingWhitespace() } }
            if !isSpace(b) { break }
            if lo + 1 < hi && buf[lo + 1] >= 0x80 { return viaString(&buf, lo..<hi) { $0.trimmingWhitespace() } }
            lo += 1
        }
        while hi > lo {
            let b = buf[hi - 1]
            if b >= 0x80 { return viaString(&buf, lo..<hi) { $0.trimmingWhitespace() } }
            if !isSpace(b) { break }
            if hi - 2 >= lo && buf[hi - 2] >= 0x80 { return viaString(&buf, lo..<hi) { $0.trimmingWhitespace() } }
            hi -= 1
        }
        return lo..<hi
    }

    /// `String.lowercased()`.
    static func lowercase(_ buf: inout [UInt8], _ r: Range<Int>) -> Range<Int> {
        guard isASCII(buf, r) else { return viaString(&buf, r) { $0.lowercased() } }
        for k in r where buf[k] >= 0x41 && buf[k] <= 0x5A { buf[k] |= 0x20 }
        return r
    }

    /// The text changed by a `String` function (appended).
    static func viaString(_ buf: inout [UInt8], _ r: Range<Int>, _ change: (String) -> String) -> Range<Int> {
        append(change(string(buf, r)), to: &buf)
    }

    /// Calls `body` with each part of the text between `separator`s (compared as bytes; the
    /// whole text when it has none).
    static func forEachPart(_ buf: [UInt8], _ r: Range<Int>, separator: String, _ body: (Range<Int>) -> Void) {
        var separator = separator
        separator.withUTF8 { s in
            guard let first = s.first else { body(r); return }
            var start = r.lowerBound, i = r.lowerBound
            while i + s.count <= r.upperBound {
                if buf[i] == first && (s.count == 1 || buf[i..<(i + s.count)].elementsEqual(s)) {
                    body(start..<i)
                    i += s.count
                    start = i
                } else {
                    i += 1
                }
            }
            body(start..<r.upperBound)
        }
    }

    /// `MappedImporter`'s `slug(_:prefix:)` of the text.
    static func slug(_ buf: [UInt8], _ r: Range<Int>, prefix: String) -> String {
        buf.withUnsafeBufferPointer { all in
            let b = UnsafeBufferPointer(rebasing: all[r])
            if Identifier.isValid(bytes: b) { return String(decoding: b, as: UTF8.self) }
            guard isASCII(b) else { return ImportRun.slug(String(decoding: b, as: UTF8.self), prefix: prefix) }
            var out: [UInt8] = []
            out.reserveCapacity(min(b.count + prefix.utf8.count + 1, 64))
            var dash = false
            for var c in b {
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if dash && !out.isEmpty { out.append(0x2D) }
                    out.append(c)
                    dash = false
                } else {
                    dash = true
                }
                if out.count >= 60 { break }
            }
            if out.isEmpty { return prefix + "-" + ImportRun.hash(String(decoding: b, as: UTF8.self)) }
            let text = String(decoding: out, as: UTF8.self)
            return out[0] >= 0x30 && out[0] <= 0x39 ? prefix + "-" + text : text
        }
    }
}
