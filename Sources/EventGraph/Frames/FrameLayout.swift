import Foundation

/// Where one layout of a ``FrameSequence``'s union put everything: read from Graphviz's
/// JSON output of ``FrameSequence/layoutDocument``, in which statement `i` is node `n<i>`
/// or the edge with id `e<i>`. Positions are in points, as Graphviz wrote them.
public struct FrameLayout: Sendable, Equatable {
    /// A statement's place: a node's centre `x,y`, or an edge's spline (`e,x,y x,y …`) and
    /// its label's centre.
    public struct Placement: Sendable, Equatable {
        public var pos: String
        public var labelPos: String?

        public init(pos: String, labelPos: String? = nil) {
            self.pos = pos
            self.labelPos = labelPos
        }
    }

    /// The bounding box: lower left and upper right corners.
    public var minX: Double, minY: Double, maxX: Double, maxY: Double
    /// By statement index.
    public var placements: [Int: Placement]

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double, placements: [Int: Placement]) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
        self.placements = placements
    }

    /// Reads Graphviz's `-Tjson` output of a laid-out ``FrameSequence/layoutDocument``.
    /// - Throws: ``FrameError/unreadableLayout(_:)`` when it is not such JSON.
    public init(graphvizJSON bytes: [UInt8]) throws(FrameError) {
        struct Object: Decodable { var name: String; var pos: String? }
        struct Edge: Decodable { var id: String?; var pos: String?; var lp: String? }
        struct Graph: Decodable { var bb: String; var objects: [Object]?; var edges: [Edge]? }
        let graph: Graph
        do { graph = try JSONDecoder().decode(Graph.self, from: Data(bytes)) } catch {
            throw .unreadableLayout("Graphviz's layout is not the JSON expected (\(error))")
        }
        let box = graph.bb.split(separator: ",").compactMap { Double($0) }
        guard box.count == 4, box.allSatisfy(\.isFinite) else { throw .unreadableLayout("Graphviz's layout has no bounding box") }
        var placements: [Int: Placement] = [:]
        for object in graph.objects ?? [] {
            guard object.name.first == "n", let index = Int(object.name.dropFirst()), let pos = object.pos else { continue }
            placements[index] = Placement(pos: pos)
        }
        for edge in graph.edges ?? [] {
            guard let id = edge.id, id.first == "e", let index = Int(id.dropFirst()), let pos = edge.pos else { continue }
            placements[index] = Placement(pos: pos, labelPos: edge.lp)
        }
        self.init(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3], placements: placements)
    }
}
