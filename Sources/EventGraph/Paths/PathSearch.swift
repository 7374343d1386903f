/// Reusable search state over one ``LinkView``: distance arrays with generation stamps (so a
/// search costs what it visits, not O(N) to reset) and the temporary bans Yen's algorithm
/// places on nodes and connections.
///
/// Not thread-safe: use one `PathSearch` per thread. Holds about 20 bytes per node.
public final class PathSearch {
    public let view: LinkView
    let graph: LinkGraph

    // Bidirectional search: both sides' marks and distances of a node in one 12-byte record,
    // so that visiting a node costs one cache miss, not four.
    struct NodeState {
        var fMark: UInt16
        var bMark: UInt16
        var fDist: Int32
        var bDist: Int32
    }
    var state: [NodeState]
    var failMark: [UInt32]
    var generation: UInt32 = 0

    // Temporary bans (Yen's algorithm).
    var banMark: [UInt32]
    var banGeneration: UInt32 = 1
    /// Connections banned from one node: `(bannedFrom, bannedTo[k])`, both directions.
    var bannedFrom: Int = -1
    var bannedTo: [Int] = []

    public init(view: LinkView) {
        self.view = view
        graph = view.graph
        let n = view.graph.nodeCount
        state = HugePages.array(repeating: NodeState(fMark: 0, bMark: 0, fDist: 0, bDist: 0), count: n)
        failMark = HugePages.array(repeating: 0, count: n)
        banMark = HugePages.array(repeating: 0, count: n)
    }

    /// Whether some actor has a lifespan (scanned once, on the first time-respecting search).
    lazy var lifespans: Bool = LinkDays.hasLifespans(graph)

    /// The crossing days of links under `rule` (bounds and lifespans).
    func linkDays(_ rule: TemporalRule) -> LinkDays {
        LinkDays(graph: graph, rule: rule, lifespans: lifespans)
    }

    /// Number of nodes the last search discovered (forward + backward), for diagnostics.
    public private(set) var lastSearchVisited = 0

    // MARK: Restrictions

    /// What a search may cross, captured once per search (plain values: no exclusivity checks
    /// in the hot loops).
    struct Passability {
        let excluded: [UInt64]?
        let banMark: [UInt32]
        let banGeneration: UInt32
        let bannedFrom: Int
        let bannedTo: [Int]

        @inline(__always)
        func ok(_ from: Int, _ to: Int) -> Bool {
            if let excluded, excluded[to >> 6] & (1 << UInt64(to & 63)) != 0 { return false }
            // Bans exist only during Yen's spur searches, which always set `bannedFrom`.
            if bannedFrom >= 0 {
                if banMark[to] == banGeneration { return false }
                if from == bannedFrom { return !bannedTo.contains(to) }
                if to == bannedFrom { return !bannedTo.contains(from) }
            }
            return true
        }
    }

    var passability: Passability {
        Passability(excluded: view.excluded, banMark: banMark, banGeneration: banGeneration,
                    bannedFrom: bannedFrom, bannedTo: bannedTo)
    }

    func clearBans() {
        banGeneration &+= 1
        if banGeneration == 0 {
            for i in banMark.indices { banMark[i] = 0 }
            banGeneration = 1
        }
        bannedFrom = -1
        bannedTo.removeAll(keepingCapacity: true)
    }

    func nextGeneration() {
        generation &+= 1
        if generation > UInt32(UInt16.max) {
            for i in state.indices { state[i].fMark = 0; state[i].bMark = 0 }
            for i in failMark.indices { failMark[i] = 0 }
            generation = 1
        }
    }

    @inline(__always) func weight(_ node: Int) -> Int32 { graph.types[node] == 0 ? 0 : 1 }
}

extension PathSearch {
    /// The shortest path (fewest links) from `source` to `target`; among equally short paths,
    /// the smallest by node ids.
    ///
    /// Bidirectional breadth-first search in half-link units: a connection between an actor
    /// and a link costs 1, one between two links (an event naming an event) costs 2, so a
    /// path's cost is twice its number of links. Each round expands one level of the side
    /// whose frontier has the smaller total degree; the search stops once the best meeting
    /// found costs at most the sum of the two completed levels plus one. The path is then
    /// rebuilt from `source`, always taking the smallest next node that stays on a shortest
    /// path (exact distances to the target inside the backward ball; a memoised depth-first
    /// walk over forward-consistent nodes before it).
    ///
    /// - Parameters:
    ///   - source: the node to start from (an actor, or any node for spur searches).
    ///   - target: an actor.
    /// - Returns: the path, or nil when the view does not connect them.
    /// - Complexity: O(V' + E') for the nodes and connections within the two search balls;
    ///   worst case O(N + M).
    public func shortestPath(from source: Int, to target: Int) -> LinkPath? {
        let pass = passability
        if source == target { return view.allows(source) ? LinkPath(nodes: [source], length: 0) : nil }
        guard view.allows(source), view.allows(target), pass.banMark[source] != pass.banGeneration else { return nil }
        nextGeneration()
        let gen = UInt16(generation)
        let failGen = generation
        let types = graph.types
        let offsets = graph.offsets
        let neighbors = graph.neighbors
        var state = self.state
        self.state = []
        defer { self.state = state }

        state[source].fMark = gen; state[source].fDist = 0
        state[target].bMark = gen; state[target].bDist = 0
        // Buckets by distance (half-links); a level's nodes are final when it is expanded.
        var fBuckets: [[Int]] = [[source]], bBuckets: [[Int]] = [[target]]
        var fLevel = 0, bLevel = 0
        var fPending = 1, bPending = 1
        var fDone: Int32 = -1, bDone: Int32 = -1
        var best = Int32.max
        var visited = 2
        let unbounded = Int32.max / 4

        @inline(__always) func degreeSum(_ nodes: [Int]) -> Int {
            var sum = 0
            for u in nodes { sum += Int(offsets[u + 1] - offsets[u]) }
            return sum
        }

        while true {
            if best != Int32.max && best <= fDone + bDone + 1 { break }
            if fPending == 0 { fDone = unbounded }
            if bPending == 0 { bDone = unbounded }
            if fDone == unbounded || bDone == unbounded {
                if best != Int32.max { break }
                lastSearchVisited = visited
                return nil
            }
            let fNext = fLevel < fBuckets.count ? fBuckets[fLevel] : []
            let bNext = bLevel < bBuckets.count ? bBuckets[bLevel] : []
            // An empty level is skipped at once; otherwise the side with less to scan goes.
            let forward = fNext.isEmpty ? true : bNext.isEmpty ? false : degreeSum(fNext) <= degreeSum(bNext)
            if forward {
                // Expand forward level fLevel (possibly empty).
                let level = Int32(fLevel)
                if fLevel < fBuckets.count { fBuckets[fLevel] = [] }
                fPending -= fNext.count
                for u in fNext {
                    let uIsLink = types[u] != 0
                    for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                        let raw = neighbors[slot]
                        let x = LinkGraph.neighbor(raw)
                        guard pass.ok(u, x) else { continue }
                        let w: Int32 = uIsLink && raw < 0 ? 2 : 1
                        let sx = state[x]
                        if sx.bMark == gen { best = min(best, level + w + sx.bDist) }
                        if sx.fMark == gen { continue }
                        state[x].fMark = gen
                        state[x].fDist = level + w
                        let bucket = fLevel + Int(w)
                        while fBuckets.count <= bucket { fBuckets.append([]) }
                        fBuckets[bucket].append(x)
                        fPending += 1
                        visited += 1
                    }
                }
                fDone = level
                fLevel += 1
            } else {
                let level = Int32(bLevel)
                if bLevel < bBuckets.count { bBuckets[bLevel] = [] }
                bPending -= bNext.count
                for u in bNext {
                    let uIsLink = types[u] != 0
                    for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                        let raw = neighbors[slot]
                        let x = LinkGraph.neighbor(raw)
                        guard pass.ok(u, x) else { continue }
                        let w: Int32 = uIsLink && raw < 0 ? 2 : 1
                        let sx = state[x]
                        if sx.fMark == gen { best = min(best, level + w + sx.fDist) }
                        if sx.bMark == gen { continue }
                        state[x].bMark = gen
                        state[x].bDist = level + w
                        let bucket = bLevel + Int(w)
                        while bBuckets.count <= bucket { bBuckets.append([]) }
                        bBuckets[bucket].append(x)
                        bPending += 1
                        visited += 1
                    }
                }
                bDone = level
                bLevel += 1
            }
        }
        lastSearchVisited = visited

        // Reconstruction: the smallest path of cost `best`. Inside the expanded backward
        // levels the distances to the target are exact, so a greedy descent works; before
        // them, a depth-first walk over forward-consistent nodes (failures memoised) finds the
        // first node from which the descent can start.
        var failMark = self.failMark
        self.failMark = []
        defer { self.failMark = failMark }
        let cost = best, backwardDone = bDone
        var path = [source]
        @inline(__always) func weight(_ u: Int, _ x: Int) -> Int32 { types[u] != 0 && types[x] != 0 ? 2 : 1 }

        func descend(from start: Int) {
            var current = start
            while current != target {
                var chosen = -1
                for slot in Int(offsets[current])..<Int(offsets[current + 1]) {
                    let y = LinkGraph.neighbor(neighbors[slot])
                    if state[y].bMark == gen && state[y].bDist == state[current].bDist - weight(current, y) && pass.ok(current, y) { chosen = y; break }
                }
                precondition(chosen >= 0, "shortest path descent lost its way")
                path.append(chosen)
                current = chosen
            }
        }

        /// Extends the path from `v`, `r` half-links away from the target; false on a dead end.
        func extend(_ v: Int, remaining r: Int32) -> Bool {
            for slot in Int(offsets[v])..<Int(offsets[v + 1]) {
                let x = LinkGraph.neighbor(neighbors[slot])
                guard pass.ok(v, x) else { continue }
                let rx = r - weight(v, x)
                if rx < 0 { continue }
                if x == target {
                    // The target is exact even when the backward side never expanded.
                    if rx == 0 { path.append(x); return true }
                    continue
                }
                let sx = state[x]
                if sx.bMark == gen && sx.bDist <= backwardDone {
                    if sx.bDist == rx {
                        path.append(x)
                        descend(from: x)
                        return true
                    }
                    continue
                }
                if rx <= backwardDone { continue }
                guard sx.fMark == gen, sx.fDist == cost - rx, failMark[x] != failGen else { continue }
                path.append(x)
                if extend(x, remaining: rx) { return true }
                path.removeLast()
                failMark[x] = failGen
            }
            return false
        }

        let found = extend(source, remaining: cost)
        precondition(found, "shortest path reconstruction failed")
        return LinkPath(nodes: path, in: graph)
    }

    /// The cost (links) of the cheapest path from every node to `target`, for nodes within
    /// `maxCost`; `UInt8.max` elsewhere. A 0-1 BFS outward from `target`.
    /// - Complexity: O(V' + E') for the nodes within `maxCost` links; O(N) for the array.
    func distances(to target: Int, maxCost: Int) -> [UInt8] {
        let pass = passability
        let n = graph.nodeCount
        var dist = [UInt8](repeating: .max, count: n)
        guard view.allows(target) else { return dist }
        let limit = min(maxCost, 250)
        dist[target] = 0
        var frontier = [target]
        var level = 0
        let types = graph.types
        let offsets = graph.offsets
        let neighbors = graph.neighbors
        while !frontier.isEmpty && level <= limit {
            var next: [Int] = []
            var i = 0
            while i < frontier.count {
                let u = frontier[i]
                i += 1
                let uIsLink = types[u] != 0
                for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                    let x = LinkGraph.neighbor(neighbors[slot])
                    guard dist[x] == .max, pass.ok(u, x) else { continue }
                    if types[x] != 0 {
                        if level + 1 <= limit { dist[x] = UInt8(level + 1); next.append(x) }
                    } else if uIsLink {
                        dist[x] = UInt8(level)
                        frontier.append(x)
                    }
                }
            }
            frontier = next
            level += 1
        }
        return dist
    }
}
