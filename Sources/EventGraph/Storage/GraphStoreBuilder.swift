/// Collects records (checked by ``GraphValidator``, or given as values) and builds the
/// ``GraphStore``: interns ids, checks every cross-reference once, lays out the link graph.
struct GraphStoreBuilder {
    enum Category: UInt8 { case none, source, actor, event }

    private(set) var symbols = SymbolTable()
    private var category: [UInt8] = []
    /// Index of a symbol's record among the actors or events (-1: none).
    private(set) var ordinal: [Int32] = []
    private var definition: [UInt64] = []
    private(set) var sources: [Source] = []
    private(set) var actors: [Actor] = []
    private(set) var relations: [Relation] = []
    private(set) var periods: [Period] = []
    /// Where each period id is defined (periods have their own ids, apart from records).
    private var periodDefinitions: [String: PackedLocation] = [:]
    /// The actors periods name, with their positions (checked with the other references).
    private var periodActors: [(id: String, mark: UInt64)] = []
    /// Positions of each relation's `from` and `to` values, and of its evidence `source:` values.
    private var relationEndMarks: [(from: UInt64, to: UInt64)] = []
    private var relationSourceMarks: [[UInt64]] = []
    /// Relation ids taken so far (their own namespace), and a buffer to spell new ones in.
    private var relationIDs = SymbolTable()
    private var relationIDScratch: [UInt8] = []
    var events = EventTable()
    /// Events dated relative to others, resolved by ``resolveRelativeDates(files:)``.
    var relativeNotes: [RelativeNote] = []
    /// References of records that had errors and were not stored: still checked, so that one
    /// run reports every problem.
    private var unstored = UnstoredReferences()

    struct UnstoredReferences {
        var roles: [(eventID: String, eventKind: String, role: String, id: String, mark: UInt64)] = []
        var sources: [(id: String, mark: UInt64)] = []
        var claimants: [(id: String, mark: UInt64)] = []
    }

    /// Notes the references of an event record that is not stored (it had errors).
    mutating func noteReferences(ofRejectedEvent id: String, kind: String?, roles: [RoleBinding], marks: EventTable.Marks,
                                 evidence: [Evidence], claimant: String?) {
        var k = 0
        for binding in roles {
            for target in binding.ids {
                if let kind { unstored.roles.append((id, kind, binding.role, target, k < marks.roleIDs.count ? marks.roleIDs[k].raw : 0)) }
                k += 1
            }
        }
        for (i, piece) in evidence.enumerated() {
            unstored.sources.append((piece.source, i < marks.evidence.count ? marks.evidence[i].source.raw : 0))
        }
        if let claimant { unstored.claimants.append((claimant, marks.claimant.raw)) }
    }

    /// Notes the evidence of a relation record that is not stored (it had errors).
    mutating func noteReferences(ofRejectedRelationEvidence evidence: [Evidence], marks: [PackedLocation]) {
        for (i, piece) in evidence.enumerated() { unstored.sources.append((piece.source, i < marks.count ? marks[i].raw : 0)) }
    }

    init(expectedEvents: Int = 0) {
        if expectedEvents > 0 {
            symbols = SymbolTable(capacity: expectedEvents * 3 / 2)
            events.reserve(expectedEvents)
        }
    }

    /// The symbol of an id, interned when new.
    mutating func symbol(_ id: String) -> Int32 {
        var id = id
        return id.withUTF8 { symbol(bytes: $0) }
    }

    /// The symbol of an id's bytes, interned when new.
    mutating func symbol(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> Int32 {
        assert(hash == nil || hash == ByteHash.hash(bytes), "hash mismatch \(String(decoding: bytes, as: UTF8.self))")
        let (symbol, isNew) = symbols.intern(bytes, hash: hash)
        if isNew {
            category.append(0)
            ordinal.append(-1)
            definition.append(0)
        }
        return symbol
    }

    /// Records that `id` is defined here; returns the place of an earlier definition (and
    /// records nothing) when the id is taken.
    mutating func define(_ id: String, as kind: Category, at place: PackedLocation) -> PackedLocation? {
        define(symbol: symbol(id), as: kind, at: place)
    }

    /// ``define(_:as:at:)`` of an interned id.
    mutating func define(symbol: Int32, as kind: Category, at place: PackedLocation) -> PackedLocation? {
        let s = Int(symbol)
        if category[s] != 0 { return PackedLocation(raw: definition[s]) }
        category[s] = kind.rawValue
        definition[s] = place.raw
        return nil
    }

    private mutating func assign(_ id: String, _ kind: Category, _ index: Int) {
        assign(symbol: symbol(id), kind, index)
    }

    private mutating func assign(symbol: Int32, _ kind: Category, _ index: Int) {
        let s = Int(symbol)
        if category[s] == 0 { category[s] = kind.rawValue }
        if ordinal[s] < 0 { ordinal[s] = Int32(index) }
    }

    /// Records period `id` as defined here; returns the place of an earlier definition (and
    /// records nothing) when the id is taken.
    mutating func definePeriod(_ id: String, at place: PackedLocation) -> PackedLocation? {
        if let first = periodDefinitions[id] { return first }
        periodDefinitions[id] = place
        return nil
    }

    /// Notes the actors a period names, to be checked with the other references.
    mutating func noteActors(ofPeriod actors: [(String, PackedLocation)]) {
        periodActors += actors.map { ($0.0, $0.1.raw) }
    }

    mutating func add(_ period: Period) {
        periods.append(period)
    }

    mutating func add(_ source: Source) {
        assign(source.id, .source, sources.count)
        sources.append(source)
    }

    mutating func add(_ actor: Actor) {
        assign(actor.id, .actor, actors.count)
        actors.append(actor)
    }

    /// Adds an event value (a graph made from values): stored as a one-row batch, the way
    /// the loader stores the records it reads.
    mutating func add(_ event: Event, marks: EventTable.Marks = EventTable.Marks()) {
        var batch = EventBatch()
        batch.append(event, marks: marks)
        let s = batch.withBytes(batch.ids[0].text) { symbol(bytes: $0) }
        var numbering = EventTable.Numbering()
        add(batch, row: 0, symbol: s, numbering: &numbering)
    }

    /// Stores row `row` of a batch as the next event; `symbol` is its id's.
    mutating func add(_ batch: EventBatch, row: Int, symbol s: Int32, numbering: inout EventTable.Numbering) {
        assign(symbol: s, .event, events.count)
        eventSymbols.append(s)
        // The ids are interned first, so that the table is appended to in place.
        roleTargetScratch.removeAll(keepingCapacity: true)
        for i in batch.roleRange(row) {
            let id = batch.roleTarget[i]
            roleTargetScratch.append(batch.withBytes(id.text) { symbol(bytes: $0, hash: id.hash) })
        }
        sourceScratch.removeAll(keepingCapacity: true)
        for i in batch.evidenceRange(row) {
            let id = batch.evidenceSource[i]
            sourceScratch.append(batch.withBytes(id.text) { symbol(bytes: $0, hash: id.hash) })
        }
        events.append(batch, row: row, roleTargets: roleTargetScratch, sources: sourceScratch, numbering: &numbering)
    }

    /// Loads the symbol-table slots of a batch's ids before its rows are stored (see ``SymbolTable/touch(_:)``).
    mutating func touch(_ batch: EventBatch) {
        touched &+= symbols.touch(batch.idHashes)
    }

    /// What ``touch(_:)`` loaded, kept so that the loads stay.
    private var touched: UInt64 = 0

    private var roleTargetScratch: [Int32] = []
    private var sourceScratch: [Int32] = []

    /// The synthesized id of a relation: `from--kind--to`, with `-2`, `-3` … for repeats.
    /// (Spelled as bytes and taken in a ``SymbolTable``: at 200k relations a `String` and a
    /// `Set<String>` per relation were a sixth of the loading thread's time for them.)
    mutating func relationID(from: String, kind: String, to: String) -> String {
        relationIDScratch.removeAll(keepingCapacity: true)
        relationIDScratch.append(contentsOf: from.utf8)
        relationIDScratch.append(contentsOf: "--".utf8)
        relationIDScratch.append(contentsOf: kind.utf8)
        relationIDScratch.append(contentsOf: "--".utf8)
        relationIDScratch.append(contentsOf: to.utf8)
        let base = relationIDScratch.count
        var n = 1
        while !relationIDScratch.withUnsafeBufferPointer({ relationIDs.intern($0).isNew }) {
            n += 1
            relationIDScratch.removeSubrange(base...)
            relationIDScratch.append(contentsOf: "-\(n)".utf8)
        }
        return String(decoding: relationIDScratch, as: UTF8.self)
    }

    /// Adds a relation; its id is synthesized when empty.
    mutating func add(_ relation: Relation, endMarks: (from: PackedLocation, to: PackedLocation)? = nil,
                      sourceMarks: [PackedLocation] = []) {
        var relation = relation
        if relation.id.isEmpty {
            relation.id = relationID(from: relation.from, kind: relation.kind, to: relation.to)
        } else {
            _ = relationIDs.intern(relation.id)
        }
        relations.append(relation)
        relationEndMarks.append((endMarks?.from.raw ?? 0, endMarks?.to.raw ?? 0))
        relationSourceMarks.append(sourceMarks.map(\.raw))
        for piece in relation.sources { _ = symbol(piece.source) }
        relationEnds.append((symbol(relation.from), symbol(relation.to)))
    }

    func categoryOf(_ symbol: Int32) -> Category { Category(rawValue: category[Int(symbol)])! }

    // MARK: Cross-references

    /// Every reference that names nothing, or the wrong kind of thing: evidence sources,
    /// claimants, relation ends and event roles. The messages of these rules live here only.
    func referenceDiagnostics(schema: Schema, files: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func place(_ raw: UInt64) -> SourceLocation {
            raw == 0 ? SourceLocation(file: files.first ?? "graph", line: 1, column: 1) : PackedLocation(raw: raw).location(files: files)
        }
        func ids(_ wanted: Set<Category>) -> [String] {
            (0..<symbols.count).filter { wanted.contains(categoryOf(Int32($0))) }.map { symbols.string(Int32($0)) }.sorted()
        }
        var sourceIDs: [String]?, actorIDs: [String]?, knownIDs: [String]?
        /// The kind of an actor symbol; nil for an actor whose record had errors (not added).
        func actorKind(_ s: Int32) -> String? {
            let o = Int(ordinal[Int(s)])
            return categoryOf(s) == .actor && o >= 0 ? actors[o].kind : nil
        }
        func lookup(_ id: String) -> Int32? { symbols.lookup(id) }
        func checkSource(_ id: String, _ mark: UInt64) {
            guard lookup(id).map({ categoryOf($0) }) != .source else { return }
            if sourceIDs == nil { sourceIDs = ids([.source]) }
            diagnostics.append(Diagnostic(place(mark), "evidence cites unknown source '\(id)'\(Suggestions.phrase(for: id, among: sourceIDs!))"))
        }
        func checkClaimant(_ id: String, _ mark: UInt64) {
            guard lookup(id).map({ categoryOf($0) }) != .actor else { return }
            if actorIDs == nil { actorIDs = ids([.actor]) }
            diagnostics.append(Diagnostic(place(mark), "claimed_by names unknown actor '\(id)'\(Suggestions.phrase(for: id, among: actorIDs!))"))
        }
        func checkRole(eventID: String, eventKind: String, roleName: String, id: String, mark: UInt64) {
            guard let role = schema.eventKinds[eventKind]?.role(roleName) else { return }
            let here = place(mark)
            let allowed = (role.kinds ?? ["any actor"]).joined(separator: ", ")
            switch lookup(id).map({ categoryOf($0) }) ?? .none {
            case .actor:
                guard let targetKind = actorKind(lookup(id)!) else { break }
                if !schema.admits(role.kinds, actorKind: targetKind) {
                    diagnostics.append(Diagnostic(here, "role '\(role.name)' of event kind '\(eventKind)' cannot be '\(id)', a \(targetKind); allowed kinds: \(allowed)"))
                }
            case .event:
                if id == eventID {
                    diagnostics.append(Diagnostic(here, "event '\(id)' names itself in role '\(role.name)'"))
                } else if !role.admitsEvents {
                    diagnostics.append(Diagnostic(here, "role '\(role.name)' of event kind '\(eventKind)' cannot name event '\(id)'; allowed kinds: \(allowed)"))
                }
            case .source:
                diagnostics.append(Diagnostic(here, "role '\(role.name)' names source '\(id)'; roles name actors\(role.admitsEvents ? " or events" : "")"))
            case .none:
                if knownIDs == nil { knownIDs = ids([.actor, .event]) }
                diagnostics.append(Diagnostic(here, "unknown id '\(id)' in role '\(role.name)'\(Suggestions.phrase(for: id, among: knownIDs!))"))
            }
        }
        // The common case, checked by table look-ups: a role filled by an actor of an admitted
        // kind. `admitted[kind][role]` holds, per actor kind of the graph, whether it fits.
        let actorKindNames = Array(Set(actors.map(\.kind))).sorted()
        let actorKindIndex = Dictionary(uniqueKeysWithValues: actorKindNames.enumerated().map { ($1, $0) })
        let symbolKind: [Int32] = (0..<symbols.count).map { s in
            let o = Int(ordinal[s])
            guard Category(rawValue: category[s]) == .actor, o >= 0 else { return -1 }
            return Int32(actorKindIndex[actors[o].kind]!)
        }
        let admitted: [[[Bool]]] = events.kindNames.map { kindName in
            events.roleNames.map { roleName in
                guard let role = schema.eventKinds[kindName]?.role(roleName) else { return [] }
                return actorKindNames.map { schema.admits(role.kinds, actorKind: $0) }
            }
        }
        // Events: evidence, claimants, roles.
        for row in 0..<events.count {
            for i in events.evidenceRange(row) where categoryOf(events.evidenceSource[i]) != .source {
                checkSource(symbols.string(events.evidenceSource[i]), events.evidenceSourceMark[i])
            }
            if let claimant = events.extras[row: Int32(row)]?.claimedBy { checkClaimant(claimant, events.claimantMarks[Int32(row)] ?? 0) }
            let kindIndex = Int(events.kinds[row])
            for i in events.roleRange(row) {
                let target = events.roleTarget[i]
                let roleIndex = Int(events.roleName[i])
                let targetKind = Int(symbolKind[Int(target)])
                if targetKind >= 0, let fits = admitted[kindIndex][roleIndex].indices.contains(targetKind) ? admitted[kindIndex][roleIndex][targetKind] : nil,
                   fits { continue }
                checkRole(eventID: symbols.string(eventSymbols[row]), eventKind: events.kind(row),
                          roleName: events.roleNames[roleIndex], id: symbols.string(target), mark: events.roleMark[i])
            }
        }
        for r in unstored.roles { checkRole(eventID: r.eventID, eventKind: r.eventKind, roleName: r.role, id: r.id, mark: r.mark) }
        for r in unstored.sources { checkSource(r.id, r.mark) }
        for r in unstored.claimants { checkClaimant(r.id, r.mark) }
        for r in periodActors where lookup(r.id).map({ categoryOf($0) }) != .actor {
            if actorIDs == nil { actorIDs = ids([.actor]) }
            diagnostics.append(Diagnostic(place(r.mark), "period names unknown actor '\(r.id)'\(Suggestions.phrase(for: r.id, among: actorIDs!))"))
        }
        // Relations: evidence and ends.
        for (r, relation) in relations.enumerated() {
            for (i, piece) in relation.sources.enumerated() {
                let marks = relationSourceMarks[r]
                checkSource(piece.source, i < marks.count ? marks[i] : 0)
            }
            guard let kind = schema.relationKinds[relation.kind] else { continue }
            for (end, id, s, admitted, mark) in [("from", relation.from, relationEnds[r].from, kind.from, relationEndMarks[r].from),
                                                  ("to", relation.to, relationEnds[r].to, kind.to, relationEndMarks[r].to)] {
                switch categoryOf(s) {
                case .actor:
                    guard let targetKind = actorKind(s) else { break }
                    if !schema.admits(admitted, actorKind: targetKind) {
                        diagnostics.append(Diagnostic(place(mark), "'\(end)' of relation '\(kind.name)' names '\(id)', a \(targetKind); allowed kinds: \((admitted ?? []).joined(separator: ", "))"))
                    }
                case .event:
                    diagnostics.append(Diagnostic(place(mark), "'\(end)' of relation '\(kind.name)' names event '\(id)'; relations join actors"))
                case .source, .none:
                    if actorIDs == nil { actorIDs = ids([.actor]) }
                    diagnostics.append(Diagnostic(place(mark), "relation '\(kind.name)' refers to unknown actor '\(id)'\(Suggestions.phrase(for: id, among: actorIDs!))"))
                }
            }
        }
        return diagnostics
    }

    /// The symbols of each relation's `from` and `to` (interned when it was added).
    private var relationEnds: [(from: Int32, to: Int32)] = []

    // MARK: Building

    /// Lays out the link graph and the tables. References that name nothing are left out of
    /// the link graph (a validated graph has none).
    consuming func build(title: String?, description: String?, schema: Schema, files: [String],
                         warnings: [Diagnostic] = []) -> GraphStore {
        let a = actors.count, e = events.count, r = relations.count
        var builder = LinkGraphBuilder(expectedNodes: a + e + r, expectedConnections: events.roleTarget.count + 2 * r)
        for actor in actors {
            _ = builder.addNode(id: actor.id, type: .actor, kind: builder.internKind(actor.kind), interval: actor.lifespan)
        }
        let eventKinds = events.kindNames.map { builder.internKind($0) }
        for row in 0..<e {
            _ = builder.addNode(idBytes: symbols.bytes(eventSymbol(row)), type: .event, kind: eventKinds[Int(events.kinds[row])],
                                interval: events.date(row).interval, claim: events.claim(row))
        }
        for relation in relations {
            _ = builder.addNode(id: relation.id, type: .relation, kind: builder.internKind(relation.kind), interval: relation.validity)
        }
        /// The provisional node of an actor or event symbol.
        func provisional(_ s: Int32) -> Int? {
            let o = Int(ordinal[Int(s)])
            switch categoryOf(s) {
            case .actor: return o
            case .event: return a + o
            default: return nil
            }
        }
        var roleIndex: [UInt16] = events.roleNames.map { builder.internRole($0) }
        for row in 0..<e {
            for i in events.roleRange(row) {
                guard let member = provisional(events.roleTarget[i]), member != a + row else { continue }
                builder.connect(link: a + row, member: member, role: roleIndex[Int(events.roleName[i])])
            }
        }
        roleIndex = []
        let fromRole = builder.internRole("from"), toRole = builder.internRole("to")
        for i in relations.indices {
            if let from = provisional(relationEnds[i].from), from < a { builder.connect(link: a + e + i, member: from, role: fromRole) }
            if let to = provisional(relationEnds[i].to), to < a { builder.connect(link: a + e + i, member: to, role: toRole) }
        }
        // Each record's node, worked out from the new node order while the links are laid out.
        let (actorRecords, symbolCount, symbolOrdinal, symbolCategory) = (actors, symbols.count, ordinal, category)
        let (links, nodes) = builder.build { rank in
            RecordNodes(rank: rank, actors: actorRecords, eventCount: e, relationCount: r, symbolCount: symbolCount,
                        ordinal: symbolOrdinal, category: symbolCategory)
        }
        return GraphStore(title: title, description: description, schema: schema, files: files, links: links,
                          symbols: symbols, symbolNode: nodes.symbolNode, sources: sources.sorted { $0.id < $1.id },
                          actors: nodes.sortedActors, actorNodes: nodes.actorNodes, events: events, eventNode: nodes.eventNode,
                          eventNodes: nodes.eventNodes, relations: relations, relationNodes: nodes.relationNodes, record: nodes.record,
                          warnings: warnings, periods: periods.sorted { ($0.interval.first, $0.interval.last, $0.id) < ($1.interval.first, $1.interval.last, $1.id) })
    }

    /// The symbol of an event row's id.
    private func eventSymbol(_ row: Int) -> Int32 { eventSymbols[row] }

    private(set) var eventSymbols: [Int32] = []
}

/// Where each record went in the link graph's node order (``GraphStoreBuilder/build(title:description:schema:files:warnings:)``):
/// made from the nodes' new indices alone, so it is worked out while the links are laid out.
private struct RecordNodes: Sendable {
    var sortedActors: [Actor] = []
    var actorNodes: [Int32]
    var eventNode: [Int32]
    var eventNodes: [Int32]
    var relationNodes: [Int32]
    var record: [Int32]
    var symbolNode: [Int32]

    /// `rank`: the new index of each node in the order they were added (actors, events, relations).
    init(rank: [Int32], actors: [Actor], eventCount e: Int, relationCount r: Int, symbolCount: Int,
         ordinal: [Int32], category: [UInt8]) {
        let a = actors.count
        record = [Int32](repeating: -1, count: rank.count)
        actorNodes = [Int32](repeating: 0, count: a)
        // Actors sorted by node (= id) order.
        sortedActors.reserveCapacity(a)
        var actorOrder = Array(0..<a)
        actorOrder.sort { rank[$0] < rank[$1] }
        for (position, old) in actorOrder.enumerated() {
            sortedActors.append(actors[old])
            actorNodes[position] = rank[old]
            record[Int(rank[old])] = Int32(position)
        }
        eventNode = [Int32](repeating: 0, count: e)
        for row in 0..<e {
            eventNode[row] = rank[a + row]
            record[Int(rank[a + row])] = Int32(row)
        }
        eventNodes = eventNode.sorted()
        relationNodes = [Int32](repeating: 0, count: r)
        for row in 0..<r {
            relationNodes[row] = rank[a + e + row]
            record[Int(rank[a + e + row])] = Int32(row)
        }
        symbolNode = [Int32](repeating: -1, count: symbolCount)
        for s in 0..<symbolCount {
            let o = Int(ordinal[s])
            switch GraphStoreBuilder.Category(rawValue: category[s])! {
            case .actor where o >= 0: symbolNode[s] = rank[o]
            case .event where o >= 0: symbolNode[s] = rank[a + o]
            default: break
            }
        }
    }
}
