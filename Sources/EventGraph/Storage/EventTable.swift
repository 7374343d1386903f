/// Strings in one byte arena: append returns an index, ``subscript(_:)`` makes the `String`.
struct StringColumn: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    var count: Int { ends.count }

    mutating func append(_ text: String) -> Int32 {
        bytes.append(contentsOf: text.utf8)
        ends.append(UInt32(bytes.count))
        return Int32(ends.count - 1)
    }

    mutating func append(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        self.bytes.append(contentsOf: bytes)
        ends.append(UInt32(self.bytes.count))
        return Int32(ends.count - 1)
    }

    subscript(_ i: Int32) -> String {
        let start = i == 0 ? 0 : Int(ends[Int(i) - 1])
        return String(decoding: bytes[start..<Int(ends[Int(i)])], as: UTF8.self)
    }

    mutating func reserve(strings: Int, bytes byteCount: Int) {
        ends.reserveCapacity(strings)
        bytes.reserveCapacity(byteCount)
    }

    var storageBytes: Int { bytes.count + ends.count * 4 }
}

/// The rarely given fields of an event, kept aside so the columns stay narrow.
struct EventExtras: Sendable {
    var description: String?
    var amount: Amount?
    var claimedBy: String?
    var dateNote: String?
    var dateSource: String?
    var relativeDate: RelativeDate?
    var tags: [String] = []

    var isEmpty: Bool {
        description == nil && amount == nil && claimedBy == nil && dateNote == nil && dateSource == nil && relativeDate == nil
            && tags.isEmpty
    }
}

/// Every event of a graph in columns, in input order: about 40 bytes an event plus its
/// text, instead of a Swift value with a dozen allocations. ``event(_:ids:)`` makes the
/// ``Event`` value of one row when a command needs it.
struct EventTable: Sendable {
    var count: Int { kinds.count }
    /// Index into ``kindNames``.
    private(set) var kinds: [UInt16] = []
    private var kindIndex = NameIndex()
    var kindNames: [String] { kindIndex.names }
    /// Packed partial dates (``PartialDate/packed``): the date or a span's start, and a span's end (0: none).
    private(set) var starts: [UInt32] = []
    private(set) var ends: [UInt32] = []
    /// Claim (bits 0–2), status + 1 (bits 3–5, 0: none), date basis (bits 6–8), and bit 9 set
    /// when `starts`…`ends` is an uncertain day between two (``EventDate/between(earliest:latest:)``).
    private var flags: [UInt16] = []
    private var titles = StringColumn()
    /// Roles: rows `roleStarts[e] ..< roleStarts[e + 1]`, each a role name index and a target symbol.
    private(set) var roleStarts: [Int32] = [0]
    private var roleIndex = NameIndex()
    var roleNames: [String] { roleIndex.names }
    private(set) var roleName: [UInt16] = []
    private(set) var roleTarget: [Int32] = []
    private(set) var roleMark: [UInt64] = []
    /// Evidence: rows `evidenceStarts[e] ..< evidenceStarts[e + 1]`.
    private(set) var evidenceStarts: [Int32] = [0]
    private(set) var evidenceSource: [Int32] = []
    private var evidenceQuote: [Int32] = []
    private var evidenceNote: [Int32] = []
    /// Position of the evidence item, and of its `source:` value (for reference errors).
    private var evidenceMark: [UInt64] = []
    private(set) var evidenceSourceMark: [UInt64] = []
    private var texts = StringColumn()
    private(set) var extras = SparseRows<EventExtras>()
    private(set) var claimantMarks: [Int32: UInt64] = [:]
    private var locations: [UInt64] = []

    mutating func reserve(_ n: Int) {
        kinds.reserveCapacity(n); starts.reserveCapacity(n); ends.reserveCapacity(n); flags.reserveCapacity(n)
        locations.reserveCapacity(n); roleStarts.reserveCapacity(n + 1); evidenceStarts.reserveCapacity(n + 1)
        roleName.reserveCapacity(n * 3); roleTarget.reserveCapacity(n * 3); roleMark.reserveCapacity(n * 3)
        evidenceSource.reserveCapacity(n * 2); evidenceQuote.reserveCapacity(n * 2); evidenceNote.reserveCapacity(n * 2)
        evidenceMark.reserveCapacity(n * 2); evidenceSourceMark.reserveCapacity(n * 2)
        titles.reserve(strings: n, bytes: n * 32)
        extras.reserve(rows: n)
    }

    /// Positions of the parts of an event record, for diagnostics (zeros when built from values).
    struct Marks {
        var event = PackedLocation(raw: 0)
        /// One per role id, in the order of `event.roles` flattened.
        var roleIDs: [PackedLocation] = []
        /// One per evidence item: the item and its `source:` value.
        var evidence: [(item: PackedLocation, source: PackedLocation)] = []
        var claimant = PackedLocation(raw: 0)
    }

    /// How a batch's kind and role numbers map to the table's, filled as its rows are stored
    /// (so that the table numbers names in the order stored events use them).
    struct Numbering {
        var kinds: [Int32] = []
        var roles: [Int32] = []
    }

    /// Appends row `r` of a batch; `roleTargets` and `sources` are the symbols of its role ids
    /// and evidence sources, in the batch's order.
    mutating func append(_ batch: EventBatch, row r: Int, roleTargets: [Int32], sources: [Int32], numbering: inout Numbering) {
        let row = Int32(count)
        kinds.append(Self.number(Int(batch.kinds[r]), batch.kindNames.names, &numbering.kinds, &kindIndex))
        starts.append(batch.starts[r])
        ends.append(batch.ends[r])
        flags.append(batch.flags[r])
        batch.withBytes(batch.titles[r]) { _ = titles.append(bytes: $0) }
        for (k, i) in batch.roleRange(r).enumerated() {
            roleName.append(Self.number(Int(batch.roleName[i]), batch.roleNames.names, &numbering.roles, &roleIndex))
            roleTarget.append(roleTargets[k])
            roleMark.append(batch.roleMark[i])
        }
        roleStarts.append(Int32(roleTarget.count))
        for (k, i) in batch.evidenceRange(r).enumerated() {
            evidenceSource.append(sources[k])
            let quote = batch.evidenceQuote[i], note = batch.evidenceNote[i]
            evidenceQuote.append(quote.isNone ? -1 : batch.withBytes(quote) { texts.append(bytes: $0) })
            evidenceNote.append(note.isNone ? -1 : batch.withBytes(note) { texts.append(bytes: $0) })
            evidenceMark.append(batch.evidenceMark[i])
            evidenceSourceMark.append(batch.evidenceSourceMark[i])
        }
        evidenceStarts.append(Int32(evidenceSource.count))
        let more = batch.extras[row: Int32(r)]
        extras.append(more)
        if more?.claimedBy != nil { claimantMarks[row] = batch.claimantMarks[r] }
        locations.append(batch.places[r])
    }

    /// The table's number of a batch's name number `n`, numbering the name when new.
    @inline(__always)
    private static func number(_ n: Int, _ names: [String], _ map: inout [Int32], _ index: inout NameIndex) -> UInt16 {
        if n < map.count, map[n] >= 0 { return UInt16(map[n]) }
        if map.count <= n { map += Array(repeating: -1, count: n + 1 - map.count) }
        let number = index.number(names[n])
        map[n] = Int32(number)
        return number
    }

    /// Claim (bits 0–2), status + 1 (bits 3–5, 0: none) and date basis (bits 6–8) of a row.
    static func flags(claim: Claim, status: EventStatus?, basis: DateBasis) -> UInt16 {
        let claim = UInt16(Claim.allCases.firstIndex(of: claim)!)
        let status = status.map { UInt16(EventStatus.allCases.firstIndex(of: $0)! + 1) } ?? 0
        let basis = UInt16(DateBasis.allCases.firstIndex(of: basis)!)
        return claim | status << 3 | basis << 6
    }

    private static let betweenFlag: UInt16 = 1 << 9

    static func packed(_ date: EventDate) -> (start: UInt32, end: UInt32, flag: UInt16) {
        switch date {
        case let .on(date): (date.packed, 0, 0)
        case let .span(start, end): (start.packed, end.packed, 0)
        case let .between(earliest, latest): (earliest.packed, latest.packed, betweenFlag)
        }
    }

    /// Replaces the date of a row (a relative date, once resolved).
    mutating func setDate(_ row: Int, _ date: EventDate) {
        let (start, end, between) = Self.packed(date)
        starts[row] = start
        ends[row] = end
        flags[row] = flags[row] & ~Self.betweenFlag | between
    }

    /// The relative date of a row, if it has one.
    func relativeDate(_ row: Int) -> RelativeDate? { extras[row: Int32(row)]?.relativeDate }

    // MARK: Reading

    func date(_ row: Int) -> EventDate {
        let start = PartialDate(packed: starts[row])
        if ends[row] == 0 { return .on(start) }
        let end = PartialDate(packed: ends[row])
        return flags[row] & Self.betweenFlag != 0 ? .between(earliest: start, latest: end) : .span(start: start, end: end)
    }

    func claim(_ row: Int) -> Claim { Claim.allCases[Int(flags[row] & 7)] }

    func dateBasis(_ row: Int) -> DateBasis { DateBasis.allCases[Int(flags[row] >> 6 & 7)] }

    func kind(_ row: Int) -> String { kindNames[Int(kinds[row])] }

    func title(_ row: Int) -> String { titles[Int32(row)] }

    /// The rows of the role ids of an event.
    func roleRange(_ row: Int) -> Range<Int> { Int(roleStarts[row])..<Int(roleStarts[row + 1]) }

    func evidenceRange(_ row: Int) -> Range<Int> { Int(evidenceStarts[row])..<Int(evidenceStarts[row + 1]) }

    /// The ``Event`` value of a row.
    /// - Parameters:
    ///   - id: the event's id.
    ///   - name: the id of a symbol (role targets, evidence sources).
    ///   - keepsTarget: whether a role target stays (a filtered view drops the ones it leaves out).
    func event(_ row: Int, id: String, files: [String], name: (Int32) -> String, keepsTarget: (Int32) -> Bool) -> Event {
        let f = flags[row]
        let statusIndex = Int(f >> 3 & 7)
        var roles: [RoleBinding] = []
        let names = roleIndex.names
        var lastRole = -1
        for i in roleRange(row) where keepsTarget(roleTarget[i]) {
            let role = Int(roleName[i])
            let target = name(roleTarget[i])
            if role == lastRole {
                roles[roles.count - 1].ids.append(target)
            } else {
                roles.append(RoleBinding(role: names[role], ids: [target]))
                lastRole = role
            }
        }
        var evidence: [Evidence] = []
        evidence.reserveCapacity(Int(evidenceStarts[row + 1] - evidenceStarts[row]))
        for i in evidenceRange(row) {
            evidence.append(Evidence(source: name(evidenceSource[i]),
                                     quote: evidenceQuote[i] >= 0 ? texts[evidenceQuote[i]] : nil,
                                     note: evidenceNote[i] >= 0 ? texts[evidenceNote[i]] : nil,
                                     location: Self.location(evidenceMark[i], files)))
        }
        let more = extras[row: Int32(row)]
        return Event(id: id, kind: kind(row), date: date(row), title: title(row), description: more?.description,
                     roles: roles, amount: more?.amount,
                     status: statusIndex == 0 ? nil : EventStatus.allCases[statusIndex - 1],
                     claim: claim(row), claimedBy: more?.claimedBy, dateBasis: dateBasis(row),
                     dateNote: more?.dateNote, dateSource: more?.dateSource, relativeDate: more?.relativeDate,
                     sources: evidence, tags: more?.tags ?? [],
                     location: Self.location(locations[row], files))
    }

    func location(_ row: Int, files: [String]) -> SourceLocation? { Self.location(locations[row], files) }

    static func location(_ raw: UInt64, _ files: [String]) -> SourceLocation? {
        guard raw != 0 else { return nil }
        return PackedLocation(raw: raw).location(files: files)
    }

    var storageBytes: Int {
        count * (2 + 8 + 2 + 8) + titles.storageBytes + texts.storageBytes + roleTarget.count * 14
            + evidenceSource.count * 28 + extras.count * 120
    }
}

extension PartialDate {
    /// The date in 32 bits: present flag, approximate flag, half or quarter (bits 23–25: 1–4 a
    /// quarter, 5–6 a half), year, month and day (0 for unknown parts).
    var packed: UInt32 {
        let partCode: UInt32 = switch part {
        case let .quarter(q)?: UInt32(q)
        case let .half(h)?: UInt32(4 + h)
        case nil: 0
        }
        return 1 << 31 | (approximate ? 1 << 30 : 0) | partCode << 23 | UInt32(year) << 9 | UInt32(month ?? 0) << 5 | UInt32(day ?? 0)
    }

    init(packed: UInt32) {
        let month = Int(packed >> 5 & 15), day = Int(packed & 31), partCode = Int(packed >> 23 & 7)
        let year = Int(packed >> 9 & 0x3FFF), approximate = packed & (1 << 30) != 0
        if partCode != 0 {
            self.init(year: year, part: partCode <= 4 ? .quarter(partCode) : .half(partCode - 4), approximate: approximate)!
        } else {
            self.init(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day, approximate: approximate)!
        }
    }
}
