extension PathSearch {
    /// Every simple path from `source` to `target` with at most `maxLength` links, lazily, in
    /// order of length and then node ids; with a temporal rule, only the time-respecting ones
    /// (each marked certain or possible).
    ///
    /// Take a prefix to bound the work: the number of simple paths grows exponentially with
    /// `maxLength`. Iterating runs a depth-first search per length (iterative deepening),
    /// pruned by the exact distance to `target` (one 0-1 BFS up front) and, with a rule, by the
    /// time window of the partial path.
    /// - Complexity: O(N) to start; then O(branching^maxLength) in the worst case, but only
    ///   partial paths that can still reach `target` within the length are extended.
    public func simplePaths(from source: Int, to target: Int, maxLength: Int,
                            temporal: TemporalRule? = nil) -> SimplePathSequence {
        SimplePathSequence(search: self, source: source, target: target, maxLength: maxLength, temporal: temporal)
    }
}

/// The lazy sequence of ``PathSearch/simplePaths(from:to:maxLength:temporal:)``.
public struct SimplePathSequence: Sequence {
    let search: PathSearch
    public let source: Int
    public let target: Int
    public let maxLength: Int
    public let temporal: TemporalRule?

    public func makeIterator() -> Iterator {
        Iterator(sequence: self)
    }

    /// Yields ``PathFinding`` values (with ``PathFinding/temporal`` set under a rule).
    public final class Iterator: IteratorProtocol {
        private struct Frame {
            var node: Int
            var slot: Int
            var end: Int
            var cost: Int
            var window: TemporalOrder.Window
        }

        private let sequence: SimplePathSequence
        private let graph: LinkGraph
        private var started = false
        private var distance: [UInt8] = []
        private var onPath: [Bool] = []
        private var frames: [Frame] = []
        private var length = 0
        private let pass: PathSearch.Passability
        private let days: LinkDays?

        init(sequence: SimplePathSequence) {
            self.sequence = sequence
            graph = sequence.search.graph
            pass = sequence.search.passability
            days = sequence.temporal.map { sequence.search.linkDays($0) }
        }

        private func startLength() {
            frames.removeAll(keepingCapacity: true)
            let s = sequence.source
            frames.append(Frame(node: s, slot: Int(graph.offsets[s]), end: Int(graph.offsets[s + 1]),
                                cost: graph.isLink(s) ? 1 : 0, window: .start))
            onPath[s] = true
        }

        public func next() -> PathFinding? {
            let source = sequence.source, target = sequence.target
            if !started {
                started = true
                guard source != target, sequence.search.view.allows(source) else { return nil }
                distance = sequence.search.distances(to: target, maxCost: sequence.maxLength)
                guard distance[source] != .max else { return nil }
                onPath = [Bool](repeating: false, count: graph.nodeCount)
                length = Int(distance[source])
                if length > sequence.maxLength { return nil }
                startLength()
            }
            let neighbors = graph.neighbors
            let types = graph.types
            while true {
                guard !frames.isEmpty else {
                    length += 1
                    if length > sequence.maxLength { return nil }
                    startLength()
                    continue
                }
                let top = frames.count - 1
                if frames[top].slot == frames[top].end {
                    onPath[frames[top].node] = false
                    frames.removeLast()
                    continue
                }
                let u = frames[top].node
                let x = LinkGraph.neighbor(neighbors[frames[top].slot])
                frames[top].slot += 1
                guard !onPath[x], pass.ok(u, x) else { continue }
                let dx = distance[x]
                if dx == .max { continue }
                let wx = types[x] != 0 ? 1 : 0
                let cost = frames[top].cost + wx
                if cost + Int(dx) - wx > length { continue }
                var window = frames[top].window
                if let rule = sequence.temporal, let days, wx == 1 {
                    let d = days.days(x)
                    window = TemporalOrder.cross(window, first: d.lo, last: d.hi, rule: rule)
                    if window.isEmpty { continue }
                }
                if x == target {
                    guard cost == length else { continue }
                    let nodes = frames.map(\.node) + [x]
                    let path = LinkPath(nodes: nodes, length: cost)
                    if let rule = sequence.temporal, let days {
                        guard let assessment = TemporalOrder.assess(path.links(in: graph), days: days, rule: rule) else { continue }
                        return PathFinding(path: path, temporal: assessment)
                    }
                    return PathFinding(path: path)
                }
                onPath[x] = true
                frames.append(Frame(node: x, slot: Int(graph.offsets[x]), end: Int(graph.offsets[x + 1]),
                                    cost: cost, window: window))
            }
        }
    }
}
