import ArgumentParser
import EventGraph
import EventGraphRendering

/// `diff --format`.
enum DiffFormat: String, OutputFormat {
    /// text or json list the changes; dot, svg, png or pdf draw them highlighted.
    case text, json, dot, svg, png, pdf
    static let standard: DiffFormat? = .text
}

/// `eventgraph diff`: what changed between two dates of one graph, or between two versions.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed: between two dates of one graph, or between two versions of a graph.",
        usage: """
            eventgraph diff GRAPH… --at D1 --at D2 [--known] [--format text|json|dot|svg|png|pdf] [-o FILE]
            eventgraph diff OLD NEW [--format …] [-o FILE]
            eventgraph diff --old PATH… --new PATH… [--format …] [-o FILE]
            """,
        discussion: """
            With --at: the events that happened after D1 and by D2 (what --as-of D2 shows beyond --as-of D1), relations that \
            started or ended then, and with --known what became known (sources published after D1 and by D2, and what they were \
            first to cite). Without --at: two versions (files or folders), compared by id: actors, events, relations and sources \
            added, removed or changed. See docs/timelines.md.
            """)

    @Argument(help: ArgumentHelp("With --at: the graph (files or folders). Otherwise: OLD and NEW, one path each.", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("A date to compare; give it twice, earlier first (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var at: [String] = []

    @Flag(help: "With --at: also list what became known between the dates, by the sources' publication dates.")
    var known = false

    @Option(name: .customLong("old"), help: ArgumentHelp("The earlier version (repeatable: files or folders).", valueName: "PATH"))
    var oldPaths: [String] = []

    @Option(name: .customLong("new"), help: ArgumentHelp("The later version (repeatable: files or folders).", valueName: "PATH"))
    var newPaths: [String] = []

    @OptionGroup var out: OutputOptions<DiffFormat>
    @OptionGroup var layoutLimit: LayoutOptions

    /// The two dates of `--at`, checked.
    func dates() throws -> DiffDates {
        guard at.count == 2 else { throw ValidationError("--at must be given twice (the earlier date, then the later one); got \(at.count)") }
        let parsed = try at.map { text -> PartialDate in
            do { return try PartialDate(parsing: text) } catch { throw ValidationError("--at: \(error)") }
        }
        guard parsed[0].interval.last < parsed[1].interval.last else {
            throw ValidationError("--at \(parsed[0]) must end before --at \(parsed[1]): give the earlier date first")
        }
        return DiffDates(from: parsed[0], to: parsed[1])
    }

    func validate() throws {
        if !at.isEmpty {
            _ = try dates()
            guard oldPaths.isEmpty && newPaths.isEmpty else { throw ValidationError("--at compares dates of one graph; --old/--new compare two versions: use one or the other") }
            guard !paths.isEmpty else { throw ValidationError("expected the graph to compare: diff GRAPH… --at D1 --at D2") }
            return
        }
        if known { throw ValidationError("--known needs --at D1 --at D2") }
        if !oldPaths.isEmpty || !newPaths.isEmpty {
            guard !oldPaths.isEmpty && !newPaths.isEmpty else { throw ValidationError("give both --old and --new") }
            guard paths.isEmpty else { throw ValidationError("with --old and --new, give no other paths") }
            return
        }
        guard paths.count == 2 else {
            throw ValidationError("expected OLD NEW (two paths), --old … --new …, or GRAPH --at D1 --at D2")
        }
    }

    func run() throws {
        let format = try out.resolvedFormat(), lang = out.lang
        let diff: GraphDiff
        if !at.isEmpty {
            let dates = try dates()
            let graph = try loadGraph(paths)
            diff = GraphDiff(graph: graph, from: dates.from, to: dates.to, known: known)
        } else {
            let old = oldPaths.isEmpty ? [paths[0]] : oldPaths, new = newPaths.isEmpty ? [paths[1]] : newPaths
            diff = GraphDiff(old: try loadGraph(old), new: try loadGraph(new),
                             oldName: old.joined(separator: " "), newName: new.joined(separator: " "))
        }
        let bytes: [UInt8]
        switch format {
        case .text: bytes = Array(diff.text.utf8)
        case .json: bytes = Array(diff.json.text.utf8)
        case .dot, .svg, .png, .pdf:
            let document = DiffDiagram(diff: diff, options: DiagramOptions(language: lang)).document
            if format == .dot {
                bytes = Array(document.text.utf8)
            } else {
                let result = try layoutLimit.render(document, layout: .dot, format: GraphvizFormat(rawValue: format.rawValue)!)
                for warning in result.warnings { Entry.printError("warning: graphviz: \(warning)") }
                bytes = result.bytes
            }
        }
        try out.write(bytes, inputs: paths + oldPaths + newPaths, what: "diff", summary: diff.headline)
    }
}

/// The two dates of `diff --at`.
struct DiffDates {
    let from: PartialDate
    let to: PartialDate
}
