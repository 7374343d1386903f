/// An animation of a diagram over time (`render --frames month|quarter|year`): one frame per
/// period, each the graph as of the period's end, drawn from one layout so nothing moves.
///
/// The sequence is made from the views the filters give (the one ``GraphView/filtered(by:via:avoid:)``
/// with `asOf` set to each frame's end): the last frame's view is the *union*, drawn once as
/// ``document``; each statement of it (node or edge) appears from the first frame whose view
/// keeps everything it draws. Frames are cumulative: once drawn, a statement stays.
///
/// To draw it: lay out ``layoutDocument`` once (Graphviz JSON output), read the positions with
/// ``FrameLayout/init(graphvizJSON:)``, then draw ``frameDocument(_:layout:)`` for each frame
/// and ``animationDocument(layout:)`` with a pinned-position engine (`nop2`), and finish the
/// animation's SVG with ``animatedSVG(_:)``. `EventGraphRendering` does all of this.
public struct FrameSequence: Sendable {
    /// The frames, in date order.
    public let frames: [FramePeriod]
    /// The union diagram (the last frame's view), every edge endpoint with a node statement.
    public let document: DOTDocument
    /// The diagram's title, drawn in each frame's caption (not as the graph label).
    public let title: String?
    /// For each statement of ``document``, the index of the first frame that draws it.
    public let firstFrame: [Int]
    /// The number of the union's actors, events and relations first kept by each frame.
    public let arrivals: [Int]
    /// The union's summary line (``GraphView/summary``).
    public let summary: String

    /// The most frames one run draws; longer ranges are refused (see ``FrameError``).
    public static let maximumFrames = 360

    /// Makes the frames of `view` for the graph under `filter`, one per `step` from the
    /// start to the end of the filter's window (an open side: the first or last date of the
    /// events it keeps).
    /// - Throws: ``FrameError`` when the view is not a graph view, nothing dated is kept and
    ///   no window is given, or the range needs more than ``maximumFrames`` frames.
    /// - Complexity: O(F × N): one filtered view per frame.
    /// - Parameter maximumActors: when the union has more actors, draw its overview
    ///   (``GraphView/overview(limit:focus:depth:)``: the most connected actors, or those
    ///   nearest the filter's focus, and the links among them, said in the caption); 0 draws
    ///   every actor.
    public init(graph: GraphView, filter: GraphFilter, view: DiagramView, step: FrameStep,
                options: DiagramOptions = DiagramOptions(), maximumActors: Int = 0) throws(FrameError) {
        guard view == .actors || view == .events else { throw .unsupportedView(view) }
        let base = graph.filtered(by: filter)
        let window = filter.window
        let first = window.first != Int.min ? window.first : base.dateRange?.first
        let last = window.last != Int.max ? window.last : base.dateRange?.last
        guard let first, let last, first <= last else { throw .nothingDated }
        let span = DayInterval(first: first, last: last)
        let count = step.count(covering: span)
        guard count <= Self.maximumFrames else {
            throw .tooManyFrames(step: step, from: PartialDate.civil(fromDayNumber: first),
                                 to: PartialDate.civil(fromDayNumber: last), count: count)
        }
        let frames = step.frames(covering: span)
        guard !frames.isEmpty else { throw .nothingDated }
        self.frames = frames

        // One view per frame; the first frame keeping each node.
        let links = graph.links
        var firstKept = [Int32](repeating: -1, count: links.nodeCount)
        var union = base
        for (index, frame) in frames.enumerated() {
            var narrowed = filter
            if window.last > frame.asOf.interval.last { narrowed.asOf = frame.asOf }
            let view = narrowed == filter ? base : graph.filtered(by: narrowed)
            for nodes in [view.actorNodes, view.eventNodes, view.relationNodes] {
                for node in nodes where firstKept[Int(node)] < 0 { firstKept[Int(node)] = Int32(index) }
            }
            union = view
        }
        // A big union is drawn as its overview, the same in every frame.
        var title = options.title ?? graph.title
        if let overview = union.overview(limit: maximumActors, focus: filter.focus, depth: filter.depth) {
            union = overview.view
            title = (title.map { $0 + " — " } ?? "") + overview.caption
        }
        var arrivals = [Int](repeating: 0, count: frames.count)
        for nodes in [union.actorNodes, union.eventNodes, union.relationNodes] {
            for node in nodes where firstKept[Int(node)] >= 0 { arrivals[Int(firstKept[Int(node)])] += 1 }
        }
        self.arrivals = arrivals
        summary = union.summary
        self.title = title

        let parts = view == .actors ? ActorDiagram(graph: union, options: options).parts
                                    : EventDiagram(graph: union, options: options).parts
        var document = parts.document
        var owners = parts.owners
        // Edge ends without a node statement would be made up by Graphviz, without a position.
        var declared = Set<String>()
        for case let .node(id, _) in document.statements { declared.insert(id) }
        for case let .edge(from, to, _) in parts.document.statements {
            for id in [from, to] where declared.insert(id).inserted {
                document.statements.append(.node(id, []))
                owners.append([id])
            }
        }
        document.attributes.removeAll { ["label", "labelloc"].contains($0.name) }
        self.document = document
        let lastFrame = frames.count - 1
        firstFrame = owners.map { ids in
            ids.reduce(0) { latest, id in
                guard let node = graph.store.node(id), firstKept[node] >= 0 else { return lastFrame }
                return max(latest, Int(firstKept[node]))
            }
        }
    }

    /// The statements drawn by frame `index` (indices into ``document``'s statements).
    public func statements(inFrame index: Int) -> [Int] {
        firstFrame.indices.filter { firstFrame[$0] <= index }
    }
}

/// Why a frame sequence cannot be made (one sentence each).
public enum FrameError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedView(DiagramView)
    case nothingDated
    case tooManyFrames(step: FrameStep, from: (year: Int, month: Int, day: Int), to: (year: Int, month: Int, day: Int), count: Int)
    /// Graphviz's layout of the union could not be read back (a bug, not bad input).
    case unreadableLayout(String)

    public static func == (a: FrameError, b: FrameError) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case let .unsupportedView(view):
            return "--frames draws the actors or events view, not --view \(view.rawValue): the \(view.rawValue) chart already lays time out along an axis"
        case let .unreadableLayout(reason):
            return "cannot draw the frames: \(reason)"
        case .nothingDated:
            return "--frames has nothing to step through: the filters keep no dated events; give --from and --to"
        case let .tooManyFrames(step, from, to, count):
            func month(_ d: (year: Int, month: Int, day: Int)) -> String {
                String.zeroPadded(d.year, width: 4) + "-" + String.zeroPadded(d.month, width: 2)
            }
            let coarser = step == .month ? "--frames quarter or year" : step == .quarter ? "--frames year" : "a shorter range"
            return "--frames \(step.rawValue) from \(month(from)) to \(month(to)) makes \(count) frames, more than the "
                + "\(FrameSequence.maximumFrames) one run draws: narrow the range with --from/--to or draw \(coarser)"
        }
    }
}
