import Foundation

/// The typed vocabulary a graph is checked against: actor kinds (a tree through `is:`),
/// relation kinds and event kinds with their roles.
///
/// The built-in schema is the `schema.yaml` resource of this package (``Schema/builtIn``);
/// a graph file's `schema:` section adds kinds in the same form.
public struct Schema: Sendable {
    /// The pseudo-kind a role lists when it may name another event.
    public static let eventKindName = "event"

    public private(set) var actorKinds: [String: ActorKind] = [:]
    public private(set) var relationKinds: [String: RelationKind] = [:]
    public private(set) var eventKinds: [String: EventKind] = [:]
    /// Kind names in the order they were declared (built-in first), for legends and listings.
    public private(set) var actorKindOrder: [String] = []
    public private(set) var relationKindOrder: [String] = []
    public private(set) var eventKindOrder: [String] = []

    public init() {}

    /// Visual style of a kind, as declared in the schema.
    ///
    /// Values go into Graphviz attributes and HTML-like labels, so a style only ever holds
    /// valid ones (``StyleValue``): setting an invalid shape or colour leaves the field unset
    /// (the loader reports it as an error first).
    public struct Style: Hashable, Sendable {
        public var shape: String? {
            get { validShape }
            set { validShape = newValue.flatMap { StyleValue.isShape($0) ? $0 : nil } }
        }
        public var color: String? {
            get { validColor }
            set { validColor = newValue.flatMap { StyleValue.isColor($0) ? $0 : nil } }
        }
        public var fill: String? {
            get { validFill }
            set { validFill = newValue.flatMap { StyleValue.isColor($0) ? $0 : nil } }
        }
        public var dashed: Bool?
        private var validShape: String?
        private var validColor: String?
        private var validFill: String?

        public init(shape: String? = nil, color: String? = nil, fill: String? = nil, dashed: Bool? = nil) {
            self.dashed = dashed
            self.shape = shape
            self.color = color
            self.fill = fill
        }

        /// Fills unset fields from a parent style.
        func inheriting(_ parent: Style) -> Style {
            Style(shape: shape ?? parent.shape, color: color ?? parent.color,
                  fill: fill ?? parent.fill, dashed: dashed ?? parent.dashed)
        }
    }

    public struct ActorKind: Hashable, Sendable {
        public var name: String
        /// The parent kind (`is:`), nil for a root kind.
        public var parent: String?
        public var label: String
        public var style: Style
        public var location: SourceLocation?
        var parentLocation: SourceLocation?
    }

    public struct RelationKind: Hashable, Sendable {
        public var name: String
        /// Admitted actor kinds at each end; nil admits any actor.
        public var from: [String]?
        public var to: [String]?
        public var directed: Bool
        public var label: String
        public var style: Style
        public var location: SourceLocation?
        var fromLocation: SourceLocation?
        var toLocation: SourceLocation?
    }

    public struct Role: Hashable, Sendable {
        public var name: String
        /// Admitted actor kinds (and ``Schema/eventKindName``); nil admits any actor.
        public var kinds: [String]?
        public var required: Bool
        public var many: Bool
        var kindsLocation: SourceLocation?

        public var admitsEvents: Bool { kinds?.contains(Schema.eventKindName) ?? false }
    }

    public struct EventKind: Hashable, Sendable {
        public var name: String
        /// Roles in declaration order.
        public var roles: [Role]
        /// Which role an arrow starts from and which it points to when drawn between actors.
        public var edge: Edge?
        public var label: String
        public var style: Style
        public var location: SourceLocation?

        public func role(_ name: String) -> Role? { roles.first { $0.name == name } }
    }

    public struct Edge: Hashable, Sendable {
        public var from: String
        public var to: String
    }

    // MARK: Queries

    /// True when `kind` is `ancestor` or descends from it through `is:`.
    public func actorKind(_ kind: String, isA ancestor: String) -> Bool {
        var current: String? = kind
        var steps = 0
        while let name = current, steps <= actorKinds.count {
            if name == ancestor { return true }
            current = actorKinds[name]?.parent
            steps += 1
        }
        return false
    }

    /// True when an actor of `kind` may fill a slot admitting `admitted` (nil: anything).
    public func admits(_ admitted: [String]?, actorKind kind: String) -> Bool {
        guard let admitted else { return true }
        return admitted.contains { $0 != Schema.eventKindName && actorKind(kind, isA: $0) }
    }

    /// The style of an actor kind with unset fields inherited from its ancestors.
    public func style(ofActorKind kind: String) -> Style {
        var style = Style()
        var current: String? = kind
        var steps = 0
        while let name = current, let info = actorKinds[name], steps <= actorKinds.count {
            style = style.inheriting(info.style)
            current = info.parent
            steps += 1
        }
        return style
    }

    /// The root of an actor kind's tree (`company` → `organization`).
    public func rootKind(of kind: String) -> String {
        var current = kind
        var steps = 0
        while let parent = actorKinds[current]?.parent, steps <= actorKinds.count {
            current = parent
            steps += 1
        }
        return current
    }

    // MARK: Building

    mutating func add(_ kind: ActorKind) {
        if actorKinds[kind.name] == nil { actorKindOrder.append(kind.name) }
        actorKinds[kind.name] = kind
    }

    mutating func add(_ kind: RelationKind) {
        if relationKinds[kind.name] == nil { relationKindOrder.append(kind.name) }
        relationKinds[kind.name] = kind
    }

    mutating func add(_ kind: EventKind) {
        if eventKinds[kind.name] == nil { eventKindOrder.append(kind.name) }
        eventKinds[kind.name] = kind
    }

    /// The schema shipped with the package (`Resources/schema.yaml`, compiled into the binary
    /// by the `EmbedResources` plugin, so no resource bundle is needed at run time).
    public static let builtIn: Schema = {
        do {
            return try Schema(yaml: EmbeddedResources.schemaYaml, file: "schema.yaml")
        } catch {
            fatalError("EventGraph's built-in schema is invalid:\n\(error)")
        }
    }()
}
