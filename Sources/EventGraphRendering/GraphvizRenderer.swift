import CGraphviz
import Synchronization

/// The output of a successful Graphviz run.
public struct GraphvizRenderResult: Sendable, Equatable {
    /// The rendered file contents (SVG/PNG/PDF bytes, or DOT/plain/JSON text).
    public let bytes: [UInt8]
    /// Warnings Graphviz reported while parsing, laying out and rendering,
    /// without their `Warning: ` prefix, e.g. `"using box for unknown shape hexagonn"`.
    /// Graphviz still produced output; callers decide whether to show them.
    ///
    /// Some Graphviz warnings are reported only once per process: an unknown
    /// shape name, for example, is remembered as a user shape after the first
    /// warning, so later renders using the same name report nothing.
    public let warnings: [String]

    /// ``bytes`` decoded as UTF-8 (for SVG and the textual layout formats).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - bytes: The rendered output.
    ///   - warnings: Warnings reported by Graphviz.
    public init(bytes: [UInt8], warnings: [String]) {
        self.bytes = bytes
        self.warnings = warnings
    }
}

/// Renders DOT with the Graphviz C libraries linked into the process
/// (`libgvc`/`libcgraph`); no `dot` executable is run.
///
/// ## Thread safety
/// Graphviz keeps global state (parser, error handler, plugin caches, locale
/// switching) and is not thread-safe, so every Graphviz call made by this
/// module happens while one process-wide `Mutex` is held. ``shared`` is the
/// only instance; it can be used from any number of threads or tasks at once,
/// and concurrent calls simply run one after another. Calls block the calling
/// thread for the duration of the render (there is no `await` inside).
///
/// ## Errors and warnings
/// Graphviz's messages are captured with `agseterrf` instead of being printed
/// to stderr. Messages at error level make the call throw a ``GraphvizError``
/// (even when the Graphviz function itself returned success); warnings are
/// returned in ``GraphvizRenderResult/warnings``. Each call starts with an
/// empty message buffer, so an earlier failure never leaks into a later call.
///
/// ## Plugin configuration
/// The Graphviz context is created lazily on the first call, after checking
/// that Graphviz's plugin configuration (`config6a` in the plugin directory,
/// written by `dot -c`) exists. If it does not, or the requested engine or
/// format has no plugin, the call throws
/// ``GraphvizError/Kind/pluginConfigurationMissing``,
/// ``GraphvizError/Kind/unknownLayout`` or ``GraphvizError/Kind/unknownFormat``
/// explaining how to fix the installation. A failed check is retried on the
/// next call.
public final class GraphvizRenderer: Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    /// The Graphviz context and plugin inventory; the lock that serializes
    /// every Graphviz call (and guards the captured-message buffer).
    private let state = Mutex(State())

    private init() {}

    /// Lays out a DOT graph and renders it.
    ///
    /// A `layout` graph attribute in the DOT text is overridden by `layout`.
    ///
    /// - Parameters:
    ///   - dot: The graph in the DOT language (UTF-8; the first graph is used).
    ///   - layout: The layout engine. For ``GraphvizLayout/pinned`` every node
    ///     needs `pos="x,y!"` in points.
    ///   - format: The output format.
    /// - Returns: The rendered bytes and any warnings Graphviz reported.
    /// - Throws: ``GraphvizError`` of kind
    ///   ``GraphvizError/Kind/invalidDOT`` (syntax error, no graph, NUL byte),
    ///   ``GraphvizError/Kind/layoutFailed``, ``GraphvizError/Kind/renderFailed``,
    ///   ``GraphvizError/Kind/unknownLayout``, ``GraphvizError/Kind/unknownFormat``
    ///   or ``GraphvizError/Kind/pluginConfigurationMissing``; the error carries
    ///   Graphviz's own messages.
    /// - Note: Thread-safe; calls are serialized by a process-wide lock.
    public func render(
        dot: String, layout: GraphvizLayout, format: GraphvizFormat
    ) throws(GraphvizError) -> GraphvizRenderResult {
        try run(
            dot: dot, layout: layout, formatName: format.graphvizFormatName,
            device: format.requiredDevice, renderer: format.requiredRenderer
        )
    }

    /// Lays out a DOT graph and returns the layout as text instead of a drawing,
    /// e.g. DOT with `pos`/`width`/`height`/`bb` attributes. Useful to inspect
    /// node positions (for example to check that nodes do not overlap).
    ///
    /// - Parameters:
    ///   - dot: The graph in the DOT language (UTF-8; the first graph is used).
    ///   - layout: The layout engine. For ``GraphvizLayout/pinned`` every node
    ///     needs `pos="x,y!"` in points.
    ///   - format: The textual layout format; DOT by default.
    /// - Returns: The layout text (read it with ``GraphvizRenderResult/text``)
    ///   and any warnings Graphviz reported.
    /// - Throws: ``GraphvizError``, as for ``render(dot:layout:format:)``.
    /// - Note: Thread-safe; calls are serialized by a process-wide lock.
    public func layoutDOT(
        _ dot: String, layout: GraphvizLayout, format: GraphvizLayoutFormat = .dot
    ) throws(GraphvizError) -> GraphvizRenderResult {
        let renderer: String = switch format {
        case .dot, .plain: "dot"
        case .xdot: "xdot"
        case .json: "json"
        }
        return try run(
            dot: dot, layout: layout, formatName: format.graphvizFormatName,
            device: format.graphvizFormatName, renderer: renderer
        )
    }

    /// The layout engines, renderers, devices and text-layout plugins Graphviz
    /// can load in this process.
    ///
    /// - Returns: The plugin names reported by `gvPluginList`, sorted.
    /// - Throws: ``GraphvizError/Kind/pluginConfigurationMissing`` if Graphviz's
    ///   plugin configuration is missing.
    /// - Note: Thread-safe; creates the shared Graphviz context if needed.
    public func availablePlugins() throws(GraphvizError) -> GraphvizPlugins {
        try state.withLock { (state) throws(GraphvizError) -> GraphvizPlugins in
            try state.prepare().1
        }
    }

    // MARK: - Implementation

    private func run(
        dot: String, layout: GraphvizLayout, formatName: String, device: String, renderer: String
    ) throws(GraphvizError) -> GraphvizRenderResult {
        guard !dot.utf8.contains(0) else {
            throw GraphvizError(
                kind: .invalidDOT,
                message: "The DOT input contains a NUL character, which Graphviz cannot read."
            )
        }
        return try state.withLock { (state) throws(GraphvizError) -> GraphvizRenderResult in
            let (gvc, plugins) = try state.prepare()
            try plugins.requireLayout(layout)
            try plugins.requireOutput(formatName: formatName, device: device, renderer: renderer)

            var run = RunMessages(initialWarnings: state.takeStartupWarnings())
            if plugins.textLayouts.isEmpty {
                run.warnings.append(
                    "Graphviz has no text layout plugin (libgvplugin_pango), so label sizes are estimated "
                        + "and CJK text may not fit its nodes."
                )
            }
            GraphvizMessageCapture.reset()

            // Parse.
            // The DOT scanner is global: its line counter and any input left unread after a
            // graph's closing brace (trailing new lines) carry over into the next parse and
            // shift the line numbers of syntax errors. Restart the counter and leave nothing
            // unread.
            agreadline(1)
            var source = dot.unicodeScalars[...]
            while let last = source.last, last.properties.isWhitespace { source = source.dropLast() }
            guard let graph = String(source).withCString({ agmemread($0) }) else {
                let messages = GraphvizMessageCapture.take()
                throw GraphvizError(
                    kind: .invalidDOT,
                    message: messages.contains { $0.level == .error }
                        ? "Graphviz could not parse the DOT input."
                        : "The DOT input contains no graph.",
                    graphvizMessages: run.formatted(plus: messages)
                )
            }
            // Freed last: what Graphviz 2.42 leaves of the HTML-like labels (GraphvizHTMLTextItems).
            var leftovers: GraphvizHTMLTextItems?
            defer { leftovers.take()?.release() }
            defer { agclose(graph) }
            try run.check(.invalidDOT, "Graphviz could not parse the DOT input.")

            // Lay out.
            let engine = layout.engineName
            overrideLayoutAttribute(of: graph, with: engine)
            guard gvLayout(gvc, graph, engine) == 0 else {
                try run.check(.layoutFailed, "Graphviz could not lay out the graph with the \(engine) engine.")
                throw run.failure(.layoutFailed, "Graphviz could not lay out the graph with the \(engine) engine.")
            }
            let release242 = state.isGraphviz242
            defer {
                // Graphviz 2.42's neato cleanup frees a pinned (nop2) layout's node list only when
                // its global `Nop` is still set, which nop2 resets when the layout ends: set it
                // again for the cleanup (graphviz242.h).
                if release242 && layout == .pinned { eg242_setNop(2) }
                gvFreeLayout(gvc, graph)
                if release242 && layout == .pinned { eg242_setNop(0) }
            }
            defer { if release242 { leftovers = GraphvizHTMLTextItems(collectingFrom: graph) } }
            // gvLayout returns 0 even when the engine reported an error
            // (e.g. nop2 with a node that has no position).
            try run.check(.layoutFailed, "Graphviz could not lay out the graph with the \(engine) engine.")

            // Render.
            var data: UnsafeMutablePointer<CChar>? = nil
            var length: UInt32 = 0  // `unsigned int *` in Graphviz 2.42
            let status = gvRenderData(gvc, graph, formatName, &data, &length)
            defer { if let data { gvFreeRenderData(data) } }
            guard status == 0 else {
                try run.check(.renderFailed, "Graphviz could not render the graph as \(formatName).")
                throw run.failure(.renderFailed, "Graphviz could not render the graph as \(formatName).")
            }
            try run.check(.renderFailed, "Graphviz could not render the graph as \(formatName).")

            var bytes: [UInt8] = []
            if let data, length > 0 {
                bytes = Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
            }
            guard !bytes.isEmpty else {
                throw run.failure(.renderFailed, "Graphviz produced no \(formatName) output.")
            }
            return GraphvizRenderResult(bytes: bytes, warnings: run.warnings)
        }
    }

    /// `gvLayoutJobs` lets a graph's `layout` attribute replace the engine
    /// passed to `gvLayout`; make the caller's choice win.
    private func overrideLayoutAttribute(of graph: UnsafeMutablePointer<Agraph_t>, with engine: String) {
        "layout".withCString { name in
            let name = UnsafeMutablePointer(mutating: name)
            guard let current = agget(graph, name), String(cString: current) != engine else { return }
            engine.withCString { value in
                _ = agset(graph, name, UnsafeMutablePointer(mutating: value))
            }
        }
    }
}

/// Mutable state guarded by ``GraphvizRenderer``'s mutex.
private struct State {
    /// The Graphviz context (`GVC_t *`), created once and kept for the process lifetime.
    var context: OpaquePointer?
    var plugins: GraphvizPlugins?
    /// Warnings Graphviz printed while the context was created; handed to the first run.
    var startupWarnings: [String] = []
    /// Whether this Graphviz is the 2.42 release, whose leaks the renderer works around
    /// (graphviz242.h).
    var isGraphviz242 = false

    /// Returns the context, creating it (and checking the plugin
    /// configuration) on first use.
    mutating func prepare() throws(GraphvizError) -> (OpaquePointer, GraphvizPlugins) {
        if let context, let plugins { return (context, plugins) }

        if let problem = GraphvizPluginConfiguration.problem(
            inDirectory: GraphvizPluginConfiguration.locateDirectory())
        {
            throw problem
        }
        GraphvizMessageCapture.reset()
        guard let created = GraphvizTextLayout.makeContext(pluginDirectory: GraphvizPluginConfiguration.locateDirectory()) else {
            throw .pluginConfigurationMissing(
                detail: "gvContext() failed",
                graphvizMessages: GraphvizMessageCapture.take().map(\.formatted))
        }
        let inventory = GraphvizPlugins(context: created)
        let messages = GraphvizMessageCapture.take()
        guard !inventory.layouts.isEmpty else {
            _ = gvFreeContext(created)
            throw .pluginConfigurationMissing(
                detail: "Graphviz loaded no layout plugins",
                graphvizMessages: messages.map(\.formatted))
        }
        context = created
        plugins = inventory
        isGraphviz242 = GraphvizHTMLTextItems.leaks(in: created)
        startupWarnings = messages.map(\.formatted)
        return (created, inventory)
    }

    mutating func takeStartupWarnings() -> [String] {
        defer { startupWarnings = [] }
        return startupWarnings
    }
}

/// Messages collected during one run. Used with the lock held.
private struct RunMessages {
    var warnings: [String]
    /// Every message of this run, formatted, for error reports.
    private var all: [GraphvizMessage] = []

    init(initialWarnings: [String]) {
        warnings = initialWarnings
    }

    func formatted(plus messages: [GraphvizMessage]) -> [String] {
        (all + messages).map(\.formatted)
    }

    /// Takes the messages Graphviz reported since the last check; throws if
    /// any is an error (or Graphviz's error level says so), else keeps the
    /// warnings.
    mutating func check(_ kind: GraphvizError.Kind, _ message: String) throws(GraphvizError) {
        let messages = GraphvizMessageCapture.take()
        all += messages
        if messages.contains(where: { $0.level == .error }) || GraphvizMessageCapture.errorLevelReached {
            throw failure(kind, message)
        }
        warnings += messages.map(\.text)
    }

    func failure(_ kind: GraphvizError.Kind, _ message: String) -> GraphvizError {
        GraphvizError(kind: kind, message: message, graphvizMessages: all.map(\.formatted))
    }
}
