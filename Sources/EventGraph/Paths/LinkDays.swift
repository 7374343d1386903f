/// The days on which a time-respecting path may cross each link: the link's own interval (an
/// event's date, a relation's `since`…`until`), narrowed to the lifespans of the actors it joins
/// and to the query's bounds (`--from`, `--by`). The one place lifespans and bounds enter the
/// path and reachability algorithms.
///
/// A link can only have happened while every actor it joins existed, so its crossing days are
/// its interval ∩ each joined actor's lifespan (an actor's ``LinkGraph`` interval; open sides at
/// ``LinkGraph/dayMin``/``LinkGraph/dayMax``). The link is impossible to cross when that is empty
/// (in particular when it does not overlap the lifespan of the actor a path arrives from or goes
/// on to), and only *possibly* crossed in order when an event's date reaches outside it
/// (``Days/narrowed``): the event may have been on a day the path cannot use. A relation is
/// crossed at a day the path chooses, so narrowing it costs no certainty.
struct LinkDays {
    let graph: LinkGraph
    /// First and last day any link may be crossed (±``TemporalOrder/infinity`` when unbounded).
    let notBefore: Int64
    let notAfter: Int64
    /// False when no actor has a lifespan (links need not look at their actors).
    let lifespans: Bool

    struct Days {
        var lo: Int64
        var hi: Int64
        /// True when an event's date reaches outside `lo…hi` (so its order is at best possible).
        var narrowed: Bool
        var isEmpty: Bool { lo > hi }
    }

    init(graph: LinkGraph, rule: TemporalRule, lifespans: Bool? = nil) {
        self.graph = graph
        notBefore = rule.earliestDay.map(Int64.init) ?? -TemporalOrder.infinity
        notAfter = rule.latestDay.map(Int64.init) ?? TemporalOrder.infinity
        self.lifespans = lifespans ?? Self.hasLifespans(graph)
    }

    /// True when some actor of `graph` has a lifespan. O(N), once per search.
    static func hasLifespans(_ graph: LinkGraph) -> Bool {
        let types = graph.types, firsts = graph.firsts, lasts = graph.lasts
        for node in 0..<graph.nodeCount where types[node] == 0 && (firsts[node] > LinkGraph.dayMin || lasts[node] < LinkGraph.dayMax) {
            return true
        }
        return false
    }

    /// The days an actor existed (±infinity for open sides).
    @inline(__always)
    static func lifespan(_ graph: LinkGraph, _ actor: Int) -> (Int64, Int64) {
        TemporalOrder.bounds(graph, actor)
    }

    /// The days `link` may be crossed on. O(1) without lifespans; O(degree) with them.
    @inline(__always)
    func days(_ link: Int) -> Days {
        let (f, l) = TemporalOrder.bounds(graph, link)
        var lo = max(f, notBefore), hi = min(l, notAfter)
        if lifespans {
            let offsets = graph.offsets, neighbors = graph.neighbors, types = graph.types
            for slot in Int(offsets[link])..<Int(offsets[link + 1]) {
                let x = LinkGraph.neighbor(neighbors[slot])
                guard types[x] == 0 else { continue }
                let (a, b) = Self.lifespan(graph, x)
                lo = max(lo, a)
                hi = min(hi, b)
            }
        }
        let isEvent = graph.types[link] == LinkGraph.NodeType.event.rawValue
        return Days(lo: lo, hi: hi, narrowed: isEvent && (lo != f || hi != l))
    }
}
