/// Something a name on the command line can stand for.
public enum EntityReference: Hashable, Sendable {
    case actor(String)
    case event(String)

    public var id: String {
        switch self {
        case let .actor(id), let .event(id): id
        }
    }
}

/// Why a name could not be resolved.
public struct NameResolutionError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Nothing matches; the closest names, nearest first.
        case notFound(suggestions: [String])
        /// Several entities share the name; each candidate described as `id (name, kind)`.
        case ambiguous(candidates: [String])
    }

    public let name: String
    public let what: String
    public let reason: Reason

    public var description: String {
        switch reason {
        case let .notFound(suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
            return "no \(what) is named '\(name)'\(hint)"
        case let .ambiguous(candidates):
            return "'\(name)' is ambiguous: it names \(candidates.joined(separator: ", ")); use an id"
        }
    }
}

extension GraphView {
    /// Which kinds of entity a name may resolve to.
    public struct NameScope: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let actors = NameScope(rawValue: 1)
        public static let events = NameScope(rawValue: 2)
        public static let all: NameScope = [.actors, .events]
    }

    /// Resolves an id, a display name, a per-language name or an alias (events: id or title).
    ///
    /// An exact id wins; otherwise matching is case-insensitive over every name.
    /// - Parameters:
    ///   - name: what the user typed.
    ///   - scope: whether actors, events or both may match.
    /// - Returns: the single entity the name stands for.
    /// - Throws: ``NameResolutionError``: `.ambiguous` listing every candidate, or `.notFound`
    ///   with up to three closest names.
    /// - Complexity: O(A + E) over actors and events (no index is kept).
    public func resolve(_ name: String, scope: NameScope = .all) throws(NameResolutionError) -> EntityReference {
        let what = scope == .actors ? "actor" : scope == .events ? "event" : "actor or event"
        if scope.contains(.actors), actor(name) != nil { return .actor(name) }
        if scope.contains(.events), event(name) != nil { return .event(name) }
        let key = name.lowercased()
        var matches: [EntityReference] = []
        if scope.contains(.actors) {
            for actor in actors where actor.allNames.contains(where: { $0.lowercased() == key }) {
                matches.append(.actor(actor.id))
            }
        }
        if scope.contains(.events) {
            for event in events where event.id.lowercased() == key || event.title.lowercased() == key {
                matches.append(.event(event.id))
            }
        }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let candidates = matches.map { reference -> String in
                switch reference {
                case let .actor(id): let a = actor(id)!; return "\(id) (\(a.name), \(a.kind))"
                case let .event(id): let e = event(id)!; return "\(id) (\(e.title), \(e.kind) \(e.date))"
                }
            }
            throw NameResolutionError(name: name, what: what, reason: .ambiguous(candidates: candidates))
        }
        // Ids first, so a tie between an id and a name of the same actor offers the id.
        var pool: [String] = []
        if scope.contains(.actors) { pool += actors.map(\.id) + actors.flatMap { Array($0.allNames.dropFirst()) } }
        if scope.contains(.events) { pool += events.map(\.id) }
        throw NameResolutionError(name: name, what: what,
                                  reason: .notFound(suggestions: Suggestions.closest(to: name, among: pool)))
    }

    /// Resolves a name that must be an actor; returns its id.
    public func resolveActor(_ name: String) throws(NameResolutionError) -> String {
        try resolve(name, scope: .actors).id
    }
}

extension Actor {
    /// The id, display name, per-language names and aliases.
    public var allNames: [String] { [id, name] + names.map(\.name) + aliases }
}

extension GraphView {
    /// The node of an actor name (id, name, per-language name or alias; see ``resolve(_:scope:)``).
    /// - Throws: ``NameResolutionError`` when nothing or several actors match.
    public func resolveActorNode(_ name: String) throws(NameResolutionError) -> Int {
        let id = try resolveActor(name)
        guard let node = store.node(id) else {
            throw NameResolutionError(name: name, what: "actor", reason: .notFound(suggestions: []))
        }
        return node
    }

    /// The node of an actor, event or relation named on the command line: an actor or event
    /// name (as ``resolve(_:scope:)``), or a relation id.
    public func resolveNode(_ name: String) throws(NameResolutionError) -> Int {
        if let node = store.node(name), allows(node) { return node }
        let reference = try resolve(name, scope: .all)
        guard let node = store.node(reference.id) else {
            throw NameResolutionError(name: name, what: "actor or event", reason: .notFound(suggestions: []))
        }
        return node
    }
}

extension GraphView {
    /// The period named on the command line (`--period`): its id, or its title ignoring case.
    /// - Throws: ``NameResolutionError`` naming the closest period ids (or saying the graph has none).
    public func resolvePeriod(_ name: String) throws(NameResolutionError) -> Period {
        if let period = period(name) { return period }
        let matches = periods.filter { $0.title.lowercased() == name.lowercased() }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw NameResolutionError(name: name, what: "period", reason: .ambiguous(candidates: matches.map { "\($0.id) (\($0.title))" }))
        }
        let ids = periods.map(\.id)
        throw NameResolutionError(name: name, what: "period", reason: .notFound(suggestions: Suggestions.closest(to: name, among: ids)))
    }
}
