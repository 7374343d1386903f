extension GraphView {
    /// The DOT document of a view of this graph.
    public func diagram(_ view: DiagramView, options: DiagramOptions = DiagramOptions()) -> DOTDocument {
        switch view {
        case .actors: ActorDiagram(graph: self, options: options).document
        case .events: EventDiagram(graph: self, options: options).document
        case .timeline: TimelineDiagram(graph: self, options: options).document
        case .themes: ThemeLineDiagram(graph: self, options: options).document
        }
    }
}
