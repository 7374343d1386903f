/// The ego network of one node: every actor within `depth` links of it, the links crossed to
/// reach them, and the links joining those actors to each other.
public struct EgoNetwork: Sendable {
    /// One member of the network with its distance (in links) from the centre.
    public struct Member: Sendable, Hashable {
        public let node: Int
        public let distance: Int
    }

    public let center: Int
    public let depth: Int
    /// Actors (the centre first), by distance, then id.
    public let actors: [Member]
    /// Events and relations, by distance, then id. A link at distance ≤ depth was crossed;
    /// one at distance depth + 1 joins two members.
    public let links: [Member]
    /// True when `limit` stopped the search before the whole network was collected.
    public let truncated: Bool

    /// Every node of the network (actors and links).
    public var nodes: Set<Int> { Set(actors.map(\.node) + links.map(\.node)) }
}

extension GraphView {
    /// The ego network of an actor out to `depth` steps: the view filtered with `--focus` at
    /// that depth (``filtered(by:via:avoid:)``, the one definition every command uses), with
    /// each member's distance. An actor's distance is its number of steps from the centre; a
    /// link's is one more than its nearest actor's (at most `depth`).
    ///
    /// - Parameters:
    ///   - center: an actor node.
    ///   - depth: how many steps away members may be.
    ///   - limit: the most actors to keep (the nearest first, then by id); nil for no limit.
    /// - Complexity: that of the focus filter, O(N) plus the nodes within `depth` steps.
    public func egoNetwork(of center: Int, depth: Int, limit: Int? = nil) -> EgoNetwork {
        let (ego, reach) = narrowed(by: GraphFilter(focus: links.id(center), depth: depth))
        let distance = reach ?? [center: 0]
        var actors = distance.map { EgoNetwork.Member(node: $0.key, distance: $0.value) }
            .sorted { ($0.distance, $0.node) < ($1.distance, $1.node) }
        var truncated = false
        if let limit, actors.count > limit {
            actors = Array(actors.prefix(limit))
            truncated = true
        }
        let members = Dictionary(uniqueKeysWithValues: actors.map { ($0.node, $0.distance) })
        var linkMembers: [EgoNetwork.Member] = []
        for node in (ego.eventNodes + ego.relationNodes).map(Int.init) {
            var nearest = Int.max
            var inside = true
            for c in links.connections(node) where !c.isParticipant && !links.isLink(c.node) {
                guard let d = members[c.node] else { inside = false; break }
                nearest = min(nearest, d)
            }
            if inside && nearest != Int.max { linkMembers.append(EgoNetwork.Member(node: node, distance: nearest + 1)) }
        }
        linkMembers.sort { ($0.distance, $0.node) < ($1.distance, $1.node) }
        return EgoNetwork(center: center, depth: depth, actors: actors, links: linkMembers, truncated: truncated)
    }
}
