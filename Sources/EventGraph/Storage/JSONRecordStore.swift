/// Events and relations of JSON files loaded by ``LinkGraphLoader``, parsed back from the
/// mapped file bytes when asked for (the loader validated them already). Each look-up parses
/// one record: O(record size).
final class JSONRecordStore: LinkRecordSource, @unchecked Sendable {
    let files: [MappedFile]
    let links: LinkGraph
    let nodeFile: [UInt16]
    let nodeOffset: [Int]
    let schema: Schema

    init(files: [MappedFile], links: LinkGraph, nodeFile: [UInt16], nodeOffset: [Int], schema: Schema) {
        self.schema = schema
        self.files = files
        self.links = links
        self.nodeFile = nodeFile
        self.nodeOffset = nodeOffset
    }

    private func record(_ id: String, type: LinkGraph.NodeType) -> (JSONScanner, Int32)? {
        guard let node = links.node(id), links.type(node) == type, nodeOffset[node] >= 0 else { return nil }
        var scanner = JSONScanner(bytes: files[Int(nodeFile[node])].bytes, at: nodeOffset[node])
        guard let root = try? scanner.parseValue(), scanner[root].kind == .object else { return nil }
        return (scanner, root)
    }

    private static func pairs(_ s: JSONScanner, _ node: Int32) -> [(key: String, value: Int32)] {
        var result: [(String, Int32)] = []
        var key = s[node].first
        while key >= 0 {
            let value = s[key].next
            result.append((s.text(key), value))
            key = s[value].next
        }
        return result
    }

    private static func string(_ s: JSONScanner, _ node: Int32?) -> String? {
        guard let node, !s.isNull(node), s.isScalar(node) else { return nil }
        return s.text(node)
    }

    private static func strings(_ s: JSONScanner, _ node: Int32?) -> [String] {
        guard let node else { return [] }
        if s[node].kind == .array { return s.children(node).compactMap { string(s, $0) } }
        return string(s, node).map { [$0] } ?? []
    }

    private static func date(_ s: JSONScanner, _ node: Int32?) -> PartialDate? {
        guard let node else { return nil }
        if let fast = JSONRecordReader.fastDate(s, node) { return fast }
        return string(s, node).flatMap { try? PartialDate(parsing: $0) }
    }

    private static func evidence(_ s: JSONScanner, _ node: Int32?) -> [Evidence] {
        guard let node, s[node].kind == .array else { return [] }
        return s.children(node).compactMap { item in
            guard s[item].kind == .object else { return nil }
            let f = Dictionary(pairs(s, item), uniquingKeysWith: { a, _ in a })
            guard let source = string(s, f["source"]) else { return nil }
            return Evidence(source: source, quote: string(s, f["quote"]), note: string(s, f["note"]))
        }
    }

    func event(_ id: String) -> Event? {
        guard let (s, root) = record(id, type: .event) else { return nil }
        var f: [String: Int32] = [:]
        var roleValues: [String: Int32] = [:]
        for (key, value) in Self.pairs(s, root) where f[key] == nil && roleValues[key] == nil {
            if Event.fieldNames.contains(key) { f[key] = value } else { roleValues[key] = value }
        }
        let kind = Self.string(s, f["kind"]) ?? links.kind(links.node(id)!)
        let schemaKind = schema.eventKinds[kind]
        var roles: [RoleBinding] = []
        for role in schemaKind?.roles ?? [] {
            let ids = Self.strings(s, roleValues[role.name])
            if !ids.isEmpty { roles.append(RoleBinding(role: role.name, ids: ids)) }
        }
        let date: EventDate
        if let on = Self.date(s, f["date"]) {
            date = .on(on)
        } else if let start = Self.date(s, f["start"]), let end = Self.date(s, f["end"]) {
            date = .span(start: start, end: end)
        } else {
            return nil
        }
        var amount: Amount?
        if let node = f["amount"], !s.isNull(node) {
            if s.isScalar(node) {
                amount = Double(s.text(node).replacingUnderscores()).map { Amount(value: $0) }
            } else {
                let af = Dictionary(Self.pairs(s, node), uniquingKeysWith: { a, _ in a })
                if let value = Self.string(s, af["value"]).flatMap({ Double($0.replacingUnderscores()) }) {
                    amount = Amount(value: value, currency: Self.string(s, af["currency"]))
                }
            }
        }
        return Event(id: id, kind: kind, date: date, title: Self.string(s, f["title"]) ?? id,
                     description: Self.string(s, f["description"]), roles: roles, amount: amount,
                     status: Self.string(s, f["status"]).flatMap(EventStatus.init(rawValue:)),
                     claim: Self.string(s, f["claim"]).flatMap(Claim.init(rawValue:)) ?? .asserted,
                     claimedBy: Self.string(s, f["claimed_by"]),
                     dateBasis: Self.string(s, f["date_basis"]).flatMap(DateBasis.init(rawValue:)) ?? .stated,
                     dateNote: Self.string(s, f["date_note"]),
                     sources: Self.evidence(s, f["sources"]),
                     tags: f["tags"].map { Self.strings(s, $0) } ?? [])
    }

    func relation(_ id: String) -> Relation? {
        guard let (s, root) = record(id, type: .relation) else { return nil }
        let f = Dictionary(Self.pairs(s, root), uniquingKeysWith: { a, _ in a })
        guard let kind = Self.string(s, f["kind"]), let from = Self.string(s, f["from"]), let to = Self.string(s, f["to"]) else {
            return nil
        }
        return Relation(id: id, kind: kind, from: from, to: to, role: Self.string(s, f["role"]),
                        since: Self.date(s, f["since"]), until: Self.date(s, f["until"]),
                        sources: Self.evidence(s, f["sources"]))
    }
}
