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

extension PathSearch {
    /// The ego network of `center` out to `depth` links (0-1 BFS: entering a link costs 1).
    ///
    /// - Parameters:
    ///   - center: an actor (or any node).
    ///   - depth: how many links away members may be.
    ///   - limit: the most actors to collect (the nearest first); nil for no limit.
    /// - Complexity: O(V' + E') over the nodes within `depth + 1` links.
    public func egoNetwork(of center: Int, depth: Int, limit: Int? = nil) -> EgoNetwork {
        let pass = passability
        var distance: [Int: Int] = [center: 0]
        var order: [Int] = [center]
        var frontier = [center]
        var level = 0
        var truncated = false
        var actorCount = graph.isLink(center) ? 0 : 1
        search: while !frontier.isEmpty && level <= depth {
            var next: [Int] = []
            var i = 0
            while i < frontier.count {
                let u = frontier[i]
                i += 1
                let uIsLink = graph.isLink(u)
                for c in graph.connections(u) {
                    let x = c.node
                    guard distance[x] == nil, pass.ok(u, x) else { continue }
                    if graph.isLink(x) {
                        if level + 1 <= depth { distance[x] = level + 1; next.append(x); order.append(x) }
                    } else if uIsLink {
                        if let limit, actorCount >= limit { truncated = true; break search }
                        distance[x] = level
                        actorCount += 1
                        frontier.append(x)
                        order.append(x)
                    }
                }
            }
            frontier = next
            level += 1
        }
        // Links joining members that the search did not cross (one step beyond `depth`).
        let memberActors = Set(order.filter { !graph.isLink($0) })
        var extra: [Int] = []
        var considered = Set<Int>()
        for actor in memberActors.sorted() {
            for c in graph.connections(actor) where c.isParticipant && distance[c.node] == nil && pass.ok(actor, c.node) {
                guard considered.insert(c.node).inserted else { continue }
                let ends = graph.connections(c.node).filter { !$0.isParticipant && !graph.isLink($0.node) }
                if ends.count >= 2 && ends.allSatisfy({ memberActors.contains($0.node) }) { extra.append(c.node) }
            }
        }
        for link in extra { distance[link] = depth + 1 }
        func members(_ nodes: [Int]) -> [EgoNetwork.Member] {
            nodes.map { EgoNetwork.Member(node: $0, distance: distance[$0]!) }
                .sorted { ($0.node == center ? 0 : 1, $0.distance, $0.node) < ($1.node == center ? 0 : 1, $1.distance, $1.node) }
        }
        return EgoNetwork(center: center, depth: depth,
                          actors: members(order.filter { !graph.isLink($0) }),
                          links: members(order.filter(graph.isLink) + extra),
                          truncated: truncated)
    }
}
