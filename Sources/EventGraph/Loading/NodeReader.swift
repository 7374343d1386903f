import Yams

/// Reads a composed YAML/JSON tree with positions, turning every type mismatch into a
/// diagnostic instead of stopping at the first one.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// A mapping entry with the nodes of its key and value (for positions).
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func error(_ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(location(node), message))
    }

    func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    static func isNull(_ node: Node) -> Bool {
        if case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    static func typeName(_ node: Node) -> String {
        switch node {
        case .scalar: isNull(node) ? "nothing" : "a value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The entries of a mapping, in order; duplicate keys and non-scalar keys are reported.
    func entries(_ node: Node, what: String) -> [Entry]? {
        guard case let .mapping(mapping) = node else {
            error(node, "\(what) must be a mapping, found \(Self.typeName(node))")
            return nil
        }
        var seen: [String: Node] = [:]
        var result: [Entry] = []
        for (keyNode, value) in mapping {
            guard case let .scalar(key) = keyNode else {
                error(keyNode, "keys of \(what) must be plain names")
                continue
            }
            if let first = seen[key.string] {
                error(keyNode, "'\(key.string)' is given twice in \(what) (first at \(location(first)))")
                continue
            }
            seen[key.string] = keyNode
            result.append(Entry(key: key.string, keyNode: keyNode, value: value))
        }
        return result
    }

    /// The entries of a record whose field names are fixed: unknown fields are reported with
    /// the allowed ones. Returns the fields keyed by name.
    func fields(_ node: Node, what: String, allowed: [String]) -> [String: Entry]? {
        guard let entries = entries(node, what: what) else { return nil }
        var result: [String: Entry] = [:]
        for entry in entries {
            if allowed.contains(entry.key) {
                result[entry.key] = entry
            } else {
                error(entry.keyNode, "unknown field '\(entry.key)' in \(what); allowed: \(allowed.joined(separator: ", "))")
            }
        }
        return result
    }

    /// A scalar as text; null counts as absent (nil without a diagnostic).
    func string(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        if Self.isNull(node) { return nil }
        guard case let .scalar(scalar) = node else {
            error(node, "\(what) must be a single value, found \(Self.typeName(node))")
            return nil
        }
        return scalar.string
    }

    /// A required, non-empty scalar.
    func requiredString(_ fields: [String: Entry], _ key: String, what: String, at owner: Node) -> String? {
        guard let entry = fields[key] else {
            error(owner, "\(what) is missing required field '\(key)'")
            return nil
        }
        guard let text = string(entry.value, what: "'\(key)' of \(what)") else {
            if Self.isNull(entry.value) { error(entry.value, "'\(key)' of \(what) must not be empty") }
            return nil
        }
        if text.trimmingWhitespace().isEmpty {
            error(entry.value, "'\(key)' of \(what) must not be empty")
            return nil
        }
        return text
    }

    /// A list of scalars; a single scalar is accepted as a one-element list only when `allowSingle`.
    func stringList(_ node: Node?, what: String, allowSingle: Bool = false) -> [String]? {
        guard let node else { return nil }
        if Self.isNull(node) { return nil }
        switch node {
        case .scalar(let scalar) where allowSingle:
            return [scalar.string]
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                if let text = string(item, what: "an item of \(what)") { items.append(text) }
            }
            return items
        default:
            error(node, "\(what) must be a list, found \(Self.typeName(node))")
            return nil
        }
    }

    func bool(_ node: Node?, what: String) -> Bool? {
        guard let node, let text = string(node, what: what) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what) must be true or false, found '\(text)'")
            return nil
        }
    }

    func number(_ node: Node?, what: String) -> Double? {
        guard let node, let text = string(node, what: what) else { return nil }
        guard let value = Double(text.replacingUnderscores()), value.isFinite else {
            error(node, "\(what) must be a number, found '\(text)'")
            return nil
        }
        return value
    }

    func date(_ node: Node?, what: String) -> PartialDate? {
        guard let node, let text = string(node, what: what) else { return nil }
        do {
            return try PartialDate(parsing: text)
        } catch {
            self.error(node, "\(what): \(error)")
            return nil
        }
    }

    /// An enumerated value, reporting the allowed spellings.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, what: String, as: T.Type) -> T? where T.RawValue == String {
        guard let node, let text = string(node, what: what) else { return nil }
        if let value = T(rawValue: text) { return value }
        error(node, "\(what) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")); found '\(text)'")
        return nil
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

/// Id syntax: lowercase letters, digits and `-`, starting with a letter.
enum Identifier {
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static let rule = "ids use lowercase letters, digits and '-', starting with a letter"
}
