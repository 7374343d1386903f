/// "Did you mean" suggestions by edit distance.
enum Suggestions {
    /// Up to `limit` candidates closest to `word` (case-insensitive), nearest first; ties keep
    /// the candidates' order, and names differing only in case are offered once.
    static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        let threshold = max(2, target.count / 3)
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0.lowercased()).inserted }
        return unique.enumerated()
            .map { (index: $0.offset, name: $0.element, distance: distance(target, Array($0.element.lowercased()))) }
            .filter { $0.distance <= threshold }
            .sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
            .prefix(limit)
            .map(\.name)
    }

    /// `; did you mean 'a' or 'b'?`, or an empty string.
    static func phrase(for word: String, among candidates: [String]) -> String {
        let found = closest(to: word, among: candidates)
        guard !found.isEmpty else { return "" }
        return "; did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
