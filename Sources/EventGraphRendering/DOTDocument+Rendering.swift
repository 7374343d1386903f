import EventGraph

extension DOTDocument {
    /// Lays out and draws this document in-process through libgraphviz.
    /// - Parameters:
    ///   - layout: the Graphviz engine.
    ///   - format: SVG, PNG or PDF.
    ///   - renderer: the renderer to use (the shared, lock-protected one by default).
    /// - Returns: the bytes and any warnings Graphviz reported.
    /// - Throws: ``GraphvizError`` with Graphviz's own messages.
    public func render(layout: GraphvizLayout = .dot, format: GraphvizFormat,
                       renderer: GraphvizRenderer = .shared) throws(GraphvizError) -> GraphvizRenderResult {
        try renderer.render(dot: text, layout: layout, format: format)
    }
}
