/// The filters shared by `render`, `path`, `neighbors`, `timeline` and `export`.
///
/// Partial dates are intervals: an event is kept by `from`/`to` when its interval overlaps
/// the window, and by `asOf` when it may have happened by then (it starts on or before the
/// last day of the as-of date). Relations are kept when their `since`/`until` validity
/// overlaps the window (undated relations always).
///
/// `knownAsOf` is the second time axis: what the sources had published by then. An event or
/// relation passes when at least one of its evidence items cites a source in
/// ``knownSources``; see ``GraphView/sourcesKnown(by:)`` for how partial and missing
/// publication dates count.
public struct GraphFilter: Sendable, Equatable {
    public var from: PartialDate?
    public var to: PartialDate?
    public var asOf: PartialDate?
    /// A named period's days (`--period ID`), resolved against the graph; narrows the window
    /// like `from`/`to` do (both apply when both are given).
    public var period: DayInterval?
    /// Keep only what had been published by this date (by the `published` date of the
    /// sources that evidence cites). Takes effect through ``knownSources``.
    public var knownAsOf: PartialDate?
    /// The ids of the sources known by ``knownAsOf``, resolved against a graph with
    /// ``resolved(in:)`` (which ``GraphView/filtered(by:via:avoid:)`` and the command line do). While nil,
    /// `knownAsOf` is not applied by ``keeps(_:)-(Event)``.
    public var knownSources: Set<String>?
    /// Event and relation kinds to keep; empty keeps all.
    public var kinds: Set<String>
    /// Claim statuses to drop.
    public var excludedClaims: Set<Claim>
    /// Keep only the actors within `depth` links of this actor id.
    public var focus: String?
    public var depth: Int

    public init(from: PartialDate? = nil, to: PartialDate? = nil, asOf: PartialDate? = nil,
                kinds: Set<String> = [], excludedClaims: Set<Claim> = [], focus: String? = nil, depth: Int = 1,
                knownAsOf: PartialDate? = nil, period: DayInterval? = nil) {
        self.from = from
        self.period = period
        self.to = to
        self.asOf = asOf
        self.knownAsOf = knownAsOf
        self.kinds = kinds
        self.excludedClaims = excludedClaims
        self.focus = focus
        self.depth = depth
    }

    /// True when the filter keeps everything.
    public var isEmpty: Bool {
        from == nil && to == nil && asOf == nil && period == nil && kinds.isEmpty && excludedClaims.isEmpty && focus == nil
            && knownAsOf == nil && knownSources == nil
    }

    /// A copy with ``knownSources`` resolved from `knownAsOf` against `graph` (unchanged
    /// when `knownAsOf` is nil or the sources are already resolved).
    /// - Complexity: O(S) over the graph's sources.
    public func resolved(in graph: GraphView) -> GraphFilter {
        guard let knownAsOf, knownSources == nil else { return self }
        var copy = self
        copy.knownSources = graph.sourcesKnown(by: knownAsOf)
        return copy
    }

    /// Whether some evidence item cites a source in ``knownSources`` (true while unresolved).
    public func isKnown(_ evidence: [Evidence]) -> Bool {
        guard let knownSources else { return true }
        return evidence.contains { knownSources.contains($0.source) }
    }

    /// The window of days `from`…`to`/`asOf` and the period allow (open sides are unbounded).
    public var window: DayInterval {
        let last = [to?.interval.last, asOf?.interval.last, period?.last].compactMap { $0 }.min() ?? Int.max
        let first = [from?.interval.first, period?.first].compactMap { $0 }.max() ?? Int.min
        return DayInterval(first: first, last: last)
    }

    /// Whether an event passes the date, kind, claim and (once resolved) known-as-of filters (not the focus).
    public func keeps(_ event: Event) -> Bool {
        if !kinds.isEmpty && !kinds.contains(event.kind) { return false }
        if excludedClaims.contains(event.claim) { return false }
        if !isKnown(event.sources) { return false }
        return event.date.interval.overlaps(window)
    }

    /// Whether a relation passes the date, kind and (once resolved) known-as-of filters (not the focus).
    public func keeps(_ relation: Relation) -> Bool {
        if !kinds.isEmpty && !kinds.contains(relation.kind) { return false }
        if !isKnown(relation.sources) { return false }
        return relation.validity.overlaps(window)
    }

    /// Names in `kinds` that are neither event nor relation kinds of the schema.
    public func unknownKinds(in schema: Schema) -> [String] {
        kinds.filter { schema.eventKinds[$0] == nil && schema.relationKinds[$0] == nil }.sorted()
    }
}
