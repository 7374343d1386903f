/// One path of the link graph: actor → link → actor …, possibly link → link where an event
/// names another event. Nodes are ``LinkGraph`` indices.
///
/// Paths order by ``length`` (number of links), then by their node ids (node indices follow id
/// order, so comparing indices compares ids).
public struct LinkPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Node indices from the first actor to the last.
    public let nodes: [Int]
    /// Number of links (events and relations) on the path.
    public let length: Int

    public init(nodes: [Int], length: Int) {
        self.nodes = nodes
        self.length = length
    }

    /// A path over `graph`, its length counted from the node types.
    public init(nodes: [Int], in graph: LinkGraph) {
        self.nodes = nodes
        length = nodes.reduce(0) { $0 + (graph.isLink($1) ? 1 : 0) }
    }

    public static func < (a: LinkPath, b: LinkPath) -> Bool {
        if a.length != b.length { return a.length < b.length }
        return a.nodes.lexicographicallyPrecedes(b.nodes)
    }

    public var description: String { nodes.map(String.init).joined(separator: "-") }

    /// The node ids, in order.
    public func ids(in graph: LinkGraph) -> [String] { nodes.map(graph.id) }

    /// The links on the path, in order.
    public func links(in graph: LinkGraph) -> [Int] { nodes.filter(graph.isLink) }

    /// True when every consecutive pair is connected in `view`, no node repeats and every node
    /// is kept by the view.
    public func isValid(in view: LinkView) -> Bool {
        guard Set(nodes).count == nodes.count, nodes.allSatisfy(view.allows) else { return false }
        for (a, b) in zip(nodes, nodes.dropFirst()) where view.graph.slot(from: a, to: b) == nil { return false }
        return true
    }
}

/// Rules for a time-respecting path.
public struct TemporalRule: Sendable, Hashable {
    /// Each link strictly after the previous one (default: not before it).
    public var strict: Bool
    /// Largest allowed number of days between consecutive links; nil: no limit.
    public var maxGap: Int?
    /// First day (day number) a link may be crossed: `--from` (nil: no bound).
    public var earliestDay: Int?
    /// Last day a link may be crossed: `--by`, the deadline (nil: no bound).
    public var latestDay: Int?

    public init(strict: Bool = false, maxGap: Int? = nil, earliestDay: Int? = nil, latestDay: Int? = nil) {
        self.strict = strict
        self.maxGap = maxGap
        self.earliestDay = earliestDay
        self.latestDay = latestDay
    }
}

/// How sure it is that a path respects time.
public enum TemporalCertainty: String, Sendable, Hashable {
    /// Whatever days the partial dates stand for, the order holds (relations crossed at
    /// suitable times within their validity).
    case certain
    /// Some choice of days inside the partial dates satisfies the order, another does not.
    case possible
}

/// The temporal reading of one path.
public struct TemporalAssessment: Sendable, Hashable {
    public let certainty: TemporalCertainty
    /// The earliest day on which the path can reach its last actor (nil: any time, e.g. a path
    /// of undated relations).
    public let earliestArrival: Int?
    /// The latest day on which the path can leave its first actor (nil: any time).
    public let latestDeparture: Int?
    /// The fewest days from crossing the first link to crossing the last (0: all on one day);
    /// nil when unbounded sides make it undefined (never for a dated path).
    public let elapsedDays: Int?

    public init(certainty: TemporalCertainty, earliestArrival: Int?, latestDeparture: Int? = nil, elapsedDays: Int? = nil) {
        self.certainty = certainty
        self.earliestArrival = earliestArrival
        self.latestDeparture = latestDeparture
        self.elapsedDays = elapsedDays
    }
}

/// A path with its temporal reading (present only for time-respecting queries).
public struct PathFinding: Sendable, Hashable {
    public let path: LinkPath
    public let temporal: TemporalAssessment?

    public init(path: LinkPath, temporal: TemporalAssessment? = nil) {
        self.path = path
        self.temporal = temporal
    }
}
