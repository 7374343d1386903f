/// A standing fact between two actors, possibly bounded by `since` and `until`.
public struct Relation: Hashable, Sendable, Identifiable {
    /// Synthesized, stable id: `from--kind--to` (with `-2`, `-3`… for repeats).
    public var id: String
    public var kind: String
    public var from: String
    public var to: String
    public var role: String?
    public var since: PartialDate?
    public var until: PartialDate?
    public var sources: [Evidence]
    public var location: SourceLocation?

    public init(id: String, kind: String, from: String, to: String, role: String? = nil,
                since: PartialDate? = nil, until: PartialDate? = nil, sources: [Evidence] = [],
                location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.from = from
        self.to = to
        self.role = role
        self.since = since
        self.until = until
        self.sources = sources
        self.location = location
    }

    /// The days during which the relation may have held (unbounded sides are open).
    public var validity: DayInterval {
        DayInterval(first: since?.interval.first ?? Int.min, last: until?.interval.last ?? Int.max)
    }
}
