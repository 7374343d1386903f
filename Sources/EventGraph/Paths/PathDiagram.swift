/// A diagram of part of a ``GraphView`` with some nodes and connections highlighted: the
/// paths of an answer inside their neighbourhood, or an ego network around its centre.
///
/// Actors use the actor-diagram styling (``DiagramBuilder``: kind shapes and colours, legend,
/// CJK-safe font); every event is a small node joined to its participants by role; relations
/// are dashed lines. Highlighted elements are drawn thick in red, the rest in muted colours.
public struct PathDiagram: Sendable {
    public let network: GraphView
    /// Every node to draw (actors, events, relations).
    public let nodes: Set<Int>
    public let highlightedNodes: Set<Int>
    /// Highlighted connections, as (smaller node, larger node).
    public let highlightedConnections: Set<Pair>
    public let options: DiagramOptions
    /// A line of text under some actors' names (reach: the day and certainty).
    public var actorNotes: [Int: String] = [:]

    public struct Pair: Hashable, Sendable {
        public let a: Int
        public let b: Int
        public init(_ x: Int, _ y: Int) {
            a = min(x, y)
            b = max(x, y)
        }
    }

    public static let highlightColor = "#d62728"

    public init(network: GraphView, nodes: Set<Int>, highlightedNodes: Set<Int>, highlightedConnections: Set<Pair>,
                options: DiagramOptions = DiagramOptions()) {
        self.network = network
        self.nodes = nodes
        self.highlightedNodes = highlightedNodes
        self.highlightedConnections = highlightedConnections
        self.options = options
    }

    /// The paths of an answer inside their neighbourhood: for every actor on a path, up to
    /// `context` of its other links (latest first) and their actors.
    /// - Complexity: O(P + sum of the path actors' degrees · log).
    public init(answer: PathAnswer, network: GraphView, context: Int = 3, options: DiagramOptions = DiagramOptions()) {
        let links = network.links
        let view = network.view(for: answer.query)
        var nodes = Set<Int>()
        var pairs = Set<Pair>()
        for finding in answer.paths {
            nodes.formUnion(finding.path.nodes)
            for (x, y) in zip(finding.path.nodes, finding.path.nodes.dropFirst()) { pairs.insert(Pair(x, y)) }
        }
        let highlighted = nodes
        var extra = Set<Int>()
        for node in highlighted.sorted() where links.type(node) == .actor {
            let others = links.connections(node).map(\.node)
                .filter { !highlighted.contains($0) && view.allows($0) }
                .sorted { (links.interval($0).last, $1) > (links.interval($1).last, $0) }
                .prefix(max(0, context))
            for link in others {
                extra.insert(link)
                for c in links.connections(link) where !c.isParticipant && links.type(c.node) == .actor && view.allows(c.node) {
                    extra.insert(c.node)
                }
            }
        }
        var options = options
        if options.title == nil {
            options.title = "\(network.displayName(answer.from, language: options.language)) → \(network.displayName(answer.to, language: options.language))"
        }
        self.init(network: network, nodes: nodes.union(extra), highlightedNodes: highlighted,
                  highlightedConnections: pairs, options: options)
    }

    /// The chains of a reachability answer (asked for with ``ReachQuery/chains``): every actor
    /// reached, with its day, links and certainty under its name, and the links of its chain;
    /// the origin, the connections and the relations the chains cross highlighted.
    /// - Complexity: O(links on the chains).
    public init(reach: Reachability, network: GraphView, options: DiagramOptions = DiagramOptions()) {
        var nodes: Set<Int> = [reach.origin]
        var pairs = Set<Pair>()
        for item in reach.reached {
            nodes.insert(item.actor)
            guard let chain = item.chain?.path.nodes else { continue }
            nodes.formUnion(chain)
            for (x, y) in zip(chain, chain.dropFirst()) { pairs.insert(Pair(x, y)) }
        }
        var options = options
        if options.title == nil {
            let name = network.displayName(reach.origin, language: options.language)
            let count = reach.reached.count
            options.title = reach.query.reverse ? "\(count) actor\(count == 1 ? "" : "s") could have influenced \(name)"
                : "\(name) could have influenced \(count) actor\(count == 1 ? "" : "s")"
        }
        // Relations are drawn as one line: highlighted as nodes when a chain crosses them.
        let crossedRelations = nodes.filter { network.links.type($0) == .relation }
        self.init(network: network, nodes: nodes, highlightedNodes: crossedRelations.union([reach.origin]),
                  highlightedConnections: pairs, options: options)
        for item in reach.reached {
            let day = item.day.map(PathReport.dayText) ?? "any time"
            actorNotes[item.actor] = "\(reach.query.reverse ? "leaves by" : "arrives") \(day) · \(item.hops) link\(item.hops == 1 ? "" : "s") · \(item.certainty.rawValue)"
        }
    }

    /// An ego network with its centre highlighted.
    public init(ego: EgoNetwork, network: GraphView, options: DiagramOptions = DiagramOptions()) {
        var options = options
        if options.title == nil {
            options.title = "\(network.displayName(ego.center, language: options.language)): \(ego.depth) link\(ego.depth == 1 ? "" : "s") around"
        }
        self.init(network: network, nodes: ego.nodes, highlightedNodes: [ego.center], highlightedConnections: [], options: options)
    }

    /// The small ``GraphView`` of the drawn part (events keep only the role values drawn).
    public var subgraph: GraphView {
        let links = network.links
        var actors: [Actor] = [], events: [Event] = [], relations: [Relation] = []
        let ids = Set(nodes.map(links.id))
        for node in nodes.sorted() {
            switch links.type(node) {
            case .actor: if let a = network.actor(at: node) { actors.append(a) }
            case .event:
                if var e = network.event(at: node) {
                    e.roles = e.roles.compactMap { binding in
                        let kept = binding.ids.filter(ids.contains)
                        return kept.isEmpty ? nil : RoleBinding(role: binding.role, ids: kept)
                    }
                    events.append(e)
                }
            case .relation:
                if let r = network.relation(at: node), ids.contains(r.from), ids.contains(r.to) { relations.append(r) }
            }
        }
        let sources = network.sources
        return GraphView(title: options.title, schema: network.schema, sources: sources, actors: actors, events: events, relations: relations)
    }

    public var document: DOTDocument {
        let graph = subgraph
        let links = network.links
        let builder = DiagramBuilder(graph: graph, options: options)
        var statements: [DOTStatement] = []
        var usedActorKinds = Set<String>(), usedEventKinds = Set<String>(), usedRelationKinds = Set<String>()
        func isHighlighted(_ id: String) -> Bool { links.node(id).map(highlightedNodes.contains) ?? false }
        func isHighlighted(_ x: String, _ y: String) -> Bool {
            guard let a = links.node(x), let b = links.node(y) else { return false }
            return highlightedConnections.contains(Pair(a, b))
        }
        func emphasise(_ attributes: [DOTAttribute], on: Bool) -> [DOTAttribute] {
            guard on else { return attributes }
            return attributes.filter { !["color", "penwidth"].contains($0.name) }
                + [DOTAttribute("color", Self.highlightColor), DOTAttribute("penwidth", "3")]
        }
        for actor in graph.actors {
            usedActorKinds.insert(actor.kind)
            guard case .node(let id, var attributes) = builder.actorNode(actor) else { continue }
            if let note = links.node(actor.id).flatMap({ actorNotes[$0] }),
               let i = attributes.firstIndex(where: { $0.name == "label" }), case let .html(label) = attributes[i].value {
                attributes[i] = DOTAttribute("label", html: label + "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"\(Self.highlightColor)\">"
                    + DOTDocument.htmlEscape(note) + "</FONT>")
            }
            statements.append(.node(id, emphasise(attributes, on: isHighlighted(actor.id))))
        }
        for event in graph.chronologicalEvents {
            usedEventKinds.insert(event.kind)
            guard case let .node(id, attributes) = builder.eventNode(event) else { continue }
            statements.append(.node(id, emphasise(attributes, on: isHighlighted(event.id))))
            for binding in event.roles {
                for id in binding.ids {
                    let on = isHighlighted(event.id, id)
                    var attributes = [DOTAttribute("label", binding.role),
                                      DOTAttribute("color", on ? Self.highlightColor : "#b0b0b0"),
                                      DOTAttribute("fontcolor", on ? Self.highlightColor : "#777777"),
                                      DOTAttribute("arrowsize", "0.5")]
                    if on { attributes.append(DOTAttribute("penwidth", "3")) }
                    if event.claim != .asserted { attributes.append(DOTAttribute("style", "dashed")) }
                    statements.append(builder.participationEdge(event, role: binding.role, participant: id, attributes: attributes))
                }
            }
        }
        for relation in graph.relations {
            usedRelationKinds.insert(relation.kind)
            let info = graph.schema.relationKinds[relation.kind]
            let on = isHighlighted(relation.id)
            var attributes = [DOTAttribute("label", builder.relationLabel(relation)),
                              DOTAttribute("style", on ? "solid" : "dashed"),
                              DOTAttribute("color", on ? Self.highlightColor : builder.relationColor(relation.kind)),
                              DOTAttribute("fontcolor", on ? Self.highlightColor : "#666666"),
                              DOTAttribute("id", relation.id)]
            if on { attributes.append(DOTAttribute("penwidth", "3")) }
            if info?.directed == false { attributes.append(DOTAttribute("dir", "none")) }
            statements.append(.edge(relation.from, relation.to, attributes))
        }
        if let legend = builder.legend(actorKinds: Array(usedActorKinds), eventKinds: Array(usedEventKinds),
                                       relationKinds: graph.schema.relationKindOrder.filter(usedRelationKinds.contains)) {
            statements.append(legend)
        }
        return DOTDocument(name: "path", directed: true, attributes: builder.graphAttributes(rankdir: "LR"),
                           nodeDefaults: builder.nodeDefaults, edgeDefaults: builder.edgeDefaults, statements: statements)
    }
}
