/// YAML scalars as imports write them: plain when that reads back as the same string, else
/// double-quoted with escapes (``ImportRecords/yaml(header:)``).
enum YAMLScalar {
    /// A YAML scalar: plain when that reads back as the same string, else double-quoted.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// A partial date: plain (as in hand-written files) unless it needs quotes.
    static func date(_ text: String) -> String {
        let isDate = text.wholeMatch(of: /[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/) != nil
        return isDate ? text : quoted(text)
    }

    /// A number: plain when it is one, else quoted (so the loader reports the wrong type).
    static func number(_ text: String) -> String {
        text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/) != nil ? text : quoted(text)
    }

    /// A flow list `[a, b]`.
    static func list(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first.isWhitespace || last.isWhitespace || first.isNumber { return false }
        if "-?:,[]{}#&*!|>'\"%@`~+.".contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || last == ":" { return false }
        if text.contains(where: { ",[]{}".contains($0) }) { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF || $0.value == 0x85 }) {
            return false
        }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        return !reserved.contains(text.lowercased())
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
