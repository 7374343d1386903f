import ArgumentParser
import Dispatch
import EventGraph
import EventGraphRendering
import Foundation

/// `--layout-timeout`, for every command that lays a diagram out through Graphviz: a layout
/// that takes more than two seconds says what it is doing, and one that passes the limit
/// stops the command with advice (nothing is written).
struct LayoutOptions: ParsableArguments {
    @Option(name: .customLong("layout-timeout"), help: ArgumentHelp("Stop a Graphviz layout that runs longer than this many seconds, with advice (default 60).", valueName: "SECONDS"))
    var layoutTimeout: Double = 60

    func validate() throws {
        guard layoutTimeout > 0 else { throw ValidationError("--layout-timeout must be more than 0 seconds") }
    }

    /// Renders `document` on another thread and waits at most ``layoutTimeout`` seconds.
    func render(_ document: DOTDocument, layout: GraphvizLayout, format: GraphvizFormat) throws -> GraphvizRenderResult {
        try limit(document, layout: layout) { try document.render(layout: layout, format: format) }
    }

    /// A diagram in a command's output format (`dot`, `svg`, `png` or `pdf`): its DOT text, or
    /// drawn through Graphviz within the time limit, with Graphviz's warnings as `graphviz: …`.
    func output(of document: DOTDocument, format: String, layout: GraphvizLayout) throws -> (bytes: [UInt8], warnings: [String]) {
        guard format != "dot" else { return (Array(document.text.utf8), []) }
        let result = try render(document, layout: layout, format: GraphvizFormat(rawValue: format)!)
        return (result.bytes, result.warnings.map { "graphviz: \($0)" })
    }

    /// Runs `work` (a Graphviz layout of `document`) on another thread and waits at most
    /// ``layoutTimeout`` seconds; after two seconds it says what it is placing.
    func limit<T: Sendable>(_ document: DOTDocument, layout: GraphvizLayout, _ work: @escaping @Sendable () throws -> T) throws -> T {
        let outcome = LayoutOutcome<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            outcome.result = Result { try work() }
            done.signal()
        }
        let notice = min(2, layoutTimeout)
        if done.wait(timeout: .now() + notice) == .timedOut {
            var nodes = 0, edges = 0
            for statement in document.statements {
                switch statement {
                case .node: nodes += 1
                case .edge: edges += 1
                default: break
                }
            }
            Entry.printError("layout: \(layout.rawValue) is placing \(nodes) nodes and \(edges) edges (stops after \(Int(layoutTimeout)) s; --layout-timeout)")
            if done.wait(timeout: .now() + (layoutTimeout - notice)) == .timedOut {
                Entry.printError("""
                    error: the \(layout.rawValue) layout of \(nodes) nodes and \(edges) edges did not finish within \(Int(layoutTimeout)) s; nothing was written. \
                    Draw less (--focus ID --depth 1, --from/--to, --kinds), try another engine (--layout sfdp for large graphs), \
                    or allow more time with --layout-timeout
                    """)
                Foundation.exit(1)
            }
        }
        return try outcome.result!.get()
    }
}

/// What the rendering thread hands back.
///
/// `@unchecked Sendable`: `result` is written once by the rendering thread before it signals
/// the semaphore, and read only after the waiting thread has seen that signal.
private final class LayoutOutcome<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
