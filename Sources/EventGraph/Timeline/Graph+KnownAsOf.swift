/// The second time axis: when things became known, by the publication dates of sources.
///
/// A source counts as published by a date `D` when its whole `published` interval ends on or
/// before the last day of `D`: a source published `2025-11` is known by `2025-11` and by
/// `2025-12-01`, but not by `2025-11-15` (it may have appeared on the 20th). A source without
/// a `published` date is never counted as known: nothing shows it was out by then. This is
/// deliberately stricter than `--as-of` (which keeps what *may* have happened), because
/// known-as-of answers "what could an analyst have read by then", where hindsight must not leak.
extension Source {
    /// Whether this source had certainly been published by the end of `date`.
    /// - Parameter date: the known-as-of date.
    /// - Returns: false for a source without a `published` date.
    public func isPublished(by date: PartialDate) -> Bool {
        guard let published else { return false }
        return published.interval.last <= date.interval.last
    }
}

extension GraphView {
    /// The ids of the sources certainly published by the end of `date` (see
    /// ``Source/isPublished(by:)``).
    /// - Complexity: O(S).
    public func sourcesKnown(by date: PartialDate) -> Set<String> {
        Set(sources.filter { $0.isPublished(by: date) }.map(\.id))
    }

    /// The sources without a `published` date, by id: they never count as known.
    public var undatedSources: [String] {
        sources.filter { $0.published == nil }.map(\.id)
    }
}
