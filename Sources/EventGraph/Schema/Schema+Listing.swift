/// `eventgraph schema`: the kinds of a schema as text or JSON.
extension Schema {
    /// Every actor kind (with its parent), relation kind (ends, direction) and event kind
    /// (roles with admitted kinds, required, many; the edge), in declaration order.
    public var listingJSON: JSONValue {
        let actors: [JSONValue] = actorKindOrder.compactMap { actorKinds[$0] }.map { kind in
            .object(["kind": .string(kind.name), "label": .string(kind.label), "parent": kind.parent.map(JSONValue.string)])
        }
        let relations: [JSONValue] = relationKindOrder.compactMap { relationKinds[$0] }.map { kind in
            .object(["kind": .string(kind.name), "label": .string(kind.label),
                     "from": kind.from.map { .array($0.map(JSONValue.string)) },
                     "to": kind.to.map { .array($0.map(JSONValue.string)) },
                     "directed": .bool(kind.directed)])
        }
        let events: [JSONValue] = eventKindOrder.compactMap { eventKinds[$0] }.map { kind in
            .object(["kind": .string(kind.name), "label": .string(kind.label),
                     "roles": .array(kind.roles.map { role in
                         .object(["role": .string(role.name), "kinds": role.kinds.map { .array($0.map(JSONValue.string)) },
                                  "required": .bool(role.required), "many": .bool(role.many)])
                     }),
                     "edge": kind.edge.map { .object(["from": .string($0.from), "to": .string($0.to)]) }])
        }
        return .object(["actorKinds": .array(actors), "relationKinds": .array(relations), "eventKinds": .array(events)])
    }

    /// The listing as text: one line per kind, roles indented under their event kind.
    public var listingText: String {
        var out = "Actor kinds\n"
        for kind in actorKindOrder.compactMap({ actorKinds[$0] }) {
            out += "  \(kind.name)\(kind.parent.map { " (is \($0))" } ?? "")\(kind.label != kind.name ? " — \(kind.label)" : "")\n"
        }
        out += "\nRelation kinds\n"
        for kind in relationKindOrder.compactMap({ relationKinds[$0] }) {
            let from = kind.from?.joined(separator: "|") ?? "any actor"
            let to = kind.to?.joined(separator: "|") ?? "any actor"
            out += "  \(kind.name): \(from) \(kind.directed ? "→" : "—") \(to)\(kind.directed ? "" : " (undirected)")\n"
        }
        out += "\nEvent kinds\n"
        for kind in eventKindOrder.compactMap({ eventKinds[$0] }) {
            out += "  \(kind.name)\(kind.edge.map { " (drawn as an arrow \($0.from) → \($0.to))" } ?? "")\n"
            for role in kind.roles {
                var notes: [String] = []
                if role.required { notes.append("required") }
                if role.many { notes.append("many") }
                out += "    \(role.name): \(role.kinds?.joined(separator: "|") ?? "any actor")\(notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")\n"
            }
        }
        return out
    }
}
