// eventgraph-soak: memory over many renders in one process (what `watch` does for hours).
//
//   eventgraph-soak GRAPH [--renders N] [--every K] [--format svg|png] [--max-growth MiB]
//
// Each round loads GRAPH through the library, builds the actors, events, timeline and
// themes diagrams, renders one of them (round-robin) through libgraphviz, and every K rounds
// samples the resident set (VmRSS of /proc/self/status). Prints a table of samples and the
// growth from the first sample after warm-up (round K) to the last; exits 1 when it exceeds
// --max-growth (default 8 MiB). Run by benchmarks/soak.sh; see benchmarks/README.md.
// Built with -sanitize=address, LeakSanitizer reports any allocation not freed at exit,
// Graphviz's included (benchmarks/soak.sh --leaks).
import EventGraph
import EventGraphRendering
import Foundation

struct Options {
    var graph = ""
    var renders = 10_000
    var every = 500
    var format = GraphvizFormat.svg
    var maxGrowth = 8.0
    /// What each round does: everything, or only one stage (to find where memory goes).
    var part = "all"
    /// A DOT file rendered every round instead of the graph's views (`--part render` only),
    /// to find which DOT constructs Graphviz leaks on.
    var dot: String?
    var pinned = false
}

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: eventgraph-soak GRAPH [--renders N] [--every K] [--format svg|png] [--max-growth MiB] [--part all|load|diagram|render] [--dot FILE [--pinned]]\n".utf8))
    exit(2)
}

func parse() -> Options {
    var options = Options()
    var args = Array(CommandLine.arguments.dropFirst())
    while !args.isEmpty {
        let arg = args.removeFirst()
        func value() -> String { guard !args.isEmpty else { usage() }; return args.removeFirst() }
        switch arg {
        case "--renders": guard let n = Int(value()), n > 0 else { usage() }; options.renders = n
        case "--every": guard let n = Int(value()), n > 0 else { usage() }; options.every = n
        case "--format": guard let f = GraphvizFormat(rawValue: value()) else { usage() }; options.format = f
        case "--max-growth": guard let m = Double(value()) else { usage() }; options.maxGrowth = m
        case "--part": let p = value(); guard ["all", "load", "diagram", "render"].contains(p) else { usage() }; options.part = p
        case "--dot": options.dot = value(); options.part = "render"
        case "--pinned": options.pinned = true
        default:
            if arg.hasPrefix("-") || !options.graph.isEmpty { usage() }
            options.graph = arg
        }
    }
    if options.graph.isEmpty { usage() }
    return options
}

/// The resident set now, in MiB (VmRSS).
func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
    return kib / 1024
}

let options = parse()
let views: [DiagramView] = [.actors, .events, .timeline, .themes]
var samples: [(round: Int, mib: Double)] = []
let clock = ContinuousClock()
let start = clock.now
var bytes = 0
let once = try GraphLoader().load(paths: [options.graph])
let fixed = try options.dot.map { [try String(contentsOfFile: $0, encoding: .utf8)] } ?? views.map { once.diagram($0).text }
/// One round: load, build the diagram, render — or only the stage `--part` names.
@MainActor func round(_ round: Int) throws {
    let view = views[round % views.count]
    let graph = options.part == "render" ? once : try GraphLoader().load(paths: [options.graph])
    if options.part == "load" { return }
    let text = options.part == "render" ? fixed[round % fixed.count] : graph.diagram(view).text
    if options.part == "diagram" { bytes += text.utf8.count; return }
    let result = try GraphvizRenderer.shared.render(dot: text, layout: (options.dot == nil ? view.hasPinnedPositions : options.pinned) ? .pinned : .dot,
                                                   format: options.format)
    bytes += result.bytes.count
}
for n in 1...options.renders {
    do {
        try round(n)
    } catch {
        FileHandle.standardError.write(Data("round \(n): \(error)\n".utf8))
        exit(1)
    }
    if n % options.every == 0 || n == 1 { samples.append((n, residentMiB())) }
}
let elapsed = clock.now - start
print("renders\tRSS MiB")
for sample in samples { print("\(sample.round)\t\(String(format: "%.1f", sample.mib))") }
let warm = samples.first { $0.round >= options.every } ?? samples[0]
let growth = samples.last!.mib - warm.mib
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(String(format: "%d renders of %@ in %.1f s (%.2f ms each, %d bytes drawn); RSS %.1f MiB at round %d, %.1f MiB at the end: growth %.2f MiB (%.0f bytes a render)",
             options.renders, options.graph, seconds, seconds * 1000 / Double(options.renders), bytes, warm.mib, warm.round,
             samples.last!.mib, growth, growth * 1_048_576 / Double(max(1, options.renders - warm.round))))
if growth > options.maxGrowth {
    print("soak: error: memory grew \(String(format: "%.1f", growth)) MiB, more than --max-growth \(options.maxGrowth)")
    exit(1)
}
