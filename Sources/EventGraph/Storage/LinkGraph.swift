/// The graph that paths walk, in compact form: one node per actor, event and relation
/// (integer indices), and a CSR adjacency of their connections with interned role names.
///
/// Node indices follow the byte order of the node ids (actors, events and relations sorted
/// together), so comparing index sequences compares id sequences: every "smallest path"
/// tie-break in the algorithms is the lexicographic order of node ids.
///
/// Connections are undirected and stored from both ends. An event is connected to every actor
/// or event named in its roles (labelled with the role), a relation to its `from` and `to`
/// actors (labelled `from` and `to`). Each stored connection also records whether the row's
/// node is the participant (``isParticipantSide(_:)``), so the direction "event names X" is not
/// lost. Between two nodes at most one connection is kept: the first role, in the event's role
/// order.
///
/// Memory: about 4 + 2 bytes per stored connection end, 12 bytes per node for the attributes
/// and the ids themselves (arena of bytes).
/// Built with ``LinkGraphBuilder``; immutable and `Sendable`.
public final class LinkGraph: Sendable {
    /// What a node is.
    public enum NodeType: UInt8, Sendable, CaseIterable {
        case actor = 0, event = 1, relation = 2

        /// `actor`, `event` or `relation` (the words of the JSON output).
        public var name: String {
            switch self {
            case .actor: "actor"
            case .event: "event"
            case .relation: "relation"
            }
        }
    }

    /// Day number used for "no lower bound" (an undated relation's open `since`).
    public static let dayMin: Int32 = Int32.min / 4
    /// Day number used for "no upper bound".
    public static let dayMax: Int32 = Int32.max / 4

    /// Sentinel in ``roles`` high bit: the row's node is the participant, the neighbour is the
    /// link (event or relation) naming it.
    static let participantFlag: UInt16 = 0x8000

    public let nodeCount: Int
    public let actorCount: Int
    public let eventCount: Int
    public let relationCount: Int

    let types: [UInt8]
    /// Kind name index into ``kindNames`` (actor, event or relation kind).
    let kinds: [UInt16]
    /// Date interval of a node (events: their date or span; relations: since…until; actors:
    /// their lifespan, since…until), open sides at ``dayMin``/``dayMax``.
    let firsts: [Int32]
    let lasts: [Int32]
    /// `Claim` raw index of an event (0 = asserted); 0 otherwise.
    let claims: [UInt8]
    /// CSR: the connections of node `n` are `offsets[n] ..< offsets[n + 1]`.
    let offsets: [Int32]
    /// Neighbour node indices, the sign bit set when the neighbour is a link (so the hot loops
    /// need not look its type up). Decode with ``neighbor(_:)``.
    let neighbors: [Int32]
    let roles: [UInt16]

    public let kindNames: [String]
    public let roleNames: [String]
    let ids: IDTable

    init(types: [UInt8], kinds: [UInt16], firsts: [Int32], lasts: [Int32], claims: [UInt8],
         offsets: [Int32], neighbors: [Int32], roles: [UInt16], kindNames: [String], roleNames: [String], ids: IDTable) {
        self.types = types
        self.kinds = kinds
        self.firsts = firsts
        self.lasts = lasts
        self.claims = claims
        self.offsets = offsets
        self.neighbors = neighbors
        self.roles = roles
        self.kindNames = kindNames
        self.roleNames = roleNames
        self.ids = ids
        nodeCount = types.count
        var counts = [0, 0, 0]
        for t in types { counts[Int(t)] += 1 }
        actorCount = counts[0]
        eventCount = counts[1]
        relationCount = counts[2]
    }

    /// The node index of a raw ``neighbors`` entry.
    @inline(__always) static func neighbor(_ raw: Int32) -> Int { Int(raw & Int32.max) }

    // MARK: Nodes

    /// The node with this id (actor, event or relation id), if any. O(log N).
    public func node(_ id: String) -> Int? { ids.lookup(id) }

    /// The id of a node.
    public func id(_ node: Int) -> String { ids.string(node) }

    /// Calls `body` with the UTF-8 bytes of a node's id, in place.
    func withIDBytes<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { ids.withBytes(node, body) }

    public func type(_ node: Int) -> NodeType { NodeType(rawValue: types[node])! }

    /// True for events and relations (the nodes a path's length counts).
    @inline(__always) public func isLink(_ node: Int) -> Bool { types[node] != 0 }

    /// The kind name of a node (`company`, `acquisition`, `leads`).
    public func kind(_ node: Int) -> String { kindNames[Int(kinds[node])] }

    /// The interned kind index (compare against ``kindIndex(_:)``).
    public func kindIndex(of node: Int) -> Int { Int(kinds[node]) }

    /// The index of a kind name in ``kindNames``, if any node uses it.
    public func kindIndex(_ name: String) -> Int? { kindNames.firstIndex(of: name) }

    /// The days a link may have taken place on (events) or held (relations; unbounded sides at
    /// ``dayMin``/``dayMax``).
    public func interval(_ node: Int) -> DayInterval {
        DayInterval(first: Int(firsts[node]), last: Int(lasts[node]))
    }

    /// The claim of an event (`asserted` for anything else).
    public func claim(_ node: Int) -> Claim { Claim.allCases[Int(claims[node])] }

    // MARK: Connections

    /// The connections of a node, ascending by neighbour index (= neighbour id order).
    public func connections(_ node: Int) -> Connections {
        Connections(graph: self, range: Int(offsets[node])..<Int(offsets[node + 1]))
    }

    public func degree(_ node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }

    /// The role name on the connection between two nodes (a role, or `from`/`to` of a
    /// relation), nil if they are not connected. O(log degree).
    public func role(between a: Int, and b: Int) -> String? {
        guard let slot = slot(from: a, to: b) else { return nil }
        return roleNames[Int(roles[slot] & ~Self.participantFlag)]
    }

    /// The position of the connection `a → b` in the CSR arrays (binary search).
    func slot(from a: Int, to b: Int) -> Int? {
        var lo = Int(offsets[a]), hi = Int(offsets[a + 1])
        let target = Int32(b)
        while lo < hi {
            let mid = (lo + hi) / 2
            if neighbors[mid] & Int32.max < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(offsets[a + 1]) && neighbors[lo] & Int32.max == target ? lo : nil
    }

    /// True when `participant` fills a role of the link `link` (rather than `link` naming …).
    public func isParticipantSide(_ node: Int, of other: Int) -> Bool {
        guard let slot = slot(from: node, to: other) else { return false }
        return roles[slot] & Self.participantFlag != 0
    }

    /// The connections of one node.
    public struct Connections: RandomAccessCollection, Sendable {
        let graph: LinkGraph
        let range: Range<Int>

        public struct Element: Sendable, Hashable {
            /// The node at the other end.
            public let node: Int
            /// The role index (into ``LinkGraph/roleNames``).
            public let role: Int
            /// True when the row's node fills a role of `node` (`node` is an event or relation
            /// naming it); false when the row's node is the link naming `node`.
            public let isParticipant: Bool
        }

        public var startIndex: Int { range.lowerBound }
        public var endIndex: Int { range.upperBound }
        public subscript(position: Int) -> Element {
            let r = graph.roles[position]
            return Element(node: LinkGraph.neighbor(graph.neighbors[position]), role: Int(r & ~LinkGraph.participantFlag),
                           isParticipant: r & LinkGraph.participantFlag != 0)
        }
    }

    /// Number of stored connection ends (twice the number of connections).
    public var connectionEndCount: Int { neighbors.count }

    /// Approximate bytes held by the arrays of this graph (not counting record sources).
    public var storageBytes: Int {
        types.count + kinds.count * 2 + firsts.count * 4 + lasts.count * 4 + claims.count
            + offsets.count * 4 + neighbors.count * 4 + roles.count * 2 + ids.storageBytes
    }
}

/// Node ids in one byte arena, in node order — which is the byte order of the ids, so a
/// look-up is a binary search: O(log N) comparisons and no index beside the bytes.
struct IDTable: Sendable {
    /// Concatenated UTF-8 bytes of every id, in node order.
    let bytes: [UInt8]
    /// `starts[n] ..< starts[n + 1]` are the bytes of node `n`.
    let starts: [Int32]

    init(bytes: [UInt8], starts: [Int32]) {
        self.bytes = bytes
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    func string(_ n: Int) -> String {
        String(decoding: bytes[Int(starts[n])..<Int(starts[n + 1])], as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of node `n`'s id, in place.
    func withBytes<R>(_ n: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let s = Int(starts[n]), e = Int(starts[n + 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    func lookup(_ id: String) -> Int? {
        var key = id
        return key.withUTF8 { lookup(bytes: $0) }
    }

    /// The node whose id is `key`. Several nodes may share an id only in malformed input (a
    /// relation id equal to an actor id); the first is returned.
    func lookup(bytes key: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            func compare(_ n: Int) -> Int {
                let s = Int(starts[n]), e = Int(starts[n + 1])
                let m = min(e - s, key.count)
                for i in 0..<m {
                    let x = b[s + i], y = key[i]
                    if x != y { return x < y ? -1 : 1 }
                }
                return (e - s) == key.count ? 0 : ((e - s) < key.count ? -1 : 1)
            }
            var lo = 0, hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if compare(mid) < 0 { lo = mid + 1 } else { hi = mid }
            }
            return lo < count && compare(lo) == 0 ? lo : nil
        }
    }

    var storageBytes: Int { bytes.count + starts.count * 4 }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
