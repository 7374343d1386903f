/// What checking a valid graph finds, without building its store (``GraphLoader/check(paths:)``):
/// its counts and its warnings. The checks are every load's; only the store's layout is skipped.
public struct GraphCheck: Sendable {
    public let counts: GraphCounts
    /// Warnings (a graph with errors throws instead), sorted by position.
    public let warnings: [Diagnostic]

    public var summary: String { counts.summary }
}
