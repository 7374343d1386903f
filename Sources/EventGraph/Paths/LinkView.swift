/// A filtered view of a ``LinkGraph``: the same storage seen through a mask of excluded
/// nodes, so date windows, kind filters, `--via` and `--avoid` need no copy of the graph.
///
/// Building a view costs O(N) time and N/8 bytes (a bitset); every algorithm asks
/// ``allows(_:)`` for each node it reaches.
public struct LinkView: Sendable {
    public let graph: LinkGraph
    /// Excluded nodes as a bitset (nil: nothing excluded).
    let excluded: [UInt64]?

    /// The whole graph.
    public init(graph: LinkGraph) {
        self.graph = graph
        excluded = nil
    }

    init(graph: LinkGraph, excluded: [UInt64]?) {
        self.graph = graph
        self.excluded = excluded
    }

    /// A view keeping what `filter` keeps (the same rules as ``GraphFilter/keeps(_:)-(Event)``
    /// and ``Graph/filtered(by:)``), the links of the `via` kinds only (empty: all), and none
    /// of the `avoid` nodes.
    /// - Parameters:
    ///   - filter: date window, kinds, excluded claims and focus.
    ///   - via: event or relation kinds a path may use; empty allows every kind.
    ///   - avoid: node indices (actors, events or relations) a path must not touch.
    ///   - keepsLink: an extra test for links that the compact storage cannot answer alone
    ///     (``PathNetwork/view(for:)`` passes the `--known-as-of` test on the records).
    /// - Complexity: O(N) plus the focus search when `filter.focus` is set.
    public init(graph: LinkGraph, filter: GraphFilter, via: Set<String> = [], avoid: [Int] = [],
                keepsLink: ((Int) -> Bool)? = nil) {
        self.graph = graph
        let n = graph.nodeCount
        guard !filter.isEmpty || !via.isEmpty || !avoid.isEmpty else {
            excluded = nil
            return
        }
        var bits = [UInt64](repeating: 0, count: (n + 63) / 64)
        func exclude(_ node: Int) { bits[node >> 6] |= 1 << UInt64(node & 63) }
        let kindCount = graph.kindNames.count
        var keepKind = [Bool](repeating: true, count: kindCount)
        if !filter.kinds.isEmpty || !via.isEmpty {
            for k in 0..<kindCount {
                let name = graph.kindNames[k]
                keepKind[k] = (filter.kinds.isEmpty || filter.kinds.contains(name)) && (via.isEmpty || via.contains(name))
            }
        }
        let excludedClaims = Claim.allCases.map { filter.excludedClaims.contains($0) }
        let window = filter.window
        let wFirst = Int(LinkGraphBuilder.clampDay(window.first)), wLast = Int(LinkGraphBuilder.clampDay(window.last))
        for node in 0..<n {
            let t = graph.types[node]
            if t == LinkGraph.NodeType.actor.rawValue { continue }
            if !keepKind[Int(graph.kinds[node])] { exclude(node); continue }
            if t == LinkGraph.NodeType.event.rawValue && excludedClaims[Int(graph.claims[node])] { exclude(node); continue }
            if Int(graph.firsts[node]) > wLast || Int(graph.lasts[node]) < wFirst { exclude(node); continue }
            if let keepsLink, !keepsLink(node) { exclude(node) }
        }
        for node in avoid { exclude(node) }
        if let focus = filter.focus, let center = graph.node(focus) {
            let reach = LinkView.focusReach(graph: graph, center: center, depth: filter.depth, excluded: bits)
            // The rules of Graph.filtered(by:): actors outside the reach go; relations need both
            // ends inside; events need a participant inside and every actor participant inside.
            for node in 0..<n {
                if bits[node >> 6] & (1 << UInt64(node & 63)) != 0 { continue }
                switch graph.types[node] {
                case LinkGraph.NodeType.actor.rawValue:
                    if !reach.contains(node) { exclude(node) }
                default:
                    var anyInside = false, allInside = true
                    for c in graph.connections(node) where !c.isParticipant {
                        if graph.types[c.node] == LinkGraph.NodeType.actor.rawValue {
                            if reach.contains(c.node) { anyInside = true } else { allInside = false }
                        }
                    }
                    if !(anyInside && allInside) { exclude(node) }
                }
            }
        }
        excluded = bits
    }

    /// True when the view keeps the node.
    @inline(__always) public func allows(_ node: Int) -> Bool {
        guard let excluded else { return true }
        return excluded[node >> 6] & (1 << UInt64(node & 63)) == 0
    }

    /// Number of nodes the view keeps. O(N / 64).
    public var keptCount: Int {
        guard let excluded else { return graph.nodeCount }
        return graph.nodeCount - excluded.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Actors within `depth` actor-to-actor steps of `center`, where an event joins every actor
    /// in it or in the events it names (as ``Graph/filtered(by:)`` does for `--focus`).
    static func focusReach(graph: LinkGraph, center: Int, depth: Int, excluded: [UInt64]) -> Set<Int> {
        func kept(_ node: Int) -> Bool { excluded[node >> 6] & (1 << UInt64(node & 63)) == 0 }
        func members(_ link: Int, into out: inout Set<Int>, seen: inout Set<Int>) {
            guard seen.insert(link).inserted else { return }
            for c in graph.connections(link) where !c.isParticipant {
                if graph.isLink(c.node) {
                    if kept(c.node) { members(c.node, into: &out, seen: &seen) }
                } else {
                    out.insert(c.node)
                }
            }
        }
        /// Links whose members include `actor`: its own links and the events naming them.
        func containing(_ actor: Int) -> [Int] {
            var result: [Int] = []
            var seen = Set<Int>()
            var stack = graph.connections(actor).filter { $0.isParticipant && kept($0.node) }.map(\.node)
            while let link = stack.popLast() {
                guard seen.insert(link).inserted else { continue }
                result.append(link)
                for c in graph.connections(link) where c.isParticipant && kept(c.node) { stack.append(c.node) }
            }
            return result
        }
        var reached: Set<Int> = [center]
        var frontier = [center]
        for _ in 0..<max(0, depth) {
            var next: [Int] = []
            for actor in frontier {
                for link in containing(actor) {
                    var out = Set<Int>(), seen = Set<Int>()
                    members(link, into: &out, seen: &seen)
                    for m in out.sorted() where reached.insert(m).inserted { next.append(m) }
                }
            }
            frontier = next
        }
        return reached
    }
}
