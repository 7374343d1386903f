extension GraphView {
    /// What an overview of a big graph keeps: the `limit` most connected actors (by the number
    /// of this view's links they are in, then id) and the links among them only — every
    /// event or relation all of whose actors are among them. The readable default of the
    /// actor and event diagrams (`render --max-actors`); nil when the view has no more than
    /// `limit` actors (or `limit` is 0), so nothing is left out.
    ///
    /// With a `focus` actor (the view being its neighbourhood, `--focus ID --depth N`), the
    /// nearest actors come first: fewest links from the focus, then most connected, so the
    /// focus and its own neighbours are kept before anyone further out.
    /// - Complexity: O(N + C) over the nodes and connections, plus sorting the actors.
    public func overview(limit: Int, focus: String? = nil, depth: Int = 1) -> Overview? {
        guard limit > 0, actorNodes.count > limit else { return nil }
        let links = self.links
        // Steps from the focus (every actor of a focused view is within `depth` of it).
        let distance = focus.flatMap { store.node($0) }.map { center in
            focusDistances(center: center, depth: depth, isExcluded: { !self.allows($0) })
        }
        // Links each actor is in (directly, as a participant).
        var rank: [(node: Int32, distance: Int, links: Int)] = actorNodes.map { actor in
            (actor, distance.map { $0[Int(actor)] ?? Int.max } ?? 0,
             links.connections(Int(actor)).reduce(0) { $0 + ($1.isParticipant && allows($1.node) ? 1 : 0) })
        }
        rank.sort { a, b in
            if a.distance != b.distance { return a.distance < b.distance }
            return (a.links, links.id(Int(b.node))) > (b.links, links.id(Int(a.node)))
        }
        let kept = Set(rank.prefix(limit).map { Int($0.node) })
        var avoid: [Int] = []
        for actor in rank.dropFirst(limit) { avoid.append(Int(actor.node)) }
        for node in eventNodes.lazy.map(Int.init) + relationNodes.lazy.map(Int.init) {
            let members = actorMembers(ofLink: node, isExcluded: { !self.allows($0) })
            if members.contains(where: { !kept.contains($0) }) { avoid.append(node) }
        }
        let view = narrowed(by: GraphFilter(), avoid: avoid).view
        return Overview(view: view, shownActors: view.actors.count, allActors: actorNodes.count, isFocused: distance != nil)
    }

    /// An overview's view and how much of the graph it shows.
    public struct Overview: Sendable {
        public let view: GraphView
        public let shownActors: Int
        public let allActors: Int
        /// Whether the actors were ranked by their distance from a focus first.
        public let isFocused: Bool

        /// `the 40 most connected of 160 actors`; around a focus, `the 40 nearest and most
        /// connected of 160 actors`.
        public var caption: String {
            "the \(shownActors) \(isFocused ? "nearest and most connected" : "most connected") of \(allActors) actors"
        }
    }
}
