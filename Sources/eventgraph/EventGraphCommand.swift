import ArgumentParser

/// `eventgraph`: the root command.
struct EventGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eventgraph",
        abstract: "Turn dated events into a typed graph of actors and relations; draw it and query it, every hop cited.",
        discussion: "GRAPH is one or more YAML/JSON files or folders of them; they merge into one graph. See docs/format.md and docs/cli.md.",
        version: "0.1.0",
        subcommands: [Validate.self, Verify.self, Render.self, Export.self, Import.self, Watch.self, Path.self, Reach.self, Neighbors.self, TimelineCommand.self, DiffCommand.self, Show.self, Stats.self,
                      SchemaCommand.self, Init.self]
    )
}
