import ArgumentParser
import EventGraph

/// `eventgraph validate GRAPH`: check everything, print a one-line summary.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a graph against its schema; print counts of actors, events, relations and sources.")

    @OptionGroup var input: GraphOptions

    func run() throws {
        print("ok: \(try input.check().summary)")
    }
}
