/// Where each id of an imported section is: its record's position, found by the id's bytes
/// (``ByteKeyTable``: no `String` hashing or comparison per lookup). Ids compare as bytes, as
/// the loader's do; a valid id is ASCII, so this is the loader's notion of the same id.
struct IDIndex: Sendable {
    private var keys = ByteKeyTable()
    /// The position of the id numbered `n` by ``keys``.
    private var positions: [Int] = []

    var count: Int { positions.count }

    /// Makes room for `count` ids.
    mutating func reserve(_ count: Int) {
        keys.reserve(count)
        positions.reserveCapacity(count)
    }

    /// The position of `id`, if it is there.
    subscript(id: String) -> Int? {
        var id = id
        return id.withUTF8 { keys.find($0) }.map { positions[$0] }
    }

    /// Puts `id` at `position` (moved there when it was elsewhere).
    mutating func set(_ id: String, at position: Int) {
        var id = id
        let (n, inserted) = id.withUTF8 { keys.insert($0) }
        if inserted { positions.append(position) } else { positions[n] = position }
    }

    /// The ids in order of position.
    var idsByPosition: [String] {
        positions.indices.sorted { positions[$0] < positions[$1] }.map { String(decoding: keys.key($0), as: UTF8.self) }
    }
}
