/// Text and JSON renderings of a ``GraphDiff``. Deterministic.
extension GraphDiff {
    /// A heading line, then one section per kind of change, one line per element:
    /// `+` added, `-` removed, `~` changed (each field from old to new), `×` ended, `*` became known.
    public var text: String {
        var out = headline + "\n"
        if isEmpty {
            out += "no changes\n"
            return out
        }
        let idWidth = min(40, entries.map(\.id.count).max() ?? 0)
        let dateWidth = min(24, entries.compactMap { $0.date?.count }.max() ?? 0)
        for change in Change.allCases {
            let section = entries.filter { $0.change == change }
            guard !section.isEmpty else { continue }
            out += "\n" + heading(of: change) + ":\n"
            for entry in section {
                var line = "  " + GraphDiff.symbol(of: change) + " " + entry.element.rawValue.leftAligned(8)
                line += " " + entry.id.leftAligned(idWidth)
                if dateWidth > 0 { line += "  " + (entry.date ?? "").leftAligned(dateWidth) }
                line += "  " + entry.label
                if !entry.values.isEmpty { line += "  [" + entry.values.map(\.text).joined(separator: "; ") + "]" }
                if !entry.sources.isEmpty { line += "  (via " + entry.sources.joined(separator: ", ") + ")" }
                out += line.droppingTrailingSpaces() + "\n"
            }
        }
        return out
    }

    /// `{"comparison": {...}, "summary": {"added": n, …}, "changes": [{change, type, id, label,
    /// date, fields, sources}]}`.
    public var json: JSONValue {
        let comparison: JSONValue = switch self.comparison {
        case let .versions(old, new):
            .object([("type", "versions"), ("old", .string(old)), ("new", .string(new))])
        case let .dates(from, to, known):
            .object([("type", "dates"), ("from", .string(from.description)), ("to", .string(to.description)),
                     ("after", .string(DayInterval.isoDate(from.interval.last))), ("through", .string(DayInterval.isoDate(to.interval.last))),
                     ("known", .bool(known))])
        }
        let summary = Change.allCases.filter { count($0) > 0 }.map { ($0.rawValue, JSONValue.number(Double(count($0)))) }
        return .object([
            ("comparison", comparison),
            ("summary", .object(summary)),
            ("changes", .array(entries.map { entry in
                .object([
                    "change": .string(entry.change.rawValue), "type": .string(entry.element.rawValue), "id": .string(entry.id),
                    "label": .string(entry.label), "date": entry.date.map(JSONValue.string),
                    "fields": entry.fields.isEmpty ? nil : .strings(entry.fields),
                    "values": entry.values.isEmpty ? nil : .array(entry.values.map { value in
                        .object([("field", .string(value.field)), ("old", value.old.map(JSONValue.string) ?? .null),
                                 ("new", value.new.map(JSONValue.string) ?? .null)])
                    }),
                    "sources": entry.sources.isEmpty ? nil : .strings(entry.sources),
                ])
            })),
        ])
    }

    /// `Samples/v1 → Samples/v2: 2 added, 1 removed, 3 changed`, or the window of a dates diff.
    public var headline: String {
        let counts = Change.allCases.compactMap { change -> String? in
            let n = count(change)
            return n == 0 ? nil : "\(n) \(change.rawValue)"
        }
        let tally = counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")
        switch comparison {
        case let .versions(old, new):
            return "\(old) → \(new)\(tally)"
        case let .dates(from, to, _):
            return "between \(from) and \(to) (after \(DayInterval.isoDate(from.interval.last)), through \(DayInterval.isoDate(to.interval.last)))\(tally)"
        }
    }

    func heading(of change: Change) -> String {
        switch (change, comparison) {
        case (.added, .dates): "happened (events that may have happened in the window; relations that started in it)"
        case (.ended, _): "ended (relations whose 'until' falls in the window)"
        case (.known, _): "became known (sources published in the window, and what they were first to cite)"
        case (.added, _): "added"
        case (.removed, _): "removed"
        case (.changed, _): "changed (fields in brackets)"
        }
    }

    static func symbol(of change: Change) -> String {
        switch change {
        case .added: "+"
        case .removed: "-"
        case .changed: "~"
        case .ended: "×"
        case .known: "*"
        }
    }
}

extension String {
    /// Left-aligned in `width` columns (never cut).
    func leftAligned(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func droppingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
