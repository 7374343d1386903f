/// Plain text, Markdown and JSON renderings of a ``Timeline``. All deterministic.
extension Timeline {
    /// Plain text: a heading per year and month, one block per event (date as written, title,
    /// kind and claim, then participants by role and the sources cited).
    ///
    /// `≈` in front of a date marks an event whose order relative to the one above is possible,
    /// not certain (their date intervals overlap).
    public var text: String {
        var out = ""
        if let title { out += title + "\n" }
        out += summaryLine + "\n"
        if entries.contains(where: \.overlapsPrevious) {
            out += "≈ the order relative to the event above is possible, not certain (the dates overlap)\n"
        }
        let dateWidth = min(24, entries.map { $0.event.date.description.count }.max() ?? 0) + 2
        let pad = String(repeating: " ", count: 4 + dateWidth + 2)
        var year: Int?
        for group in groups {
            if group.period.year != year {
                out += "\n" + String.zeroPadded(group.period.year, width: 4) + "\n"
                year = group.period.year
            }
            if group.period.month != nil { out += "\n  " + group.period.title + "\n" }
            for entry in group.entries {
                let event = entry.event
                let date = (entry.overlapsPrevious ? "≈ " : "  ") + event.date.description
                out += "  " + date + String(repeating: " ", count: max(1, dateWidth - date.count + 2)) + "  " + event.title
                out += "  [" + Timeline.qualifiers(of: event).joined(separator: ", ") + "]\n"
                let roles = Timeline.roleLine(entry.participants)
                if !roles.isEmpty { out += pad + roles + "\n" }
                out += pad + "sources: " + Timeline.sourceList(entry.citations) + "\n"
            }
        }
        return out
    }

    /// Markdown: `##` per year, `###` per month, a bullet per event with its participants and
    /// every quote.
    public var markdown: String {
        var out = "# " + Timeline.markdownEscape(title ?? "Timeline") + " — timeline\n\n_" + summaryLine + "_\n"
        if entries.contains(where: \.overlapsPrevious) {
            out += "\n(≈) the order relative to the event above is possible, not certain (the dates overlap)\n"
        }
        var year: Int?
        for group in groups {
            if group.period.year != year {
                out += "\n## " + String.zeroPadded(group.period.year, width: 4) + "\n"
                year = group.period.year
            }
            out += "\n### " + (group.period.month == nil ? "\(group.period.year) (month not known)" : group.period.title) + "\n\n"
            for entry in group.entries {
                let event = entry.event
                out += "- **\(event.date)**\(entry.overlapsPrevious ? " (≈)" : "") — \(Timeline.markdownEscape(event.title)) "
                out += "_(" + Timeline.qualifiers(of: event).joined(separator: ", ") + ")_\n"
                let roles = Timeline.roleLine(entry.participants)
                if !roles.isEmpty { out += "  - " + Timeline.markdownEscape(roles) + "\n" }
                for citation in entry.citations {
                    var line = "  - source `\(citation.source)`"
                    if let published = citation.published { line += " (\(published))" }
                    if let quote = citation.quote { line += ": “" + Timeline.markdownEscape(quote) + "”" }
                    out += line + "\n"
                }
            }
        }
        return out
    }

    /// JSON: `{title, following, count, range, periods: [{period, title, events: [...]}]}`;
    /// each event has `id`, `kind`, `date` (as written), `first`/`last` (the days it may have
    /// happened on), `title`, `claim`, `status`, `order` (`certain` or `possible` relative to
    /// the previous event), `participants` and `sources`.
    public var json: JSONValue {
        let range = dateRange
        return .object([
            "title": title.map(JSONValue.string),
            "following": .strings(followed),
            "count": .number(Double(entries.count)),
            "range": range.map { .object([("first", .string(DayInterval.isoDate($0.first))), ("last", .string(DayInterval.isoDate($0.last)))]) },
            "periods": .array(groups.map { group in
                .object([
                    ("period", .string(group.period.description)),
                    ("title", .string(group.period.title)),
                    ("events", .array(group.entries.map(Timeline.json(of:)))),
                ])
            }),
        ])
    }

    static func json(of entry: TimelineEntry) -> JSONValue {
        let event = entry.event
        let interval = event.date.interval
        return .object([
            "id": .string(event.id), "kind": .string(event.kind), "date": .string(event.date.description),
            "first": .string(DayInterval.isoDate(interval.first)), "last": .string(DayInterval.isoDate(interval.last)),
            "title": .string(event.title), "claim": .string(event.claim.rawValue),
            "status": event.status.map { .string($0.rawValue) },
            "date_basis": .string(event.dateBasis.rawValue),
            "order": .string(entry.overlapsPrevious ? "possible" : "certain"),
            "participants": .array(entry.participants.map { participant in
                .object([("role", .string(participant.role)), ("id", .string(participant.id)),
                         ("type", .string(participant.isEvent ? "event" : "actor")), ("name", .string(participant.name))])
            }),
            "sources": .array(entry.citations.map { citation in
                .object([
                    "source": .string(citation.source), "title": citation.title.map(JSONValue.string),
                    "published": citation.published.map { .string($0.description) },
                    "quote": citation.quote.map(JSONValue.string),
                ])
            }),
        ])
    }

    /// `9 events, 2025-01-01 … 2025-12-31, following Manus`.
    var summaryLine: String {
        var line = "\(entries.count) event\(entries.count == 1 ? "" : "s")"
        if let range = dateRange { line += ", \(DayInterval.isoDate(range.first)) … \(DayInterval.isoDate(range.last))" }
        if !followed.isEmpty { line += ", following " + followedNames.joined(separator: ", ") }
        return line
    }

    static func qualifiers(of event: Event) -> [String] {
        var parts = [event.kind]
        if event.claim != .asserted { parts.append(event.claim.rawValue) }
        if let status = event.status { parts.append(status.rawValue) }
        if event.dateBasis != .stated { parts.append("date \(event.dateBasis.rawValue)") }
        return parts
    }

    /// `authority: US government · subject: Nvidia, China`.
    static func roleLine(_ participants: [TimelineEntry.Participant]) -> String {
        var roles: [(String, [String])] = []
        for participant in participants {
            let name = participant.isEvent ? "“\(participant.name)”" : participant.name
            if roles.last?.0 == participant.role { roles[roles.count - 1].1.append(name) } else { roles.append((participant.role, [name])) }
        }
        return roles.map { "\($0.0): " + $0.1.joined(separator: ", ") }.joined(separator: " · ")
    }

    /// `briefing (EventGraph, 2025-12); seed-huang (NetEase, 2025-11)`.
    static func sourceList(_ citations: [TimelineEntry.Citation]) -> String {
        var seen = Set<String>()
        return citations.filter { seen.insert($0.source).inserted }.map { citation in
            let detail = [citation.publisher, citation.published?.description].compactMap { $0 }
            return citation.source + (detail.isEmpty ? "" : " (" + detail.joined(separator: ", ") + ")")
        }.joined(separator: "; ")
    }

    static func markdownEscape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }
}
