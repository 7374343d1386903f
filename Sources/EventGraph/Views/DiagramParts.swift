/// A diagram's DOT document and, parallel to its statements, the ids of the actors, events
/// and relations each statement draws (empty for the legend). An animation shows a
/// statement from the first frame in which all of them exist.
struct DiagramParts: Sendable {
    var document: DOTDocument
    /// One entry per statement of ``document``.
    var owners: [[String]]
}
