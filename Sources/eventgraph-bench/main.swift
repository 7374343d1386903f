// eventgraph-bench: the Swift side of benchmarks/baseline.py, on the same data file and the
// same query pairs, printed in the same table layout.
//
//   swift build -c release --scratch-path .build-paths-release --product eventgraph-bench
//   .build-paths-release/release/eventgraph-bench benchmarks/data/large.json
//
// Measures load + build (the fast JSON loader: scan, validate, CSR), then per query pair:
// point-to-point shortest path (bidirectional BFS), the k = 5 shortest (Yen), and the
// time-respecting earliest-arrival and fewest-links paths (interval semantics, non-strict).
// Peak RSS is getrusage(RUSAGE_SELF).ru_maxrss at the end (load + build + every query).
import EventGraph
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var data = ""
    var queries: String?
    var k = 5
    var repeats = 1
    var output: String?
    /// Only these queries (shortest, k, earliest, fewest); all when empty.
    var only: Set<String> = []
}

func parseOptions() -> Options {
    var options = Options()
    var args = Array(CommandLine.arguments.dropFirst())
    func usage() -> Never {
        FileHandle.standardError.write(Data("""
        usage: eventgraph-bench DATA.json [--queries QUERIES.json] [--k N] [--repeat N] [-o RESULT.json] [--only shortest,k,earliest,fewest]

        """.utf8))
        exit(2)
    }
    while !args.isEmpty {
        let arg = args.removeFirst()
        switch arg {
        case "--queries": guard !args.isEmpty else { usage() }; options.queries = args.removeFirst()
        case "--k": guard let v = args.first.flatMap(Int.init) else { usage() }; args.removeFirst(); options.k = v
        case "--repeat": guard let v = args.first.flatMap(Int.init) else { usage() }; args.removeFirst(); options.repeats = max(1, v)
        case "-o", "--output": guard !args.isEmpty else { usage() }; options.output = args.removeFirst()
        case "--only": guard !args.isEmpty else { usage() }; options.only = Set(args.removeFirst().split(separator: ",").map(String.init))
        case "-h", "--help": usage()
        default:
            if arg.hasPrefix("-") || !options.data.isEmpty { usage() }
            options.data = arg
        }
    }
    if options.data.isEmpty { usage() }
    return options
}

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024 // Linux: KiB
}

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
}

func fmt(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

let options = parseOptions()
let clock = ContinuousClock()
let stem = options.data.hasSuffix(".json") ? String(options.data.dropLast(5)) : options.data
let queriesPath = options.queries ?? stem + ".queries.json"
guard let queryData = FileManager.default.contents(atPath: queriesPath),
      let queryJSON = try? JSONSerialization.jsonObject(with: queryData) as? [String: Any],
      let pairList = queryJSON["pairs"] as? [[String: Any]] else {
    FileHandle.standardError.write(Data("cannot read query pairs from \(queriesPath)\n".utf8))
    exit(1)
}
let pairs = pairList.compactMap { p -> (String, String)? in
    guard let a = p["from"] as? String, let b = p["to"] as? String else { return nil }
    return (a, b)
}

// Load + build.
let start = clock.now
let network: GraphView
do {
    network = try GraphLoader().load(paths: [options.data])
} catch {
    FileHandle.standardError.write(Data((error.diagnostics.prefix(20).map(\.description).joined(separator: "\n") + "\n").utf8))
    exit(1)
}
let loadBuild = seconds(clock.now - start)
let rssAfterBuild = peakRSSMiB()
let links = network.links
FileHandle.standardError.write(Data("loaded \(links.actorCount) actors, \(links.eventCount) events, \(links.relationCount) relations; \(links.connectionEndCount / 2) connections; load+build \(fmt(loadBuild, 2)) s, RSS \(fmt(rssAfterBuild, 0)) MiB\n".utf8))

let search = PathSearch(view: LinkView(graph: links))
struct Row {
    var from: String, to: String
    var shortest: Int?
    var shortestMS: Double = 0
    var k: [Int] = []
    var kMS: Double = 0
    var earliest: String = "-"
    var earliestLinks: Int?
    var earliestMS: Double = 0
    var fewest: Int?
    var fewestMS: Double = 0
}
var rows: [Row] = []
func time<T>(_ body: () -> T) -> (T, Double) {
    var result: T?
    var best = Double.infinity
    for _ in 0..<options.repeats {
        let t0 = clock.now
        result = body()
        best = min(best, seconds(clock.now - t0) * 1000)
    }
    return (result!, best)
}
// As baseline.py does: each kind of query over every pair in turn (shortest, then k, then
// the two temporal searches).
let resolved: [(String, String, Int, Int)] = pairs.compactMap { a, b in
    guard let from = links.node(a), let to = links.node(b) else {
        FileHandle.standardError.write(Data("unknown actor in pair \(a) \(b)\n".utf8))
        return nil
    }
    return (a, b, from, to)
}
rows = resolved.map { Row(from: $0.0, to: $0.1) }
func wanted(_ name: String) -> Bool { options.only.isEmpty || options.only.contains(name) }
if wanted("shortest") {
    for (i, (a, b, from, to)) in resolved.enumerated() {
        let (path, t1) = time { search.shortestPath(from: from, to: to) }
        rows[i].shortest = path?.length; rows[i].shortestMS = t1
        if getenv("EVENTGRAPH_BENCH_VISITED") != nil {
            FileHandle.standardError.write(Data("\(a) \(b): visited \(search.lastSearchVisited), \(fmt(t1, 2)) ms\n".utf8))
        }
    }
}
if wanted("k") {
    for (i, (_, _, from, to)) in resolved.enumerated() {
        let (kPaths, t2) = time { search.kShortestPaths(from: from, to: to, k: options.k) }
        rows[i].k = kPaths.map(\.length); rows[i].kMS = t2
    }
}
if wanted("earliest") {
    for (i, (_, _, from, to)) in resolved.enumerated() {
        let (early, t3) = time { search.temporalPath(from: from, to: to, objective: .earliestArrival) }
        if let early {
            rows[i].earliest = early.temporal?.earliestArrival.map { day in
                let (y, m, d) = PartialDate.civil(fromDayNumber: day)
                return String(format: "%04d-%02d-%02d", y, m, d)
            } ?? "any"
            rows[i].earliestLinks = early.path.length
        } else {
            rows[i].earliest = "unreachable"
        }
        rows[i].earliestMS = t3
    }
}
if wanted("fewest") {
    for (i, (_, _, from, to)) in resolved.enumerated() {
        let (few, t4) = time { search.temporalPath(from: from, to: to, objective: .fewestLinks) }
        rows[i].fewest = few?.path.length; rows[i].fewestMS = t4
    }
}
let peak = peakRSSMiB()
func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
let size = (try? FileManager.default.attributesOfItem(atPath: options.data)[.size] as? Int) ?? 0
let name = (stem as NSString).lastPathComponent
print("\n## \(name): \(options.data) (\(fmt(Double(size) / 1e6, 1)) MB), \(pairs.count) query pairs, \(ProcessInfo.processInfo.activeProcessorCount) cores\n")
print("| tool | load+build s | (load / build) | peak RSS MiB | shortest mean ms | k=\(options.k) mean ms (pairs) | temporal EA mean ms | temporal fewest-links mean ms |")
print("|---|---|---|---|---|---|---|---|")
print("| EventGraph (Swift) | \(fmt(loadBuild, 2)) | - | \(fmt(peak, 0)) | \(fmt(mean(rows.map(\.shortestMS)), 2)) | \(fmt(mean(rows.map(\.kMS)), 1)) (\(rows.count)/\(pairs.count)) | \(fmt(mean(rows.map(\.earliestMS)), 2)) | \(fmt(mean(rows.map(\.fewestMS)), 2)) |")
print("\nPath lengths in links (k=\(options.k): lengths of the \(options.k) shortest; temporal (interval semantics, non-strict): earliest arrival date / links on that path, and fewest links on a time-respecting path)\n")
print("| from | to | shortest | k=\(options.k) | earliest arrival | temporal fewest links | shortest ms | k ms | EA ms | FL ms |")
print("|---|---|---|---|---|---|---|---|---|---|")
for row in rows {
    let ea = row.earliestLinks.map { "\(row.earliest) / \($0)" } ?? row.earliest
    print("| \(row.from) | \(row.to) | \(row.shortest.map(String.init) ?? "-") | \(row.k.map(String.init).joined(separator: ",")) | \(ea) | \(row.fewest.map(String.init) ?? "unreachable") | \(fmt(row.shortestMS, 2)) | \(fmt(row.kMS, 1)) | \(fmt(row.earliestMS, 1)) | \(fmt(row.fewestMS, 1)) |")
}
print("\nmax ms: shortest \(fmt(rows.map(\.shortestMS).max() ?? 0, 2)), k=\(options.k) \(fmt(rows.map(\.kMS).max() ?? 0, 1)), earliest arrival \(fmt(rows.map(\.earliestMS).max() ?? 0, 1)), fewest links \(fmt(rows.map(\.fewestMS).max() ?? 0, 1)); RSS after build \(fmt(rssAfterBuild, 0)) MiB, peak \(fmt(peak, 0)) MiB")

if let output = options.output {
    let result: [String: Any] = [
        "tool": "eventgraph-swift", "data": options.data, "data_bytes": size,
        "load_build_s": loadBuild, "rss_after_build_mib": rssAfterBuild, "peak_rss_mib": peak,
        "nodes": links.nodeCount, "connections": links.connectionEndCount / 2,
        "pairs": rows.map { row -> [String: Any] in
            ["from": row.from, "to": row.to, "shortest": row.shortest as Any, "shortest_ms": row.shortestMS,
             "k": row.k, "k_ms": row.kMS, "earliest_arrival": row.earliest, "earliest_links": row.earliestLinks as Any,
             "earliest_ms": row.earliestMS, "fewest_links": row.fewest as Any, "fewest_ms": row.fewestMS]
        },
    ]
    if let data = try? JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys]) {
        _ = FileManager.default.createFile(atPath: output, contents: data)
    }
}
