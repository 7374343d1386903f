/// The one in-memory form of a loaded graph: the compact link graph that queries walk (CSR
/// adjacency of actors, events and relations) and the tables of records beside it — sources,
/// actors and relations as values, events in columns (``EventTable``).
///
/// Built once by ``GraphStoreBuilder`` (from the validator, or from values) and never
/// changed; every command reads it through a ``GraphView``.
public final class GraphStore: Sendable {
    public let title: String?
    public let description: String?
    public let schema: Schema
    /// Input files in load order (for the positions of records).
    let files: [String]
    let links: LinkGraph
    let symbols: SymbolTable
    /// The link-graph node of an actor or event symbol; -1 for sources and undefined ids.
    let symbolNode: [Int32]
    /// Sources, sorted by id.
    let sources: [Source]
    private let sourceIndex: [String: Int]
    /// Actors sorted by id; `actors[i]` is node `actorNodes[i]`.
    let actors: [Actor]
    let actorNodes: [Int32]
    /// Events in input order (rows); `eventNode[row]` is its node; `eventNodes` are the nodes in id order.
    let events: EventTable
    let eventNode: [Int32]
    let eventNodes: [Int32]
    /// Relations in input order; `relationNodes[row]` is its node.
    let relations: [Relation]
    let relationNodes: [Int32]
    /// For each node: its index in `actors`, its event row or its relation row.
    let record: [Int32]
    /// Named eras, by their first day, last day, then id.
    let periods: [Period]
    /// What the validator found doubtful but not wrong (possible lifespan conflicts), by position.
    public let warnings: [Diagnostic]

    init(title: String?, description: String?, schema: Schema, files: [String], links: LinkGraph, symbols: SymbolTable,
         symbolNode: [Int32], sources: [Source], actors: [Actor], actorNodes: [Int32], events: EventTable,
         eventNode: [Int32], eventNodes: [Int32], relations: [Relation], relationNodes: [Int32], record: [Int32],
         warnings: [Diagnostic] = [], periods: [Period] = []) {
        self.title = title
        self.description = description
        self.schema = schema
        self.files = files
        self.links = links
        self.symbols = symbols
        self.symbolNode = symbolNode
        self.sources = sources
        sourceIndex = Dictionary(sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.actors = actors
        self.actorNodes = actorNodes
        self.events = events
        self.eventNode = eventNode
        self.eventNodes = eventNodes
        self.relations = relations
        self.relationNodes = relationNodes
        self.record = record
        self.periods = periods
        self.warnings = warnings
    }

    func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }

    /// The node of an id (actor, event or relation).
    func node(_ id: String) -> Int? { links.node(id) }

    /// The id of a symbol (a role target or an evidence source).
    func name(_ symbol: Int32) -> String { symbols.string(symbol) }

    /// Approximate bytes held (columns, link graph, values not counted exactly).
    var storageBytes: Int {
        links.storageBytes + events.storageBytes + actors.count * 200 + relations.count * 200 + record.count * 4
    }
}
