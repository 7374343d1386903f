/// A document that evidence cites: an article, a filing, a report.
public struct Source: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var publisher: String?
    public var author: String?
    public var published: PartialDate?
    public var url: String?
    /// BCP 47 language tag of the text (`zh-Hant`).
    public var language: String?
    /// The text of the source, relative to a `--sources` folder.
    public var file: String?
    public var location: SourceLocation?

    public init(id: String, title: String, publisher: String? = nil, author: String? = nil,
                published: PartialDate? = nil, url: String? = nil, language: String? = nil,
                file: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.author = author
        self.published = published
        self.url = url
        self.language = language
        self.file = file
        self.location = location
    }
}
