import ArgumentParser
import EventGraph

/// `eventgraph verify GRAPH --sources DIR`: every quote appears in its source's text.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that every evidence quote appears in its source's text (ignoring white space).")

    @OptionGroup var input: GraphOptions

    @Option(help: ArgumentHelp("Folder holding the source texts named by each source's 'file:'.", valueName: "DIR"))
    var sources: String

    func run() throws {
        let graph = try input.load()
        let report = try QuoteVerifier(sourcesFolder: sources).verify(graph)
        print("ok: \(report.summary)")
    }
}
