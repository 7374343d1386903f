/// What `eventgraph reach` asks: from which actor, in which direction of time, under which
/// rule and filters.
public struct ReachQuery: Sendable, Equatable {
    /// False: every actor the origin could have influenced (chains leaving it); true: every
    /// actor that could have influenced the origin (chains arriving at it).
    public var reverse: Bool
    /// Strictness, gap limit, and the day bounds: `earliestDay` (`--from`: no link crossed
    /// before it) and `latestDay` (`--by`: none after it).
    public var rule: TemporalRule
    /// Date window, kinds, claims and focus (the shared filters).
    public var filter: GraphFilter
    /// Most actors reached (the earliest first; reverse: the latest departures first).
    public var limit: Int
    /// Keep every reached actor's chain (for `--chains` and diagrams).
    public var chains: Bool

    public init(reverse: Bool = false, rule: TemporalRule = TemporalRule(), filter: GraphFilter = GraphFilter(),
                limit: Int = .max, chains: Bool = false) {
        self.reverse = reverse
        self.rule = rule
        self.filter = filter
        self.limit = limit
        self.chains = chains
    }
}

/// The answer to a ``ReachQuery``.
public struct Reachability: Sendable {
    /// One actor reached.
    public struct Reached: Sendable, Hashable {
        public let actor: Int
        /// Forward: the earliest day a chain can arrive at the actor; reverse: the latest day a
        /// chain can leave it and still reach the origin. nil: any time (undated relations).
        public let day: Int?
        /// Links on the chain found.
        public let hops: Int
        /// The certainty of the chain found (among equally early chains with as few links,
        /// the search keeps a certain one when it meets one).
        public let certainty: TemporalCertainty
        /// The chain in time order (forward: origin first; reverse: the actor first), when the
        /// query asked for chains.
        public let chain: PathFinding?
    }

    public let origin: Int
    public let query: ReachQuery
    /// In search order: forward by earliest arrival, reverse by latest departure (latest
    /// first); then by links; then as found.
    public let reached: [Reached]
    /// True when the search stopped at ``ReachQuery/limit``.
    public let truncated: Bool
}

extension GraphView {
    /// The view a reach query searches: the shared filters applied as a mask.
    public func view(for query: ReachQuery) -> LinkView {
        filtered(by: query.filter).walk
    }

    /// Every actor `origin` could have influenced by time-respecting chains (reverse: every
    /// actor that could have influenced `origin`), in one label-setting pass over the view
    /// (``PathSearch/temporalSweep(from:rule:backward:target:limit:)``; with a gap limit the
    /// Pareto label search, see ``PathSearch/temporalPath(from:to:rule:objective:)``), which
    /// stops after ``ReachQuery/limit`` actors.
    ///
    /// Without a gap limit the days are exact: no chain arrives earlier (reverse: leaves later)
    /// than the day given. The certainty is that of the chain kept: among equally early chains
    /// the search keeps a certain one when it meets one with no more links.
    /// - Complexity: O((V' + E') log V') for the part of the view reached, plus O(N) for the
    ///   view and the search arrays; with chains, O(links on them).
    public func reach(from origin: Int, query: ReachQuery, search: PathSearch? = nil) -> Reachability {
        let search = search ?? PathSearch(view: view(for: query))
        let links = self.links
        var reached: [Reachability.Reached] = []
        var truncated = false
        let backward = query.reverse
        /// The chain in time order from sweep order.
        func timeOrder(_ nodes: [Int]) -> [Int] { backward ? nodes.reversed() : nodes }
        if query.rule.maxGap == nil {
            let sweep = search.temporalSweep(from: origin, rule: query.rule, backward: backward, limit: query.limit)
            truncated = sweep.truncated
            let days = query.chains ? search.linkDays(query.rule) : nil
            for actor in sweep.reached.lazy.map(Int.init) {
                var chain: PathFinding?
                if let days {
                    let path = LinkPath(nodes: timeOrder(sweep.chain(to: actor)), in: links)
                    chain = TemporalOrder.assess(path.links(in: links), days: days, rule: query.rule)
                        .map { PathFinding(path: path, temporal: $0) }
                }
                reached.append(Reachability.Reached(actor: actor, day: sweep.realDay(sweep.best[actor]), hops: Int(sweep.hops[actor]),
                                                    certainty: sweep.sure[actor] == TemporalSweep.unsure ? .possible : .certain,
                                                    chain: chain))
            }
        } else if search.view.allows(origin) {
            var labels = TemporalLabels(nodeCount: links.nodeCount, rule: query.rule)
            _ = labels.add(node: origin, parent: -1, hops: 0, window: .start)
            let result = search.labelSweep(labels: &labels, rule: query.rule, target: nil, limit: query.limit,
                                           step: search.labelStep(rule: query.rule, backward: backward))
            truncated = result.truncated
            let days = search.linkDays(query.rule)
            for label in result.firsts {
                let item = labels.items[label]
                let path = LinkPath(nodes: timeOrder(labels.chain(label)), in: links)
                guard let assessment = TemporalOrder.assess(path.links(in: links), days: days, rule: query.rule) else { continue }
                let lo = item.window.lo
                let day: Int? = lo <= -TemporalOrder.infinity / 2 || lo >= TemporalOrder.infinity / 2 ? nil : Int(backward ? -lo : lo)
                reached.append(Reachability.Reached(actor: Int(item.node), day: day, hops: Int(item.hops),
                                                    certainty: assessment.certainty,
                                                    chain: query.chains ? PathFinding(path: path, temporal: assessment) : nil))
            }
        }
        return Reachability(origin: origin, query: query, reached: reached, truncated: truncated)
    }
}
