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
    /// Only these queries (shortest, k, earliest, fewest, reach); all but reach when empty.
    var only: Set<String> = []
}

func parseOptions() -> Options {
    var options = Options()
    var args = Array(CommandLine.arguments.dropFirst())
    func usage() -> Never {
        FileHandle.standardError.write(Data("""
        usage: eventgraph-bench DATA.json [--queries QUERIES.json] [--k N] [--repeat N] [-o RESULT.json] [--only shortest,k,earliest,fewest,reach]

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
let loadCPU: Double = {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}()
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

/// SHA-256 (FIPS 180-4), for the reach checksums.
func sha256Hex(_ message: [UInt8]) -> String {
    let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
    var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    var data = message
    let bitLength = UInt64(message.count) * 8
    data.append(0x80)
    while data.count % 64 != 56 { data.append(0) }
    for i in (0..<8).reversed() { data.append(UInt8((bitLength >> (UInt64(i) * 8)) & 0xff)) }
    func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
    var w = [UInt32](repeating: 0, count: 64)
    for chunk in stride(from: 0, to: data.count, by: 64) {
        for i in 0..<16 {
            w[i] = (0..<4).reduce(0) { ($0 << 8) | UInt32(data[chunk + i * 4 + $1]) }
        }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        for i in 0..<64 {
            let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
            let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        h = zip(h, [a, b, c, d, e, f, g, hh]).map { $0 &+ $1 }
    }
    return h.map { String(format: "%08x", $0) }.joined()
}
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
// Reachability (`eventgraph reach`): forward and reverse from the first three pairs' `from`
// actors, each a full sweep; the same counts and checksums as benchmarks/reach.py.
struct ReachRow { var origin: String; var direction: String; var reached: Int; var checksum: String; var ms: Double; var cpuMS: Double }
/// CPU time of this thread in milliseconds (wall time misleads on a shared machine).
func threadCPUms() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}
var reachRows: [ReachRow] = []
if options.only.contains("reach") {
    let ordinalOf1970 = 719_163 // Python's date(1970, 1, 1).toordinal()
    for (a, _, from, _) in resolved.prefix(3) {
        for reverse in [false, true] {
            let query = ReachQuery(reverse: reverse)
            let cpu0 = threadCPUms()
            let (answer, ms) = time { network.reach(from: from, query: query, search: search) }
            let cpu = (threadCPUms() - cpu0) / Double(options.repeats)
            let lines = answer.reached.map { item in
                "\(links.id(item.actor)) \(item.day.map { String($0 + ordinalOf1970) } ?? "any")"
            }.sorted().joined(separator: "\n")
            reachRows.append(ReachRow(origin: a, direction: reverse ? "reverse" : "forward", reached: answer.reached.count,
                                      checksum: String(sha256Hex(Array(lines.utf8)).prefix(12)), ms: ms, cpuMS: cpu))
        }
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

if !reachRows.isEmpty {
    print("\nReach (one full time-respecting sweep per row; the graph loaded once: \(fmt(loadBuild, 2)) s wall, \(fmt(loadCPU, 2)) s CPU of the process)\n")
    print("| origin | direction | actors reached | checksum | query ms (wall) | query ms (CPU) |")
    print("|---|---|---|---|---|---|")
    for row in reachRows {
        print("| \(row.origin) | \(row.direction) | \(row.reached) | \(row.checksum) | \(fmt(row.ms, 1)) | \(fmt(row.cpuMS, 1)) |")
    }
}

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
