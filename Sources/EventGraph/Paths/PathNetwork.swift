/// Where the full records of a link graph's events and relations (titles, roles, quotes) come
/// from: a ``Graph``, or the lazily parsed records of a large JSON file.
public protocol LinkRecordSource: Sendable {
    func event(_ id: String) -> Event?
    func relation(_ id: String) -> Relation?
}

extension Graph: LinkRecordSource {}

/// Everything path queries need: the compact ``LinkGraph`` they walk, a ``Graph`` for names,
/// actors and sources, and the records for citing each hop.
///
/// For YAML input (or small JSON) ``graph`` is the whole validated graph. For large JSON
/// files loaded by ``LinkGraphLoader`` it holds the actors and sources only; events and
/// relations live in ``links`` and are parsed back from the file when a path cites them.
public struct PathNetwork: Sendable {
    /// Actors and sources (the whole graph for YAML input): names resolve through it.
    public let graph: Graph
    public let links: LinkGraph
    public let records: any LinkRecordSource

    /// The network of a validated graph. O((A + E + R) log(A + E + R)).
    public init(graph: Graph) {
        self.graph = graph
        links = LinkGraph(graph: graph)
        records = graph
    }

    public init(graph: Graph, links: LinkGraph, records: any LinkRecordSource) {
        self.graph = graph
        self.links = links
        self.records = records
    }

    public var schema: Schema { graph.schema }

    /// The actor at a node (nil for links).
    public func actor(at node: Int) -> Actor? {
        links.type(node) == .actor ? graph.actor(links.id(node)) : nil
    }

    /// The event at a node (nil for actors and relations).
    public func event(at node: Int) -> Event? {
        links.type(node) == .event ? records.event(links.id(node)) : nil
    }

    /// The relation at a node (nil for actors and events).
    public func relation(at node: Int) -> Relation? {
        links.type(node) == .relation ? records.relation(links.id(node)) : nil
    }

    /// The node of an actor name (id, name, per-language name or alias; see ``Graph/resolve(_:scope:)``).
    /// - Throws: ``NameResolutionError`` when nothing or several actors match.
    public func resolveActor(_ name: String) throws(NameResolutionError) -> Int {
        let id = try graph.resolveActor(name)
        guard let node = links.node(id) else {
            throw NameResolutionError(name: name, what: "actor", reason: .notFound(suggestions: []))
        }
        return node
    }

    /// The node of an actor, event or relation named on the command line: an actor or event
    /// name (as ``Graph/resolve(_:scope:)``), or a relation id.
    public func resolveNode(_ name: String) throws(NameResolutionError) -> Int {
        if let node = links.node(name) { return node }
        let reference = try graph.resolve(name, scope: graph.events.isEmpty && links.eventCount > 0 ? .actors : .all)
        guard let node = links.node(reference.id) else {
            throw NameResolutionError(name: name, what: "actor or event", reason: .notFound(suggestions: []))
        }
        return node
    }

    /// A short human name for a node: an actor's display name, an event's title, a relation
    /// as `from kind to`.
    public func displayName(_ node: Int, language: String? = nil) -> String {
        switch links.type(node) {
        case .actor: return actor(at: node)?.displayName(language: language) ?? links.id(node)
        case .event: return event(at: node)?.title ?? links.id(node)
        case .relation:
            guard let r = relation(at: node) else { return links.id(node) }
            let from = graph.actor(r.from)?.displayName(language: language) ?? r.from
            let to = graph.actor(r.to)?.displayName(language: language) ?? r.to
            return "\(from) \(schema.relationKinds[r.kind]?.label ?? r.kind) \(to)"
        }
    }
}
