extension GraphView {
    /// The actor nodes a link joins: an event's actors, looking through the events named in
    /// its roles (a review of an acquisition joins the reviewer, the acquirer and the target),
    /// or a relation's two ends. Only what the view keeps; sorted.
    public func actorMembers(ofLink link: Int) -> [Int] {
        actorMembers(ofLink: link, isExcluded: { !allows($0) })
    }

    /// ``actorMembers(ofLink:)`` leaving out the nodes `isExcluded` names (the filter uses it
    /// while it builds a view).
    func actorMembers(ofLink link: Int, isExcluded: (Int) -> Bool) -> [Int] {
        var out = Set<Int>(), seen = Set<Int>()
        func walk(_ node: Int) {
            guard seen.insert(node).inserted else { return }
            for c in links.connections(node) where !c.isParticipant && !isExcluded(c.node) {
                if links.isLink(c.node) { walk(c.node) } else { out.insert(c.node) }
            }
        }
        walk(link)
        return out.sorted()
    }

    /// The links whose members include an actor: its own links and the events that name them
    /// (recursively), kept by the view; sorted.
    public func linksContaining(actor node: Int) -> [Int] {
        containingLinks(of: node, isExcluded: { !allows($0) }).sorted()
    }

    /// The actor ids an event touches, looking through events named in its roles.
    public func actorsTouched(by event: Event) -> [String] {
        guard let node = store.node(event.id), links.type(node) == .event else { return [] }
        return actorMembers(ofLink: node).map { links.id($0) }
    }

    /// ``actorsTouched(by:)`` for each of `events`, by event id.
    public func flattenedActors(of events: some Sequence<Event>) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for event in events { result[event.id] = actorsTouched(by: event) }
        return result
    }

    /// The kept events an actor takes part in, directly or through an event named in a role
    /// (a review of its acquisition), by id: made into values only for these events.
    public func events(involving actorIDs: [String]) -> [Event] {
        var nodes = Set<Int>()
        for id in actorIDs {
            guard let node = store.node(id), links.type(node) == .actor else { continue }
            for link in linksContaining(actor: node) where links.type(link) == .event { nodes.insert(link) }
        }
        return nodes.sorted().map { event(at: $0)! }
    }

    /// The kept events that name a node (an actor or an event) in a role, in reading order
    /// (date interval, then id).
    public func events(naming id: String) -> [Event] {
        guard let node = store.node(id) else { return [] }
        let nodes = links.connections(node).filter { $0.isParticipant && links.type($0.node) == .event && allows($0.node) }.map(\.node)
        return nodes.sorted { a, b in
            let x = links.interval(a), y = links.interval(b)
            return (x.first, x.last, a) < (y.first, y.last, b)
        }.map { event(at: $0)! }
    }

    /// The kept relations an actor is an end of, in input order.
    public func relations(of id: String) -> [Relation] {
        guard let node = store.node(id) else { return [] }
        return links.connections(node).filter { $0.isParticipant && links.type($0.node) == .relation && allows($0.node) }
            .map(\.node).sorted { store.record[$0] < store.record[$1] }.map { relation(at: $0)! }
    }
}
