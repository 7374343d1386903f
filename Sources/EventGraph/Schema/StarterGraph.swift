/// The small commented graph `eventgraph init DIR` writes (the files are
/// `Resources/starter/`, compiled into the binary).
public enum StarterGraph {
    /// The files to write, by path relative to the new folder: `graph.yaml`,
    /// `sources/notes.txt` (the text its quotes are verified against) and
    /// `.eventgraph/schema.json` (the JSON Schema editors use through the header line; a
    /// hidden folder, so loading the folder does not read it as a graph file).
    public static var files: [(path: String, text: String)] {
        [("graph.yaml", EmbeddedResources.starterGraphYaml),
         ("sources/notes.txt", EmbeddedResources.starterNotesTxt),
         (".eventgraph/schema.json", Schema.builtIn.jsonSchema().text)]
    }
}
