import ArgumentParser
import EventGraph

/// Loads graph files and folders through the library and prints what it found doubtful
/// (`FILE:LINE:COLUMN: warning: …`) to standard error: how every command loads a graph.
func loadGraph(_ paths: [String]) throws -> GraphView {
    let graph = try GraphLoader().load(paths: paths)
    for warning in graph.warnings { Entry.printError(warning.description) }
    return graph
}

/// The graph to load: files and folders merged into one graph.
struct GraphOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Graph files (YAML or JSON) or folders of them.", valueName: "GRAPH"))
    var graph: [String]

    /// Loads and validates the graph; throws ``InputError`` with every problem.
    func load() throws -> GraphView {
        try loadGraph(graph)
    }

    /// Checks the graph as ``load()`` does, without building its store (`validate`); its
    /// warnings are printed.
    func check() throws -> GraphCheck {
        let check = try GraphLoader().check(paths: graph)
        for warning in check.warnings { Entry.printError(warning.description) }
        return check
    }
}

/// Positionals of commands shaped `GRAPH… NAME…`: graph paths first, then a fixed number of
/// actor or event names at the end.
struct TrailingNames {
    let graph: [String]
    let names: [String]

    init(_ arguments: [String], count: Int, usage: String) throws {
        guard arguments.count > count else {
            throw ValidationError("expected \(usage)")
        }
        graph = Array(arguments.dropLast(count))
        names = Array(arguments.suffix(count))
    }

    func load() throws -> GraphView {
        try loadGraph(graph)
    }
}

/// Filters shared by render, export (and, later, path, neighbors and timeline).
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep events on or after this date (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var from: String?

    @Option(help: ArgumentHelp("Keep events on or before this date.", valueName: "DATE"))
    var to: String?

    @Option(help: ArgumentHelp("Keep only what falls in this named period of the graph's 'periods:' (with --from/--to, both apply).", valueName: "ID"))
    var period: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Keep only what had happened by this date (events up to it, relations in force).", valueName: "DATE"))
    var asOf: String?

    @Option(name: .customLong("known-as-of"), help: ArgumentHelp("Keep only what the sources had published by this date (evidence citing a source whose 'published' date ends by then; undated sources never count).", valueName: "DATE"))
    var knownAsOf: String?

    @Option(help: ArgumentHelp("Event and relation kinds to keep, comma-separated.", valueName: "KIND,…"))
    var kinds: String?

    @Option(name: .customLong("exclude-claims"), help: ArgumentHelp("Claim statuses to drop, comma-separated (reported, claimed, disputed, denied, retracted).", valueName: "CLAIM,…"))
    var excludeClaims: String?

    @Option(help: ArgumentHelp("Keep only the actors within --depth links of this actor (id or any of its names).", valueName: "ID"))
    var focus: String?

    @Option(help: "Link distance for --focus.")
    var depth: Int = 1

    mutating func validate() throws {
        let (from, to, asOf) = try dates()
        // A range must run forwards (every command that takes one checks it here).
        if let from, let to, to.interval.last < from.interval.first {
            throw ValidationError("--from \(from) is after --to \(to): give the earlier date to --from")
        }
        if let from, let asOf, asOf.interval.last < from.interval.first {
            throw ValidationError("--from \(from) is after --as-of \(asOf): nothing could pass both")
        }
        _ = try date(knownAsOf, "--known-as-of")
        _ = try claims()
        guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    }

    private func date(_ text: String?, _ option: String) throws -> PartialDate? {
        guard let text else { return nil }
        do { return try PartialDate(parsing: text) } catch { throw ValidationError("\(option): \(error)") }
    }

    func dates() throws -> (PartialDate?, PartialDate?, PartialDate?) {
        (try date(from, "--from"), try date(to, "--to"), try date(asOf, "--as-of"))
    }

    private func claims() throws -> Set<Claim> {
        var result = Set<Claim>()
        for name in Self.list(excludeClaims) {
            guard let claim = Claim(rawValue: name) else {
                throw ValidationError("--exclude-claims: unknown claim '\(name)'; claims are \(Claim.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.insert(claim)
        }
        return result
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The filter for a loaded graph (resolves `--focus`, checks `--kinds` against its schema).
    func filter(for graph: GraphView) throws -> GraphFilter {
        let (from, to, asOf) = try dates()
        var filter = GraphFilter(from: from, to: to, asOf: asOf, kinds: Set(Self.list(kinds)),
                                 excludedClaims: try claims(), depth: depth)
        let unknown = filter.unknownKinds(in: graph.schema)
        if !unknown.isEmpty {
            throw UsageError("--kinds: unknown kind\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); event kinds: \(graph.schema.eventKindOrder.joined(separator: ", ")); relation kinds: \(graph.schema.relationKindOrder.joined(separator: ", "))")
        }
        if let period { filter.period = try graph.resolvePeriod(period).interval }
        if let focus { filter.focus = try graph.resolveActor(focus) }
        if let knownAsOf = try date(knownAsOf, "--known-as-of") {
            filter.knownAsOf = knownAsOf
            filter = filter.resolved(in: graph)
        }
        return filter
    }
}

/// The time rule shared by `path --temporal` and `reach`: strictness, gap limit, deadline.
struct TimeRuleOptions: ParsableArguments {
    @Flag(help: "Time-respecting: each link strictly after the previous one (default: not before it).")
    var strict = false

    @Option(name: .customLong("max-gap"), help: ArgumentHelp("Time-respecting: at most DAYS between consecutive links.", valueName: "DAYS"))
    var maxGap: Int?

    @Option(help: ArgumentHelp("Time-respecting: arrive by this date (no link crossed after its last day; a link reaching past it is only possible).", valueName: "DATE"))
    var by: String?

    /// True when any of these options was given.
    var isSet: Bool { strict || maxGap != nil || by != nil }

    func validate() throws {
        if let maxGap, maxGap < 0 { throw ValidationError("--max-gap must be 0 or more days") }
        _ = try deadline()
    }

    private func deadline() throws -> PartialDate? {
        guard let by else { return nil }
        do { return try PartialDate(parsing: by) } catch { throw ValidationError("--by: \(error)") }
    }

    /// The rule, with `--from` of the shared filters as the first day a link may be crossed.
    func rule(from filters: FilterOptions) throws -> TemporalRule {
        let start = try filters.dates().0
        let end = try deadline()
        if let start, let end, end.interval.last < start.interval.first {
            throw ValidationError("--from \(start) is after --by \(end): no chain could pass both")
        }
        return TemporalRule(strict: strict, maxGap: maxGap, earliestDay: start?.interval.first, latestDay: end?.interval.last)
    }
}
