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
                let text: String
                switch sourceText(file) {
                case let .success(read): text = read
                case let .failure(refusal):
                    problems.append(Diagnostic(source.location ?? here, "cannot read the text of source '\(source.id)': \(refusal.reason)"))
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

    /// Why a source text was not read, as a sentence.
    public struct Refusal: Error, Sendable, Equatable {
        public let reason: String
    }

    /// The text of a source's `file:`, read only if it is a regular file inside the sources
    /// folder: no absolute paths, no `..`, no symbolic link leading outside the folder, no
    /// device, pipe, folder or `/proc`, `/sys`, `/dev` file.
    public func sourceText(_ file: String) -> Result<String, Refusal> {
        func refuse(_ reason: String) -> Result<String, Refusal> { .failure(Refusal(reason: reason)) }
        let shown = file.unicodeScalars.contains { $0.value < 0x20 } ? file.debugDescription : "'\(file)'"
        if file.isEmpty { return refuse("its file: is empty") }
        if file.hasPrefix("/") || file.hasPrefix("~") {
            return refuse("its file \(shown) is an absolute path; give a path inside the sources folder \(sourcesFolder)")
        }
        if file.split(separator: "/").contains("..") {
            return refuse("its file \(shown) contains '..'; give a path inside the sources folder \(sourcesFolder)")
        }
        guard let folder = Self.realPath(sourcesFolder) else {
            return refuse("the sources folder \(sourcesFolder) does not exist")
        }
        for system in ["/proc", "/sys", "/dev"] where folder == system || folder.hasPrefix(system + "/") {
            return refuse("the sources folder \(sourcesFolder) is inside \(system), which holds no source texts")
        }
        let path = sourcesFolder.hasSuffix("/") ? sourcesFolder + file : sourcesFolder + "/" + file
        guard let real = Self.realPath(path) else {
            return refuse("its file \(shown) does not exist in the sources folder \(sourcesFolder)")
        }
        guard real.hasPrefix(folder == "/" ? "/" : folder + "/") else {
            return refuse("its file \(shown) is a symbolic link leading outside the sources folder \(sourcesFolder) (to \(real))")
        }
        var info = stat()
        guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return refuse("its file \(shown) is not a regular file (a folder, device, pipe or socket)")
        }
        guard let data = FileManager.default.contents(atPath: real) else {
            return refuse("its file \(shown) cannot be read (permission denied)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return refuse("its file \(shown) is not UTF-8 text")
        }
        return .success(text)
    }

    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// The text with all white space removed, for whitespace-insensitive matching.
    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
