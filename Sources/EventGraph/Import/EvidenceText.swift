/// Reads back the one-line citations exports write (``GraphView/evidenceText(_:)``):
/// `seed-manus: “quote” (note); other-source (note); …`.
enum EvidenceText {
    static func parse(_ text: String) -> [ImportRecords.Evidence] {
        let c = Array(text)
        var i = 0
        var items: [ImportRecords.Evidence] = []
        func isIDChar(_ ch: Character) -> Bool { ch.isASCII && (ch.isLowercase || ch.isNumber || ch == "-") }
        /// True when an item ends at `k`: the end, or `; ` and the next item's id.
        func itemEnds(at k: Int) -> Bool {
            if k >= c.count { return true }
            guard k + 2 < c.count, c[k] == ";", c[k + 1] == " " else { return false }
            var j = k + 2
            while j < c.count, isIDChar(c[j]) { j += 1 }
            guard j > k + 2 else { return false }
            if j == c.count || c[j] == ";" { return true }
            return j + 1 < c.count && ((c[j] == ":" && c[j + 1] == " ") || (c[j] == " " && c[j + 1] == "("))
        }
        while i < c.count {
            var j = i
            while j < c.count, isIDChar(c[j]) { j += 1 }
            guard j > i else { break }
            var item = ImportRecords.Evidence(source: String(c[i..<j]))
            i = j
            if i + 2 < c.count, c[i] == ":", c[i + 1] == " ", c[i + 2] == "“" {
                var k = i + 3
                while k < c.count {
                    if c[k] == "”", itemEnds(at: k + 1) || (k + 2 < c.count && c[k + 1] == " " && c[k + 2] == "(") { break }
                    k += 1
                }
                item.quote = String(c[(i + 3)..<min(k, c.count)])
                i = k + 1
            }
            if i + 1 < c.count, c[i] == " ", c[i + 1] == "(" {
                var k = i + 2
                while k < c.count, !(c[k] == ")" && itemEnds(at: k + 1)) { k += 1 }
                item.note = String(c[(i + 2)..<min(k, c.count)])
                i = k + 1
            }
            items.append(item)
            guard i < c.count else { break }
            if c[i] == ";" { i += 2 } else { break }
        }
        return items
    }
}
