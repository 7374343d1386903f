/// Event records: read in two steps so that the reading, most of the work of a load, can run
/// on several threads (``ChunkedSection``) while the store is still filled in input order.
///
/// ``decodeEvent(_:_:_:schema:_:)`` checks one record against the schema and keeps what it
/// found in an ``EventRecord``; it touches nothing but its reader. ``commit(_:_:)`` defines
/// the id and adds the event to the builder, in the order the records were written.
extension GraphValidator {
    /// The fields of an event record besides its kind's roles, by index.
    enum EventField: Int, CaseIterable {
        case kind, date, start, end, after, before, within, title, description, amount, status, claim
        case claimedBy, dateBasis, dateNote, dateSource, sources, tags

        /// The names as written, in the order of the cases (``Schema/eventFieldNames``).
        static let names = ["kind", "date", "start", "end", "after", "before", "within", "title", "description",
                            "amount", "status", "claim", "claimed_by", "date_basis", "date_note", "date_source",
                            "sources", "tags"]

        var name: String { Self.names[rawValue] }
    }

    static let eventFieldNames = FieldNames(EventField.names)
    static let evidenceFieldNames = FieldNames(evidenceFields)

    /// The event kinds of a schema, found by the bytes of a record's `kind:` (no `String` or
    /// hash per record), each with its role names as a byte table: made once a load.
    struct EventKinds: Sendable {
        /// One kind as the decoder uses it: a class, so that a record takes one reference
        /// rather than a copy of the kind's fields.
        final class Kind: Sendable {
            let kind: Schema.EventKind
            let roles: FieldNames

            init(_ kind: Schema.EventKind) {
                self.kind = kind
                roles = FieldNames(kind.roles.map(\.name))
            }
        }

        let schema: Schema
        private let names: FieldNames
        private let kinds: [Kind]

        init(_ schema: Schema) {
            self.schema = schema
            let order = schema.eventKindOrder
            names = FieldNames(order)
            kinds = order.map { Kind(schema.eventKinds[$0]!) }
        }

        /// The kind a scalar node names, if any (compared as ``FieldNames`` compares keys).
        func kind(of node: Int32, in tree: RecordTree) -> Kind? { names.index(of: node, in: tree).map { kinds[$0] } }
    }

    /// The fields of one event record, by ``EventField``.
    struct EventFields {
        let slots: RecordReader.FieldSlots
        let tree: RecordTree

        subscript(_ field: EventField) -> RecordReader.Entry? { slots.entry(field.rawValue, field.name, tree) }
    }

    /// Stores the rows of a batch of event records in order: defines each id and stores the
    /// event, or notes the references of a record that had errors.
    mutating func commit(_ batch: EventBatch, _ reader: RecordReader) {
        var numbering = EventTable.Numbering()
        if batch.count > 64 { builder.touch(batch) }
        for row in 0..<batch.count {
            let place = PackedLocation(raw: batch.places[row])
            let id = batch.ids[row]
            let symbol = batch.withBytes(id.text) { define(bytes: $0, hash: id.hash, .event, at: place, reader) }
            guard let symbol, batch.isComplete[row] else {
                builder.noteReferences(ofRejectedEvent: batch.id(row), kind: batch.kind(row), roles: batch.roles(row),
                                       marks: batch.marks(row), evidence: batch.evidence(row),
                                       claimant: batch.extras[row: Int32(row)]?.claimedBy)
                continue
            }
            builder.add(batch, row: row, symbol: symbol, numbering: &numbering)
            if let relative = batch.relatives[row: Int32(row)] {
                builder.noteRelativeDate(ofLastEvent: relative.references, within: relative.withinMark, given: relative.given)
            }
        }
    }

    /// What `after:`, `before:` and `within:` say, with the positions of the ids named.
    struct RelativeFields: Sendable {
        var date = RelativeDate()
        var references: [(id: String, isAfter: Bool, mark: PackedLocation)] = []
        var withinMark = PackedLocation(raw: 0)
        var failed = false
    }

    /// Checks one event record (`keyNode`: its id; `value`: its fields) against the schema and
    /// appends what it says to `batch` as a row (touches nothing but its reader and the batch).
    static func decodeEvent(_ keyNode: Int32, _ value: Int32, kinds: EventKinds, _ reader: RecordReader,
                            into batch: inout EventBatch) {
        let tree = reader.tree
        let schema = kinds.schema
        batch.beginRow(id: batch.id(of: keyNode, in: tree), place: reader.packed(keyNode))
        var what: String { "event '\(tree.text(keyNode))'" }
        // What the row gets when this returns, however it returns.
        var complete = false, kindName: String?, date: EventDate?, flags: UInt16 = 0, title = EventBatch.Text.none
        var more = EventExtras(), claimantMark = PackedLocation(raw: 0), relativeRow: EventBatch.Relative?
        defer {
            batch.endRow(complete: complete, kind: kindName, date: date, flags: flags, title: title, extras: more,
                         claimantMark: claimantMark, relative: relativeRow)
        }
        // `mappingEntries` has already reported repeated keys, so the fields are taken as they come.
        guard let entries = reader.mappingEntries(value, what: what) else { return }
        var slots = RecordReader.FieldSlots()
        entries.forEach(tree) { k, _ in
            if let i = eventFieldNames.index(of: k, in: tree) { slots.keys[i] = k }
        }
        let f = EventFields(slots: slots, tree: tree)
        let kindNode = reader.requiredScalar(f[.kind], "kind", what: what, at: keyNode)
        let known = kindNode.flatMap { kinds.kind(of: $0, in: tree) }
        if let kindNode, known == nil {
            reader.error(kindNode, "unknown event kind '\(tree.text(kindNode))'; known kinds: \(schema.eventKindOrder.joined(separator: ", "))")
        }
        kindName = known?.kind.name
        let titleNode = reader.requiredScalar(f[.title], "title", what: what, at: keyNode)
        if let titleNode { title = batch.text(of: titleNode, in: tree) }
        var relative = readRelativeDate(f, what: what, reader)
        // An event dated only relative to others gets its date when the builder resolves it.
        let datedOnlyRelative = relative != nil && f[.date] == nil && f[.start] == nil && f[.end] == nil
        let eventDate = datedOnlyRelative ? EventDate.day(in: DayInterval(first: 0, last: 0))
            : readEventDate(f, what: what, owner: keyNode, reader)
        if relative != nil && !datedOnlyRelative {
            if case .span? = eventDate, let entry = f[.start] {
                reader.error(entry.keyNode, "\(what) has a span and 'after'/'before': a relative date is one day; give 'date' instead of 'start' and 'end'")
                relative!.failed = true
            }
            relative!.date.given = eventDate
        }
        if let relative {
            relativeRow = EventBatch.Relative(references: relative.references, withinMark: relative.withinMark,
                                              given: datedOnlyRelative ? nil : eventDate?.interval)
        }

        // Roles, in the kind's declaration order (the batch orders them).
        if let known {
            var allowedRoles: String { known.kind.roles.map(\.name).joined(separator: ", ") }
            var given = RoleSet()
            entries.forEach(tree) { k, v in
                guard eventFieldNames.index(of: k, in: tree) == nil else { return }
                guard let roleIndex = known.roles.index(of: k, in: tree) else {
                    reader.error(k, "unknown role '\(tree.text(k))' for event kind '\(known.kind.name)'; allowed roles: \(allowedRoles)")
                    return
                }
                let role = known.kind.roles[roleIndex]
                var ids = 0
                func add(_ node: Int32) {
                    batch.addRoleID(role: role.name, order: roleIndex, target: batch.id(of: node, in: tree), mark: reader.packed(node))
                    ids += 1
                }
                if tree.kind(v) == .list {
                    if !role.many {
                        reader.error(v, "role '\(role.name)' of event kind '\(known.kind.name)' takes one id, not a list")
                    }
                    for element in tree.children(v) where reader.isScalar(element, what: "an id in role '\(role.name)'") { add(element) }
                } else if reader.isScalar(v, what: "role '\(role.name)'") {
                    add(v)
                }
                if ids == 0 && role.required {
                    reader.error(v, "role '\(role.name)' of \(what) is required and must name at least one id")
                }
                given.insert(roleIndex)
            }
            for (roleIndex, role) in known.kind.roles.enumerated() where role.required && !given.contains(roleIndex) {
                let described = known.kind.roles.map { $0.required ? "\($0.name) (required)" : $0.name }.joined(separator: ", ")
                reader.error(keyNode, "\(what) is missing required role '\(role.name)' of event kind '\(known.kind.name)'; roles: \(described)")
            }
        }

        var amount: Amount?
        if let node = f[.amount]?.value, !reader.isNull(node) {
            if reader.tree.kind(node) == .mapping {
                if let af = reader.fields(node, what: "amount", allowed: ["value", "currency"]) {
                    if af["value"] == nil { reader.error(node, "amount is missing required field 'value'") }
                    if let value = reader.number(af["value"]?.value, what: "value of amount") {
                        amount = Amount(value: value, currency: reader.string(af["currency"]?.value, what: "currency"))
                    }
                }
            } else if let value = reader.number(node, what: "amount") {
                amount = Amount(value: value)
            }
        }
        let claim = reader.choice(f[.claim]?.value, what: "claim", as: Claim.self) ?? .asserted
        let claimedBy = reader.string(f[.claimedBy]?.value, what: "claimed_by")
        more.claimedBy = claimedBy
        if claimedBy != nil, let entry = f[.claimedBy] {
            claimantMark = reader.packed(entry.value)
            if claim != .claimed {
                reader.error(entry.keyNode, "claimed_by goes with 'claim: claimed' (this event's claim is '\(claim.rawValue)')")
            }
        }
        forEachEvidence(f[.sources]?.value, what: what, reader) { item, source, quote, note in
            batch.addEvidence(source: batch.id(of: source, in: tree), quote: quote.map { batch.text(of: $0, in: tree) } ?? .none,
                              note: note.map { batch.text(of: $0, in: tree) } ?? .none,
                              mark: reader.packed(item), sourceMark: reader.packed(source))
        }
        if reader.isEmpty(f[.sources]?.value) {
            reader.error(keyNode, "\(what) has no evidence: add 'sources' with at least one { source, quote }")
        }
        let status = reader.choice(f[.status]?.value, what: "status", as: EventStatus.self)
        let dateBasis = reader.choice(f[.dateBasis]?.value, what: "date_basis", as: DateBasis.self) ?? .stated
        let dateSource = reader.string(f[.dateSource]?.value, what: "date_source")
        if dateBasis == .external && dateSource == nil {
            reader.error(f[.dateBasis]?.value ?? keyNode, "\(what) has 'date_basis: external' but no 'date_source' saying where the date comes from")
        }
        if dateSource != nil && dateBasis != .external, let node = f[.dateSource]?.keyNode {
            reader.error(node, "date_source goes with 'date_basis: external' (this event's date_basis is '\(dateBasis.rawValue)')")
        }
        guard known != nil, titleNode != nil, let eventDate, relative.map({ !$0.failed }) ?? true else { return }
        date = eventDate
        flags = EventTable.flags(claim: claim, status: status, basis: dateBasis)
        more = EventExtras(description: reader.string(f[.description]?.value, what: "description"), amount: amount,
                           claimedBy: claimedBy, dateNote: reader.string(f[.dateNote]?.value, what: "date_note"),
                           dateSource: dateSource, relativeDate: relative?.date,
                           tags: reader.stringList(f[.tags]?.value, what: "tags") ?? [])
        complete = true
    }

    /// The indices of the roles a record gives (a bit set; kinds with more than 64 roles spill into a set).
    private struct RoleSet {
        private var bits: UInt64 = 0
        private var more: Set<Int> = []

        mutating func insert(_ i: Int) { if i < 64 { bits |= 1 << UInt64(i) } else { more.insert(i) } }

        func contains(_ i: Int) -> Bool { i < 64 ? bits & (1 << UInt64(i)) != 0 : more.contains(i) }
    }

    private static func readRelativeDate(_ f: EventFields, what: @autoclosure () -> String, _ reader: RecordReader) -> RelativeFields? {
        guard f[.after] != nil || f[.before] != nil || f[.within] != nil else { return nil }
        var result = RelativeFields()
        for (key, isAfter) in [(EventField.after, true), (.before, false)] {
            guard let node = f[key]?.value else { continue }
            let items = reader.tree.kind(node) == .list ? Array(reader.tree.children(node)) : [node]
            if items.isEmpty { reader.error(node, "'\(key.name)' of \(what()) must name at least one event"); result.failed = true }
            for item in items {
                guard let id = reader.string(item, what: "'\(key.name)' of \(what())") else { result.failed = true; continue }
                if isAfter { result.date.after.append(id) } else { result.date.before.append(id) }
                result.references.append((id, isAfter, reader.packed(item)))
            }
        }
        if let entry = f[.within] {
            if let text = reader.string(entry.value, what: "within") {
                if let days = RelativeDate.days(parsing: text) {
                    result.date.within = days
                    result.withinMark = reader.packed(entry.value)
                } else {
                    reader.error(entry.value, "within must be a number of days or weeks such as 7d or 2w; found '\(text)'")
                    result.failed = true
                }
            } else {
                result.failed = true
            }
            if result.references.isEmpty {
                reader.error(entry.keyNode, "'within' of \(what()) needs an 'after' or 'before' event to count from")
                result.failed = true
            }
        }
        return result
    }

    private static func readEventDate(_ f: EventFields, what: @autoclosure () -> String, owner: Int32, _ reader: RecordReader) -> EventDate? {
        let hasSpan = f[.start] != nil || f[.end] != nil
        if let dateEntry = f[.date] {
            if hasSpan {
                reader.error(dateEntry.keyNode, "\(what()) gives both 'date' and 'start'/'end'; use one or the other")
                return nil
            }
            guard !reader.isNull(dateEntry.value) else {
                reader.error(dateEntry.value, "'date' of \(what()) must not be empty")
                return nil
            }
            return reader.date(dateEntry.value, what: "date").map(EventDate.on)
        }
        guard hasSpan else {
            reader.error(owner, "\(what()) is missing required field 'date' (or 'start' and 'end' for a span, or 'after'/'before' other events)")
            return nil
        }
        guard let startEntry = f[.start], let endEntry = f[.end] else {
            reader.error((f[.start] ?? f[.end])?.keyNode, "a span needs both 'start' and 'end'")
            return nil
        }
        guard let start = reader.date(startEntry.value, what: "start"),
              let end = reader.date(endEntry.value, what: "end") else { return nil }
        if end.interval.last < start.interval.first {
            reader.error(endEntry.value, "the span of \(what()) ends (\(end)) before it starts (\(start))")
            return nil
        }
        return .span(start: start, end: end)
    }
}
