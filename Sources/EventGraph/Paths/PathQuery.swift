/// What `eventgraph path` asks: which paths, through which part of the graph, under which
/// time rule.
public struct PathQuery: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        /// The single shortest path (the smallest by node ids among equally short ones).
        case shortest
        /// The `k` shortest simple paths.
        case kShortest(Int)
        /// Every simple path up to ``PathQuery/maxLength`` links, at most `limit` of them.
        case all(limit: Int)
    }

    public var mode: Mode
    /// With a rule, only time-respecting paths (each marked certain or possible).
    public var temporal: TemporalRule?
    /// For a single time-respecting path: fewest links (default) or earliest arrival.
    public var objective: TemporalObjective
    /// Most links on a path: `--max-hops` for `all` (default 4) and for time-respecting `k`
    /// (default: the fewest links + 4); ignored otherwise.
    public var maxLength: Int?
    /// Date window, kinds, claims and focus (the shared filters).
    public var filter: GraphFilter
    /// Link kinds a path may use (empty: every kind).
    public var via: Set<String>
    /// Nodes a path must not touch.
    public var avoid: [Int]

    public init(mode: Mode = .shortest, temporal: TemporalRule? = nil, objective: TemporalObjective = .fewestLinks,
                maxLength: Int? = nil, filter: GraphFilter = GraphFilter(), via: Set<String> = [], avoid: [Int] = []) {
        self.mode = mode
        self.temporal = temporal
        self.objective = objective
        self.maxLength = maxLength
        self.filter = filter
        self.via = via
        self.avoid = avoid
    }

    /// Default `--max-hops` of `--all`.
    public static let defaultMaxLength = 4
}

/// The answer to a ``PathQuery``: the paths found, in order of length then node ids.
public struct PathAnswer: Sendable {
    public let from: Int
    public let to: Int
    public let query: PathQuery
    public let paths: [PathFinding]
    /// True when `--all` stopped at its limit (more paths exist).
    public let truncated: Bool
    /// The largest length searched, for bounded searches (`--all`, time-respecting `--k`).
    public let searchedLength: Int?
}

extension GraphView {
    /// The view a query searches: the shared filters, `via` and `avoid` applied as a mask.
    public func view(for query: PathQuery) -> LinkView {
        filtered(by: query.filter, via: query.via, avoid: query.avoid).walk
    }

    /// Answers a path query between two nodes (normally actors).
    ///
    /// - `shortest`: ``PathSearch/shortestPath(from:to:)`` (bidirectional BFS), or with a rule
    ///   ``PathSearch/temporalPath(from:to:rule:objective:)``.
    /// - `kShortest`: Yen's algorithm (``PathSearch/kShortestPaths(from:to:k:)``); with a rule,
    ///   the first `k` of ``PathSearch/simplePaths(from:to:maxLength:temporal:)``.
    /// - `all`: ``PathSearch/simplePaths(from:to:maxLength:temporal:)`` up to `limit`.
    /// - Complexity: that of the algorithm chosen, plus O(N) for the view.
    public func findPaths(from: Int, to: Int, query: PathQuery, search: PathSearch? = nil) -> PathAnswer {
        let search = search ?? PathSearch(view: view(for: query))
        var paths: [PathFinding] = []
        var truncated = false
        var searched: Int?
        switch query.mode {
        case .shortest:
            if let rule = query.temporal {
                if let found = search.temporalPath(from: from, to: to, rule: rule, objective: query.objective) {
                    paths = [found]
                }
            } else if let path = search.shortestPath(from: from, to: to) {
                paths = [PathFinding(path: path)]
            }
        case let .kShortest(k):
            if let rule = query.temporal {
                guard let fewest = search.temporalPath(from: from, to: to, rule: rule, objective: .fewestLinks) else { break }
                let bound = query.maxLength ?? fewest.path.length + 4
                searched = bound
                paths = Array(search.simplePaths(from: from, to: to, maxLength: bound, temporal: rule).prefix(k))
            } else {
                paths = search.kShortestPaths(from: from, to: to, k: k).map { PathFinding(path: $0) }
            }
        case let .all(limit):
            let bound = query.maxLength ?? PathQuery.defaultMaxLength
            searched = bound
            var found = Array(search.simplePaths(from: from, to: to, maxLength: bound, temporal: query.temporal).prefix(limit + 1))
            if found.count > limit {
                truncated = true
                found.removeLast()
            }
            paths = found
        }
        return PathAnswer(from: from, to: to, query: query, paths: paths, truncated: truncated, searchedLength: searched)
    }

    /// The sentence for an empty answer, saying what was searched:
    /// `no path from Benchmark (benchmark) to Singapore (singapore) within 4 links, …`.
    public func noPathSentence(_ answer: PathAnswer, language: String? = nil) -> String {
        let query = answer.query
        var text = "no \(query.temporal == nil ? "" : "time-respecting ")path from \(label(answer.from, language)) to \(label(answer.to, language))"
        if let n = answer.searchedLength { text += " within \(n) link\(n == 1 ? "" : "s")" }
        var conditions: [String] = []
        if let rule = query.temporal {
            var rule_ = rule.strict ? "each link strictly after the previous one" : "each link not before the previous one"
            if let gap = rule.maxGap { rule_ += ", at most \(gap) day\(gap == 1 ? "" : "s") apart" }
            if let day = rule.earliestDay { rule_ += ", none before \(PathReport.dayText(day))" }
            if let day = rule.latestDay { rule_ += ", none after \(PathReport.dayText(day))" }
            conditions.append(rule_)
        }
        if !query.via.isEmpty { conditions.append("using only " + Self.list(query.via.sorted()) + " links") }
        if !query.avoid.isEmpty { conditions.append("avoiding " + Self.list(query.avoid.map { label($0, language) })) }
        let f = query.filter
        var filters: [String] = []
        if let from = f.from { filters.append("from \(from)") }
        if let to = f.to { filters.append("to \(to)") }
        if let asOf = f.asOf { filters.append("as of \(asOf)") }
        if let known = f.knownAsOf { filters.append("known as of \(known)") }
        if !f.kinds.isEmpty { filters.append("kinds " + f.kinds.sorted().joined(separator: ", ")) }
        if !f.excludedClaims.isEmpty { filters.append("without " + f.excludedClaims.map(\.rawValue).sorted().joined(separator: ", ") + " claims") }
        if let focus = f.focus { filters.append("within \(f.depth) of \(focus)") }
        if !filters.isEmpty { conditions.append("keeping only " + filters.joined(separator: "; ")) }
        if !conditions.isEmpty { text += " (" + conditions.joined(separator: "; ") + ")" }
        return text
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
