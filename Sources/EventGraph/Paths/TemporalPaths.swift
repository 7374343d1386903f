/// What a single time-respecting path query optimises.
public enum TemporalObjective: String, Sendable, CaseIterable {
    /// The fewest links; among those, the earliest arrival.
    case fewestLinks = "fewest-links"
    /// The earliest arrival at the target; among equally early paths, the fewest links.
    case earliestArrival = "earliest-arrival"
}

extension PathSearch {
    /// One time-respecting path from `source` to `target` (see ``TemporalOrder`` for the
    /// semantics of partial dates and relations), marked certain or possible.
    ///
    /// A label-setting search: each label is a node with the window of days at which it can be
    /// reached (earliest day `lo`; with `maxGap`, also the latest day `hi` the next link may
    /// build on) and a link count. A label is dropped when another label at the same node is
    /// no later, no narrower and no longer. `fewestLinks` expands labels layer by layer (0-1
    /// BFS by link count); `earliestArrival` in order of `lo` (Dijkstra on time).
    ///
    /// Without `maxGap` each node keeps one label and both searches are exact. With `maxGap`
    /// labels are Pareto sets and extensions that would revisit a node are refused; the search
    /// is exact for walks and returns simple paths.
    /// - Returns: nil when no time-respecting path exists in the view.
    /// - Complexity: O((V' + E') log V') for `earliestArrival`, O(V' + E') for `fewestLinks`
    ///   (times the number of Pareto labels per node with `maxGap`).
    public func temporalPath(from source: Int, to target: Int, rule: TemporalRule = TemporalRule(),
                             objective: TemporalObjective = .fewestLinks) -> PathFinding? {
        guard source != target, view.allows(source), view.allows(target) else { return nil }
        if rule.maxGap == nil {
            let nodes = objective == .earliestArrival ? earliestArrivalWithoutGap(from: source, to: target, strict: rule.strict)
                : fewestLinksWithoutGap(from: source, to: target, strict: rule.strict)
            return nodes.flatMap { finding($0, rule: rule) }
        }
        var labels = TemporalLabels(nodeCount: graph.nodeCount, rule: rule)
        let pass = passability
        let offsets = graph.offsets
        let neighbors = graph.neighbors
        let types = graph.types
        _ = labels.add(node: source, parent: -1, hops: 0, window: .start)

        /// The label reached by stepping from label `a` to node `x`, if it is worth keeping.
        func step(_ a: Int, to x: Int) -> Int? {
            let from = labels.items[a]
            var window = from.window
            let isLink = types[x] != 0
            if isLink {
                let (f, l) = TemporalOrder.bounds(graph, x)
                window = TemporalOrder.cross(window, first: f, last: l, rule: rule)
                if window.isEmpty { return nil }
                if rule.maxGap == nil { window.hi = TemporalOrder.infinity }
            }
            let hops = from.hops + (isLink ? 1 : 0)
            if rule.maxGap != nil && labels.chainContains(a, node: x) { return nil }
            return labels.add(node: x, parent: Int32(a), hops: hops, window: window)
        }

        switch objective {
        case .fewestLinks:
            var layer = [0]
            while !layer.isEmpty {
                var next: [Int] = []
                var i = 0
                while i < layer.count {
                    let a = layer[i]
                    i += 1
                    let label = labels.items[a]
                    if label.dead || Int(label.node) == target { continue }
                    let u = Int(label.node)
                    let uIsLink = types[u] != 0
                    for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                        let x = LinkGraph.neighbor(neighbors[slot])
                        guard pass.ok(u, x) else { continue }
                        let xIsLink = types[x] != 0
                        guard xIsLink || uIsLink else { continue }
                        guard let b = step(a, to: x) else { continue }
                        if xIsLink { next.append(b) } else { layer.append(b) }
                    }
                }
                if let best = labels.best(at: target) { return finding(labels.chain(best), rule: rule) }
                layer = next
            }
            return nil
        case .earliestArrival:
            var heap = BinaryHeap<TemporalLabels.Entry>()
            heap.push(TemporalLabels.Entry(lo: labels.items[0].window.lo, hops: 0, label: 0))
            while let entry = heap.pop() {
                let a = entry.label
                let label = labels.items[a]
                if label.dead { continue }
                let u = Int(label.node)
                if u == target { return finding(labels.chain(a), rule: rule) }
                let uIsLink = types[u] != 0
                for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                    let x = LinkGraph.neighbor(neighbors[slot])
                    guard pass.ok(u, x) else { continue }
                    guard types[x] != 0 || uIsLink else { continue }
                    guard let b = step(a, to: x) else { continue }
                    let added = labels.items[b]
                    heap.push(TemporalLabels.Entry(lo: added.window.lo, hops: added.hops, label: b))
                }
            }
            return nil
        }
    }

    /// Earliest arrival without a gap limit: Dijkstra on (earliest day, links) with one label
    /// per node in plain arrays. Exact for the arrival day; among equally early paths it keeps
    /// the one found first with the fewest links at each node (not always the fewest overall).
    func earliestArrivalWithoutGap(from source: Int, to target: Int, strict: Bool) -> [Int]? {
        let n = graph.nodeCount
        let pass = passability
        let offsets = graph.offsets, neighbors = graph.neighbors, types = graph.types
        let firsts = graph.firsts, lasts = graph.lasts
        let step: Int64 = strict ? 1 : 0
        let minusInfinity = -TemporalOrder.infinity
        var best: [Int64] = HugePages.array(repeating: Int64.max, count: n)
        var hops: [Int32] = HugePages.array(repeating: Int32.max, count: n)
        var pred: [Int32] = HugePages.array(repeating: -1, count: n)
        var heap = BinaryHeap<TemporalLabels.Entry>()
        best[source] = minusInfinity
        hops[source] = 0
        heap.push(TemporalLabels.Entry(lo: minusInfinity, hops: 0, label: source))
        while let entry = heap.pop() {
            let u = entry.label
            guard entry.lo == best[u] && entry.hops == hops[u] else { continue }
            if u == target { break }
            let uIsLink = types[u] != 0
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                let x = LinkGraph.neighbor(neighbors[slot])
                let xIsLink = types[x] != 0
                guard xIsLink || uIsLink, pass.ok(u, x) else { continue }
                var lo = entry.lo
                var h = entry.hops
                if xIsLink {
                    let f = firsts[x] <= LinkGraph.dayMin ? minusInfinity : Int64(firsts[x])
                    let l = lasts[x] >= LinkGraph.dayMax ? TemporalOrder.infinity : Int64(lasts[x])
                    lo = u == source ? f : max(f, lo == minusInfinity ? lo : lo + step)
                    if lo > l { continue }
                    h += 1
                }
                if lo < best[x] || (lo == best[x] && h < hops[x]) {
                    best[x] = lo
                    hops[x] = h
                    pred[x] = Int32(u)
                    heap.push(TemporalLabels.Entry(lo: lo, hops: h, label: x))
                }
            }
        }
        guard pred[target] >= 0 else { return nil }
        var nodes = [target]
        while nodes.last! != source { nodes.append(Int(pred[nodes.last!])) }
        return nodes.reversed()
    }

    /// Fewest links without a gap limit: layer h relaxes, from every node whose earliest day
    /// improved in layer h - 1, the links one step further; a node's earliest day over all
    /// layers so far is kept in a plain array, and every improvement is logged with the
    /// improvement it came from (so the path is rebuilt from the layers that made it). The
    /// first layer that reaches the target gives the fewest links, and its earliest day among
    /// paths of that length. Exact.
    func fewestLinksWithoutGap(from source: Int, to target: Int, strict: Bool) -> [Int]? {
        let n = graph.nodeCount
        let pass = passability
        let offsets = graph.offsets, neighbors = graph.neighbors, types = graph.types
        let firsts = graph.firsts, lasts = graph.lasts
        let step: Int64 = strict ? 1 : 0
        let minusInfinity = -TemporalOrder.infinity
        var best: [Int64] = HugePages.array(repeating: Int64.max, count: n)
        var latest: [Int32] = HugePages.array(repeating: -1, count: n)
        // The improvement log: node, the entry it came from, its day, its layer.
        var logNode: [Int32] = [Int32(source)], logParent: [Int32] = [-1]
        var logDay: [Int64] = [minusInfinity], logLayer: [Int32] = [0]
        best[source] = minusInfinity
        latest[source] = 0
        var frontier: [Int32] = [0]
        var layer: Int32 = 0
        while !frontier.isEmpty {
            layer += 1
            // Links one step further (from actors, and from links naming events).
            var improvedLinks: [Int] = []
            for e in frontier {
                let u = Int(logNode[Int(e)]), lo0 = logDay[Int(e)]
                for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                    let x = LinkGraph.neighbor(neighbors[slot])
                    guard types[x] != 0, pass.ok(u, x) else { continue }
                    let f = firsts[x] <= LinkGraph.dayMin ? minusInfinity : Int64(firsts[x])
                    let l = lasts[x] >= LinkGraph.dayMax ? TemporalOrder.infinity : Int64(lasts[x])
                    let lo = e == 0 ? f : max(f, lo0 == minusInfinity ? lo0 : lo0 + step)
                    guard lo <= l, lo < best[x] else { continue }
                    best[x] = lo
                    if latest[x] < 0 || logLayer[Int(latest[x])] != layer { improvedLinks.append(x) }
                    logNode.append(Int32(x)); logParent.append(e); logDay.append(lo); logLayer.append(layer)
                    latest[x] = Int32(logNode.count - 1)
                }
            }
            if improvedLinks.isEmpty { return nil }
            // Their actors, on the same day.
            var next: [Int32] = []
            var improvedActors: [Int] = []
            for x in improvedLinks {
                let e = latest[x]
                next.append(e)
                let lo = logDay[Int(e)]
                for slot in Int(offsets[x])..<Int(offsets[x + 1]) {
                    let m = LinkGraph.neighbor(neighbors[slot])
                    guard types[m] == 0, lo < best[m], pass.ok(x, m) else { continue }
                    best[m] = lo
                    if latest[m] < 0 || logLayer[Int(latest[m])] != layer { improvedActors.append(m) }
                    logNode.append(Int32(m)); logParent.append(e); logDay.append(lo); logLayer.append(layer)
                    latest[m] = Int32(logNode.count - 1)
                }
            }
            if latest[target] >= 0 && logLayer[Int(latest[target])] == layer {
                var nodes: [Int] = []
                var e = latest[target]
                while e >= 0 {
                    nodes.append(Int(logNode[Int(e)]))
                    e = logParent[Int(e)]
                }
                return nodes.reversed()
            }
            for m in improvedActors { next.append(latest[m]) }
            frontier = next
        }
        return nil
    }

    private func finding(_ nodes: [Int], rule: TemporalRule) -> PathFinding? {
        let path = LinkPath(nodes: nodes, in: graph)
        guard let assessment = TemporalOrder.assess(path.links(in: graph), in: graph, rule: rule) else { return nil }
        return PathFinding(path: path, temporal: assessment)
    }
}

/// Labels of the temporal searches: per node a chain of non-dominated labels.
struct TemporalLabels {
    struct Label {
        var node: Int32
        var parent: Int32
        var hops: Int32
        var nextAtNode: Int32
        var window: TemporalOrder.Window
        var dead: Bool
    }

    struct Entry: Comparable {
        let lo: Int64
        let hops: Int32
        let label: Int
        static func < (a: Entry, b: Entry) -> Bool { (a.lo, a.hops, a.label) < (b.lo, b.hops, b.label) }
    }

    var items: [Label] = []
    var head: [Int32]
    let useHi: Bool

    init(nodeCount: Int, rule: TemporalRule) {
        head = [Int32](repeating: -1, count: nodeCount)
        useHi = rule.maxGap != nil
    }

    /// Adds a label unless one at the node dominates it; kills the labels it dominates.
    mutating func add(node: Int, parent: Int32, hops: Int32, window: TemporalOrder.Window) -> Int? {
        var l = head[node]
        while l >= 0 {
            let other = items[Int(l)]
            if !other.dead && other.window.lo <= window.lo && (!useHi || other.window.hi >= window.hi) && other.hops <= hops {
                return nil
            }
            l = other.nextAtNode
        }
        l = head[node]
        while l >= 0 {
            let other = items[Int(l)]
            if !other.dead && window.lo <= other.window.lo && (!useHi || window.hi >= other.window.hi) && hops <= other.hops {
                items[Int(l)].dead = true
            }
            l = other.nextAtNode
        }
        items.append(Label(node: Int32(node), parent: parent, hops: hops, nextAtNode: head[node], window: window, dead: false))
        head[node] = Int32(items.count - 1)
        return items.count - 1
    }

    /// The live label at `node` with the fewest links, then the earliest day, then the first made.
    func best(at node: Int) -> Int? {
        var result: Int?
        var l = head[node]
        while l >= 0 {
            let label = items[Int(l)]
            if !label.dead {
                if let r = result {
                    let current = items[r]
                    if (label.hops, label.window.lo, Int(l)) < (current.hops, current.window.lo, r) { result = Int(l) }
                } else {
                    result = Int(l)
                }
            }
            l = label.nextAtNode
        }
        return result
    }

    func chainContains(_ label: Int, node: Int) -> Bool {
        var l = label
        while l >= 0 {
            if Int(items[l].node) == node { return true }
            l = Int(items[l].parent)
        }
        return false
    }

    func chain(_ label: Int) -> [Int] {
        var nodes: [Int] = []
        var l = label
        while l >= 0 {
            nodes.append(Int(items[l].node))
            l = Int(items[l].parent)
        }
        return nodes.reversed()
    }
}
