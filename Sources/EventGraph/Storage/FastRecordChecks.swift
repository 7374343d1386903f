/// Allocation-free checks for the common, valid forms of actor, event and relation records.
///
/// Each check either accepts a record (it is certainly valid: every rule of the full reader
/// holds) and records it, or declines without side effects other than interning ids; the
/// caller then runs the full reader (``FastGraphReader/readEvent(_:_:key:value:id:)`` …),
/// which applies every rule and reports the diagnostics. So the checks only need to be
/// conservative, never complete.
extension FastGraphReader {
    struct KeyValue {
        var key: Int32
        var value: Int32
    }

    struct RoleRef {
        var slot: Int32
        var node: Int32
        var offset: Int
    }

    /// Raw field names, indexed like ``RecordFields``.
    static let eventFieldBytes: [[UInt8]] = RecordFields.event.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }
    static let actorFieldBytes: [[UInt8]] = RecordFields.actor.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }
    static let relationFieldBytes: [[UInt8]] = RecordFields.relation.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }
    static let evidenceFieldBytes: [[UInt8]] = RecordFields.evidence.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }
    static let claimBytes: [[UInt8]] = Claim.allCases.map { Array($0.rawValue.utf8) }
    static let statusBytes: [[UInt8]] = EventStatus.allCases.map { Array($0.rawValue.utf8) }
    static let basisBytes: [[UInt8]] = DateBasis.allCases.map { Array($0.rawValue.utf8) }

    @inline(__always)
    static func index(of raw: UnsafeBufferPointer<UInt8>, in names: [[UInt8]]) -> Int? {
        for (i, name) in names.enumerated() where name.count == raw.count {
            var equal = true
            for j in 0..<raw.count where name[j] != raw[j] { equal = false; break }
            if equal { return i }
        }
        return nil
    }

    /// The pairs of an object into `pairs`, false when a key is escaped or repeated.
    @inline(__always)
    static func collectPairs(_ s: JSONScanner, _ node: Int32, into pairs: inout [KeyValue]) -> Bool {
        pairs.removeAll(keepingCapacity: true)
        var key = s[node].first
        while key >= 0 {
            let value = s[key].next
            if s[key].escaped { return false }
            let raw = s.rawContent(key)
            for other in pairs {
                let o = s.rawContent(other.key)
                if o.count == raw.count && (raw.count == 0 || memcmpEqual(o.baseAddress!, raw.baseAddress!, raw.count)) { return false }
            }
            pairs.append(KeyValue(key: key, value: value))
            key = s[value].next
        }
        return true
    }

    /// A string with a visible ASCII character (so certainly not blank).
    @inline(__always)
    static func plainlyNonBlank(_ s: JSONScanner, _ node: Int32) -> Bool {
        guard s[node].kind == .string, !s[node].escaped else { return false }
        for b in s.rawContent(node) where b < 0x80 && !(b == 0x20 || (0x09...0x0D).contains(b)) { return true }
        return false
    }

    @inline(__always)
    static func absentOrString(_ s: JSONScanner, _ node: Int32) -> Bool {
        node < 0 || s[node].kind == .string || s[node].kind == .null
    }

    @inline(__always)
    static func absentOrStringList(_ s: JSONScanner, _ node: Int32) -> Bool {
        if node < 0 || s[node].kind == .null { return true }
        guard s[node].kind == .array else { return false }
        var c = s[node].first
        while c >= 0 {
            if s[c].kind != .string { return false }
            c = s[c].next
        }
        return true
    }

    /// A JSON number that certainly parses as a finite Double.
    @inline(__always)
    static func safeNumber(_ s: JSONScanner, _ node: Int32) -> Bool {
        let n = s[node]
        guard n.kind == .number, n.end - n.start <= 24 else { return false }
        for i in n.start..<n.end where s.base[i] == 0x65 || s.base[i] == 0x45 { return false }
        return true
    }

    @inline(__always)
    static func enumIndex(_ s: JSONScanner, _ node: Int32, _ names: [[UInt8]]) -> Int? {
        guard s[node].kind == .string, !s[node].escaped else { return nil }
        return index(of: s.rawContent(node), in: names)
    }

    /// Evidence in its plain form (objects with string `source`, optional string `quote` and
    /// `note`); appends the source references to `sourceRefs`.
    mutating func fastEvidence(_ s: JSONScanner, _ node: Int32, allowEmpty: Bool) -> Bool {
        sourceRefs.removeAll(keepingCapacity: true)
        if node < 0 || s[node].kind == .null { return allowEmpty }
        guard s[node].kind == .array, allowEmpty || s[node].count > 0 else { return false }
        var item = s[node].first
        while item >= 0 {
            guard s[item].kind == .object, Self.collectPairs(s, item, into: &evidencePairs) else { return false }
            var source: Int32 = -1
            for pair in evidencePairs {
                guard let field = Self.index(of: s.rawContent(pair.key), in: Self.evidenceFieldBytes) else { return false }
                if field == 0 {
                    source = pair.value
                } else if !Self.absentOrString(s, pair.value) {
                    return false
                }
            }
            guard source >= 0, !s[source].escaped, s[source].end - s[source].start < 0xFFFF,
                  Self.plainlyNonBlank(s, source) else { return false }
            sourceRefs.append(source)
            item = s[item].next
        }
        return true
    }

    /// The common event form; false to let ``readEvent(_:_:key:value:id:)`` decide.
    mutating func fastEvent(_ s: JSONScanner, _ r: inout JSONRecordReader, key: Int32, value: Int32, id: Int32?) -> Bool {
        guard s[value].kind == .object, Self.collectPairs(s, value, into: &recordPairs) else { return false }
        typealias E = RecordFields.E
        for i in 0..<eventSlots.count { eventSlots[i] = -1 }
        roleKeys.removeAll(keepingCapacity: true)
        for pair in recordPairs {
            if let field = Self.index(of: s.rawContent(pair.key), in: Self.eventFieldBytes) {
                eventSlots[field] = pair.value
            } else {
                roleKeys.append(pair)
            }
        }
        let kindNode = eventSlots[E.kind]
        guard kindNode >= 0, s[kindNode].kind == .string, !s[kindNode].escaped,
              let kindIndex = Self.index(of: s.rawContent(kindNode), in: eventKindBytes) else { return false }
        let titleNode = eventSlots[E.title]
        guard titleNode >= 0, Self.plainlyNonBlank(s, titleNode) else { return false }
        guard eventSlots[E.start] < 0, eventSlots[E.end] < 0, eventSlots[E.date] >= 0,
              let date = JSONRecordReader.fastDate(s, eventSlots[E.date]) else { return false }
        // Roles.
        let kindInfo = eventKindList[kindIndex]
        roleRefs.removeAll(keepingCapacity: true)
        var given: UInt64 = 0
        for pair in roleKeys {
            guard let roleIndex = Self.index(of: s.rawContent(pair.key), in: kindInfo.roleNames) else { return false }
            let slot = kindInfo.firstSlot + roleIndex
            let v = pair.value
            switch s[v].kind {
            case .string:
                guard !s[v].escaped, s[v].end - s[v].start < 0xFFFF else { return false }
                roleRefs.append(RoleRef(slot: Int32(slot), node: v, offset: s[v].start))
            case .array:
                guard roleSlots[slot].role.many, s[v].count > 0 else { return false }
                var element = s[v].first
                while element >= 0 {
                    guard s[element].kind == .string, !s[element].escaped, s[element].end - s[element].start < 0xFFFF else { return false }
                    roleRefs.append(RoleRef(slot: Int32(slot), node: element, offset: s[element].start))
                    element = s[element].next
                }
            default:
                return false
            }
            given |= 1 << UInt64(roleIndex)
        }
        guard given & kindInfo.requiredMask == kindInfo.requiredMask else { return false }
        // Other fields.
        let amount = eventSlots[E.amount]
        if amount >= 0 && s[amount].kind != .null {
            if s[amount].kind == .object {
                guard Self.collectPairs(s, amount, into: &evidencePairs) else { return false }
                var hasValue = false
                for pair in evidencePairs {
                    if s.keyIs(pair.key, "value") {
                        guard Self.safeNumber(s, pair.value) else { return false }
                        hasValue = true
                    } else if s.keyIs(pair.key, "currency") {
                        guard Self.absentOrString(s, pair.value) else { return false }
                    } else {
                        return false
                    }
                }
                guard hasValue else { return false }
            } else if !Self.safeNumber(s, amount) {
                return false
            }
        }
        var claim = 0
        if eventSlots[E.claim] >= 0 {
            guard let c = Self.enumIndex(s, eventSlots[E.claim], Self.claimBytes) else { return false }
            claim = c
        }
        guard eventSlots[E.claimedBy] < 0 else { return false }
        if eventSlots[E.status] >= 0 && Self.enumIndex(s, eventSlots[E.status], Self.statusBytes) == nil { return false }
        if eventSlots[E.dateBasis] >= 0 && Self.enumIndex(s, eventSlots[E.dateBasis], Self.basisBytes) == nil { return false }
        guard Self.absentOrString(s, eventSlots[E.description]), Self.absentOrString(s, eventSlots[E.dateNote]),
              Self.absentOrStringList(s, eventSlots[E.tags]) else { return false }
        guard fastEvidence(s, eventSlots[E.sources], allowEmpty: false) else { return false }
        // Accepted: define, then record.
        let owner: Int32
        if let id {
            guard define(s, &r, key: key, id: id, rank: 2) else {
                recordReferences(s, owner: id)
                return true
            }
            owner = id
        } else {
            guard !s[key].escaped, s[key].end - s[key].start < 0xFFFF, Self.isValidID(s.rawContent(key)) else { return false }
            owner = -2 - Int32(pendingEvents.count)
        }
        recordReferences(s, owner: owner)
        let interval = date.interval
        let node = builder.addNode(idBytes: s.rawContent(key), type: .event, kind: kindInfo.builderKind,
                                   first: LinkGraphBuilder.clampDay(interval.first), last: LinkGraphBuilder.clampDay(interval.last),
                                   claim: UInt8(claim))
        nodeFile.append(UInt16(fileIndex))
        nodeOffset.append(s[value].start)
        if let id {
            info[Int(id)].appended = true
            info[Int(id)].index = Int32(node)
        } else {
            pendingEvents.append(PendingDefinition(offset: s[key].start, length: UInt16(s[key].end - s[key].start - 2),
                                                   file: UInt16(fileIndex), rank: 2, actorKind: 0, index: Int32(node)))
        }
        return true
    }

    /// Appends the role and source references collected by a fast check.
    private mutating func recordReferences(_ s: JSONScanner, owner: Int32) {
        if roleRefs.count > 1 { roleRefs.sort { ($0.slot, $0.offset) < ($1.slot, $1.offset) } }
        for ref in roleRefs { reference(s, ref.node, kind: .role, owner: owner, slot: UInt16(ref.slot)) }
        for node in sourceRefs { reference(s, node, kind: .source) }
    }

    /// The common actor form; false to let ``readActor(_:_:key:value:id:)`` decide.
    mutating func fastActor(_ s: JSONScanner, _ r: inout JSONRecordReader, key: Int32, value: Int32, id: Int32?) -> Bool {
        guard s[value].kind == .object, Self.collectPairs(s, value, into: &recordPairs) else { return false }
        var slots: (kind: Int32, name: Int32, names: Int32, aliases: Int32, country: Int32, description: Int32, tags: Int32) = (-1, -1, -1, -1, -1, -1, -1)
        for pair in recordPairs {
            guard let field = Self.index(of: s.rawContent(pair.key), in: Self.actorFieldBytes) else { return false }
            switch field {
            case 0: slots.kind = pair.value
            case 1: slots.name = pair.value
            case 2: slots.names = pair.value
            case 3: slots.aliases = pair.value
            case 4: slots.country = pair.value
            case 5: slots.description = pair.value
            default: slots.tags = pair.value
            }
        }
        guard slots.kind >= 0, s[slots.kind].kind == .string, !s[slots.kind].escaped,
              let kindIndex = Self.index(of: s.rawContent(slots.kind), in: actorKindBytes) else { return false }
        guard slots.name >= 0, Self.plainlyNonBlank(s, slots.name) else { return false }
        var names: [LocalizedName] = []
        if slots.names >= 0 && s[slots.names].kind != .null {
            guard s[slots.names].kind == .object, Self.collectPairs(s, slots.names, into: &evidencePairs) else { return false }
            for pair in evidencePairs {
                guard s[pair.value].kind == .string else { return false }
                names.append(LocalizedName(language: s.text(pair.key), name: s.text(pair.value)))
            }
        }
        var country: String?
        if slots.country >= 0 && s[slots.country].kind != .null {
            guard s[slots.country].kind == .string, !s[slots.country].escaped else { return false }
            let raw = s.rawContent(slots.country)
            guard raw.count == 2, raw.allSatisfy({ (0x41...0x5A).contains($0) }) else { return false }
            country = s.text(slots.country)
        }
        guard Self.absentOrStringList(s, slots.aliases), Self.absentOrStringList(s, slots.tags),
              Self.absentOrString(s, slots.description) else { return false }
        if let id {
            guard define(s, &r, key: key, id: id, rank: 1) else { return true }
        } else {
            guard !s[key].escaped, s[key].end - s[key].start < 0xFFFF, Self.isValidID(s.rawContent(key)) else { return false }
        }
        func list(_ node: Int32) -> [String] {
            node >= 0 && s[node].kind == .array ? s.children(node).map { s.text($0) } : []
        }
        let actor = Actor(id: s.text(key), kind: actorKindNames[kindIndex], name: s.text(slots.name), names: names,
                          aliases: list(slots.aliases), country: country,
                          description: slots.description >= 0 && s[slots.description].kind == .string ? s.text(slots.description) : nil,
                          tags: list(slots.tags))
        actors.append(actor)
        let node = builder.addNode(idBytes: s.rawContent(key), type: .actor, kind: actorBuilderKinds[kindIndex], first: 0, last: 0, claim: 0)
        nodeFile.append(UInt16(fileIndex))
        nodeOffset.append(-1)
        if let id {
            info[Int(id)].appended = true
            info[Int(id)].index = Int32(node)
            info[Int(id)].actorKind = UInt8(kindIndex)
        } else {
            pendingDefinitions.append(PendingDefinition(offset: s[key].start, length: UInt16(s[key].end - s[key].start - 2),
                                                        file: UInt16(fileIndex), rank: 1, actorKind: UInt8(kindIndex), index: Int32(node)))
        }
        return true
    }

    /// The common relation form; false to let ``readRelation(_:_:node:)`` decide.
    mutating func fastRelation(_ s: JSONScanner, node: Int32) -> Bool {
        guard s[node].kind == .object, Self.collectPairs(s, node, into: &recordPairs) else { return false }
        var slots: (kind: Int32, from: Int32, to: Int32, role: Int32, since: Int32, until: Int32, sources: Int32) = (-1, -1, -1, -1, -1, -1, -1)
        for pair in recordPairs {
            guard let field = Self.index(of: s.rawContent(pair.key), in: Self.relationFieldBytes) else { return false }
            switch field {
            case 0: slots.kind = pair.value
            case 1: slots.from = pair.value
            case 2: slots.to = pair.value
            case 3: slots.role = pair.value
            case 4: slots.since = pair.value
            case 5: slots.until = pair.value
            default: slots.sources = pair.value
            }
        }
        guard slots.kind >= 0, s[slots.kind].kind == .string, !s[slots.kind].escaped,
              let kindIndex = Self.index(of: s.rawContent(slots.kind), in: relationKindBytes) else { return false }
        guard slots.from >= 0, !s[slots.from].escaped, Self.plainlyNonBlank(s, slots.from),
              slots.to >= 0, !s[slots.to].escaped, Self.plainlyNonBlank(s, slots.to),
              Self.absentOrString(s, slots.role) else { return false }
        var since: PartialDate?, until: PartialDate?
        if slots.since >= 0 && s[slots.since].kind != .null {
            guard let d = JSONRecordReader.fastDate(s, slots.since) else { return false }
            since = d
        }
        if slots.until >= 0 && s[slots.until].kind != .null {
            guard let d = JSONRecordReader.fastDate(s, slots.until) else { return false }
            until = d
        }
        if let since, let until, until.interval.last < since.interval.first { return false }
        guard fastEvidence(s, slots.sources, allowEmpty: true) else { return false }
        for node in sourceRefs { reference(s, node, kind: .source) }
        let kind = relationKindList[kindIndex]
        let base = "\(s.text(slots.from))--\(kind.name)--\(s.text(slots.to))"
        var relationID = base
        var n = 2
        while relationIDs.contains(relationID) {
            relationID = "\(base)-\(n)"
            n += 1
        }
        relationIDs.insert(relationID)
        let validity = DayInterval(first: since?.interval.first ?? Int.min, last: until?.interval.last ?? Int.max)
        let link = builder.addNode(id: relationID, type: .relation, kind: relationBuilderKinds[kindIndex], interval: validity)
        nodeFile.append(UInt16(fileIndex))
        nodeOffset.append(s[node].start)
        reference(s, slots.from, kind: .relationFrom, owner: Int32(link), slot: UInt16(kindIndex))
        reference(s, slots.to, kind: .relationTo, owner: Int32(link), slot: UInt16(kindIndex))
        return true
    }
}
