/// TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html): one slide per
/// event, its `start_date` (and `end_date` for a span) a TimelineJS date object holding only
/// the parts the date has (`2025-03` → `{"year": 2025, "month": 3}`), so the precision is
/// kept; approximate dates get a `display_date` (`c. 2025-03`). The slide text lists the
/// roles, amount, status, claim status, how the date was worked out and every source with
/// its quote. Slides are grouped by event kind or by the event's first actor.
public struct TimelineJSExporter: GraphExporter {
    public let formatName = "timelinejs"

    /// How slides are grouped into TimelineJS rows.
    public enum Grouping: String, CaseIterable, Sendable {
        /// By the event kind's label (`Acquisition`).
        case kind
        /// By the name of the event's first actor (the arrow's source role when the kind has one).
        case actor
    }

    public var grouping: Grouping
    /// Language tag for actor names.
    public var language: String?

    public init(grouping: Grouping = .kind, language: String? = nil) {
        self.grouping = grouping
        self.language = language
    }

    /// A TimelineJS date object with only the parts `date` has. A quarter or half (which
    /// TimelineJS lacks) is placed at its first month and shown as written (`2025-Q3`).
    public static func dateObject(_ date: PartialDate) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("year", .number(Double(date.year)))]
        if let month = date.month ?? date.part?.months.lowerBound { pairs.append(("month", .number(Double(month)))) }
        if let day = date.day { pairs.append(("day", .number(Double(day)))) }
        if date.approximate {
            pairs.append(("display_date", .string("c. \(date.description.dropFirst())")))
        } else if date.part != nil {
            pairs.append(("display_date", .string(date.description)))
        }
        return .object(pairs)
    }

    /// The graph's periods as TimelineJS eras. TimelineJS cannot show overlapping eras, so
    /// where periods overlap the time is cut into pieces each covered by the same periods,
    /// headed by their titles joined with " · "; periods that overlap nothing keep their dates.
    static func eras(_ periods: [Period]) -> [JSONValue] {
        guard !periods.isEmpty else { return [] }
        let overlapping = Set(periods.indices.filter { i in
            periods.indices.contains { j in j != i && periods[i].interval.overlaps(periods[j].interval) }
        })
        var eras: [(first: Int, value: JSONValue)] = []
        func era(_ start: JSONValue, _ end: JSONValue, _ headline: String) -> JSONValue {
            .object([("start_date", start), ("end_date", end), ("text", .object([("headline", .string(headline))]))])
        }
        for (i, period) in periods.enumerated() where !overlapping.contains(i) {
            eras.append((period.interval.first, era(dateObject(period.from), dateObject(period.to), period.title)))
        }
        let group = overlapping.sorted().map { periods[$0] }
        let cuts = Set(group.flatMap { [$0.interval.first, $0.interval.last + 1] }).sorted()
        func dayObject(_ day: Int) -> JSONValue {
            let c = PartialDate.civil(fromDayNumber: day)
            return dateObject(PartialDate(year: c.year, month: c.month, day: c.day)!)
        }
        for (first, next) in zip(cuts, cuts.dropFirst()) {
            let covering = group.filter { $0.interval.first <= first && next - 1 <= $0.interval.last }
            guard !covering.isEmpty else { continue }
            eras.append((first, era(dayObject(first), dayObject(next - 1), covering.map(\.title).joined(separator: " · "))))
        }
        return eras.sorted { $0.first < $1.first }.map(\.value)
    }

    static func html(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Made in memory, then written (this format is not streamed).
    public func write(_ graph: GraphView, to output: ExportSink) { output.write(made(graph)) }

    func made(_ graph: GraphView) -> ExportOutput {
        var slides: [JSONValue] = []
        for event in graph.chronologicalEvents {
            var pairs: [(String, JSONValue)] = [("unique_id", .string(event.id))]
            switch event.date {
            case let .on(date):
                pairs.append(("start_date", Self.dateObject(date)))
            case let .span(start, end):
                pairs.append(("start_date", Self.dateObject(start)))
                pairs.append(("end_date", Self.dateObject(end)))
            case let .between(earliest, _):
                pairs.append(("start_date", Self.dateObject(earliest)))
            }
            pairs.append(("text", .object([("headline", .string(event.title)), ("text", .string(slideText(event, graph: graph)))])))
            pairs.append(("group", .string(group(of: event, graph: graph))))
            if event.date.start.approximate || event.dateBasis != .stated || event.relativeDate != nil {
                let marker = event.dateBasis != .stated ? " (\(event.dateBasis.rawValue))" : ""
                pairs.append(("display_date", .string("\(event.date)\(marker)")))
            }
            slides.append(.object(pairs))
        }
        var document: [(String, JSONValue)] = []
        if graph.title != nil || graph.description != nil {
            document.append(("title", .object([("text", .object([
                ("headline", .string(graph.title ?? "")),
                ("text", .string(graph.description.map { "<p>\(Self.html($0))</p>" } ?? "")),
            ]))])))
        }
        let eras = Self.eras(graph.periods)
        if !eras.isEmpty { document.append(("eras", .array(eras))) }
        document.append(("events", .array(slides)))
        document.append(("scale", "human"))
        return .file(JSONValue.object(document).text)
    }

    func group(of event: Event, graph: GraphView) -> String {
        switch grouping {
        case .kind:
            return graph.eventKindLabel(event.kind)
        case .actor:
            let edgeFrom = graph.schema.eventKinds[event.kind]?.edge?.from
            let first = edgeFrom.flatMap { event.participants($0).first { graph.hasActor($0) } }
                ?? graph.actorsTouched(by: event).first
            return first.flatMap(graph.actor)?.displayName(language: language) ?? "(no actor)"
        }
    }

    func slideText(_ event: Event, graph: GraphView) -> String {
        func name(_ id: String) -> String {
            if let actor = graph.actor(id) { return actor.displayName(language: language) }
            return graph.event(id)?.title ?? id
        }
        var parts: [String] = []
        parts.append("<p><b>\(Self.html(graph.eventKindLabel(event.kind)))</b> (\(Self.html(event.kind))) · \(Self.html(event.date.description))</p>")
        if let description = event.description { parts.append("<p>\(Self.html(description))</p>") }
        let roles = event.roles.map { "\(Self.html($0.role)): \($0.ids.map { Self.html(name($0)) }.joined(separator: ", "))" }
        if !roles.isEmpty { parts.append("<p>\(roles.joined(separator: "<br>"))</p>") }
        var facts: [String] = []
        if let amount = event.amount { facts.append("amount: \(Self.html(amount.description))") }
        if let status = event.status { facts.append("status: \(status.rawValue)") }
        facts.append("claim: \(event.claim.rawValue)\(event.claimedBy.map { " by \(Self.html(name($0)))" } ?? "")")
        if let provenance = event.dateProvenance { facts.append(Self.html(provenance)) }
        parts.append("<p>\(facts.joined(separator: "<br>"))</p>")
        for evidence in event.sources {
            let source = graph.source(evidence.source)
            var cite = Self.html(source?.title ?? evidence.source)
            if let url = source?.url {
                // Only http, https and mailto become links; any other URL stays plain text.
                if let link = SafeURL.link(url) {
                    cite = "<a href=\"\(Self.html(link))\">\(cite)</a>"
                } else {
                    cite += " (\(Self.html(url)))"
                }
            }
            var item = "<blockquote>"
            if let quote = evidence.quote { item += "“\(Self.html(quote))” " }
            item += "— \(cite) [\(Self.html(evidence.source))]"
            if let note = evidence.note { item += " (\(Self.html(note)))" }
            parts.append(item + "</blockquote>")
        }
        return parts.joined()
    }
}
