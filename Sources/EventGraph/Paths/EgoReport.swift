/// Writes an ``EgoNetwork`` as text or JSON.
public struct EgoReport: Sendable {
    public let network: GraphView
    public let ego: EgoNetwork
    public let language: String?

    public init(network: GraphView, ego: EgoNetwork, language: String? = nil) {
        self.network = network
        self.ego = ego
        self.language = language
    }

    var links: LinkGraph { network.links }

    /// Actors grouped by distance, then the links with their participants by role.
    public var text: String {
        let report = PathReport(network: network, answer: PathAnswer(from: ego.center, to: ego.center, query: PathQuery(),
                                                                     paths: [], truncated: false, searchedLength: nil),
                                language: language)
        var out = "\(network.label(ego.center, language)): \(ego.actors.count) actor\(ego.actors.count == 1 ? "" : "s") and \(ego.links.count) link\(ego.links.count == 1 ? "" : "s") within \(ego.depth) link\(ego.depth == 1 ? "" : "s")\n"
        var distance = -1
        for member in ego.actors {
            if member.distance != distance {
                distance = member.distance
                out += "\n\(distance == 0 ? "centre" : "\(distance) link\(distance == 1 ? "" : "s") away")\n"
            }
            out += "  ● \(report.actorLabel(member.node))\n"
        }
        if !ego.links.isEmpty { out += "\nlinks\n" }
        for member in ego.links {
            out += "  ├─ \(report.linkSummary(member.node))  (\(links.id(member.node)))\n"
            let parts = participants(member.node).map { "\($0.role): \(network.displayName($0.node, language: language))" }
            if !parts.isEmpty { out += "  │     \(parts.joined(separator: "; "))\n" }
        }
        if ego.truncated { out += "\nstopped at the limit: more actors lie within \(ego.depth) links\n" }
        return out
    }

    /// The nodes a link names, with roles, restricted to the network's members.
    func participants(_ link: Int) -> [(role: String, node: Int)] {
        let members = ego.nodes
        return links.connections(link)
            .filter { !$0.isParticipant && members.contains($0.node) }
            .map { (links.roleNames[$0.role], $0.node) }
    }

    /// `{center, depth, truncated, actors: [{id, kind, name, distance}], links: [{id, type, kind,
    /// date | since/until, title, distance, participants: [{role, id}], sources}]}`.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("center", .string(links.id(ego.center))),
            ("depth", .number(Double(ego.depth))),
        ]
        if ego.truncated { pairs.append(("truncated", .bool(true))) }
        pairs.append(("actors", .array(ego.actors.map { member in
            .object([
                ("id", .string(links.id(member.node))),
                ("kind", .string(links.kind(member.node))),
                ("name", .string(network.actor(at: member.node)?.displayName(language: language) ?? links.id(member.node))),
                ("distance", .number(Double(member.distance))),
            ])
        })))
        pairs.append(("links", .array(ego.links.map { member in
            var fields: [(String, JSONValue)] = [
                ("id", .string(links.id(member.node))),
                ("type", .string(links.type(member.node).name)),
                ("kind", .string(links.kind(member.node))),
            ]
            var evidence: [Evidence] = []
            if let event = network.event(at: member.node) {
                fields.append(("date", .string(event.date.description)))
                fields.append(("title", .string(event.title)))
                evidence = event.sources
            } else if let relation = network.relation(at: member.node) {
                if let since = relation.since { fields.append(("since", .string(since.description))) }
                if let until = relation.until { fields.append(("until", .string(until.description))) }
                if let role = relation.role { fields.append(("role", .string(role))) }
                evidence = relation.sources
            }
            fields.append(("distance", .number(Double(member.distance))))
            fields.append(("participants", .array(participants(member.node).map {
                .object([("role", .string($0.role)), ("id", .string(links.id($0.node)))])
            })))
            fields.append(("sources", .array(evidence.map { piece in
                var f: [(String, JSONValue)] = [("source", .string(piece.source))]
                if let quote = piece.quote { f.append(("quote", .string(quote))) }
                return .object(f)
            })))
            return .object(fields)
        })))
        return .object(pairs)
    }
}
