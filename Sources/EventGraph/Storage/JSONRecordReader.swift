/// NodeReader's checks and messages, over a ``JSONScanner`` arena: the fast loader's records are
/// validated with the same rules and words as the YAML loader's.
struct JSONRecordReader {
    let fileName: String
    let lines: LineIndex
    var diagnostics: [Diagnostic] = []
    /// Set when the record has a repeated key: the YAML loader rejects the whole document
    /// for that (Yams: "duplicated key"), so the fast loader declines and lets it report.
    var repeatedKey: Int?

    init(fileName: String, lines: LineIndex) {
        self.fileName = fileName
        self.lines = lines
    }

    func location(_ scanner: JSONScanner, _ node: Int32) -> SourceLocation {
        lines.location(of: scanner[node].start, name: fileName)
    }

    mutating func error(_ scanner: JSONScanner, _ node: Int32, _ message: String) {
        diagnostics.append(Diagnostic(location(scanner, node), message))
    }

    /// A record's fields: key node and value node by position in `names` (-1 when absent).
    struct Fields {
        var keys: [Int32]
        var values: [Int32]
        /// Keys not in `names`, in order (only when the caller allows extras).
        var extras: [(key: Int32, value: Int32)] = []

        subscript(_ i: Int) -> Int32? { values[i] >= 0 ? values[i] : nil }
        func key(_ i: Int) -> Int32? { keys[i] >= 0 ? keys[i] : nil }
        func has(_ i: Int) -> Bool { values[i] >= 0 }
    }

    /// `NodeReader.entries` + `fields`: a mapping's entries, duplicates reported and skipped;
    /// unknown keys reported (or collected as extras when `extrasAllowed`).
    mutating func fields(_ s: JSONScanner, _ node: Int32, what: @autoclosure () -> String, names: [StaticString],
                         extrasAllowed: Bool = false) -> Fields? {
        guard s[node].kind == .object else {
            error(s, node, "\(what()) must be a mapping, found \(s.typeName(node))")
            return nil
        }
        var result = Fields(keys: [Int32](repeating: -1, count: names.count), values: [Int32](repeating: -1, count: names.count))
        var seen: [Int32] = []
        var key = s[node].first
        while key >= 0 {
            let value = s[key].next
            defer { key = s[value].next }
            if seen.contains(where: { s.sameString($0, key) }) {
                repeatedKey = s[key].start
                continue
            }
            seen.append(key)
            if let i = names.firstIndex(where: { s.keyIs(key, $0) }) {
                result.keys[i] = key
                result.values[i] = value
            } else if extrasAllowed {
                result.extras.append((key, value))
            } else {
                let allowed = names.map { "\($0)" }.joined(separator: ", ")
                error(s, key, "unknown field '\(s.text(key))' in \(what()); allowed: \(allowed)")
            }
        }
        return result
    }

    /// `NodeReader.string`: a scalar's text; null is absent; containers are reported.
    mutating func string(_ s: JSONScanner, _ node: Int32?, what: @autoclosure () -> String) -> String? {
        guard let node else { return nil }
        if s.isNull(node) { return nil }
        guard s.isScalar(node) else {
            error(s, node, "\(what()) must be a single value, found \(s.typeName(node))")
            return nil
        }
        return s.text(node)
    }

    /// `NodeReader.requiredString` without building the text when the scalar is plainly
    /// non-blank; returns whether the value is present and non-empty.
    mutating func requiredPresent(_ s: JSONScanner, _ f: Fields, _ i: Int, key: String, what: @autoclosure () -> String,
                                  owner: Int32) -> Bool {
        guard let value = f[i] else {
            error(s, owner, "\(what()) is missing required field '\(key)'")
            return false
        }
        if s.isNull(value) {
            error(s, value, "'\(key)' of \(what()) must not be empty")
            return false
        }
        guard s.isScalar(value) else {
            error(s, value, "'\(key)' of \(what()) must be a single value, found \(s.typeName(value))")
            return false
        }
        if !isBlank(s, value) { return true }
        error(s, value, "'\(key)' of \(what()) must not be empty")
        return false
    }

    /// `NodeReader.requiredString`.
    mutating func requiredString(_ s: JSONScanner, _ f: Fields, _ i: Int, key: String, what: @autoclosure () -> String,
                                 owner: Int32) -> String? {
        guard requiredPresent(s, f, i, key: key, what: what(), owner: owner) else { return nil }
        return s.text(f[i]!)
    }

    /// True when a scalar's text is empty after trimming white space.
    func isBlank(_ s: JSONScanner, _ node: Int32) -> Bool {
        let n = s[node]
        guard n.kind == .string, !n.escaped else {
            return n.kind == .string ? s.text(node).trimmingWhitespace().isEmpty : false
        }
        var sawNonASCII = false
        for b in s.rawContent(node) {
            if b >= 0x80 { sawNonASCII = true; continue }
            if !(b == 0x20 || (0x09...0x0D).contains(b)) { return false }
        }
        return sawNonASCII ? s.text(node).trimmingWhitespace().isEmpty : true
    }

    /// `NodeReader.stringList` (no single-value form).
    mutating func stringList(_ s: JSONScanner, _ node: Int32?, what: @autoclosure () -> String) -> [String]? {
        guard let node else { return nil }
        if s.isNull(node) { return nil }
        guard s[node].kind == .array else {
            error(s, node, "\(what()) must be a list, found \(s.typeName(node))")
            return nil
        }
        var items: [String] = []
        for item in s.children(node) {
            if let text = string(s, item, what: "an item of \(what())") { items.append(text) }
        }
        return items
    }

    /// `NodeReader.number`.
    mutating func number(_ s: JSONScanner, _ node: Int32?, what: @autoclosure () -> String) -> Double? {
        guard let node, let text = string(s, node, what: what()) else { return nil }
        guard let value = Double(text.replacingUnderscores()), value.isFinite else {
            error(s, node, "\(what()) must be a number, found '\(text)'")
            return nil
        }
        return value
    }

    /// `NodeReader.date`, with a byte-level fast path for `~YYYY-MM-DD` forms.
    mutating func date(_ s: JSONScanner, _ node: Int32?, what: @autoclosure () -> String) -> PartialDate? {
        guard let node else { return nil }
        if let fast = Self.fastDate(s, node) { return fast }
        guard let text = string(s, node, what: what()) else { return nil }
        do {
            return try PartialDate(parsing: text)
        } catch {
            self.error(s, node, "\(what()): \(error)")
            return nil
        }
    }

    static func fastDate(_ s: JSONScanner, _ node: Int32) -> PartialDate? {
        let n = s[node]
        let bytes: UnsafeBufferPointer<UInt8>
        switch n.kind {
        case .string where !n.escaped: bytes = s.rawContent(node)
        case .number: bytes = UnsafeBufferPointer(start: s.base + n.start, count: n.end - n.start)
        default: return nil
        }
        var i = 0
        var approximate = false
        if bytes.count > 0 && bytes[0] == 0x7E { approximate = true; i = 1 }
        func digits(_ count: Int) -> Int? {
            guard i + count <= bytes.count else { return nil }
            var v = 0
            for j in 0..<count {
                let c = bytes[i + j]
                guard (0x30...0x39).contains(c) else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += count
            return v
        }
        guard let year = digits(4) else { return nil }
        var month: Int?, day: Int?
        if i < bytes.count {
            guard bytes[i] == 0x2D else { return nil }
            i += 1
            guard let m = digits(2) else { return nil }
            month = m
            if i < bytes.count {
                guard bytes[i] == 0x2D else { return nil }
                i += 1
                guard let d = digits(2) else { return nil }
                day = d
            }
        }
        guard i == bytes.count else { return nil }
        return PartialDate(year: year, month: month, day: day, approximate: approximate)
    }

    /// `NodeReader.choice`.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ s: JSONScanner, _ node: Int32?, what: @autoclosure () -> String,
                                                            as: T.Type) -> T? where T.RawValue == String {
        guard let node, let text = string(s, node, what: what()) else { return nil }
        if let value = T(rawValue: text) { return value }
        error(s, node, "\(what()) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")); found '\(text)'")
        return nil
    }

    /// `GraphAssembler.isEmpty`: missing, null or an empty list.
    static func isEmpty(_ s: JSONScanner, _ node: Int32?) -> Bool {
        guard let node else { return true }
        if s.isNull(node) { return true }
        if s[node].kind == .array { return s[node].count == 0 }
        return false
    }
}

/// Field names of records, in the order the readers index them.
enum RecordFields {
    static let source: [StaticString] = ["title", "publisher", "author", "published", "url", "language", "file"]
    static let actor: [StaticString] = ["kind", "name", "names", "aliases", "country", "description", "tags"]
    static let relation: [StaticString] = ["kind", "from", "to", "role", "since", "until", "sources"]
    static let evidence: [StaticString] = ["source", "quote", "note"]
    static let amount: [StaticString] = ["value", "currency"]
    /// `Event.fieldNames`, in the same order.
    static let event: [StaticString] = ["kind", "date", "start", "end", "title", "description", "amount", "status",
                                        "claim", "claimed_by", "date_basis", "date_note", "sources", "tags"]
    enum E {
        static let kind = 0, date = 1, start = 2, end = 3, title = 4, description = 5, amount = 6, status = 7,
                   claim = 8, claimedBy = 9, dateBasis = 10, dateNote = 11, sources = 12, tags = 13
    }
}
