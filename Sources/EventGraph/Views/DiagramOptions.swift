/// Choices shared by every diagram.
public struct DiagramOptions: Sendable {
    /// BCP 47 tag choosing per-language actor names (`zh-Hans`); nil uses display names.
    public var language: String?
    /// A font with CJK coverage, so Chinese, Japanese and Korean names render everywhere.
    public var fontName: String
    /// Draw a legend of the kinds used.
    public var legend: Bool
    /// Diagram title; nil uses the graph's title.
    public var title: String?
    /// Timeline and theme-line views: the actors to follow (ids, in the order given). For the
    /// timeline, only their events are drawn; for the theme-line chart, they are the lanes.
    public var actors: [String]
    /// Theme-line view: how many lanes (the most connected actors) when ``actors`` is empty.
    public var lanes: Int
    /// Timeline and theme-line views: the days the time axis is limited to (the `--from`/`--to`
    /// window); nil fits the axis to the events drawn.
    public var timeWindow: DayInterval?

    public init(language: String? = nil, fontName: String = DiagramOptions.defaultFont, legend: Bool = true, title: String? = nil,
                actors: [String] = [], lanes: Int = DiagramOptions.defaultLanes, timeWindow: DayInterval? = nil) {
        self.language = language
        self.fontName = fontName
        self.legend = legend
        self.title = title
        self.actors = actors
        self.lanes = lanes
        self.timeWindow = timeWindow
    }

    /// Actors an actor or event diagram of a whole graph shows by default (``GraphView/overview(limit:focus:depth:)``).
    public static let overviewActors = 40

    /// Lanes of a theme-line chart when none are chosen.
    public static let defaultLanes = 16

    /// Noto Sans CJK (Debian's fonts-noto-cjk) covers Latin and CJK in one face.
    public static let defaultFont = "Noto Sans CJK SC"
}

/// The diagrams EventGraph draws.
public enum DiagramView: String, CaseIterable, Sendable {
    /// Actors as nodes; events with an arrow form as labelled arrows, others as small nodes.
    case actors
    /// Every event a node joined to its participants by role.
    case events
    /// A vertical chronological chart: a spine of years and months, events ranked by date
    /// with their actors beside them (``TimelineDiagram``).
    case timeline
    /// A theme-line chart: one horizontal lane per actor, x proportional to time, every event a
    /// mark on each participant's lane (``ThemeLineDiagram``). Its positions are computed, so
    /// it must be drawn with Graphviz's pinned layout (`nop2`).
    case themes

    /// True when the view's DOT carries every node's position (`pos="x,y!"`) and must be laid
    /// out with the pinned engine rather than a layout engine of the user's choice.
    public var hasPinnedPositions: Bool { self == .themes }
}

/// Text helpers for labels.
enum LabelText {
    /// Breaks text into lines of about `width` columns (CJK characters count double), at
    /// spaces where possible.
    static func wrap(_ text: String, width: Int = 28) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        func flush() {
            let trimmed = line.trimmingWhitespace()
            if !trimmed.isEmpty { lines.append(trimmed) }
            line = ""
            lineWidth = 0
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = columns(word)
            if lineWidth > 0 && lineWidth + 1 + w > width { flush() }
            if w > width {
                // A long run without spaces (typical of CJK): break by characters.
                for c in word {
                    let cw = columns(String(c))
                    if lineWidth + cw > width { flush() }
                    line.append(c)
                    lineWidth += cw
                }
                continue
            }
            if lineWidth > 0 { line += " "; lineWidth += 1 }
            line += word
            lineWidth += w
        }
        flush()
        return lines.isEmpty ? [""] : lines
    }

    static func columns<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && isWide($1.value) ? 2 : 1) }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
