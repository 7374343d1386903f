/// The graph as every command sees it: the one ``GraphStore`` through a filter.
///
/// A view is a bitset of the nodes it leaves out (none for the whole graph) and the lists of
/// the actors, events and relations it keeps; records are read from the store when asked
/// for (events are made from their columns then). Filtering makes a new view over the same
/// store, never a copy of the records.
public struct GraphView: Sendable {
    public let store: GraphStore
    /// Nodes left out, as a bitset; nil when the view keeps everything.
    let excluded: [UInt64]?
    /// Kept actors and events in id order, kept relations in input order (node indices).
    let actorNodes: [Int32]
    let eventNodes: [Int32]
    let relationNodes: [Int32]

    /// The whole graph of a store.
    public init(store: GraphStore) {
        self.store = store
        excluded = nil
        actorNodes = store.actorNodes
        eventNodes = store.eventNodes
        relationNodes = store.relationNodes
    }

    init(store: GraphStore, excluded: [UInt64]?, actorNodes: [Int32], eventNodes: [Int32], relationNodes: [Int32]) {
        self.store = store
        self.excluded = excluded
        self.actorNodes = actorNodes
        self.eventNodes = eventNodes
        self.relationNodes = relationNodes
    }

    /// A graph made from values (tests, diagrams of a part of a graph). Relations with an
    /// empty id get the synthesized one. References are not checked: ids that name nothing
    /// stay in the records but join nothing.
    public init(title: String? = nil, description: String? = nil, schema: Schema = .builtIn,
                sources: [Source] = [], actors: [Actor] = [], events: [Event] = [], relations: [Relation] = [],
                periods: [Period] = []) {
        var builder = GraphStoreBuilder(expectedEvents: events.count)
        for period in periods { builder.add(period) }
        for source in sources { builder.add(source) }
        for actor in actors { builder.add(actor) }
        for event in events {
            var marks = EventTable.Marks()
            if let place = event.location { marks.event = PackedLocation(file: 0, line: place.line, column: place.column) }
            builder.add(event, marks: marks)
        }
        for relation in relations { builder.add(relation) }
        let files = [events.first?.location?.file ?? "graph"]
        self.init(store: builder.build(title: title, description: description, schema: schema, files: files))
    }

    public var title: String? { store.title }
    public var description: String? { store.description }
    public var schema: Schema { store.schema }
    /// The link graph that paths walk (the whole store's; ask ``allows(_:)`` for this view).
    public var links: LinkGraph { store.links }

    /// True when the view keeps the node.
    @inline(__always) public func allows(_ node: Int) -> Bool {
        guard let excluded else { return true }
        return excluded[node >> 6] & (1 << UInt64(node & 63)) == 0
    }

    /// True when the view keeps everything.
    public var isWhole: Bool { excluded == nil }

    // MARK: Records

    /// Every source (sources are not filtered), by id.
    public var sources: [Source] { store.sources }

    /// Kept actors, by id.
    public var actors: Records<Actor> { Records(nodes: actorNodes) { [self] in actor(at: $0)! } }
    /// Kept events, by id.
    public var events: Records<Event> { Records(nodes: eventNodes) { [self] in event(at: $0)! } }
    /// Kept relations, in input order (files in path order).
    public var relations: Records<Relation> { Records(nodes: relationNodes) { [self] in relation(at: $0)! } }

    public func source(_ id: String) -> Source? { store.source(id) }

    /// Every named era (periods are not filtered), by first day, last day, then id.
    public var periods: [Period] { store.periods }

    /// What loading found doubtful but not wrong, each `FILE:LINE:COLUMN: warning: …`.
    public var warnings: [Diagnostic] { store.warnings }

    /// The period with this id.
    public func period(_ id: String) -> Period? { store.periods.first { $0.id == id } }

    public func actor(_ id: String) -> Actor? { kept(id, .actor).flatMap { actor(at: $0) } }
    public func event(_ id: String) -> Event? { kept(id, .event).flatMap { event(at: $0) } }
    public func relation(_ id: String) -> Relation? { kept(id, .relation).flatMap { relation(at: $0) } }

    /// Whether the view keeps an actor with this id (no value is made).
    public func hasActor(_ id: String) -> Bool { kept(id, .actor) != nil }
    /// Whether the view keeps an event with this id (no value is made).
    public func hasEvent(_ id: String) -> Bool { kept(id, .event) != nil }

    /// Position of an actor in ``actors``.
    public func actorPosition(_ id: String) -> Int? { kept(id, .actor).flatMap { position(of: $0, in: actorNodes) } }
    /// Position of an event in ``events``.
    public func eventPosition(_ id: String) -> Int? { kept(id, .event).flatMap { position(of: $0, in: eventNodes) } }

    private func kept(_ id: String, _ type: LinkGraph.NodeType) -> Int? {
        guard let node = store.node(id), links.type(node) == type, allows(node) else { return nil }
        if type == .actor, excluded != nil, position(of: node, in: actorNodes) == nil { return nil }
        return node
    }

    private func position(of node: Int, in sorted: [Int32]) -> Int? {
        var lo = 0, hi = sorted.count
        let target = Int32(node)
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == target ? lo : nil
    }

    /// The actor at a node (nil for links).
    public func actor(at node: Int) -> Actor? {
        links.type(node) == .actor ? store.actors[Int(store.record[node])] : nil
    }

    /// The event at a node (nil for actors and relations), its roles limited to what the view keeps.
    public func event(at node: Int) -> Event? {
        guard links.type(node) == .event else { return nil }
        return makeEvent(at: node, keepsTarget: keepsTarget)
    }

    /// The kept events as the node writers of the exports read them: every field but the
    /// roles, which those writers take from the columns as links (``forEachRoleLink(ofEvent:_:)``),
    /// so no `String` is made per participant.
    var eventsWithoutRoles: Records<Event> {
        Records(nodes: eventNodes) { [self] in makeEvent(at: $0, keepsTarget: { _ in false }) }
    }

    /// The event at an event node, with the role targets `keepsTarget` keeps.
    private func makeEvent(at node: Int, keepsTarget: (Int32) -> Bool) -> Event {
        store.events.event(Int(store.record[node]), id: links.id(node), files: store.files, name: store.name, keepsTarget: keepsTarget)
    }

    /// Whether an event's role target (a symbol) stays in this view's events.
    @inline(__always) private func keepsTarget(_ symbol: Int32) -> Bool {
        guard let excluded else { return true }
        let target = Int(store.symbolNode[Int(symbol)])
        return target >= 0 && excluded[target >> 6] & (1 << UInt64(target & 63)) == 0
    }

    /// How many role links (event → participant, as ``event(at:)``'s roles keep them) come
    /// before each kept event: element `i` for event `i` of ``events``, the last one the total.
    /// Read from the columns, so a chunk of an export can number its links on its own.
    func roleLinkOffsets() -> [Int] {
        var offsets = [Int](repeating: 0, count: eventNodes.count + 1)
        let table = store.events
        for (i, node) in eventNodes.enumerated() {
            var kept = 0
            for r in table.roleRange(Int(store.record[Int(node)])) where keepsTarget(table.roleTarget[r]) { kept += 1 }
            offsets[i + 1] = offsets[i] + kept
        }
        return offsets
    }

    /// Calls `body` with each role and participant id the view keeps, in the order of
    /// ``event(at:)``'s roles, and whether the participant is an event the view keeps; read
    /// from the columns without making the event.
    func forEachRoleLink(ofEvent node: Int, _ body: (_ role: String, _ target: String, _ targetIsEvent: Bool) -> Void) {
        forEachRoleLinkSymbol(ofEvent: node) { role, symbol, isEvent in body(role, store.name(symbol), isEvent) }
    }

    /// ``forEachRoleLink(ofEvent:_:)`` with each participant as its symbol, whose id a writer
    /// copies as bytes (``withIDBytes(ofSymbol:_:)``) without making a `String`.
    func forEachRoleLinkSymbol(ofEvent node: Int, _ body: (_ role: String, _ target: Int32, _ targetIsEvent: Bool) -> Void) {
        let table = store.events
        for r in table.roleRange(Int(store.record[node])) where keepsTarget(table.roleTarget[r]) {
            let symbol = table.roleTarget[r]
            let target = Int(store.symbolNode[Int(symbol)])
            body(table.roleNames[Int(table.roleName[r])], symbol, target >= 0 && links.type(target) == .event && allows(target))
        }
    }

    /// Calls `body` with the UTF-8 bytes of a symbol's id, in place.
    func withIDBytes<R>(ofSymbol symbol: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        store.symbols.withBytes(symbol, body)
    }

    /// What an event's role links carry of it (id, kind, date, claim), read from the columns
    /// without making its roles and evidence.
    struct EventHeader {
        let id: String
        let kind: String
        let date: EventDate
        let claim: Claim
    }

    func eventHeader(at node: Int) -> EventHeader {
        let row = Int(store.record[node])
        return EventHeader(id: links.id(node), kind: store.events.kind(row), date: store.events.date(row), claim: store.events.claim(row))
    }

    /// The role names the kept events give their kept participants.
    func rolesInUse() -> Set<String> {
        var used = [Bool](repeating: false, count: store.events.roleNames.count)
        let table = store.events
        for node in eventNodes {
            for r in table.roleRange(Int(store.record[Int(node)])) where keepsTarget(table.roleTarget[r]) { used[Int(table.roleName[r])] = true }
        }
        return Set(used.indices.filter { used[$0] }.map { table.roleNames[$0] })
    }

    /// How an event's date is known, read from the columns.
    public func dateBasis(ofEvent node: Int) -> DateBasis { store.events.dateBasis(Int(store.record[node])) }

    /// The relation at a node (nil for actors and events).
    public func relation(at node: Int) -> Relation? {
        links.type(node) == .relation ? store.relations[Int(store.record[node])] : nil
    }

    /// Events sorted by the start of their date interval, then by id: the reading order.
    public var chronologicalEvents: [Event] {
        let order = eventNodes.sorted { a, b in
            let x = links.interval(Int(a)), y = links.interval(Int(b))
            return (x.first, x.last, a) < (y.first, y.last, b)
        }
        return order.map { event(at: Int($0))! }
    }

    /// The days covered by all event dates, nil for a graph without events.
    public var dateRange: DayInterval? {
        guard !eventNodes.isEmpty else { return nil }
        var first = Int.max, last = Int.min
        for node in eventNodes {
            let interval = links.interval(Int(node))
            first = min(first, interval.first)
            last = max(last, interval.last)
        }
        return DayInterval(first: first, last: last)
    }

    /// A summary line: `12 actors, 10 events, 3 relations, 2 sources`.
    public var summary: String {
        GraphCounts(actors: actorNodes.count, events: eventNodes.count, relations: relationNodes.count, sources: sources.count).summary
    }

    /// A short human name for a node: an actor's display name, an event's title, a relation
    /// as `from kind to`.
    public func displayName(_ node: Int, language: String? = nil) -> String {
        switch links.type(node) {
        case .actor: return actor(at: node)?.displayName(language: language) ?? links.id(node)
        case .event: return store.events.title(Int(store.record[node]))
        case .relation:
            guard let r = relation(at: node) else { return links.id(node) }
            let from = store.node(r.from).flatMap { actor(at: $0) }?.displayName(language: language) ?? r.from
            let to = store.node(r.to).flatMap { actor(at: $0) }?.displayName(language: language) ?? r.to
            return "\(from) \(schema.relationKinds[r.kind]?.label ?? r.kind) \(to)"
        }
    }

    /// `Name (id)`, or the id alone when they are the same.
    func label(_ node: Int, _ language: String?) -> String {
        let name = displayName(node, language: language)
        let id = links.id(node)
        return name == id ? id : "\(name) (\(id))"
    }
}

/// The kept actors, events or relations of a view, as a collection of values made on access.
public struct Records<Element>: RandomAccessCollection, Sendable {
    let nodes: [Int32]
    let make: @Sendable (Int) -> Element

    public var startIndex: Int { 0 }
    public var endIndex: Int { nodes.count }

    public subscript(position: Int) -> Element { make(Int(nodes[position])) }

    /// The node of each element, in order.
    public var nodeIndices: [Int] { nodes.map(Int.init) }
}
