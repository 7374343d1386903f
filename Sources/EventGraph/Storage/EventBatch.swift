/// Events read but not yet stored, in columns like ``EventTable``'s with their text in one
/// byte arena — no Swift value, string or array per event.
///
/// ``GraphValidator/decodeEvent(_:_:kinds:_:into:)`` checks the records of a chunk into a
/// batch on whichever thread reads it; the loading thread then stores the rows in input order
/// (``GraphStoreBuilder/add(_:row:symbol:numbering:)``). An ``Event`` value is stored the same
/// way, as a one-row batch (``append(_:marks:)``), so the table is filled by one path.
struct EventBatch: Sendable {
    /// A piece of text in the arena; `start` -1 is none.
    struct Text: Sendable {
        var start: Int32
        var count: Int32
        static let none = Text(start: -1, count: 0)
        var isNone: Bool { start < 0 }
    }

    /// An id in the arena with its ``ByteHash`` (computed by the reading thread, so that the
    /// loading thread only probes the symbol table).
    struct ID: Sendable {
        var text: Text
        var hash: UInt64
    }

    /// `after:`/`before:`/`within:` of a row, with the positions of the ids named.
    struct Relative: Sendable {
        var references: [(id: String, isAfter: Bool, mark: PackedLocation)]
        var withinMark: PackedLocation
        /// The date the record gives besides `after`/`before` (nil when dated only relatively).
        var given: DayInterval?
    }

    private var arena: [UInt8] = []
    private(set) var ids: [ID] = []
    private(set) var places: [UInt64] = []
    /// Whether the row's event is complete and is stored; a row with errors only has its
    /// references noted (``GraphStoreBuilder/noteReferences(ofRejectedEvent:kind:roles:marks:evidence:claimant:)``).
    private(set) var isComplete: [Bool] = []
    /// Index into ``kindNames``; `UInt16.max` when the kind is unknown.
    private(set) var kinds: [UInt16] = []
    private(set) var kindNames = NameIndex()
    /// Packed as ``EventTable`` packs them.
    private(set) var starts: [UInt32] = []
    private(set) var ends: [UInt32] = []
    private(set) var flags: [UInt16] = []
    private(set) var titles: [Text] = []
    /// Role ids of the rows, in their kind's role order: rows `roleStarts[r] ..< roleStarts[r + 1]`.
    private(set) var roleStarts: [Int32] = [0]
    private(set) var roleNames = NameIndex()
    private(set) var roleName: [UInt16] = []
    private(set) var roleTarget: [ID] = []
    private(set) var roleMark: [UInt64] = []
    /// The kind's index of each role id of the row being read, to order them.
    private var roleOrder: [Int32] = []
    private(set) var evidenceStarts: [Int32] = [0]
    private(set) var evidenceSource: [ID] = []
    private(set) var evidenceQuote: [Text] = []
    private(set) var evidenceNote: [Text] = []
    private(set) var evidenceMark: [UInt64] = []
    private(set) var evidenceSourceMark: [UInt64] = []
    private(set) var extras = SparseRows<EventExtras>()
    private(set) var claimantMarks: [UInt64] = []
    private(set) var relatives = SparseRows<Relative>()

    init(reservingRows rows: Int = 0) {
        guard rows > 0 else { return }
        arena.reserveCapacity(rows * 96)
        ids.reserveCapacity(rows); places.reserveCapacity(rows); isComplete.reserveCapacity(rows)
        kinds.reserveCapacity(rows); starts.reserveCapacity(rows); ends.reserveCapacity(rows); flags.reserveCapacity(rows)
        titles.reserveCapacity(rows); roleStarts.reserveCapacity(rows + 1); evidenceStarts.reserveCapacity(rows + 1)
        roleName.reserveCapacity(rows * 3); roleTarget.reserveCapacity(rows * 3); roleMark.reserveCapacity(rows * 3)
        evidenceSource.reserveCapacity(rows * 2); evidenceQuote.reserveCapacity(rows * 2); evidenceNote.reserveCapacity(rows * 2)
        evidenceMark.reserveCapacity(rows * 2); evidenceSourceMark.reserveCapacity(rows * 2)
        claimantMarks.reserveCapacity(rows); extras.reserve(rows: rows); relatives.reserve(rows: rows)
    }

    var count: Int { ids.count }

    /// Forgets every row, keeping the capacity (a reader that reads one record at a time).
    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true); places.removeAll(keepingCapacity: true); isComplete.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true); starts.removeAll(keepingCapacity: true); ends.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true); titles.removeAll(keepingCapacity: true)
        roleStarts.removeAll(keepingCapacity: true); roleStarts.append(0)
        roleName.removeAll(keepingCapacity: true); roleTarget.removeAll(keepingCapacity: true); roleMark.removeAll(keepingCapacity: true)
        evidenceStarts.removeAll(keepingCapacity: true); evidenceStarts.append(0)
        evidenceSource.removeAll(keepingCapacity: true); evidenceQuote.removeAll(keepingCapacity: true)
        evidenceNote.removeAll(keepingCapacity: true); evidenceMark.removeAll(keepingCapacity: true)
        evidenceSourceMark.removeAll(keepingCapacity: true); claimantMarks.removeAll(keepingCapacity: true)
        extras = SparseRows(); relatives = SparseRows()
    }

    // MARK: Text

    /// Copies text into the arena.
    mutating func text(_ string: String) -> Text {
        let start = Int32(arena.count)
        arena.append(contentsOf: string.utf8)
        return Text(start: start, count: Int32(arena.count) - start)
    }

    /// Copies the text of a scalar node into the arena (raw bytes unless it has escapes).
    mutating func text(of node: Int32, in tree: RecordTree) -> Text {
        if tree[node].escaped { return text(tree.text(node)) }
        let start = Int32(arena.count)
        tree.withRawBytes(node) { arena.append(contentsOf: $0) }
        return Text(start: start, count: Int32(arena.count) - start)
    }

    /// Copies an id into the arena, with its hash.
    mutating func id(_ string: String) -> ID {
        let copied = text(string)
        return hashed(copied)
    }

    /// Copies the id a scalar node spells into the arena, with its hash.
    mutating func id(of node: Int32, in tree: RecordTree) -> ID {
        // Two statements: in `hashed(text(of:in:))` the call would read the arena before the copy.
        let copied = text(of: node, in: tree)
        return hashed(copied)
    }

    private func hashed(_ text: Text) -> ID { ID(text: text, hash: withBytes(text) { ByteHash.hash($0) }) }

    /// The hashes of every id of the batch (record ids, role ids, evidence sources).
    var idHashes: [UInt64] { ids.map(\.hash) + roleTarget.map(\.hash) + evidenceSource.map(\.hash) }

    /// Calls `body` with the bytes of a text.
    @inline(__always) func withBytes<R>(_ text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { a in
            body(UnsafeBufferPointer(start: a.baseAddress.map { $0 + Int(max(text.start, 0)) } ?? UnsafePointer(bitPattern: 1)!,
                                     count: Int(text.count)))
        }
    }

    func string(_ text: Text) -> String? {
        text.isNone ? nil : withBytes(text) { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Writing a row

    /// Starts a row: the record's id and the position of its key. The row ends with
    /// ``endRow(complete:kind:date:flags:title:extras:claimantMark:relative:)``; its role ids and evidence
    /// come in between.
    mutating func beginRow(id: ID, place: PackedLocation) {
        ids.append(id)
        places.append(place.raw)
        roleOrder.removeAll(keepingCapacity: true)
    }

    /// Adds a role id of the current row; `order` is the role's index in its kind (the ids are
    /// kept in the kind's role order, each role's in written order).
    mutating func addRoleID(role: String, order: Int, target: ID, mark: PackedLocation) {
        roleName.append(roleNames.number(role))
        roleTarget.append(target)
        roleMark.append(mark.raw)
        roleOrder.append(Int32(order))
    }

    mutating func addEvidence(source: ID, quote: Text, note: Text, mark: PackedLocation, sourceMark: PackedLocation) {
        evidenceSource.append(source)
        evidenceQuote.append(quote)
        evidenceNote.append(note)
        evidenceMark.append(mark.raw)
        evidenceSourceMark.append(sourceMark.raw)
    }

    /// Ends the current row. `kind` nil: unknown; `date` nil: none (an incomplete row).
    mutating func endRow(complete: Bool, kind: String?, date: EventDate?, flags rowFlags: UInt16, title: Text,
                         extras more: EventExtras, claimantMark: PackedLocation, relative: Relative?) {
        isComplete.append(complete)
        kinds.append(kind.map { kindNames.number($0) } ?? UInt16.max)
        let (start, end, between) = date.map(EventTable.packed) ?? (0, 0, 0)
        starts.append(start)
        ends.append(end)
        flags.append(rowFlags | between)
        titles.append(title)
        // Stable insertion sort of the row's role ids by their role's index in the kind.
        let first = Int(roleStarts[roleStarts.count - 1])
        if roleOrder.count > 1 {
            for i in 1..<roleOrder.count {
                var j = i
                while j > 0 && roleOrder[j - 1] > roleOrder[j] {
                    roleOrder.swapAt(j - 1, j)
                    roleName.swapAt(first + j - 1, first + j)
                    roleTarget.swapAt(first + j - 1, first + j)
                    roleMark.swapAt(first + j - 1, first + j)
                    j -= 1
                }
            }
        }
        roleStarts.append(Int32(roleTarget.count))
        evidenceStarts.append(Int32(evidenceSource.count))
        extras.append(more.isEmpty ? nil : more)
        claimantMarks.append(claimantMark.raw)
        relatives.append(relative)
    }

    /// Appends an event value as a complete row (its evidence and role positions from `marks`,
    /// else the event's).
    mutating func append(_ event: Event, marks: EventTable.Marks) {
        beginRow(id: id(event.id), place: marks.event)
        var k = 0
        for binding in event.roles {
            for id in binding.ids {
                addRoleID(role: binding.role, order: 0, target: self.id(id),
                          mark: k < marks.roleIDs.count ? marks.roleIDs[k] : marks.event)
                k += 1
            }
        }
        for (i, piece) in event.sources.enumerated() {
            let mark = i < marks.evidence.count ? marks.evidence[i] : (item: marks.event, source: marks.event)
            addEvidence(source: id(piece.source), quote: piece.quote.map { text($0) } ?? .none,
                        note: piece.note.map { text($0) } ?? .none, mark: mark.item, sourceMark: mark.source)
        }
        endRow(complete: true, kind: event.kind, date: event.date,
               flags: EventTable.flags(claim: event.claim, status: event.status, basis: event.dateBasis), title: text(event.title),
               extras: EventExtras(description: event.description, amount: event.amount, claimedBy: event.claimedBy,
                                   dateNote: event.dateNote, dateSource: event.dateSource, relativeDate: event.relativeDate,
                                   tags: event.tags),
               claimantMark: marks.claimant, relative: nil)
    }

    // MARK: Reading a row

    func roleRange(_ row: Int) -> Range<Int> { Int(roleStarts[row])..<Int(roleStarts[row + 1]) }

    func evidenceRange(_ row: Int) -> Range<Int> { Int(evidenceStarts[row])..<Int(evidenceStarts[row + 1]) }

    func id(_ row: Int) -> String { string(ids[row].text) ?? "" }

    func kind(_ row: Int) -> String? { kinds[row] == UInt16.max ? nil : kindNames.names[Int(kinds[row])] }

    /// The role ids of a row as bindings (the references of a rejected record).
    func roles(_ row: Int) -> [RoleBinding] {
        var roles: [RoleBinding] = []
        for i in roleRange(row) {
            let role = roleNames.names[Int(roleName[i])], target = string(roleTarget[i].text) ?? ""
            if let last = roles.last, last.role == role { roles[roles.count - 1].ids.append(target) } else {
                roles.append(RoleBinding(role: role, ids: [target]))
            }
        }
        return roles
    }

    func evidence(_ row: Int) -> [Evidence] {
        evidenceRange(row).map { Evidence(source: string(evidenceSource[$0].text) ?? "", quote: string(evidenceQuote[$0]), note: string(evidenceNote[$0])) }
    }

    func marks(_ row: Int) -> EventTable.Marks {
        EventTable.Marks(event: PackedLocation(raw: places[row]), roleIDs: roleRange(row).map { PackedLocation(raw: roleMark[$0]) },
                         evidence: evidenceRange(row).map { (PackedLocation(raw: evidenceMark[$0]), PackedLocation(raw: evidenceSourceMark[$0])) },
                         claimant: PackedLocation(raw: claimantMarks[row]))
    }
}
