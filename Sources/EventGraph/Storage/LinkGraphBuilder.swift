/// Collects nodes and connections in any order and builds a ``LinkGraph``: sorts the nodes by
/// id bytes, renumbers, and lays the connections out as CSR rows sorted by neighbour.
///
/// - Complexity: O(N log N) for the id sort (N nodes) plus O(M log d) for the rows (M
///   connections, d the largest degree); memory about 10 bytes per connection while building.
struct LinkGraphBuilder {
    private var idBytes: [UInt8] = []
    private var idStarts: [Int32] = [0]
    private var types: [UInt8] = []
    private var kinds: [UInt16] = []
    private var firsts: [Int32] = []
    private var lasts: [Int32] = []
    private var claims: [UInt8] = []

    private var kindIndex = NameIndex()
    var kindNames: [String] { kindIndex.names }
    private var roleIndex = NameIndex()
    var roleNames: [String] { roleIndex.names }

    private var incLink: [Int32] = []
    private var incMember: [Int32] = []
    private var incRole: [UInt16] = []

    init(expectedNodes: Int = 0, expectedConnections: Int = 0) {
        idStarts.reserveCapacity(expectedNodes + 1)
        idBytes.reserveCapacity(expectedNodes * 8)
        types.reserveCapacity(expectedNodes)
        kinds.reserveCapacity(expectedNodes)
        firsts.reserveCapacity(expectedNodes)
        lasts.reserveCapacity(expectedNodes)
        claims.reserveCapacity(expectedNodes)
        incLink.reserveCapacity(expectedConnections)
        incMember.reserveCapacity(expectedConnections)
        incRole.reserveCapacity(expectedConnections)
    }

    var nodeCount: Int { types.count }

    /// The number of a kind name, numbered in the order first seen.
    mutating func internKind(_ name: String) -> UInt16 { kindIndex.number(name) }

    /// The number of a role name, numbered in the order first seen.
    mutating func internRole(_ name: String) -> UInt16 { roleIndex.number(name) }

    /// Adds a node; returns its provisional index (valid for ``connect(link:member:role:)``).
    mutating func addNode(id: String, type: LinkGraph.NodeType, kind: UInt16,
                          interval: DayInterval? = nil, claim: Claim = .asserted) -> Int {
        idBytes.append(contentsOf: id.utf8)
        return finishNode(type: type, kind: kind, interval: interval, claim: claim)
    }

    /// Adds a node whose id is given as UTF-8 bytes (an interned symbol's).
    mutating func addNode(idBytes id: ArraySlice<UInt8>, type: LinkGraph.NodeType, kind: UInt16,
                          interval: DayInterval? = nil, claim: Claim = .asserted) -> Int {
        idBytes.append(contentsOf: id)
        return finishNode(type: type, kind: kind, interval: interval, claim: claim)
    }

    private mutating func finishNode(type: LinkGraph.NodeType, kind: UInt16, interval: DayInterval?, claim: Claim) -> Int {
        idStarts.append(Int32(idBytes.count))
        types.append(type.rawValue)
        kinds.append(kind)
        firsts.append(interval.map { LinkGraphBuilder.clampDay($0.first) } ?? 0)
        lasts.append(interval.map { LinkGraphBuilder.clampDay($0.last) } ?? 0)
        claims.append(UInt8(Claim.allCases.firstIndex(of: claim)!))
        return types.count - 1
    }

    /// Indices 0..<n ordered by `keys` (stable LSD radix sort, 16-bit digits).
    static func radixOrder(_ keys: [UInt64]) -> [Int32] {
        let n = keys.count
        var order = [Int32](0..<Int32(n))
        var scratch = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            for i in counts.indices { counts[i] = 0 }
            for key in keys { counts[Int((key >> shift) & 0xFFFF)] += 1 }
            if counts.contains(n) { continue }
            var sum = 0
            for i in counts.indices {
                let c = counts[i]
                counts[i] = sum
                sum += c
            }
            for index in order {
                let digit = Int((keys[Int(index)] >> shift) & 0xFFFF)
                scratch[counts[digit]] = index
                counts[digit] += 1
            }
            swap(&order, &scratch)
        }
        return order
    }

    static func clampDay(_ day: Int) -> Int32 {
        Int32(min(max(day, Int(LinkGraph.dayMin)), Int(LinkGraph.dayMax)))
    }

    /// Connects a link (event or relation) to a node it names, by a role.
    mutating func connect(link: Int, member: Int, role: UInt16) {
        incLink.append(Int32(link))
        incMember.append(Int32(member))
        incRole.append(role)
    }

    /// Step 1 of ``build(alongside:)``: the nodes ordered by id bytes (8-byte big-endian prefix
    /// keys first, then the bytes), and each node's position in that order.
    private func sortedByID() -> (order: [Int32], rank: [Int32]) {
        let n = types.count
        var prefix = [UInt64](repeating: 0, count: n)
        idBytes.withUnsafeBufferPointer { b in
            for i in 0..<n {
                let s = Int(idStarts[i]), e = Int(idStarts[i + 1])
                var key: UInt64 = 0
                for j in 0..<8 {
                    key <<= 8
                    if s + j < e { key |= UInt64(b[s + j]) }
                }
                prefix[i] = key
            }
        }
        var order = LinkGraphBuilder.radixOrder(prefix)
        // Runs of equal 8-byte prefixes: order by the remaining bytes, then length, then input order.
        idBytes.withUnsafeBufferPointer { b in
            idStarts.withUnsafeBufferPointer { st in
                var i = 0
                while i < n {
                    var j = i + 1
                    while j < n && prefix[Int(order[j])] == prefix[Int(order[i])] { j += 1 }
                    if j - i > 1 {
                        order[i..<j].sort { x, y in
                            let sx = Int(st[Int(x)]), ex = Int(st[Int(x) + 1])
                            let sy = Int(st[Int(y)]), ey = Int(st[Int(y) + 1])
                            let lx = ex - sx, ly = ey - sy
                            var k = 8
                            while k < lx && k < ly {
                                let cx = b[sx + k], cy = b[sy + k]
                                if cx != cy { return cx < cy }
                                k += 1
                            }
                            if lx != ly { return lx < ly }
                            return x < y
                        }
                    }
                    i = j
                }
            }
        }
        var rank = [Int32](repeating: 0, count: n)
        for (newIndex, old) in order.enumerated() { rank[Int(old)] = Int32(newIndex) }
        return (order, rank)
    }

    /// The node columns in their new order (step 2 of ``build(alongside:)``).
    private struct Permuted: Sendable {
        var types: [UInt8], kinds: [UInt16], firsts: [Int32], lasts: [Int32], claims: [UInt8]
        var idBytes: [UInt8], idStarts: [Int32]
    }

    /// Sorts the nodes by id, renumbers them and lays the connections out as CSR rows.
    /// `alongside` gets every node's new index (in the order the nodes were added) and runs
    /// on another thread with the permutation of the node columns, while this one lays out
    /// the rows. Consumes the builder's buffers.
    mutating func build<Extra: Sendable>(alongside: @escaping @Sendable (_ rank: [Int32]) -> Extra) -> (graph: LinkGraph, extra: Extra) {
        let n = types.count
        let (order, rank) = sortedByID()

        // 2. Permute attributes and ids (on another thread, with the caller's work).
        let (types, kinds, firsts, lasts, claims, idBytes, idStarts) = (self.types, self.kinds, self.firsts, self.lasts, self.claims,
                                                                        self.idBytes, self.idStarts)
        self.types = []; self.kinds = []; self.firsts = []; self.lasts = []; self.claims = []; self.idBytes = []; self.idStarts = []
        let side = BackgroundWork { () -> (Permuted, Extra) in
            var p = Permuted(types: [UInt8](repeating: 0, count: n), kinds: [UInt16](repeating: 0, count: n),
                             firsts: [Int32](repeating: 0, count: n), lasts: [Int32](repeating: 0, count: n),
                             claims: [UInt8](repeating: 0, count: n), idBytes: [], idStarts: [0])
            p.idBytes.reserveCapacity(idBytes.count)
            p.idStarts.reserveCapacity(n + 1)
            for (i, old32) in order.enumerated() {
                let old = Int(old32)
                p.types[i] = types[old]
                p.kinds[i] = kinds[old]
                p.firsts[i] = firsts[old]
                p.lasts[i] = lasts[old]
                p.claims[i] = claims[old]
                p.idBytes.append(contentsOf: idBytes[Int(idStarts[old])..<Int(idStarts[old + 1])])
                p.idStarts.append(Int32(p.idBytes.count))
            }
            return (p, alongside(rank))
        }

        // 3. CSR rows.
        let m = incLink.count
        var degree = [Int32](repeating: 0, count: n + 1)
        for i in 0..<m {
            degree[Int(rank[Int(incLink[i])])] += 1
            degree[Int(rank[Int(incMember[i])])] += 1
        }
        var offsets = [Int32](repeating: 0, count: n + 1)
        var running: Int32 = 0
        for i in 0..<n {
            offsets[i] = running
            running += degree[i]
        }
        offsets[n] = running
        var fill = Array(offsets[0..<n])
        var neighbors: [Int32] = HugePages.array(repeating: 0, count: Int(running))
        var roles: [UInt16] = HugePages.array(repeating: 0, count: Int(running))
        for i in 0..<m {
            let link = Int(rank[Int(incLink[i])]), member = Int(rank[Int(incMember[i])])
            let role = incRole[i]
            var slot = Int(fill[link]); fill[link] += 1
            neighbors[slot] = Int32(member); roles[slot] = role
            slot = Int(fill[member]); fill[member] += 1
            neighbors[slot] = Int32(link); roles[slot] = role | LinkGraph.participantFlag
        }
        incLink = []; incMember = []; incRole = []; fill = []; degree = []

        // 4. Sort each row by neighbour (keeping the first role of duplicates), compact.
        var keys: [UInt64] = []
        var rowRoles: [UInt16] = []
        var write = 0
        var newOffsets = [Int32](repeating: 0, count: n + 1)
        for node in 0..<n {
            let s = Int(offsets[node]), e = Int(offsets[node + 1])
            newOffsets[node] = Int32(write)
            if e - s == 1 {
                neighbors[write] = neighbors[s]; roles[write] = roles[s]; write += 1
                continue
            }
            keys.removeAll(keepingCapacity: true)
            rowRoles.removeAll(keepingCapacity: true)
            var sorted = true
            for j in s..<e {
                keys.append(UInt64(UInt32(neighbors[j])) << 32 | UInt64(j - s))
                rowRoles.append(roles[j])
                if j > s && neighbors[j] <= neighbors[j - 1] { sorted = false }
            }
            if !sorted { keys.sort() }
            var last: Int32 = -1
            for key in keys {
                let nb = Int32(truncatingIfNeeded: key >> 32)
                if nb == last { continue }
                last = nb
                neighbors[write] = nb
                roles[write] = rowRoles[Int(key & 0xffff_ffff)]
                write += 1
            }
        }
        newOffsets[n] = Int32(write)
        if write < neighbors.count {
            neighbors.removeLast(neighbors.count - write)
            roles.removeLast(roles.count - write)
        }
        let (p, extra) = side.wait()
        // Mark link neighbours in the sign bit.
        for slot in 0..<write where p.types[Int(neighbors[slot])] != 0 { neighbors[slot] |= Int32.min }
        let graph = LinkGraph(types: p.types, kinds: p.kinds, firsts: p.firsts, lasts: p.lasts, claims: p.claims,
                              offsets: newOffsets, neighbors: neighbors, roles: roles,
                              kindNames: kindNames, roleNames: roleNames,
                              ids: IDTable(bytes: p.idBytes, starts: p.idStarts))
        return (graph, extra)
    }
}
