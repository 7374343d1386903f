/// A data format EventGraph writes: GraphML, GEXF, Cypher, CSV….
///
/// Exporters are pure: the same graph gives byte-identical output. Every format carries
/// kinds, dates, claim status and sources.
public protocol GraphExporter: Sendable {
    /// What the format is called on the command line (`graphml`).
    var formatName: String { get }
    /// Writes the graph.
    func export(_ graph: GraphView) -> ExportOutput
}

/// What an exporter produces: one text, or several named files meant for one folder.
public enum ExportOutput: Sendable, Equatable {
    /// One document (written to `-o FILE` or standard output).
    case file(String)
    /// Several files, written together into the `-o` folder.
    case folder([ExportFile])

    /// Every file of the output (one unnamed file for ``file(_:)``).
    public var files: [ExportFile] {
        switch self {
        case let .file(text): [ExportFile(name: "", text: text)]
        case let .folder(files): files
        }
    }
}

/// One file of a multi-file export.
public struct ExportFile: Sendable, Equatable {
    /// The file name inside the output folder.
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
