/// Reads records of the one record form (``RecordTree``), turning every type mismatch into a
/// diagnostic instead of stopping at the first one. Every type rule and its message is here,
/// once, whatever syntax the record came from.
final class RecordReader {
    /// The tree of the record being read (set by the validator before each record).
    // Not checked at run time: a reader belongs to one thread and these are plain loads and appends.
    @exclusivity(unchecked) var tree: RecordTree
    @exclusivity(unchecked) private(set) var diagnostics: [Diagnostic] = []

    init(tree: RecordTree) {
        self.tree = tree
    }

    typealias Entry = RecordTree.Entry

    /// The fields of a record by name: a short list searched in order (records have a
    /// dozen fields at most, where a linear scan beats hashing).
    struct Fields: Sequence {
        private(set) var entries: [Entry] = []

        init(_ entries: [Entry] = []) { self.entries = entries }

        subscript(_ key: String) -> Entry? {
            // Lengths first: a length is stored in the string, a comparison is a call.
            let length = key.utf8.count
            return entries.first { $0.key.utf8.count == length && $0.key == key }
        }

        var values: [Entry] { entries }

        func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
    }

    func location(_ node: Int32?) -> SourceLocation {
        guard let node, node >= 0 else { return SourceLocation(file: tree.file, line: 1, column: 1) }
        return tree.location(node)
    }

    func packed(_ node: Int32) -> PackedLocation { tree.packed(node) }

    func error(_ node: Int32?, _ message: String) {
        diagnostics.append(Diagnostic(location(node), message))
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func report(contentsOf more: [Diagnostic]) {
        diagnostics += more
    }

    /// The diagnostics so far, leaving none (a reader that decodes chunk after chunk).
    func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    func isNull(_ node: Int32) -> Bool { tree.isNull(node) }

    func typeName(_ node: Int32) -> String { tree.typeName(node) }

    /// The entries of a mapping, in order; duplicate keys and non-scalar keys are reported.
    func entries(_ node: Int32, what: @autoclosure () -> String) -> [Entry]? {
        guard tree.kind(node) == .mapping else {
            error(node, "\(what()) must be a mapping, found \(typeName(node))")
            return nil
        }
        let all = tree.entries(node)
        // The common case, a record of a few distinct plain keys, needs no copy.
        if all.count <= 16 && Self.hasFewDistinctKeys(tree[node].first, tree) { return all }
        var result: [Entry] = []
        result.reserveCapacity(all.count)
        // Small mappings (records) look for repeats by scanning; large ones (sections) hash.
        var seen: [String: Int32]? = all.count > 16 ? [:] : nil
        for entry in all {
            let keyKind = tree.kind(entry.keyNode)
            guard keyKind != .mapping && keyKind != .list else {
                error(entry.keyNode, "keys of \(what()) must be plain names")
                continue
            }
            let first = seen != nil ? seen![entry.key] : result.first { $0.key == entry.key }?.keyNode
            if let first {
                error(entry.keyNode, "'\(entry.key)' is given twice in \(what()) (first at \(location(first)))")
                continue
            }
            seen?[entry.key] = entry.keyNode
            result.append(entry)
        }
        return result
    }

    /// The entries of a record whose field names are fixed: unknown fields are reported with
    /// the allowed ones. Returns the fields keyed by name.
    func fields(_ node: Int32, what: @autoclosure () -> String, allowed: [String]) -> Fields? {
        guard let entries = entries(node, what: what()) else { return nil }
        if entries.allSatisfy({ allowed.contains($0.key) }) { return Fields(entries) }
        var result: [Entry] = []
        result.reserveCapacity(entries.count)
        for entry in entries {
            if allowed.contains(entry.key) {
                result.append(entry)
            } else {
                reportUnknownField(entry.keyNode, what: what(), allowed: allowed)
            }
        }
        return Fields(result)
    }

    /// A scalar as text; null counts as absent (nil without a diagnostic).
    func string(_ node: Int32?, what: @autoclosure () -> String) -> String? {
        guard let node, isScalar(node, what: what()) else { return nil }
        return tree.text(node)
    }

    /// A required, non-empty scalar.
    func requiredString(_ fields: Fields, _ key: String, what: @autoclosure () -> String, at owner: Int32) -> String? {
        requiredString(fields[key], key, what: what(), at: owner)
    }

    /// A required, non-empty scalar: `entry` is the field `key`, if given.
    func requiredString(_ entry: Entry?, _ key: String, what: @autoclosure () -> String, at owner: Int32) -> String? {
        requiredScalar(entry, key, what: what(), at: owner).map { tree.text($0) }
    }

    /// The node of a required, non-empty scalar (``requiredString(_:_:what:at:)`` without making its text).
    func requiredScalar(_ entry: Entry?, _ key: String, what: @autoclosure () -> String, at owner: Int32) -> Int32? {
        guard let entry else {
            error(owner, "\(what()) is missing required field '\(key)'")
            return nil
        }
        guard isScalar(entry.value, what: "'\(key)' of \(what())") else {
            if isNull(entry.value) { error(entry.value, "'\(key)' of \(what()) must not be empty") }
            return nil
        }
        if isBlank(entry.value) {
            error(entry.value, "'\(key)' of \(what()) must not be empty")
            return nil
        }
        return entry.value
    }

    /// True for a scalar of white space only (its first byte looked at first).
    private func isBlank(_ node: Int32) -> Bool {
        if let first = tree.withScalarBytes(node, { $0.first }), first > 0x20 && first < 0x80 { return false }
        return Self.isBlank(tree.text(node))
    }

    /// True for text of white space only (a fast look at the first scalar first).
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20 && first < 0x80 { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// A list of scalars; a single scalar is accepted as a one-element list only when `allowSingle`.
    func stringList(_ node: Int32?, what: @autoclosure () -> String, allowSingle: Bool = false) -> [String]? {
        guard let node else { return nil }
        switch tree.kind(node) {
        case .null: return nil
        case .string where allowSingle, .plain where allowSingle: return [tree.text(node)]
        case .list:
            var items: [String] = []
            for item in tree.children(node) {
                if let text = string(item, what: "an item of \(what())") { items.append(text) }
            }
            return items
        default:
            error(node, "\(what()) must be a list, found \(typeName(node))")
            return nil
        }
    }

    func bool(_ node: Int32?, what: @autoclosure () -> String) -> Bool? {
        guard let node, let text = string(node, what: what()) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what()) must be true or false, found '\(text)'")
            return nil
        }
    }

    func number(_ node: Int32?, what: @autoclosure () -> String) -> Double? {
        guard let node, let text = string(node, what: what()) else { return nil }
        guard let value = Double(text.replacingUnderscores()), value.isFinite else {
            error(node, "\(what()) must be a number, found '\(text)'")
            return nil
        }
        return value
    }

    func date(_ node: Int32?, what: @autoclosure () -> String) -> PartialDate? {
        guard let node else { return nil }
        if let date = tree.withScalarBytes(node, PartialDate.init(isoBytes:)) { return date }
        guard let text = string(node, what: what()) else { return nil }
        do {
            return try PartialDate(parsing: text)
        } catch {
            self.error(node, "\(what()): \(error)")
            return nil
        }
    }

    /// An enumerated value, reporting the allowed spellings.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Int32?, what: @autoclosure () -> String, as: T.Type) -> T? where T.RawValue == String {
        guard let node, let text = string(node, what: what()) else { return nil }
        if let value = T(rawValue: text) { return value }
        error(node, "\(what()) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")); found '\(text)'")
        return nil
    }

    /// True for a missing field, a null or an empty list.
    func isEmpty(_ node: Int32?) -> Bool {
        guard let node else { return true }
        switch tree.kind(node) {
        case .null: return true
        case .list: return tree[node].count == 0
        default: return false
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

/// Id syntax: lowercase letters, digits and `-`, starting with a letter.
enum Identifier {
    static func isValid(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { isValid(bytes: $0) }
    }

    static func isValid(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first >= 0x61 && first <= 0x7A else { return false }
        for b in bytes where !((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D) { return false }
        return true
    }

    static let rule = "ids use lowercase letters, digits and '-', starting with a letter"
}
