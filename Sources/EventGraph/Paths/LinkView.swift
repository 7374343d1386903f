/// What the path algorithms walk: the store's ``LinkGraph`` and the bitset of a
/// ``GraphView`` (shared, not copied). Every algorithm asks ``allows(_:)`` for each node it
/// reaches.
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

    /// True when the view keeps the node.
    @inline(__always) public func allows(_ node: Int) -> Bool {
        guard let excluded else { return true }
        return excluded[node >> 6] & (1 << UInt64(node & 63)) == 0
    }
}
