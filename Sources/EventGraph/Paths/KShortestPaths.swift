extension PathSearch {
    /// The `k` shortest simple paths from `source` to `target` (Yen's algorithm), ordered by
    /// length, then by node ids. Ties are broken by node ids everywhere (each spur path is the
    /// smallest shortest one), so the result is exactly the first `k` simple paths in that
    /// order.
    ///
    /// - Parameters:
    ///   - source: the first actor.
    ///   - target: the last actor.
    ///   - k: how many paths (at least 1).
    /// - Returns: up to `k` paths; fewer when the graph has fewer simple paths.
    /// - Complexity: O(k · L · S) where L is the number of nodes on a path and S the cost of one
    ///   bidirectional search (``shortestPath(from:to:)``); candidates kept in a binary heap.
    public func kShortestPaths(from source: Int, to target: Int, k: Int) -> [LinkPath] {
        guard k > 0 else { return [] }
        clearBans()
        guard let first = shortestPath(from: source, to: target) else { return [] }
        var accepted = [first]
        var seen: Set<[Int]> = [first.nodes]
        var candidates = BinaryHeap<LinkPath>()
        defer { clearBans() }
        while accepted.count < k {
            let previous = accepted[accepted.count - 1]
            for i in 0..<(previous.nodes.count - 1) {
                let spur = previous.nodes[i]
                let root = previous.nodes[0...i]
                clearBans()
                bannedFrom = spur
                for path in accepted where path.nodes.count > i + 1 && path.nodes[0...i] == root {
                    bannedTo.append(path.nodes[i + 1])
                }
                for node in root.dropLast() { banMark[node] = banGeneration }
                guard let spurPath = shortestPath(from: spur, to: target) else { continue }
                let nodes = Array(root.dropLast()) + spurPath.nodes
                guard seen.insert(nodes).inserted else { continue }
                candidates.push(LinkPath(nodes: nodes, in: graph))
            }
            guard let next = candidates.pop() else { break }
            accepted.append(next)
        }
        return accepted
    }
}

/// A binary min-heap.
struct BinaryHeap<Element: Comparable> {
    private(set) var items: [Element] = []

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }

    mutating func push(_ element: Element) {
        items.append(element)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i] < items[parent] else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l] < items[m] { m = l }
                if r < items.count && items[r] < items[m] { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
