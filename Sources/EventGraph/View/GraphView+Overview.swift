extension GraphView {
    /// What an overview of a big graph keeps: the `limit` most connected actors (by the number
    /// of this view's links they are in, then id) and the links among them only — every
    /// event or relation all of whose actors are among them. The readable default of the
    /// actor and event diagrams (`render --max-actors`); nil when the view has no more than
    /// `limit` actors (or `limit` is 0), so nothing is left out.
    /// - Complexity: O(N + C) over the nodes and connections, plus sorting the actors.
    public func overview(limit: Int) -> Overview? {
        guard limit > 0, actorNodes.count > limit else { return nil }
        let links = self.links
        // Links each actor is in (directly, as a participant).
        var degree: [(node: Int32, links: Int)] = actorNodes.map { actor in
            (actor, links.connections(Int(actor)).reduce(0) { $0 + ($1.isParticipant && allows($1.node) ? 1 : 0) })
        }
        degree.sort { ($0.links, links.id(Int($1.node))) > ($1.links, links.id(Int($0.node))) }
        let kept = Set(degree.prefix(limit).map { Int($0.node) })
        var avoid: [Int] = []
        for (node, _) in degree.dropFirst(limit) { avoid.append(Int(node)) }
        for node in eventNodes.lazy.map(Int.init) + relationNodes.lazy.map(Int.init) {
            let members = actorMembers(ofLink: node, isExcluded: { !self.allows($0) })
            if members.contains(where: { !kept.contains($0) }) { avoid.append(node) }
        }
        let view = narrowed(by: GraphFilter(), avoid: avoid).view
        return Overview(view: view, shownActors: view.actors.count, allActors: actorNodes.count)
    }

    /// An overview's view and how much of the graph it shows.
    public struct Overview: Sendable {
        public let view: GraphView
        public let shownActors: Int
        public let allActors: Int

        /// `the 40 most connected of 160 actors`.
        public var caption: String { "the \(shownActors) most connected of \(allActors) actors" }
    }
}
