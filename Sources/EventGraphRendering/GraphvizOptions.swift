/// A Graphviz layout engine, as selected with `dot -K<engine>`.
///
/// Every case maps to a layout plugin that ships with Graphviz's `dot_layout`
/// or `neato_layout` plugin libraries (see ``engineName``).
public enum GraphvizLayout: String, CaseIterable, Sendable {
    /// Hierarchical (layered) layout for directed graphs; the `dot` engine.
    case dot
    /// Spring-model (stress majorization) layout; the `neato` engine.
    case neato
    /// Force-directed placement; the `fdp` engine.
    case fdp
    /// Multiscale force-directed placement for large graphs; the `sfdp` engine.
    case sfdp
    /// Circular layout; the `circo` engine.
    case circo
    /// Radial layout; the `twopi` engine.
    case twopi
    /// Keeps the node positions given in the DOT input and only routes the edges.
    ///
    /// Every node must carry `pos="x,y!"` in points (1/72 inch). This is the
    /// in-process equivalent of `neato -n2` and uses the neato plugin's `nop2`
    /// engine. A node without `pos` makes the render fail with a
    /// ``GraphvizError/Kind/layoutFailed`` error.
    case pinned

    /// The name of the Graphviz layout plugin used for this layout
    /// (what `gvLayout` receives), e.g. `"dot"` or `"nop2"` for ``pinned``.
    public var engineName: String {
        switch self {
        case .dot: "dot"
        case .neato: "neato"
        case .fdp: "fdp"
        case .sfdp: "sfdp"
        case .circo: "circo"
        case .twopi: "twopi"
        case .pinned: "nop2"
        }
    }
}

/// An output format for rendered drawings.
///
/// Text in every format is measured by Graphviz's pango/cairo text-layout
/// plugin, so CJK labels get real font metrics (install a CJK font such as
/// `fonts-noto-cjk` and name it with `fontname`).
public enum GraphvizFormat: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics, written by Graphviz's core `svg` renderer.
    ///
    /// Text stays as searchable `<text>` elements; node sizes come from the
    /// pango text layout. (`svg:cairo` would turn every glyph into paths.)
    case svg
    /// Portable Network Graphics, rendered by cairo (`png:cairo`), which
    /// shapes text with pango and therefore draws CJK glyphs correctly.
    case png
    /// Portable Document Format, rendered by cairo (`pdf:cairo`) with
    /// embedded font subsets.
    case pdf

    /// The Graphviz output format string passed to `gvRenderData`
    /// (`"svg"`, `"png:cairo"`, `"pdf:cairo"`).
    public var graphvizFormatName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        }
    }

    /// The conventional file extension for this format, without a dot.
    public var fileExtension: String { rawValue }

    /// The Graphviz device (output language) this format needs.
    var requiredDevice: String {
        switch self {
        case .svg: "svg"
        case .png: "png"
        case .pdf: "pdf"
        }
    }

    /// The Graphviz renderer plugin this format needs.
    var requiredRenderer: String {
        switch self {
        case .svg: "svg"
        case .png, .pdf: "cairo"
        }
    }
}

/// A textual Graphviz output that describes the computed layout rather than
/// drawing it; used by ``GraphvizRenderer/layoutDOT(_:layout:format:)``.
public enum GraphvizLayoutFormat: String, CaseIterable, Sendable {
    /// DOT with layout attributes (`pos`, `width`, `height`, `bb`, …) added.
    case dot
    /// DOT with layout attributes plus xdot drawing operations (`_draw_`, `_ldraw_`, …).
    case xdot
    /// Graphviz's line-oriented `plain` format (`graph`, `node`, `edge`, `stop` lines; inches).
    case plain
    /// Graphviz's JSON output (positions in points), decodable with any JSON parser.
    case json

    /// The Graphviz output format string passed to `gvRenderData`.
    public var graphvizFormatName: String { rawValue }
}
