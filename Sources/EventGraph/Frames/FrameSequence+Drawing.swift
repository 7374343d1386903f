extension FrameSequence {
    /// The union diagram to lay out once: statement `i` is node `n<i>` or the edge with id
    /// `e<i>` (so the positions Graphviz reports are read back without any user string).
    public var layoutDocument: DOTDocument {
        var names: [String: String] = [:]
        for (index, statement) in document.statements.enumerated() {
            if case let .node(id, _) = statement, names[id] == nil { names[id] = "n\(index)" }
        }
        var copy = document
        copy.statements = document.statements.enumerated().map { index, statement in
            switch statement {
            case let .node(id, attributes): .node(names[id]!, attributes)
            case let .edge(from, to, attributes):
                .edge(names[from]!, names[to]!, attributes.filter { $0.name != "id" } + [DOTAttribute("id", "e\(index)")])
            default: statement
            }
        }
        return copy
    }

    /// Frame `index` (see ``frames``) with every position fixed by `layout` and its caption:
    /// draw it with a pinned-position engine (Graphviz `nop2`).
    /// - Throws: ``FrameError/unreadableLayout(_:)`` when the layout misses a statement.
    public func frameDocument(_ index: Int, layout: FrameLayout) throws(FrameError) -> DOTDocument {
        var result = document
        var statements: [DOTStatement] = []
        for (position, statement) in document.statements.enumerated() where firstFrame[position] <= index {
            statements.append(try pinned(position, statement, layout))
        }
        statements += canvas(layout, captions: [(frames[index], nil)])
        result.statements = statements
        return result
    }

    /// The whole sequence in one drawing, each statement with the class `egf<k>` of the frame
    /// it appears in and one caption per frame (class `egcap egc<k>`); ``animatedSVG(_:)`` adds
    /// the CSS that plays it.
    public func animationDocument(layout: FrameLayout) throws(FrameError) -> DOTDocument {
        var result = document
        var statements: [DOTStatement] = []
        for (position, statement) in document.statements.enumerated() {
            let marked = try pinned(position, statement, layout)
            statements.append(Self.adding(DOTAttribute("class", "egf\(firstFrame[position])"), to: marked))
        }
        statements += canvas(layout, captions: frames.enumerated().map { ($1, "egcap egc\($0)") })
        result.statements = statements
        return result
    }

    /// The SVG Graphviz drew from ``animationDocument(layout:)`` with a `<style>` that plays
    /// the frames: each lasts one second, the last three, and the cycle repeats; no script.
    /// Without CSS animation (or with reduced motion asked for) the last frame shows.
    public func animatedSVG(_ svg: String) -> String {
        guard let open = svg.range(of: "<svg"), let end = svg[open.upperBound...].firstIndex(of: ">") else { return svg }
        let insertAt = svg.index(after: end)
        return String(svg[..<insertAt]) + "\n" + animationStyle + String(svg[insertAt...])
    }

    /// Seconds each frame shows; the last shows ``holdSeconds``.
    static let frameSeconds = 1
    static let holdSeconds = 3

    /// The CSS of ``animatedSVG(_:)``: class names and numbers only (no graph data).
    var animationStyle: String {
        let count = frames.count
        let total = (count - 1) * Self.frameSeconds + Self.holdSeconds
        // The start of frame k as a percentage of the cycle, to 3 decimals.
        func start(_ k: Int) -> String {
            let thousandths = k * Self.frameSeconds * 100_000 / total
            return "\(thousandths / 1000).\(String.zeroPadded(thousandths % 1000, width: 3))%"
        }
        let play = "\(total)s step-end infinite"
        var css = "<style>\n/* EventGraph frames: \(count) frames, \(Self.frameSeconds) s each, the last \(Self.holdSeconds) s, repeating (CSS only) */\n"
        css += ".egcap{opacity:0}\n.egc\(count - 1){opacity:1}\n"
        var animated: [String] = []
        let appearing = Set(firstFrame)
        for k in 0..<count where count > 1 {
            if k > 0 && appearing.contains(k) {
                css += ".egf\(k){animation:egf\(k) \(play)}\n@keyframes egf\(k){0%{opacity:0}\(start(k)){opacity:1}100%{opacity:1}}\n"
                animated.append(".egf\(k)")
            }
            let after = k == count - 1 ? "100%{opacity:1}" : "\(start(k + 1)){opacity:0}100%{opacity:0}"
            css += ".egc\(k){animation:egc\(k) \(play)}\n@keyframes egc\(k){0%{opacity:\(k == 0 ? 1 : 0)}\(k == 0 ? "" : "\(start(k)){opacity:1}")\(after)}\n"
            animated.append(".egc\(k)")
        }
        if !animated.isEmpty {
            css += "@media (prefers-reduced-motion: reduce){\(animated.joined(separator: ",")){animation:none}}\n"
        }
        return css + "</style>\n"
    }

    private func pinned(_ position: Int, _ statement: DOTStatement, _ layout: FrameLayout) throws(FrameError) -> DOTStatement {
        guard let place = layout.placements[position] else {
            throw .unreadableLayout("Graphviz's layout has no position for statement \(position) of the diagram")
        }
        switch statement {
        case .node:
            return Self.adding(DOTAttribute("pos", place.pos + "!"), to: statement)
        case .edge:
            var marked = Self.adding(DOTAttribute("pos", place.pos), to: statement)
            if let label = place.labelPos { marked = Self.adding(DOTAttribute("lp", label), to: marked) }
            return marked
        default:
            return statement
        }
    }

    private static func adding(_ attribute: DOTAttribute, to statement: DOTStatement) -> DOTStatement {
        switch statement {
        case let .node(id, attributes): .node(id, attributes + [attribute])
        case let .edge(from, to, attributes): .edge(from, to, attributes + [attribute])
        default: statement
        }
    }

    /// Points above the drawing for the caption: a title line and the frame's date, or the date alone.
    var captionHeight: Double { title == nil ? 30 : 52 }

    /// The caption nodes (one per entry, at the same place, over the drawing) and two
    /// invisible corner points, so every frame has the union's canvas.
    private func canvas(_ layout: FrameLayout, captions: [(FramePeriod, String?)]) -> [DOTStatement] {
        let gap = 10.0
        let width = max(layout.maxX - layout.minX, 216)
        let top = layout.maxY + gap + captionHeight
        func point(_ x: Double, _ y: Double) -> String { "\(Self.number(x)),\(Self.number(y))!" }
        var statements: [DOTStatement] = []
        for (index, (frame, className)) in captions.enumerated() {
            var rows = "<TR><TD><FONT POINT-SIZE=\"15\"><B>" + DOTDocument.htmlEscape(frame.title) + "</B></FONT></TD></TR>"
            if let title { rows = "<TR><TD><FONT POINT-SIZE=\"17\">" + DOTDocument.htmlEscape(title) + "</FONT></TD></TR>" + rows }
            let label = "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">" + rows + "</TABLE>"
            var attributes = [DOTAttribute("label", html: label), DOTAttribute("shape", "plaintext"),
                              DOTAttribute("style", "solid"), DOTAttribute("fixedsize", "true"),
                              DOTAttribute("width", Self.number(width / 72)), DOTAttribute("height", Self.number(captionHeight / 72)),
                              DOTAttribute("pos", point(layout.minX + width / 2, top - captionHeight / 2)),
                              DOTAttribute("tooltip", "as of \(DayInterval.isoDate(frame.interval.last))")]
            if let className { attributes.append(DOTAttribute("class", className)) }
            statements.append(.node("_caption\(index)", attributes))
        }
        for (name, x, y) in [("_corner0", layout.minX, layout.minY), ("_corner1", layout.minX + width, top)] {
            statements.append(.node(name, [DOTAttribute("shape", "point"), DOTAttribute("style", "invis"),
                                           DOTAttribute("width", "0.01"), DOTAttribute("height", "0.01"),
                                           DOTAttribute("label", ""), DOTAttribute("pos", point(x, y))]))
        }
        return statements
    }

    /// A coordinate with at most two decimals, written the same on every platform.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return "\(sign)\(magnitude / 100).\(String.zeroPadded(magnitude % 100, width: 2))"
    }
}
