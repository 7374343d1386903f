/// What a single time-respecting path query optimises (Wu et al., PVLDB 2014: the four
/// minimum temporal paths).
public enum TemporalObjective: String, Sendable, CaseIterable {
    /// The fewest links; among those, the earliest arrival.
    case fewestLinks = "fewest-links"
    /// The earliest arrival at the target; among equally early paths, the fewest links.
    case earliestArrival = "earliest-arrival"
    /// The latest day one can leave the source and still reach the target (by the rule's
    /// `latestDay`, if any); among equally late paths, the fewest links.
    case latestDeparture = "latest-departure"
    /// The fewest days between crossing the first link and crossing the last.
    case fastest = "fastest"
}

extension PathSearch {
    /// One time-respecting path from `source` to `target` (see ``TemporalOrder`` for the
    /// semantics of partial dates and relations, ``LinkDays`` for lifespans and the rule's
    /// day bounds), marked certain or possible.
    ///
    /// Without `maxGap`: fewest links by layers (exact); earliest arrival by
    /// ``temporalSweep(from:rule:backward:target:limit:)`` from `source` (exact); latest
    /// departure by the same sweep backwards from `target` (exact); fastest by alternating
    /// the two (``fastestPath(from:to:rule:)``, exact).
    ///
    /// With `maxGap`: a label-setting search whose labels are Pareto sets of windows (earliest
    /// day `lo`, latest day `hi` the next link may build on) and link counts; a label is
    /// dropped when another at the same node is no later, no narrower and no longer, and
    /// extensions that would revisit a node of the label's own chain are refused, so the paths
    /// are simple. Finding a simple path under a gap limit is NP-hard (Casteigts et al.,
    /// "Finding temporal paths under waiting time constraints", 2021), so this search is
    /// sound (every path it returns respects the rule) but may miss a better path, or every
    /// path, when a dropped label's chain was the only way round.
    /// - Returns: nil when no time-respecting path was found in the view.
    /// - Complexity: O((V' + E') log V') per search without `maxGap` (times the number of
    ///   distinct departure days for `fastest`); times the number of Pareto labels per node
    ///   and the chain lengths with `maxGap`.
    public func temporalPath(from source: Int, to target: Int, rule: TemporalRule = TemporalRule(),
                             objective: TemporalObjective = .fewestLinks) -> PathFinding? {
        guard source != target, view.allows(source), view.allows(target) else { return nil }
        let nodes: [Int]?
        switch objective {
        case .fewestLinks:
            nodes = rule.maxGap == nil ? fewestLinksWithoutGap(from: source, to: target, rule: rule)
                : labelSearch(from: source, to: target, rule: rule, backward: false, byLinks: true)
        case .earliestArrival:
            nodes = earliest(from: source, to: target, rule: rule, backward: false)
        case .latestDeparture:
            nodes = earliest(from: target, to: source, rule: rule, backward: true)?.reversed()
        case .fastest:
            nodes = fastestPath(from: source, to: target, rule: rule)
        }
        return nodes.flatMap { finding($0, rule: rule) }
    }

    /// The earliest chain from `source` to `target` in sweep time (backward: the latest
    /// departure from `target` towards `source`, in sweep order).
    func earliest(from source: Int, to target: Int, rule: TemporalRule, backward: Bool) -> [Int]? {
        if rule.maxGap != nil { return labelSearch(from: source, to: target, rule: rule, backward: backward, byLinks: false) }
        let sweep = temporalSweep(from: source, rule: rule, backward: backward, target: target)
        return sweep.isReached(target) ? sweep.chain(to: target) : nil
    }

    /// The fastest path: round r finds the earliest arrival A leaving on or after d (d = −∞
    /// at first), then the latest departure D arriving by A; A − D is a candidate and the next
    /// round leaves after D. The fastest path leaves on some day t; the round with d ≤ t < the
    /// next d arrives by its arrival and leaves no earlier than t, so its A − D is at most the
    /// optimum. Among equally fast paths, the one that leaves first.
    ///
    /// The rounds run with open sides closed a little beyond the graph's finite days
    /// (``TemporalOrder/closed(_:margin:)`` with a margin of N + 1 days), so every day is finite.
    func fastestPath(from source: Int, to target: Int, rule: TemporalRule) -> [Int]? {
        var low = Int64.max, high = Int64.min
        for node in 0..<graph.nodeCount where graph.types[node] != 0 {
            let (f, l) = TemporalOrder.bounds(graph, node)
            for v in [f, l] where v > -TemporalOrder.infinity / 2 && v < TemporalOrder.infinity / 2 {
                low = min(low, v)
                high = max(high, v)
            }
        }
        if low > high { (low, high) = (0, 0) }
        let margin = Int64(graph.nodeCount) + 1
        var finite = rule
        finite.earliestDay = max(rule.earliestDay ?? Int.min, Int(low - margin))
        finite.latestDay = min(rule.latestDay ?? Int.max, Int(high + margin))
        var bestSpan = Int64.max
        var bestNodes: [Int]?
        var departAfter = finite.earliestDay!
        while true {
            var forward = finite
            forward.earliestDay = departAfter
            guard let there = earliest(from: source, to: target, rule: forward, backward: false),
                  let a = arrivalDay(of: there, rule: forward) else { break }
            var back = finite
            back.latestDay = min(Int(a), finite.latestDay!)
            guard let chain = earliest(from: target, to: source, rule: back, backward: true),
                  let d = departureDay(of: chain.reversed(), rule: back) else { break }
            let span = max(0, a - d)
            if span < bestSpan {
                bestSpan = span
                bestNodes = chain.reversed()
            }
            if span == 0 { break }
            departAfter = max(departAfter + 1, Int(d) + 1)
        }
        return bestNodes
    }

    /// The earliest day (±infinity when open) a path's last link can be crossed under `rule`.
    private func arrivalDay(of nodes: [Int], rule: TemporalRule) -> Int64? {
        let days = linkDays(rule)
        let w = TemporalOrder.sweep(nodes.filter(graph.isLink).map(days.days), rule: rule)
        return w.isEmpty ? nil : w.lo
    }

    /// The latest day (±infinity when open) a path's first link can be crossed under `rule`.
    private func departureDay(of nodes: [Int], rule: TemporalRule) -> Int64? {
        let days = linkDays(rule)
        let w = TemporalOrder.sweep(TemporalOrder.reversed(nodes.filter(graph.isLink).map(days.days)), rule: rule)
        return w.isEmpty ? nil : -w.lo
    }

    /// Steps from label `a` to node `x`: the label made there, if it is worth keeping (not
    /// dominated, and `x` not already on the label's chain).
    func labelStep(rule: TemporalRule, backward: Bool) -> (inout TemporalLabels, Int, Int) -> Int? {
        let days = linkDays(rule)
        let types = graph.types
        return { labels, a, x in
            let from = labels.items[a]
            var window = from.window
            let isLink = types[x] != 0
            if isLink {
                let d = days.days(x)
                window = TemporalOrder.cross(window, first: backward ? -d.hi : d.lo, last: backward ? -d.lo : d.hi, rule: rule)
                if window.isEmpty { return nil }
                if rule.maxGap == nil { window.hi = TemporalOrder.infinity }
            }
            if labels.chainContains(a, node: x) { return nil }
            return labels.add(node: x, parent: Int32(a), hops: from.hops + (isLink ? 1 : 0), window: window)
        }
    }

    /// The label-setting search with a gap limit (see ``temporalPath(from:to:rule:objective:)``):
    /// by links (0-1 BFS by link count) or by earliest sweep day (Dijkstra on time).
    func labelSearch(from source: Int, to target: Int, rule: TemporalRule, backward: Bool, byLinks: Bool) -> [Int]? {
        var labels = TemporalLabels(nodeCount: graph.nodeCount, rule: rule)
        let pass = passability
        let offsets = graph.offsets
        let neighbors = graph.neighbors
        let types = graph.types
        _ = labels.add(node: source, parent: -1, hops: 0, window: .start)
        let step = labelStep(rule: rule, backward: backward)

        if byLinks {
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
                        guard let b = step(&labels, a, x) else { continue }
                        if xIsLink { next.append(b) } else { layer.append(b) }
                    }
                }
                if let best = labels.best(at: target) { return labels.chain(best) }
                layer = next
            }
            return nil
        }
        return labelSweep(labels: &labels, rule: rule, target: target, step: step).found.map { labels.chain($0) }
    }

    /// The Dijkstra part of the gap-limited label search, from the labels made so far (the
    /// source's): pops labels in order of earliest day. Stops at `target`'s first label, or
    /// once `limit` actors have their first (earliest) label.
    /// - Returns: the target's label, and every other actor's earliest label in pop order.
    func labelSweep(labels: inout TemporalLabels, rule: TemporalRule, target: Int?, limit: Int = .max,
                    step: (inout TemporalLabels, Int, Int) -> Int?) -> (found: Int?, firsts: [Int], truncated: Bool) {
        let pass = passability
        let offsets = graph.offsets, neighbors = graph.neighbors, types = graph.types
        var heap = BinaryHeap<TemporalLabels.Entry>()
        heap.push(TemporalLabels.Entry(lo: labels.items[0].window.lo, hops: 0, label: 0))
        let source = Int(labels.items[0].node)
        var firsts: [Int] = []
        var seen = Set<Int>()
        while let entry = heap.pop() {
            let a = entry.label
            let label = labels.items[a]
            if label.dead { continue }
            let u = Int(label.node)
            if u == target { return (a, firsts, false) }
            let uIsLink = types[u] != 0
            if !uIsLink && u != source && seen.insert(u).inserted {
                if firsts.count >= limit { return (nil, firsts, true) }
                firsts.append(a)
            }
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                let x = LinkGraph.neighbor(neighbors[slot])
                guard pass.ok(u, x) else { continue }
                guard types[x] != 0 || uIsLink else { continue }
                guard let b = step(&labels, a, x) else { continue }
                let added = labels.items[b]
                heap.push(TemporalLabels.Entry(lo: added.window.lo, hops: added.hops, label: b))
            }
        }
        return (nil, firsts, false)
    }

    /// Fewest links without a gap limit: layer h relaxes, from every node whose earliest day
    /// improved in layer h - 1, the links one step further; a node's earliest day over all
    /// layers so far is kept in a plain array, and every improvement is logged with the
    /// improvement it came from (so the path is rebuilt from the layers that made it). The
    /// first layer that reaches the target gives the fewest links, and its earliest day among
    /// paths of that length. Exact.
    func fewestLinksWithoutGap(from source: Int, to target: Int, rule: TemporalRule) -> [Int]? {
        let n = graph.nodeCount
        let pass = passability
        let offsets = graph.offsets, neighbors = graph.neighbors, types = graph.types
        let days = linkDays(rule)
        let step: Int64 = rule.strict ? 1 : 0
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
                    let d = days.days(x)
                    let f = d.lo, l = d.hi
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
        guard let assessment = TemporalOrder.assess(path.links(in: graph), days: linkDays(rule), rule: rule) else { return nil }
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
