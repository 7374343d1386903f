/// Event records: read in two steps so that the reading, most of the work of a load, can run
/// on several threads (``ChunkedSection``) while the store is still filled in input order.
///
/// ``decodeEvent(_:_:_:schema:_:)`` checks one record against the schema and keeps what it
/// found in an ``EventRecord``; it touches nothing but its reader. ``commit(_:_:)`` defines
/// the id and adds the event to the builder, in the order the records were written.
extension GraphValidator {
    /// What one event record says, checked; ready to commit.
    struct EventRecord: Sendable {
        var id: String
        /// The position of the record's key.
        var place: PackedLocation
        /// The event, or nil when the record had errors (its references are still noted).
        var event: Event?
        var marks = EventTable.Marks()
        /// For a rejected record: its kind (when known), roles and evidence.
        var kind: String?
        var roles: [RoleBinding] = []
        var evidence: [Evidence] = []
        var claimant: String?
        var relative: RelativeFields?
        /// The date the record gives besides `after`/`before` (nil when it is dated only relatively).
        var givenInterval: DayInterval?
    }

    /// What `after:`, `before:` and `within:` say, with the positions of the ids named.
    struct RelativeFields: Sendable {
        var date = RelativeDate()
        var references: [(id: String, isAfter: Bool, mark: PackedLocation)] = []
        var withinMark = PackedLocation(raw: 0)
        var failed = false
    }

    /// Defines the record's id and stores its event (or notes the references of a rejected one).
    mutating func commit(_ record: EventRecord, _ reader: RecordReader) {
        let defined = define(record.id, .event, at: record.place, reader)
        guard defined, let event = record.event else {
            if let event = record.event {
                builder.noteReferences(ofRejectedEvent: record.id, kind: event.kind, roles: event.roles, marks: record.marks,
                                       evidence: event.sources, claimant: event.claimedBy)
            } else {
                builder.noteReferences(ofRejectedEvent: record.id, kind: record.kind, roles: record.roles, marks: record.marks,
                                       evidence: record.evidence, claimant: record.claimant)
            }
            return
        }
        var marks = record.marks
        marks.event = record.place
        builder.add(event, marks: marks)
        if let relative = record.relative {
            builder.noteRelativeDate(ofLastEvent: relative.references, within: relative.withinMark, given: record.givenInterval)
        }
    }

    /// Checks one event record (`keyNode`: its id; `value`: its fields) against `schema`.
    static func decodeEvent(_ id: String, _ keyNode: Int32, _ value: Int32, schema: Schema, _ reader: RecordReader) -> EventRecord {
        var record = EventRecord(id: id, place: reader.packed(keyNode))
        var what: String { "event '\(id)'" }
        guard let all = reader.entries(value, what: what) else { return record }
        // `entries` has already reported repeated keys, so the fields are appended as they come.
        var fieldEntries: [RecordReader.Entry] = [], roleEntries: [RecordReader.Entry] = []
        fieldEntries.reserveCapacity(all.count)
        for item in all {
            if Event.fieldNames.contains(item.key) { fieldEntries.append(item) } else { roleEntries.append(item) }
        }
        let f = RecordReader.Fields(fieldEntries)
        let kindName = reader.requiredString(f, "kind", what: what, at: keyNode)
        let kind = kindName.flatMap { schema.eventKinds[$0] }
        if let kindName, kind == nil {
            reader.error(f["kind"]?.value, "unknown event kind '\(kindName)'; known kinds: \(schema.eventKindOrder.joined(separator: ", "))")
        }
        record.kind = kind?.name
        let title = reader.requiredString(f, "title", what: what, at: keyNode)
        var relative = readRelativeDate(f, what: what, reader)
        // An event dated only relative to others gets its date when the builder resolves it.
        let datedOnlyRelative = relative != nil && f["date"] == nil && f["start"] == nil && f["end"] == nil
        let date = datedOnlyRelative ? EventDate.day(in: DayInterval(first: 0, last: 0))
            : readEventDate(f, what: what, owner: keyNode, reader)
        if relative != nil && !datedOnlyRelative {
            if case .span? = date, let entry = f["start"] {
                reader.error(entry.keyNode, "\(what) has a span and 'after'/'before': a relative date is one day; give 'date' instead of 'start' and 'end'")
                relative!.failed = true
            }
            relative!.date.given = date
        }
        record.givenInterval = datedOnlyRelative ? nil : date?.interval

        // Roles, in the kind's declaration order.
        var roles: [RoleBinding] = []
        if let kind {
            var allowedRoles: String { kind.roles.map(\.name).joined(separator: ", ") }
            // The ids given for each of the kind's roles, by the role's index.
            var given = [(ids: [String], marks: [PackedLocation])?](repeating: nil, count: kind.roles.count)
            for item in roleEntries {
                guard let roleIndex = kind.roles.firstIndex(where: { $0.name == item.key }) else {
                    reader.error(item.keyNode, "unknown role '\(item.key)' for event kind '\(kind.name)'; allowed roles: \(allowedRoles)")
                    continue
                }
                let role = kind.roles[roleIndex]
                var ids: [String] = [], marks: [PackedLocation] = []
                if reader.tree.kind(item.value) == .list {
                    if !role.many {
                        reader.error(item.value, "role '\(role.name)' of event kind '\(kind.name)' takes one id, not a list")
                    }
                    for element in reader.tree.children(item.value) {
                        if let id = reader.string(element, what: "an id in role '\(role.name)'") {
                            ids.append(id)
                            marks.append(reader.packed(element))
                        }
                    }
                } else if let id = reader.string(item.value, what: "role '\(role.name)'") {
                    ids.append(id)
                    marks.append(reader.packed(item.value))
                }
                if ids.isEmpty && role.required {
                    reader.error(item.value, "role '\(role.name)' of \(what) is required and must name at least one id")
                }
                given[roleIndex] = (ids, marks)
            }
            for (roleIndex, role) in kind.roles.enumerated() {
                if let (ids, marks) = given[roleIndex] {
                    if !ids.isEmpty {
                        roles.append(RoleBinding(role: role.name, ids: ids))
                        record.marks.roleIDs += marks
                    }
                } else if role.required {
                    let described = kind.roles.map { $0.required ? "\($0.name) (required)" : $0.name }.joined(separator: ", ")
                    reader.error(keyNode, "\(what) is missing required role '\(role.name)' of event kind '\(kind.name)'; roles: \(described)")
                }
            }
        }

        var amount: Amount?
        if let node = f["amount"]?.value, !reader.isNull(node) {
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
        let claim = reader.choice(f["claim"]?.value, what: "claim", as: Claim.self) ?? .asserted
        let claimedBy = reader.string(f["claimed_by"]?.value, what: "claimed_by")
        if claimedBy != nil, let entry = f["claimed_by"] {
            record.marks.claimant = reader.packed(entry.value)
            if claim != .claimed {
                reader.error(entry.keyNode, "claimed_by goes with 'claim: claimed' (this event's claim is '\(claim.rawValue)')")
            }
        }
        let (evidence, evidenceMarks) = GraphValidator.readEvidence(f["sources"]?.value, what: what, reader)
        record.marks.evidence = evidenceMarks
        if reader.isEmpty(f["sources"]?.value) {
            reader.error(keyNode, "\(what) has no evidence: add 'sources' with at least one { source, quote }")
        }
        let status = reader.choice(f["status"]?.value, what: "status", as: EventStatus.self)
        let dateBasis = reader.choice(f["date_basis"]?.value, what: "date_basis", as: DateBasis.self) ?? .stated
        let dateSource = reader.string(f["date_source"]?.value, what: "date_source")
        if dateBasis == .external && dateSource == nil {
            reader.error(f["date_basis"]?.value ?? keyNode, "\(what) has 'date_basis: external' but no 'date_source' saying where the date comes from")
        }
        if dateSource != nil && dateBasis != .external, let node = f["date_source"]?.keyNode {
            reader.error(node, "date_source goes with 'date_basis: external' (this event's date_basis is '\(dateBasis.rawValue)')")
        }
        record.relative = relative
        guard let kind, let title, let date, relative.map({ !$0.failed }) ?? true else {
            record.roles = roles
            record.evidence = evidence
            record.claimant = claimedBy
            return record
        }
        record.event = Event(id: id, kind: kind.name, date: date, title: title,
                             description: reader.string(f["description"]?.value, what: "description"), roles: roles,
                             amount: amount, status: status, claim: claim, claimedBy: claimedBy,
                             dateBasis: dateBasis,
                             dateNote: reader.string(f["date_note"]?.value, what: "date_note"), dateSource: dateSource,
                             relativeDate: relative?.date, sources: evidence,
                             tags: reader.stringList(f["tags"]?.value, what: "tags") ?? [])
        return record
    }

    private static func readRelativeDate(_ f: RecordReader.Fields, what: String, _ reader: RecordReader) -> RelativeFields? {
        guard f["after"] != nil || f["before"] != nil || f["within"] != nil else { return nil }
        var result = RelativeFields()
        for (key, isAfter) in [("after", true), ("before", false)] {
            guard let node = f[key]?.value else { continue }
            let items = reader.tree.kind(node) == .list ? Array(reader.tree.children(node)) : [node]
            if items.isEmpty { reader.error(node, "'\(key)' of \(what) must name at least one event"); result.failed = true }
            for item in items {
                guard let id = reader.string(item, what: "'\(key)' of \(what)") else { result.failed = true; continue }
                if isAfter { result.date.after.append(id) } else { result.date.before.append(id) }
                result.references.append((id, isAfter, reader.packed(item)))
            }
        }
        if let entry = f["within"] {
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
                reader.error(entry.keyNode, "'within' of \(what) needs an 'after' or 'before' event to count from")
                result.failed = true
            }
        }
        return result
    }

    private static func readEventDate(_ f: RecordReader.Fields, what: String, owner: Int32, _ reader: RecordReader) -> EventDate? {
        let hasSpan = f["start"] != nil || f["end"] != nil
        if let dateEntry = f["date"] {
            if hasSpan {
                reader.error(dateEntry.keyNode, "\(what) gives both 'date' and 'start'/'end'; use one or the other")
                return nil
            }
            guard !reader.isNull(dateEntry.value) else {
                reader.error(dateEntry.value, "'date' of \(what) must not be empty")
                return nil
            }
            return reader.date(dateEntry.value, what: "date").map(EventDate.on)
        }
        guard hasSpan else {
            reader.error(owner, "\(what) is missing required field 'date' (or 'start' and 'end' for a span, or 'after'/'before' other events)")
            return nil
        }
        guard let startEntry = f["start"], let endEntry = f["end"] else {
            reader.error((f["start"] ?? f["end"])?.keyNode, "a span needs both 'start' and 'end'")
            return nil
        }
        guard let start = reader.date(startEntry.value, what: "start"),
              let end = reader.date(endEntry.value, what: "end") else { return nil }
        if end.interval.last < start.interval.first {
            reader.error(endEntry.value, "the span of \(what) ends (\(end)) before it starts (\(start))")
            return nil
        }
        return .span(start: start, end: end)
    }
}
