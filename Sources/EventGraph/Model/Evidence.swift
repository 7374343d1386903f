/// A citation: which source says so, and (ideally) the verbatim words it uses.
public struct Evidence: Hashable, Sendable {
    public var source: String
    public var quote: String?
    public var note: String?
    /// Where the evidence is written in the input, for error messages.
    public var location: SourceLocation?

    public init(source: String, quote: String? = nil, note: String? = nil, location: SourceLocation? = nil) {
        self.source = source
        self.quote = quote
        self.note = note
        self.location = location
    }
}
