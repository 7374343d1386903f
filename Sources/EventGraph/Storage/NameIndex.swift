/// A few names (kinds, role names) numbered in the order they are first seen.
///
/// Found by a scan while there are few — they are usually the schema's own strings, which
/// compare equal at once, so a scan beats hashing — and through a dictionary beyond that, so
/// that many distinct names (a library user's values) stay linear.
struct NameIndex: Sendable {
    private(set) var names: [String] = []
    private var index: [String: UInt16] = [:]
    private static let scanLimit = 32

    /// The number of `name`, adding it when new.
    mutating func number(_ name: String) -> UInt16 {
        if names.count <= Self.scanLimit {
            if let i = names.firstIndex(of: name) { return UInt16(i) }
        } else if let i = index[name] {
            return i
        }
        let i = UInt16(names.count)
        names.append(name)
        if names.count > Self.scanLimit {
            if index.isEmpty { for (j, known) in names.enumerated() { index[known] = UInt16(j) } } else { index[name] = i }
        }
        return i
    }
}
