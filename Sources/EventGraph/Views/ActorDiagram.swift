/// The actor graph: actors as nodes; an event whose kind declares an `edge:` becomes an arrow
/// labelled with its kind and date when all its participants are actors in the edge's two
/// roles and no other event refers to it; every other event becomes a small node joined to
/// its participants. Relations are dashed lines labelled with their kind.
public struct ActorDiagram: Sendable {
    public let graph: GraphView
    public let options: DiagramOptions

    public init(graph: GraphView, options: DiagramOptions = DiagramOptions()) {
        self.graph = graph
        self.options = options
    }

    /// True when the event is drawn as arrows between actors rather than as a node.
    public func drawsAsArrow(_ event: Event) -> Bool { drawsAsArrow(event, referenced: referencedEvents) }

    /// ``drawsAsArrow(_:)`` with the set of events other events name, computed once per diagram.
    func drawsAsArrow(_ event: Event, referenced: Set<String>) -> Bool {
        guard let edge = graph.schema.eventKinds[event.kind]?.edge else { return false }
        if referenced.contains(event.id) { return false }
        let from = event.participants(edge.from), to = event.participants(edge.to)
        guard !from.isEmpty, !to.isEmpty else { return false }
        let edgeRoles: Set<String> = [edge.from, edge.to]
        guard event.roles.allSatisfy({ edgeRoles.contains($0.role) }) else { return false }
        return (from + to).allSatisfy { graph.hasActor($0) }
    }

    private var referencedEvents: Set<String> {
        var named = Set<String>()
        let links = graph.links
        for node in graph.events.nodeIndices {
            for c in links.connections(node) where !c.isParticipant && links.type(c.node) == .event && graph.allows(c.node) {
                named.insert(links.id(c.node))
            }
        }
        return named
    }

    public var document: DOTDocument { parts.document }

    /// The document and, for each of its statements, the ids of the actors, events and
    /// relations it draws (a frame of an animation shows a statement once all of them exist).
    var parts: DiagramParts {
        let builder = DiagramBuilder(graph: graph, options: options)
        var statements: [DOTStatement] = []
        var owners: [[String]] = []
        let referenced = referencedEvents
        var usedActorKinds = Set<String>(), usedEventKinds = Set<String>(), usedRelationKinds = Set<String>()
        for actor in graph.actors {
            statements.append(builder.actorNode(actor))
            owners.append([actor.id])
            usedActorKinds.insert(actor.kind)
        }
        for event in graph.chronologicalEvents {
            usedEventKinds.insert(event.kind)
            let color = builder.eventColor(event.kind)
            let dashed = event.claim != .asserted
            if let edge = graph.schema.eventKinds[event.kind]?.edge, drawsAsArrow(event, referenced: referenced) {
                let label = "\(event.kind)\n\(event.date)"
                for from in event.participants(edge.from) {
                    for to in event.participants(edge.to) {
                        var attributes = [DOTAttribute("label", label), DOTAttribute("color", color),
                                          DOTAttribute("fontcolor", color), DOTAttribute("tooltip", builder.eventTooltip(event)),
                                          DOTAttribute("id", "\(event.id)--\(from)--\(to)")]
                        if dashed { attributes.append(DOTAttribute("style", "dashed")) }
                        statements.append(.edge(from, to, attributes))
                        owners.append([event.id, from, to])
                    }
                }
                continue
            }
            statements.append(builder.eventNode(event))
            owners.append([event.id])
            for binding in event.roles {
                for id in binding.ids {
                    var attributes = [DOTAttribute("label", binding.role), DOTAttribute("color", color),
                                      DOTAttribute("fontcolor", "#555555"), DOTAttribute("arrowsize", "0.5")]
                    if dashed { attributes.append(DOTAttribute("style", "dashed")) }
                    statements.append(builder.participationEdge(event, role: binding.role, participant: id, attributes: attributes))
                    owners.append([event.id, id])
                }
            }
        }
        for relation in graph.relations {
            usedRelationKinds.insert(relation.kind)
            let info = graph.schema.relationKinds[relation.kind]
            var attributes = [DOTAttribute("label", builder.relationLabel(relation)), DOTAttribute("style", "dashed"),
                              DOTAttribute("color", builder.relationColor(relation.kind)),
                              DOTAttribute("fontcolor", "#666666"), DOTAttribute("id", relation.id)]
            if info?.directed == false { attributes.append(DOTAttribute("dir", "none")) }
            statements.append(.edge(relation.from, relation.to, attributes))
            owners.append([relation.id, relation.from, relation.to])
        }
        if let legend = builder.legend(actorKinds: Array(usedActorKinds), eventKinds: Array(usedEventKinds),
                                       relationKinds: graph.schema.relationKindOrder.filter(usedRelationKinds.contains)) {
            statements.append(legend)
            owners.append([])
        }
        return DiagramParts(
            document: DOTDocument(name: "actors", directed: true, attributes: builder.graphAttributes(rankdir: "LR"),
                                  nodeDefaults: builder.nodeDefaults, edgeDefaults: builder.edgeDefaults, statements: statements),
            owners: owners)
    }
}
