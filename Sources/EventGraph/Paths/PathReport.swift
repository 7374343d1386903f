/// Writes a ``PathAnswer`` as text, Markdown (quotes in footnotes) or JSON (the shape fixed in
/// cli.md), every hop with its date, kind, title, the roles by which the path enters and
/// leaves it, and its evidence. Deterministic: the same answer gives the same bytes.
public struct PathReport: Sendable {
    public let network: GraphView
    public let answer: PathAnswer
    /// BCP 47 tag choosing per-language actor names; nil uses display names.
    public let language: String?

    public init(network: GraphView, answer: PathAnswer, language: String? = nil) {
        self.network = network
        self.answer = answer
        self.language = language
    }

    /// A report used only for its formatting of chains (hops, links, evidence), e.g. by
    /// ``ReachReport``.
    init(formatting network: GraphView, language: String?) {
        self.init(network: network, answer: PathAnswer(from: 0, to: 0, query: PathQuery(temporal: TemporalRule()), paths: [],
                                                      truncated: false, searchedLength: nil), language: language)
    }

    var links: LinkGraph { network.links }

    /// One node of a path with the roles of its connections.
    public struct Hop: Sendable {
        public let node: Int
        public let type: LinkGraph.NodeType
        /// The role (or `from`/`to`) of the connection by which the path comes into this link.
        public let enter: String?
        /// The role of the connection by which the path goes out of this link.
        public let leave: String?
    }

    /// The hops of a path: actors without roles, links with their entering and leaving roles.
    public func hops(_ path: LinkPath) -> [Hop] {
        path.nodes.enumerated().map { i, node in
            let type = links.type(node)
            guard type != .actor else { return Hop(node: node, type: type, enter: nil, leave: nil) }
            let enter = i > 0 ? links.role(between: path.nodes[i - 1], and: node) : nil
            let leave = i + 1 < path.nodes.count ? links.role(between: node, and: path.nodes[i + 1]) : nil
            return Hop(node: node, type: type, enter: enter, leave: leave)
        }
    }

    // MARK: JSON

    /// The JSON document of cli.md: `from`, `to`, `paths` (each `length`, `temporal` when the
    /// query was time-respecting, `nodes`).
    public var json: JSONValue {
        .object([
            ("from", .string(links.id(answer.from))),
            ("to", .string(links.id(answer.to))),
            ("paths", .array(answer.paths.map(pathJSON))),
        ])
    }

    func pathJSON(_ finding: PathFinding) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("length", .number(Double(finding.path.length)))]
        if answer.query.temporal != nil, let temporal = finding.temporal {
            pairs.append(("temporal", .string(temporal.certainty.rawValue)))
            switch objective {
            case .latestDeparture:
                pairs.append(("latestDeparture", temporal.latestDeparture.map { .string(PathReport.dayText($0)) } ?? .null))
            case .fastest:
                pairs.append(("elapsedDays", .number(Double(temporal.elapsedDays ?? 0))))
            case .fewestLinks, .earliestArrival:
                break
            }
        }
        pairs.append(("nodes", .array(hops(finding.path).map(nodeJSON))))
        return .object(pairs)
    }

    func nodeJSON(_ hop: Hop) -> JSONValue {
        let id = links.id(hop.node)
        var pairs: [(String, JSONValue)] = [("id", .string(id)), ("type", .string(hop.type.name))]
        switch hop.type {
        case .actor:
            pairs.append(("kind", .string(links.kind(hop.node))))
            pairs.append(("name", .string(network.actor(at: hop.node)?.displayName(language: language) ?? id)))
        case .event:
            pairs.append(("kind", .string(links.kind(hop.node))))
            let event = network.event(at: hop.node)
            if let event {
                pairs.append(("date", .string(event.date.description)))
                pairs.append(("title", .string(event.title)))
            }
            pairs += roleAndSources(hop, evidence: event?.sources ?? [])
        case .relation:
            pairs.append(("kind", .string(links.kind(hop.node))))
            let relation = network.relation(at: hop.node)
            if let since = relation?.since { pairs.append(("since", .string(since.description))) }
            if let until = relation?.until { pairs.append(("until", .string(until.description))) }
            if let role = relation?.role { pairs.append(("role", .string(role))) }
            pairs += roleAndSources(hop, evidence: relation?.sources ?? [])
        }
        return .object(pairs)
    }

    private func roleAndSources(_ hop: Hop, evidence: [Evidence]) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = []
        if let enter = hop.enter { pairs.append(("enter", .string(enter))) }
        if let leave = hop.leave { pairs.append(("leave", .string(leave))) }
        pairs.append(("sources", .array(evidence.map { piece in
            var fields: [(String, JSONValue)] = [("source", .string(piece.source))]
            if let quote = piece.quote { fields.append(("quote", .string(quote))) }
            return .object(fields)
        })))
        return pairs
    }

    // MARK: Text

    /// A heading line, then each path as a column of actors and the links between them, each
    /// link with its date, kind, title, roles (`enter → leave`) and quotes.
    public var text: String {
        var out = headline + "\n"
        for (i, finding) in answer.paths.enumerated() {
            out += "\n" + pathHeading(finding, number: i + 1) + "\n"
            for line in chainLines(finding.path) { out += "  \(line)\n" }
        }
        if answer.truncated { out += "\n" + truncationNote + "\n" }
        return out
    }

    /// A path as a column of actors and the links between them (lines without indent).
    func chainLines(_ path: LinkPath) -> [String] {
        var lines: [String] = []
        for hop in hops(path) {
            switch hop.type {
            case .actor:
                lines.append("● \(actorLabel(hop.node))")
            case .event, .relation:
                lines.append("├─[\(hop.enter ?? "?") → \(hop.leave ?? "?")] \(linkSummary(hop.node))  (\(links.id(hop.node)))")
                for line in evidenceLines(hop.node) { lines.append("│     \(line)") }
            }
        }
        return lines
    }

    /// `Benchmark (benchmark) → Ministry of Commerce of China (mofcom): 1 path, 3 links`.
    public var headline: String {
        let from = network.label(answer.from, language), to = network.label(answer.to, language)
        let count = answer.paths.count
        var text = "\(from) → \(to): \(count) path\(count == 1 ? "" : "s")"
        switch answer.query.mode {
        case .shortest:
            if let first = answer.paths.first { text += ", \(first.path.length) link\(first.path.length == 1 ? "" : "s")" }
            if answer.query.temporal != nil {
                switch answer.query.objective {
                case .fewestLinks: text += " (time-respecting, fewest links)"
                case .earliestArrival: text += " (time-respecting, earliest arrival)"
                case .latestDeparture: text += " (time-respecting, latest departure)"
                case .fastest: text += " (time-respecting, fastest)"
                }
            } else {
                text += " (shortest)"
            }
        case let .kShortest(k):
            let kind = answer.query.temporal != nil ? " time-respecting" : ""
            if count >= k {
                text += " (the \(k) shortest\(kind), shortest first)"
            } else if let bound = answer.searchedLength {
                text += " (every\(kind) simple path within \(bound) links; \(k) asked for)"
            } else {
                text += " (every simple path there is; \(k) asked for)"
            }
        case .all:
            text += " (all\(answer.query.temporal != nil ? " time-respecting" : "") simple paths within \(answer.searchedLength ?? 0) links, shortest first)"
        }
        return text
    }

    var truncationNote: String {
        "stopped at --limit \(answer.paths.count): more paths exist"
    }

    /// The objective whose value path headings show (single time-respecting paths only).
    var objective: TemporalObjective {
        answer.query.mode == .shortest ? answer.query.objective : .fewestLinks
    }

    func pathHeading(_ finding: PathFinding, number: Int) -> String {
        var text = "Path \(number) · \(finding.path.length) link\(finding.path.length == 1 ? "" : "s")"
        if let temporal = finding.temporal {
            text += " · \(temporal.certainty.rawValue)"
            switch objective {
            case .latestDeparture:
                if let day = temporal.latestDeparture {
                    text += " · leaves \(PathReport.dayText(day)) at the latest"
                } else {
                    text += " · may leave at any time (no link ends)"
                }
            case .fastest:
                let days = temporal.elapsedDays ?? 0
                text += " · \(days) day\(days == 1 ? "" : "s") from the first link to the last at the least"
            case .fewestLinks, .earliestArrival:
                if let day = temporal.earliestArrival {
                    text += " · arrives \(PathReport.dayText(day)) at the earliest"
                } else {
                    text += " · at any time (undated relations only)"
                }
            }
        }
        return text
    }

    func actorLabel(_ node: Int) -> String {
        let name = network.actor(at: node)?.displayName(language: language) ?? links.id(node)
        let id = links.id(node)
        return name == id ? "\(name) · \(links.kind(node))" : "\(name) · \(links.kind(node)) · \(id)"
    }

    /// `2025-04 investment: Benchmark leads an investment in Manus` or
    /// `leads (CEO), since 1993: Jensen Huang leads Nvidia`.
    func linkSummary(_ node: Int) -> String {
        if let event = network.event(at: node) {
            var text = "\(event.date) \(event.kind): \(event.title)"
            if event.claim != .asserted { text += " [\(event.claim.rawValue)]" }
            return text
        }
        if let relation = network.relation(at: node) {
            var text = relation.kind
            if let role = relation.role { text += " (\(role))" }
            text += ", \(PathReport.validityText(relation)): \(network.displayName(node, language: language))"
            return text
        }
        return links.id(node)
    }

    static func validityText(_ relation: Relation) -> String {
        switch (relation.since, relation.until) {
        case let (since?, until?): "\(since) to \(until)"
        case let (since?, nil): "since \(since)"
        case let (nil, until?): "until \(until)"
        case (nil, nil): "undated"
        }
    }

    func evidence(_ node: Int) -> [Evidence] {
        network.event(at: node)?.sources ?? network.relation(at: node)?.sources ?? []
    }

    func evidenceLines(_ node: Int) -> [String] {
        let pieces = evidence(node)
        if pieces.isEmpty { return ["(no source cited)"] }
        return pieces.map { piece in
            let title = network.source(piece.source)?.title
            let cite = title.map { "\($0) [\(piece.source)]" } ?? "[\(piece.source)]"
            var line = piece.quote.map { "“\($0)” — \(cite)" } ?? "\(cite) (no quote)"
            if let note = piece.note { line += " (\(note))" }
            return line
        }
    }

    static func dayText(_ day: Int) -> String {
        let (y, m, d) = PartialDate.civil(fromDayNumber: day)
        return "\(String.zeroPadded(y, width: 4))-\(String.zeroPadded(m, width: 2))-\(String.zeroPadded(d, width: 2))"
    }

    // MARK: Markdown

    /// Each path as a numbered list of hops, quotes and sources in footnotes (one per link,
    /// shared when a link is on several paths): ready to paste into an article.
    public var markdown: String {
        var out = "**\(markdownEscape(network.displayName(answer.from, language: language))) → \(markdownEscape(network.displayName(answer.to, language: language)))**: "
        out += headline.components(separatedBy: ": ").dropFirst().joined(separator: ": ") + "\n"
        var footnotes: [Int: Int] = [:]
        var footnoteOrder: [Int] = []
        for (i, finding) in answer.paths.enumerated() {
            out += "\n" + "*" + pathHeading(finding, number: i + 1) + "*\n\n"
            let steps = hops(finding.path)
            var number = 0
            for (j, hop) in steps.enumerated() where hop.type != .actor {
                number += 1
                let note: String
                if evidence(hop.node).isEmpty {
                    note = ""
                } else {
                    if footnotes[hop.node] == nil {
                        footnoteOrder.append(hop.node)
                        footnotes[hop.node] = footnoteOrder.count
                    }
                    note = "[^\(footnotes[hop.node]!)]"
                }
                let left = steps[j - 1].type == .actor
                    ? "**\(markdownEscape(network.displayName(steps[j - 1].node, language: language)))** *(\(hop.enter ?? "?"))*"
                    : "↳ *(\(hop.enter ?? "?"))*"
                let right = steps[j + 1].type == .actor
                    ? "*(\(hop.leave ?? "?"))* **\(markdownEscape(network.displayName(steps[j + 1].node, language: language)))**"
                    : "*(\(hop.leave ?? "?"))* ↴"
                out += "\(number). \(left) → \(markdownLink(hop.node))\(note) → \(right)\n"
            }
        }
        if answer.truncated { out += "\n*" + truncationNote + "*\n" }
        if !footnoteOrder.isEmpty {
            out += "\n"
            for (i, node) in footnoteOrder.enumerated() {
                out += "[^\(i + 1)]: " + evidence(node).map(markdownCitation).joined(separator: "; ") + "\n"
            }
        }
        return out
    }

    func markdownLink(_ node: Int) -> String {
        if let event = network.event(at: node) {
            return "**\(event.kind)**, \(event.date): “\(markdownEscape(event.title))”"
        }
        if let relation = network.relation(at: node) {
            var text = "**\(relation.kind)**"
            if let role = relation.role { text += " (\(markdownEscape(role)))" }
            return text + ", \(PathReport.validityText(relation))"
        }
        return links.id(node)
    }

    func markdownCitation(_ piece: Evidence) -> String {
        var source = "`\(piece.source)`"
        if let s = network.source(piece.source) {
            source = "*\(markdownEscape(s.title))*"
            let details = [s.publisher, s.author, s.published?.description].compactMap { $0 }
            if !details.isEmpty { source += " (\(markdownEscape(details.joined(separator: ", "))))" }
            if let url = s.url { source += ", <\(url)>" }
        }
        var text = piece.quote.map { "“\(markdownEscape($0))” — \(source)" } ?? source
        if let note = piece.note { text += " (\(markdownEscape(note)))" }
        return text
    }

    func markdownEscape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
