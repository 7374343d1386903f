/// Everything the graph says about one actor or event, with every citation: the text of `show`.
public struct EntityReport: Sendable {
    public let graph: GraphView
    public let reference: EntityReference
    /// BCP 47 tag for names, nil for display names.
    public var language: String?

    public init(graph: GraphView, reference: EntityReference, language: String? = nil) {
        self.graph = graph
        self.reference = reference
        self.language = language
    }

    func name(_ id: String) -> String {
        if let actor = graph.actor(id) { return "\(actor.displayName(language: language)) [\(id)]" }
        if let event = graph.event(id) { return "\(event.title) [\(id)]" }
        return id
    }

    func citations(_ evidence: [Evidence], indent: String) -> String {
        evidence.map { item in
            var line = "\(indent)— \(item.source)"
            if let source = graph.source(item.source) { line += " (\(source.title))" }
            if let quote = item.quote { line += ": 「\(quote)」" }
            if let note = item.note { line += " — \(note)" }
            return line + "\n"
        }.joined()
    }

    func eventLine(_ event: Event, indent: String) -> String {
        var out = "\(indent)\(event.date)  \(event.kind): \(event.title) [\(event.id)]"
        if event.claim != .asserted { out += " (\(event.claim.rawValue)\(event.claimedBy.map { " by \($0)" } ?? ""))" }
        out += "\n"
        for binding in event.roles {
            out += "\(indent)    \(binding.role): \(binding.ids.map(name).joined(separator: ", "))\n"
        }
        return out + citations(event.sources, indent: indent + "    ")
    }

    /// The report as plain text.
    public var text: String {
        switch reference {
        case let .actor(id):
            guard let actor = graph.actor(id) else { return "" }
            var out = "\(actor.displayName(language: language)) [\(actor.id)], \(actor.kind)\n"
            if !actor.names.isEmpty { out += "  names: " + actor.names.map { "\($0.language) \($0.name)" }.joined(separator: "; ") + "\n" }
            if !actor.aliases.isEmpty { out += "  aliases: " + actor.aliases.joined(separator: ", ") + "\n" }
            if let country = actor.country { out += "  country: \(country)\n" }
            if let description = actor.description { out += "  \(description)\n" }
            if !actor.tags.isEmpty { out += "  tags: " + actor.tags.joined(separator: ", ") + "\n" }
            let relations = graph.relations(of: id)
            if !relations.isEmpty {
                out += "\nrelations:\n"
                for relation in relations {
                    var line = "  \(name(relation.from)) —\(relation.kind)\(relation.role.map { " (\($0))" } ?? "")→ \(name(relation.to))"
                    if relation.since != nil || relation.until != nil {
                        line += "  [\(relation.since?.description ?? "…")–\(relation.until?.description ?? "…")]"
                    }
                    out += line + "\n" + citations(relation.sources, indent: "      ")
                }
            }
            // Events grouped by the role the actor plays, each group in reading order.
            var groups: [(roles: String, events: [Event])] = []
            for event in graph.events(naming: id) {
                let roles = event.roles.filter { $0.ids.contains(id) }.map(\.role).joined(separator: ", ")
                if let i = groups.firstIndex(where: { $0.roles == roles }) { groups[i].events.append(event) } else { groups.append((roles, [event])) }
            }
            if !groups.isEmpty {
                out += "\nevents:\n"
                for group in groups {
                    out += "  as \(group.roles) (\(group.events.count)):\n"
                    for event in group.events { out += eventLine(event, indent: "    ") }
                }
            }
            return out
        case let .event(id):
            guard let event = graph.event(id) else { return "" }
            var out = eventLine(event, indent: "")
            if let amount = event.amount { out += "    amount: \(amount)\n" }
            if let status = event.status { out += "    status: \(status.rawValue)\n" }
            if let provenance = event.dateProvenance { out += "    \(provenance)\n" }
            if let description = event.description { out += "    \(description)\n" }
            let referring = graph.events(naming: id)
            if !referring.isEmpty {
                out += "\nreferred to by:\n"
                for other in referring { out += eventLine(other, indent: "  ") }
            }
            return out
        }
    }
}
