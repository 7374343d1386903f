import Foundation

/// Checks that every evidence quote appears verbatim (ignoring whitespace) in its source's text.
public struct QuoteVerifier: Sendable {
    /// The folder that sources' `file:` paths are relative to.
    public let sourcesFolder: String

    public init(sourcesFolder: String) {
        self.sourcesFolder = sourcesFolder
    }

    /// What a successful check covered.
    public struct Report: Sendable, Equatable {
        public var quotesChecked: Int
        public var sourcesRead: Int
        /// Evidence items that cite a source but give no quote.
        public var unquotedEvidence: Int

        public var summary: String {
            "verified \(quotesChecked) quote\(quotesChecked == 1 ? "" : "s") against \(sourcesRead) source text\(sourcesRead == 1 ? "" : "s")"
                + (unquotedEvidence > 0 ? " (\(unquotedEvidence) evidence item\(unquotedEvidence == 1 ? "" : "s") without a quote)" : "")
        }
    }

    /// Verifies every quote of every event and relation.
    /// - Returns: counts of what was checked.
    /// - Throws: ``InputError`` listing every quote not found and every source text that is
    ///   missing or unreadable, at the evidence's (or source's) position.
    /// - Complexity: O(total quote length × source length) in the worst case.
    public func verify(_ graph: GraphView) throws(InputError) -> Report {
        var problems: [Diagnostic] = []
        var texts: [String: String] = [:]
        var failedSources = Set<String>()
        var report = Report(quotesChecked: 0, sourcesRead: 0, unquotedEvidence: 0)
        let evidence = graph.events.flatMap(\.sources) + graph.relations.flatMap(\.sources)
        for item in evidence {
            guard let quote = item.quote else {
                report.unquotedEvidence += 1
                continue
            }
            let here = item.location ?? SourceLocation(file: "?")
            guard let source = graph.source(item.source) else { continue }
            if failedSources.contains(source.id) { continue }
            if texts[source.id] == nil {
                guard let file = source.file else {
                    problems.append(Diagnostic(source.location ?? here, "source '\(source.id)' has no 'file:', so its quotes cannot be checked"))
                    failedSources.insert(source.id)
                    continue
                }
                let path = (sourcesFolder as NSString).appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    problems.append(Diagnostic(source.location ?? here, "cannot read the text of source '\(source.id)' at \(path)"))
                    failedSources.insert(source.id)
                    continue
                }
                texts[source.id] = Self.squeezed(text)
                report.sourcesRead += 1
            }
            report.quotesChecked += 1
            if !texts[source.id]!.contains(Self.squeezed(quote)) {
                let shown = quote.count > 40 ? String(quote.prefix(40)) + "…" : quote
                problems.append(Diagnostic(here, "quote not found in the text of source '\(source.id)' (\(source.file ?? "")): \"\(shown)\""))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return report
    }

    /// The text with all white space removed, for whitespace-insensitive matching.
    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
