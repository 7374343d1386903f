/// The actors a cell can name, looked up by the cell's bytes: an actor's id names that actor
/// (before anything else), and a name or a row's raw id names the actor made or read for it.
/// A look-up gives the actor's id as a number (``number(ofID:)``), whose text and bytes are
/// kept here, so a row's roles are found and written without a `String` per actor.
///
/// Texts are compared as `String`s are (canonical equivalence): an ASCII text is looked up
/// by its bytes among the ASCII keys (equal bytes, equal strings); any other text, or an
/// ASCII one not found while a non-ASCII key might equal it, as a `String` among all keys.
struct ActorNames {
    private var ascii = ByteKeyTable()
    /// The id number each ASCII key names, by its number in `ascii`.
    private var asciiTargets: [Int32] = []
    /// Each key's number in `ascii` (-1 for a non-ASCII key).
    private var asciiNumber: [Int32] = []
    /// Every key as a `String`, with its number.
    private var keys: [String: Int] = [:]
    private var hasNonASCII = false
    /// For each key: the id it names, and whether the key is that id.
    private var targets: [(id: Int32, isID: Bool)] = []
    /// Ids by number: their text, bytes, and numbers by text.
    private var idTexts: [String] = []
    private var idBytes: [UInt8] = []
    private var idEnds: [Int] = []
    private var idNumbers: [String: Int32] = [:]

    /// The number of an actor id (or of any text a role names), given it if new.
    mutating func number(ofID id: String) -> Int32 {
        if let n = idNumbers[id] { return n }
        let n = Int32(idTexts.count)
        idNumbers[id] = n
        idTexts.append(id)
        idBytes.append(contentsOf: id.utf8)
        idEnds.append(idBytes.count)
        return n
    }

    func id(_ n: Int32) -> String { idTexts[Int(n)] }

    /// The bytes of id `n`.
    func bytes(_ n: Int32) -> ArraySlice<UInt8> { idBytes[(n == 0 ? 0 : idEnds[Int(n) - 1])..<idEnds[Int(n)]] }

    /// An actor's id names it, whatever name had the same text.
    mutating func addID(_ id: String) {
        let target = number(ofID: id)
        set(insert(id), (target, true))
    }

    /// `name` names actor `id`: over an earlier name when `replacing`, never over an id.
    mutating func addName(_ name: String, id: String, replacing: Bool) {
        let target = number(ofID: id)
        let before = targets.count
        let n = insert(name)
        if targets.count > before || (replacing && !targets[n].isID) { set(n, (target, false)) }
    }

    private mutating func set(_ n: Int, _ target: (id: Int32, isID: Bool)) {
        targets[n] = target
        if asciiNumber[n] >= 0 { asciiTargets[Int(asciiNumber[n])] = target.id }
    }

    private mutating func insert(_ text: String) -> Int {
        if let n = keys[text] { return n }
        let n = targets.count
        keys[text] = n
        targets.append((-1, false))
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            Array(text.utf8).withUnsafeBufferPointer { _ = ascii.insert($0) }
            asciiNumber.append(Int32(asciiTargets.count))
            asciiTargets.append(-1)
        } else {
            asciiNumber.append(-1)
            hasNonASCII = true
        }
        return n
    }

    /// The id number of the actor the text at `r` in `buf` names.
    func find(_ buf: [UInt8], _ r: Range<Int>) -> Int32? {
        buf.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[r])
            if ImportText.isASCII(text) {
                if let k = ascii.find(text) { return asciiTargets[k] }
                if !hasNonASCII { return nil }
            }
            return keys[String(decoding: text, as: UTF8.self)].map { targets[$0].id }
        }
    }
}
