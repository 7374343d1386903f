extension GraphView {
    /// A narrower view: what `filter` keeps, only links of the `via` kinds (empty: all) and
    /// none of the `avoid` nodes. The one definition of every filter, used by every command.
    ///
    /// - Dates: an event is kept when its interval overlaps the window `from`…`to`/`asOf`; a
    ///   relation when its `since`…`until` overlaps it (undated relations always).
    /// - Kinds, claims, known-as-of: links of other kinds, with excluded claims, or with no
    ///   evidence from a source published by `knownAsOf`, are left out.
    /// - Focus: the ego network of `focus` out to `depth` steps, where a step crosses one
    ///   kept link (an event joins every actor in it and in the events it names; a relation
    ///   its two ends): the links crossed on the way — every link with an actor fewer than
    ///   `depth` steps from the focus — and their actors. With depth 1: the focus's own links
    ///   and the actors they join, nothing between two neighbours.
    /// - Lifespans: as of a date, actors whose `since` lies certainly after it are left out.
    /// - Actors: with any filter, actors left without a kept link go (the focus stays).
    ///
    /// Events keep only the role ids the view keeps.
    /// - Complexity: O(N) over the store's nodes plus the focus search; a bitset of N bits.
    public func filtered(by filter: GraphFilter, via: Set<String> = [], avoid: [Int] = []) -> GraphView {
        narrowed(by: filter, via: via, avoid: avoid).view
    }

    /// ``filtered(by:via:avoid:)``, with the distance of every actor within the focus's
    /// reach (nil without `--focus`).
    func narrowed(by filter: GraphFilter, via: Set<String> = [], avoid: [Int] = []) -> (view: GraphView, reach: [Int: Int]?) {
        guard !filter.isEmpty || !via.isEmpty || !avoid.isEmpty else { return (self, nil) }
        let filter = filter.resolved(in: self)
        let links = self.links
        let n = links.nodeCount
        var bits = excluded ?? [UInt64](repeating: 0, count: (n + 63) / 64)
        func exclude(_ node: Int) { bits[node >> 6] |= 1 << UInt64(node & 63) }
        func isExcluded(_ node: Int) -> Bool { bits[node >> 6] & (1 << UInt64(node & 63)) != 0 }
        let kindCount = links.kindNames.count
        var keepKind = [Bool](repeating: true, count: kindCount)
        if !filter.kinds.isEmpty || !via.isEmpty {
            for k in 0..<kindCount {
                let name = links.kindNames[k]
                keepKind[k] = (filter.kinds.isEmpty || filter.kinds.contains(name)) && (via.isEmpty || via.contains(name))
            }
        }
        let excludedClaims = Claim.allCases.map { filter.excludedClaims.contains($0) }
        let window = filter.window
        let wFirst = Int(LinkGraphBuilder.clampDay(window.first)), wLast = Int(LinkGraphBuilder.clampDay(window.last))
        let known = filter.knownSources.map { ids in Set(ids.compactMap { store.symbols.lookup($0) }) }
        let actorType = LinkGraph.NodeType.actor.rawValue, eventType = LinkGraph.NodeType.event.rawValue
        // As of a date, actors that certainly did not exist yet are left out.
        let asOfLast = filter.asOf.map { Int(LinkGraphBuilder.clampDay($0.interval.last)) } ?? Int(LinkGraph.dayMax)
        for node in 0..<n {
            let t = links.types[node]
            if t == actorType {
                if Int(links.firsts[node]) > asOfLast { exclude(node) }
                continue
            }
            if !keepKind[Int(links.kinds[node])] { exclude(node); continue }
            if t == eventType && excludedClaims[Int(links.claims[node])] { exclude(node); continue }
            if Int(links.firsts[node]) > wLast || Int(links.lasts[node]) < wFirst { exclude(node); continue }
            if let known, !isKnown(node, known) { exclude(node) }
        }
        for node in avoid { exclude(node) }
        var focusNode: Int?
        var focusReach: [Int: Int]?
        if let focus = filter.focus, let center = store.node(focus), links.type(center) == .actor {
            focusNode = center
            let reach = focusDistances(center: center, depth: filter.depth, isExcluded: isExcluded)
            focusReach = reach
            // The links crossed within `depth` steps: those joining an actor fewer than
            // `depth` steps away (through the events that name them, too).
            var crossed = Set<Int>()
            for (actor, distance) in reach where distance < filter.depth {
                crossed.formUnion(containingLinks(of: actor, isExcluded: isExcluded))
            }
            for node in 0..<n where !isExcluded(node) {
                if links.types[node] == actorType ? reach[node] == nil : !crossed.contains(node) { exclude(node) }
            }
        }
        // Actors without a kept link go (the focus stays).
        for node in store.actorNodes.lazy.map(Int.init) where !isExcluded(node) && node != focusNode {
            if !links.connections(node).contains(where: { $0.isParticipant && !isExcluded($0.node) }) { exclude(node) }
        }
        func keep(_ nodes: [Int32]) -> [Int32] { nodes.filter { !isExcluded(Int($0)) } }
        let view = GraphView(store: store, excluded: bits, actorNodes: keep(store.actorNodes), eventNodes: keep(store.eventNodes),
                             relationNodes: keep(store.relationNodes))
        return (view, focusReach)
    }

    /// Whether a link has evidence from one of the `known` sources (symbols).
    private func isKnown(_ node: Int, _ known: Set<Int32>) -> Bool {
        let row = Int(store.record[node])
        if links.type(node) == .event {
            return store.events.evidenceRange(row).contains { known.contains(store.events.evidenceSource[$0]) }
        }
        return store.relations[row].sources.contains { store.symbols.lookup($0.source).map(known.contains) ?? false }
    }

    /// The actors within `depth` steps of `center` and their distances (see ``filtered(by:via:avoid:)``).
    func focusDistances(center: Int, depth: Int, isExcluded: (Int) -> Bool) -> [Int: Int] {
        // Actors count as members while the filter is still deciding about them.
        let linkExcluded = { (node: Int) in self.links.isLink(node) && isExcluded(node) }
        var distance: [Int: Int] = [center: 0]
        var frontier = [center]
        for level in 0..<max(0, depth) {
            var next: [Int] = []
            for actor in frontier {
                for link in containingLinks(of: actor, isExcluded: isExcluded).sorted() {
                    for m in actorMembers(ofLink: link, isExcluded: linkExcluded) where distance[m] == nil {
                        distance[m] = level + 1
                        next.append(m)
                    }
                }
            }
            frontier = next
        }
        return distance
    }

    /// Links whose members include `actor`: its own links and the events naming them
    /// (recursively), among those not excluded.
    func containingLinks(of actor: Int, isExcluded: (Int) -> Bool) -> Set<Int> {
        var result = Set<Int>()
        var stack = links.connections(actor).filter { $0.isParticipant && !isExcluded($0.node) }.map(\.node)
        while let link = stack.popLast() {
            guard result.insert(link).inserted else { continue }
            for c in links.connections(link) where c.isParticipant && !isExcluded(c.node) { stack.append(c.node) }
        }
        return result
    }

    /// The path-walking view of this view: the link graph and this view's bitset.
    var walk: LinkView { LinkView(graph: links, excluded: excluded) }
}
