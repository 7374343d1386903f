import ArgumentParser
import EventGraph

/// `eventgraph show GRAPH ID`: one actor or event with every relation, event and citation.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One actor or event with every relation, event and citation.")

    @Argument(help: ArgumentHelp("Graph files or folders, then an actor or event: id, name, per-language name or alias.",
                                 valueName: "GRAPH… ID"))
    var arguments: [String] = []

    @Option(help: ArgumentHelp("Language tag for names (zh-Hans, zh-Hant, …).", valueName: "TAG"))
    var lang: String?

    func validate() throws {
        _ = try TrailingNames(arguments, count: 1, usage: "GRAPH… ID")
    }

    func run() throws {
        let input = try TrailingNames(arguments, count: 1, usage: "GRAPH… ID")
        let loaded = try input.load()
        let reference = try loaded.resolve(input.names[0])
        print(EntityReport(graph: loaded, reference: reference, language: lang).text, terminator: "")
    }
}
