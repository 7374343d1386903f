/// The event graph: every event a node (kind, date, title) joined to its participants with
/// role labels; an event naming another event in a role points at it.
public struct EventDiagram: Sendable {
    public let graph: GraphView
    public let options: DiagramOptions

    public init(graph: GraphView, options: DiagramOptions = DiagramOptions()) {
        self.graph = graph
        self.options = options
    }

    public var document: DOTDocument { parts.document }

    /// The document and the ids each statement draws (see ``ActorDiagram``).
    var parts: DiagramParts {
        let builder = DiagramBuilder(graph: graph, options: options)
        var statements: [DOTStatement] = []
        var owners: [[String]] = []
        var usedActorKinds = Set<String>(), usedEventKinds = Set<String>()
        let participating = Set(graph.events.flatMap(\.allParticipants))
        for actor in graph.actors where participating.contains(actor.id) {
            statements.append(builder.actorNode(actor))
            owners.append([actor.id])
            usedActorKinds.insert(actor.kind)
        }
        for event in graph.chronologicalEvents {
            usedEventKinds.insert(event.kind)
            statements.append(builder.eventNode(event))
            owners.append([event.id])
            let color = builder.eventColor(event.kind)
            for binding in event.roles {
                for id in binding.ids {
                    statements.append(.edge(event.id, id, [DOTAttribute("label", binding.role), DOTAttribute("color", color),
                                                           DOTAttribute("fontcolor", "#555555"), DOTAttribute("arrowsize", "0.5")]))
                    owners.append([event.id, id])
                }
            }
        }
        if let legend = builder.legend(actorKinds: Array(usedActorKinds), eventKinds: Array(usedEventKinds), relationKinds: []) {
            statements.append(legend)
            owners.append([])
        }
        return DiagramParts(
            document: DOTDocument(name: "events", directed: true, attributes: builder.graphAttributes(rankdir: "LR"),
                                  nodeDefaults: builder.nodeDefaults, edgeDefaults: builder.edgeDefaults, statements: statements),
            owners: owners)
    }
}
