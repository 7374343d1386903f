/// A data format EventGraph writes: GraphML, GEXF, Cypher, CSV….
///
/// Exporters are pure: the same graph gives byte-identical output. Every format carries
/// kinds, dates, claim status and sources.
///
/// An exporter writes into an ``ExportSink`` as it goes (the command line streams it to the
/// `-o` file through ``OutputFile`` or ``OutputFolder``); ``export(_:)`` collects the same
/// bytes in memory.
public protocol GraphExporter: Sendable {
    /// What the format is called on the command line (`graphml`).
    var formatName: String { get }
    /// Writes the graph into `output`: a one-file format writes its bytes; a format of
    /// several files writes each into `output.file(named:)`.
    func write(_ graph: GraphView, to output: ExportSink)
}

extension GraphExporter {
    /// The whole output in memory (what ``write(_:to:)`` writes).
    public func export(_ graph: GraphView) -> ExportOutput {
        ExportSink.collect { write(graph, to: $0) }
    }
}

extension ExportSink {
    /// Writes an output made in memory (the formats that are not streamed): its text, or
    /// each of its files.
    public func write(_ output: ExportOutput) {
        switch output {
        case let .file(text): write(text)
        case let .folder(files): for file in files { self.file(named: file.name).write(file.text) }
        }
    }
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
