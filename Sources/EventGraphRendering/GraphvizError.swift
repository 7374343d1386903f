/// An error raised while turning DOT into a drawing with the Graphviz libraries.
///
/// Every error has a one-sentence ``message`` written by EventGraph and the
/// messages Graphviz itself reported while the failing call ran
/// (``graphvizMessages``, e.g. `"Error: syntax error in line 3 near '->'"`).
/// ``description`` combines both and is suitable for showing to a user.
public struct GraphvizError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The DOT text could not be parsed (syntax error, empty input, NUL byte).
        case invalidDOT
        /// The installed Graphviz has no plugin for the requested layout engine.
        case unknownLayout
        /// The installed Graphviz has no device/renderer for the requested output format.
        case unknownFormat
        /// The layout engine reported an error (e.g. a node without `pos` for ``GraphvizLayout/pinned``).
        case layoutFailed
        /// Writing the laid-out graph in the requested format failed.
        case renderFailed
        /// Graphviz's plugin configuration file (`config6a`) is missing, so no
        /// layout engines or renderers can be loaded.
        case pluginConfigurationMissing
    }

    /// The category of the failure.
    public let kind: Kind
    /// A single sentence describing the failure and, where possible, how to fix it.
    public let message: String
    /// The messages Graphviz reported during the failing call, one per entry,
    /// prefixed with `Error: ` or `Warning: ` as Graphviz prints them.
    /// Multi-line Graphviz messages are joined into one entry.
    public let graphvizMessages: [String]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - kind: The category of the failure.
    ///   - message: One sentence describing the failure.
    ///   - graphvizMessages: Messages captured from Graphviz, if any.
    public init(kind: Kind, message: String, graphvizMessages: [String] = []) {
        self.kind = kind
        self.message = message
        self.graphvizMessages = graphvizMessages
    }

    /// The ``message`` followed by Graphviz's own messages, one per indented line.
    public var description: String {
        guard !graphvizMessages.isEmpty else { return message }
        return ([message] + graphvizMessages.map { "  Graphviz: \($0)" }).joined(separator: "\n")
    }

    /// The fix suggested whenever Graphviz cannot load its plugins.
    static let pluginConfigurationFix =
        "run `sudo dot -c` (from Debian's graphviz package) or reinstall libgvc6"

    static func pluginConfigurationMissing(detail: String, graphvizMessages: [String] = []) -> GraphvizError {
        GraphvizError(
            kind: .pluginConfigurationMissing,
            message: "Graphviz plugin configuration is missing (\(detail)): \(pluginConfigurationFix).",
            graphvizMessages: graphvizMessages
        )
    }
}
