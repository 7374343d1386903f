/// The actors a cell can name, looked up by the cell's bytes: an actor's id names that actor
/// (before anything else), and a name or a row's raw id names the actor made or read for it.
/// Texts are compared as `String`s are (``ImportText/withKey(_:_:)``).
struct ActorNames {
    private var keys = ByteKeyTable()
    /// For each key: the actor's id, and whether the key is that id.
    private var targets: [(id: String, isID: Bool)] = []

    /// An actor's id names it, whatever name had the same text.
    mutating func addID(_ id: String) {
        let n = insert(id)
        targets[n] = (id, true)
    }

    /// `name` names actor `id`: over an earlier name when `replacing`, never over an id.
    mutating func addName(_ name: String, id: String, replacing: Bool) {
        let before = targets.count
        let n = insert(name)
        if targets.count > before || (replacing && !targets[n].isID) { targets[n] = (id, false) }
    }

    private mutating func insert(_ text: String) -> Int {
        let (n, inserted) = Array(text.utf8).withUnsafeBufferPointer { b in ImportText.withKey(b) { keys.insert($0) } }
        if inserted { targets.append((text, false)) }
        return n
    }

    /// The id of the actor the text at `r` in `buf` names.
    func find(_ buf: [UInt8], _ r: Range<Int>) -> String? {
        buf.withUnsafeBufferPointer { all in
            ImportText.withKey(UnsafeBufferPointer(rebasing: all[r])) { keys.find($0) }.map { targets[$0].id }
        }
    }
}
