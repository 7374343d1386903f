/// Writes a ``Reachability`` as text or JSON: each actor reached with its earliest arrival
/// (reverse: latest departure), its links and its certainty, and, when asked for, the chain
/// with every hop cited (the hops as ``PathReport`` writes them). Deterministic.
public struct ReachReport: Sendable {
    public let network: GraphView
    public let answer: Reachability
    /// BCP 47 tag choosing per-language actor names; nil uses display names.
    public let language: String?

    public init(network: GraphView, answer: Reachability, language: String? = nil) {
        self.network = network
        self.answer = answer
        self.language = language
    }

    var links: LinkGraph { network.links }
    var hopWriter: PathReport { PathReport(formatting: network, language: language) }
    var dayKey: String { answer.query.reverse ? "latestDeparture" : "earliestArrival" }

    // MARK: Text

    /// `Benchmark (benchmark) could have influenced 3 actors (…)`, then one line per actor:
    /// day, links, certainty, name; each chain beneath it when asked for.
    public var text: String {
        var out = headline + "\n"
        let writer = hopWriter
        if !answer.reached.isEmpty {
            out += "\n  \(answer.query.reverse ? "leaves by " : "arrives   ")  links  temporal  actor\n"
        }
        for item in answer.reached {
            let day = item.day.map(PathReport.dayText) ?? "any time  "
            let hops = String(item.hops)
            out += "  \(day)  \(hops)\(String(repeating: " ", count: max(1, 7 - hops.count)))"
            out += "\(item.certainty.rawValue)\(item.certainty == .certain ? " " : "")  \(writer.actorLabel(item.actor))\n"
            if let chain = item.chain {
                for line in writer.chainLines(chain.path) { out += "      \(line)\n" }
                out += "\n"
            }
        }
        if answer.truncated { out += "\n" + truncationNote + "\n" }
        return out
    }

    var truncationNote: String { "stopped at --limit \(answer.reached.count): more actors are reached" }

    /// The first line: who, how many, under which rule.
    public var headline: String {
        let origin = network.label(answer.origin, language)
        let count = answer.reached.count
        let actors = "\(count) actor\(count == 1 ? "" : "s")"
        var text = answer.query.reverse ? "\(actors) could have influenced \(origin)" : "\(origin) could have influenced \(actors)"
        var conditions = [answer.query.reverse ? "time-respecting chains arriving at it" : "time-respecting chains leaving it"]
        let rule = answer.query.rule
        var order = rule.strict ? "each link strictly after the previous one" : "each link not before the previous one"
        if let gap = rule.maxGap { order += ", at most \(gap) day\(gap == 1 ? "" : "s") apart" }
        conditions.append(order)
        if let day = rule.earliestDay { conditions.append("none before \(PathReport.dayText(day))") }
        if let day = rule.latestDay { conditions.append("none after \(PathReport.dayText(day))") }
        text += " (" + conditions.joined(separator: "; ") + ")"
        return text
    }

    // MARK: JSON

    /// `actor`, `direction` (`forward`/`reverse`), the rule, `reached` (each actor with `id`,
    /// `kind`, `name`, `earliestArrival` or `latestDeparture` (null: any time), `hops`,
    /// `temporal`, and `chain` in the path JSON shape when asked for) and `truncated`.
    public var json: JSONValue {
        let rule = answer.query.rule
        var pairs: [(String, JSONValue)] = [
            ("actor", .string(links.id(answer.origin))),
            ("direction", .string(answer.query.reverse ? "reverse" : "forward")),
            ("strict", .bool(rule.strict)),
        ]
        if let gap = rule.maxGap { pairs.append(("maxGap", .number(Double(gap)))) }
        if let day = rule.earliestDay { pairs.append(("from", .string(PathReport.dayText(day)))) }
        if let day = rule.latestDay { pairs.append(("by", .string(PathReport.dayText(day)))) }
        let writer = hopWriter
        pairs.append(("reached", .array(answer.reached.map { item in
            var fields: [(String, JSONValue)] = [
                ("id", .string(links.id(item.actor))),
                ("kind", .string(links.kind(item.actor))),
                ("name", .string(network.actor(at: item.actor)?.displayName(language: language) ?? links.id(item.actor))),
                (dayKey, item.day.map { .string(PathReport.dayText($0)) } ?? .null),
                ("hops", .number(Double(item.hops))),
                ("temporal", .string(item.certainty.rawValue)),
            ]
            if let chain = item.chain { fields.append(("chain", writer.pathJSON(chain))) }
            return .object(fields)
        })))
        pairs.append(("truncated", .bool(answer.truncated)))
        return .object(pairs)
    }
}
