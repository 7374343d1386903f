/// One of a mapping's value tables (`values:`), looked up by the bytes of a row's text.
///
/// A look-up gives what the `String` rule gives: the value of the key equal to the text,
/// else of the key equal to it in lower case, else (`match: prefix`) of the longest key the
/// text starts with. For a text of ASCII characters other than CR (every character one byte,
/// one `Character`) that is a byte look-up of the text, of its ASCII lower case, and of its
/// prefixes, longest first, among the ASCII keys (equal bytes, equal strings); any other text,
/// or a text not found that way while the table has a non-ASCII key (which may still equal
/// it as a `String`), is looked up as a `String` in the table itself.
///
/// A class (immutable once made): every mapping value that names the table shares it.
final class ValueTable: Sendable {
    private let exact: [String: String]
    private let folded: [String: String]
    private let exactKeys: ByteKeyTable
    private let exactValues: [String]
    private let foldedKeys: ByteKeyTable
    private let foldedValues: [String]
    /// The longest key looked up as bytes, in bytes.
    private let longest: Int
    private let hasNonASCII: Bool

    /// `table` and its lower-case form (`folded`: one value per lower-case key).
    init(_ table: [String: String], folded: [String: String]) {
        exact = table
        self.folded = folded
        // Sorted: the numbering does not depend on the dictionaries' order.
        var keys = ByteKeyTable(), values: [String] = [], longest = 0
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            Self.add(key, value, to: &keys, &values, longest: &longest)
        }
        exactKeys = keys
        exactValues = values
        self.longest = longest
        keys = ByteKeyTable()
        values = []
        var ignored = 0
        for (key, value) in folded.sorted(by: { $0.key < $1.key }) {
            Self.add(key, value, to: &keys, &values, longest: &ignored)
        }
        foldedKeys = keys
        foldedValues = values
        hasNonASCII = table.keys.contains { !$0.utf8.allSatisfy { $0 < 0x80 } }
    }

    private static func add(_ key: String, _ value: String, to keys: inout ByteKeyTable, _ values: inout [String], longest: inout Int) {
        let bytes = Array(key.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return }
        // (Distinct ASCII keys have distinct bytes: each is added once.)
        bytes.withUnsafeBufferPointer { _ = keys.insert($0) }
        values.append(value)
        longest = max(longest, bytes.count)
    }

    /// The value for the text at `r` in `buf`; `prefix`: else the longest key it starts with.
    func lookup(_ buf: [UInt8], _ r: Range<Int>, prefix: Bool) -> String? {
        buf.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[r])
            var simple = true
            for b in text where b >= 0x80 || b == 0x0D { simple = false; break }
            guard simple else { return lookup(String(decoding: text, as: UTF8.self), prefix: prefix) }
            if let n = exactKeys.find(text) { return exactValues[n] }
            if hasNonASCII { return lookup(String(decoding: text, as: UTF8.self), prefix: prefix) }
            if text.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                var lower = [UInt8](text)
                for k in lower.indices where lower[k] >= 0x41 && lower[k] <= 0x5A { lower[k] |= 0x20 }
                if let n = lower.withUnsafeBufferPointer({ foldedKeys.find($0) }) { return foldedValues[n] }
            } else if let n = foldedKeys.find(text) {
                return foldedValues[n]
            }
            guard prefix else { return nil }
            var length = min(longest, text.count)
            while length >= 0 {
                if let n = exactKeys.find(UnsafeBufferPointer(rebasing: text[..<length])) { return exactValues[n] }
                length -= 1
            }
            return nil
        }
    }

    /// The `String` rule.
    private func lookup(_ candidate: String, prefix: Bool) -> String? {
        if let v = exact[candidate] ?? folded[candidate.lowercased()] { return v }
        if prefix, let key = exact.keys.filter({ candidate.hasPrefix($0) }).max(by: { $0.count < $1.count }) { return exact[key] }
        return nil
    }
}
