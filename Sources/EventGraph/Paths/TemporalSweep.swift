/// The result of one time-respecting label-setting search from one node (see
/// ``PathSearch/temporalSweep(from:rule:backward:target:limit:)``): for every node reached, the
/// earliest day it can be reached on, the links of the chain that does it, and that chain.
///
/// Days are in *sweep time*: real days forwards, their negatives backwards (a backward sweep
/// from TO finds, for every node, the latest day a chain can leave it and still reach TO).
struct TemporalSweep {
    let source: Int
    let backward: Bool
    /// Earliest sweep day at each node (``unreached`` when not reached): for a link, the first
    /// day it can be crossed; for an actor, that of the link the chain reached it by.
    var best: [Int64]
    var hops: [Int32]
    /// The previous node on the chain (-1 at the source and for nodes not reached).
    var pred: [Int32]
    /// Without a gap limit, the latest sweep day at which the chain can have crossed its last
    /// link whatever days its events were on; ``unsure`` when the chain is only possibly in
    /// order. (Certainty is the same forwards and backwards: reversing time maps orders onto
    /// orders.)
    var sure: [Int64]
    /// Actors reached (the source excluded), in the order their earliest day became final.
    var reached: [Int32] = []
    /// True when the search stopped at its actor limit.
    var truncated = false

    static let unreached = Int64.max
    static let unsure = Int64.max

    func isReached(_ node: Int) -> Bool { best[node] != Self.unreached }

    /// The chain from the source to `node`, in sweep order (source first).
    func chain(to node: Int) -> [Int] {
        var nodes = [node]
        while pred[nodes.last!] >= 0 { nodes.append(Int(pred[nodes.last!])) }
        return nodes.reversed()
    }

    /// The real day of a sweep day (nil for an unbounded side).
    func realDay(_ value: Int64) -> Int? {
        if value <= -TemporalOrder.infinity / 2 || value >= TemporalOrder.infinity / 2 { return nil }
        return Int(backward ? -value : value)
    }
}

extension PathSearch {
    /// A time-respecting search from `source`: Dijkstra on (earliest day, links), one label per
    /// node, over the view's links with their crossing days (``LinkDays``: dates, lifespans,
    /// `rule.earliestDay`/`latestDay`). A chain goes actor → link (→ link …) → actor; each link
    /// is crossed on a day of its crossing days, not before the previous link's (after it with
    /// `rule.strict`). Backward, it runs in reversed time from `source` (so `best` is the
    /// negated latest departure towards `source`).
    ///
    /// Exact for the earliest day of every node without a gap limit (`rule.maxGap` is ignored
    /// here): a later label at a node can do nothing an earlier one cannot, because every
    /// constraint ahead is a lower bound (the previous day) or fixed by the link itself; and a
    /// walk through a node twice can be cut short at its first visit, so the chains are simple
    /// paths. Among equally early chains of a node it keeps the one with the fewest links at
    /// each step (not always the fewest overall), then the more certain one.
    ///
    /// Alongside, each chain's certainty is carried forward: events must lie wholly within
    /// their crossing days (not ``LinkDays/Days/narrowed``) and every day of an event must
    /// leave the next link crossable — the latest day a chain can have crossed its last link,
    /// whatever its events' days, is pushed along.
    ///
    /// - Parameters:
    ///   - target: stop once this node's day is final.
    ///   - limit: stop once this many actors have been reached (``TemporalSweep/truncated``).
    /// - Complexity: O(E' + A' log A') for the connections and actors reached (only actors
    ///   are queued); 4 arrays of N.
    func temporalSweep(from source: Int, rule: TemporalRule, backward: Bool, target: Int? = nil, limit: Int = .max) -> TemporalSweep {
        let n = graph.nodeCount
        var result = TemporalSweep(source: source, backward: backward, best: [], hops: [], pred: [], sure: [])
        // One label per node, its four fields side by side: a relaxation touches one cache line,
        // not four arrays of N.
        var labels = HugePages.array(repeating: SweepLabel(), count: n)
        if view.allows(source) {
            (result.reached, result.truncated) = labels.withUnsafeMutableBufferPointer { labels in
                sweep(labels, from: source, rule: rule, backward: backward, target: target, limit: limit)
            }
        }
        result.best = labels.map(\.day)
        result.hops = labels.map(\.hops)
        result.pred = labels.map(\.pred)
        result.sure = labels.map(\.sure)
        return result
    }

    /// The search of ``temporalSweep(from:rule:backward:target:limit:)`` over `labels`; returns
    /// the actors reached in order and whether it stopped at `limit`.
    private func sweep(_ labels: UnsafeMutableBufferPointer<SweepLabel>, from source: Int, rule: TemporalRule, backward: Bool,
                       target: Int?, limit: Int) -> (reached: [Int32], truncated: Bool) {
        let pass = passability
        let days = linkDays(rule)
        let offsets = graph.offsets, neighbors = graph.neighbors, types = graph.types
        let eventType = LinkGraph.NodeType.event.rawValue
        let step: Int64 = rule.strict ? 1 : 0
        let minusInfinity = -TemporalOrder.infinity
        var reached: [Int32] = []
        var heap = BinaryHeap<SweepEntry>()
        labels[source] = SweepLabel(day: minusInfinity, sure: minusInfinity, hops: 0, pred: -1)
        heap.push(SweepEntry(day: minusInfinity, hops: 0, sure: minusInfinity, node: Int32(source)))
        // Links are not queued: a link's label is set when an actor (or a link naming it) is
        // expanded, and its actors are relaxed at once. Actors leave the queue in order of
        // (day, links), and a link crossed from day t is crossed on max(its first day, t),
        // which never decreases, so the first label a link gets is final in its day; a later
        // one can only have fewer links (or be certain), and then relaxes again.
        var pending: [Int] = []
        /// Sets `x`'s label from node `u`'s if better; true when it did (the caller queues an
        /// actor, or relaxes a link further).
        @inline(__always) func relax(_ u: Int, _ x: Int, day: Int64, hops h: Int32, sure certain: Int64) -> Bool {
            let old = labels[x]
            guard (day, h, certain) < (old.day, old.hops, old.sure) else { return false }
            labels[x] = SweepLabel(day: day, sure: certain, hops: h, pred: Int32(u))
            return true
        }
        /// The label after crossing link `x` from a node labelled (day, hops, sure); nil when
        /// it cannot be crossed.
        @inline(__always) func cross(_ x: Int, day: Int64, hops h: Int32, sure: Int64, atStart: Bool) -> (Int64, Int32, Int64)? {
            let d = days.days(x)
            let lo = backward ? -d.hi : d.lo, hi = backward ? -d.lo : d.hi
            let crossing = atStart ? lo : max(lo, day == minusInfinity ? day : day + step)
            if crossing > hi { return nil }
            var certain = sure
            if certain != TemporalSweep.unsure {
                let after = atStart || certain == minusInfinity ? certain : certain + step
                if types[x] == eventType {
                    certain = !d.narrowed && (atStart || lo >= after) ? hi : TemporalSweep.unsure
                } else {
                    let t = atStart ? lo : max(lo, after)
                    certain = t <= hi ? t : TemporalSweep.unsure
                }
            }
            return (crossing, h + 1, certain)
        }
        while let entry = heap.pop() {
            let u = Int(entry.node)
            let label = labels[u]
            guard entry.day == label.day && entry.hops == label.hops && entry.sure == label.sure else { continue }
            if u == target { break }
            if u != source {
                if reached.count >= limit { return (reached, true) }
                reached.append(Int32(u))
            }
            let atStart = u == source
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                let x = LinkGraph.neighbor(neighbors[slot])
                guard types[x] != 0, pass.ok(u, x),
                      let (c, h, certain) = cross(x, day: entry.day, hops: entry.hops, sure: entry.sure, atStart: atStart),
                      relax(u, x, day: c, hops: h, sure: certain) else { continue }
                pending.append(x)
            }
            // Expands the links whose labels changed: their actors and the links they name.
            while let x = pending.popLast() {
                let link = labels[x]
                for slot in Int(offsets[x])..<Int(offsets[x + 1]) {
                    let y = LinkGraph.neighbor(neighbors[slot])
                    guard y != source, pass.ok(x, y) else { continue }
                    if types[y] == 0 {
                        if relax(x, y, day: link.day, hops: link.hops, sure: link.sure) {
                            heap.push(SweepEntry(day: link.day, hops: link.hops, sure: link.sure, node: Int32(y)))
                        }
                    } else if let (c, hy, sy) = cross(y, day: link.day, hops: link.hops, sure: link.sure, atStart: false),
                              relax(x, y, day: c, hops: hy, sure: sy) {
                        pending.append(y)
                    }
                }
            }
        }
        return (reached, false)
    }
}

/// A node's label in ``PathSearch/temporalSweep(from:rule:backward:target:limit:)``: its
/// earliest sweep day, the latest day its chain is sure to have crossed its last link by,
/// its links and the node before it (see ``TemporalSweep``).
struct SweepLabel {
    var day = TemporalSweep.unreached
    var sure = TemporalSweep.unsure
    var hops = Int32.max
    var pred: Int32 = -1
}

/// A heap entry of ``PathSearch/temporalSweep(from:rule:backward:target:limit:)``.
struct SweepEntry: Comparable {
    let day: Int64
    let hops: Int32
    let sure: Int64
    let node: Int32
    static func < (a: SweepEntry, b: SweepEntry) -> Bool { (a.day, a.hops, a.sure, a.node) < (b.day, b.hops, b.sure, b.node) }
}
