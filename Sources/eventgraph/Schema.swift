import ArgumentParser
import EventGraph

/// `schema --format`.
enum SchemaFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

/// `eventgraph schema [GRAPH…]`: the kinds of the schema, or a JSON Schema of the format.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the actor, relation and event kinds with their roles, or write a JSON Schema of the format for editors.",
        discussion: """
            Without GRAPH: the built-in schema; with GRAPH, the kinds its files add too. \
            --json-schema writes a JSON Schema (draft 2020-12) that editors use to check and complete graph files: \
            start a file with `# yaml-language-server: $schema=PATH` (see docs/format.md).
            """)

    @Argument(help: ArgumentHelp("Graph files or folders whose schema: sections extend the built-in schema (optional).", valueName: "GRAPH"))
    var graph: [String] = []

    @Option(help: "Listing format: text or json.")
    var format: SchemaFormat = .text

    @Flag(name: .customLong("json-schema"), help: "Write a JSON Schema of the input format instead of the listing.")
    var jsonSchema = false

    @Option(name: .shortAndLong, help: ArgumentHelp("File to write; standard output if omitted.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let schema = graph.isEmpty ? Schema.builtIn : try loadGraph(graph).schema
        let text = jsonSchema ? schema.jsonSchema().text : format == .json ? schema.listingJSON.text : schema.listingText
        try OutputFile.write(text: text, to: output, inputs: graph)
    }
}
