import ArgumentParser
import EventGraph

/// `eventgraph stats GRAPH`: counts by kind, date range, most connected actors.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Counts by kind, the date range and the most connected actors.")

    @OptionGroup var input: GraphOptions

    @Option(help: "How many of the most connected actors to list.")
    var top: Int = 10

    func run() throws {
        let graph = try input.load()
        print(GraphStatistics(graph: graph, top: top).text(graph: graph), terminator: "")
    }
}
