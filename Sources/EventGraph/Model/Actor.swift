/// A person, organization, country, artifact, venue, place or program: a node of the graph.
public struct Actor: Hashable, Sendable, Identifiable {
    public var id: String
    /// An actor kind of the schema (`person`, `company`, …).
    public var kind: String
    /// Display name.
    public var name: String
    /// Per-language names keyed by BCP 47 tag, in the order written.
    public var names: [LocalizedName]
    public var aliases: [String]
    /// ISO 3166-1 alpha-2 code.
    public var country: String?
    public var description: String?
    public var tags: [String]
    /// When the actor came to exist (founded, born, released), if known.
    public var since: PartialDate?
    /// When it ended (dissolved, died, withdrawn), if it has.
    public var until: PartialDate?
    public var location: SourceLocation?

    public init(id: String, kind: String, name: String, names: [LocalizedName] = [], aliases: [String] = [],
                country: String? = nil, description: String? = nil, tags: [String] = [],
                since: PartialDate? = nil, until: PartialDate? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.names = names
        self.aliases = aliases
        self.country = country
        self.description = description
        self.tags = tags
        self.since = since
        self.until = until
        self.location = location
    }

    /// The days during which the actor may have existed (unbounded sides are open).
    public var lifespan: DayInterval {
        DayInterval(first: since?.interval.first ?? Int.min, last: until?.interval.last ?? Int.max)
    }

    /// Whether the actor has a lifespan at all.
    public var hasLifespan: Bool { since != nil || until != nil }

    /// The name to show for a language: an exact tag match, then a match on the language
    /// subtag (`zh` matches `zh-Hans`), else the display name.
    public func displayName(language: String?) -> String {
        guard let language = language?.lowercased() else { return name }
        if let exact = names.first(where: { $0.language.lowercased() == language }) { return exact.name }
        let prefix = language.split(separator: "-").first.map(String.init) ?? language
        if let close = names.first(where: { $0.language.lowercased().split(separator: "-").first.map(String.init) == prefix }) {
            return close.name
        }
        return name
    }
}

/// A name in one language.
public struct LocalizedName: Hashable, Sendable {
    public var language: String
    public var name: String

    public init(language: String, name: String) {
        self.language = language
        self.name = name
    }
}
