import Foundation

/// The one correspondence between FollowTheMoney schemata and EventGraph kinds, used by
/// ``FtMImporter`` and ``FtMExporter`` (docs/import.md, "FollowTheMoney").
enum FtMSchemaMap {
    /// Whether actors carry lifespans (`since`/`until`, format.md "Lifespans") in this build.
    static let lifespans = true

    /// FtM legal entities → actor kinds.
    static let actorKind: [String: String] = [
        "Person": "person", "Company": "company", "Organization": "organization",
        "PublicBody": "government", "LegalEntity": "legal-entity",
    ]

    /// An FtM interest or link → relation: the property that points from, the one that points
    /// to, the relation kind, and the property that gives the relation's role.
    struct Link: Sendable {
        let from: String
        let to: String
        let kind: String
        let roleProperty: String
    }

    static let links: [String: Link] = [
        "Ownership": Link(from: "owner", to: "asset", kind: "owns", roleProperty: "role"),
        "Directorship": Link(from: "director", to: "organization", kind: "directs", roleProperty: "role"),
        "Membership": Link(from: "member", to: "organization", kind: "member-of", roleProperty: "role"),
        "Employment": Link(from: "employee", to: "employer", kind: "works-for", roleProperty: "role"),
        "Family": Link(from: "person", to: "relative", kind: "family", roleProperty: "relationship"),
        "Associate": Link(from: "person", to: "associate", kind: "associate", roleProperty: "relationship"),
        "UnknownLink": Link(from: "subject", to: "object", kind: "related-to", roleProperty: "role"),
    ]

    /// FtM intervals → events: the event kind and which entity properties fill which roles.
    struct EventShape: Sendable {
        let kind: String
        let roles: [(String, String)]
    }

    static let events: [String: EventShape] = [
        "Event": EventShape(kind: "other", roles: [("involved", "involved"), ("organizer", "involved")]),
        "Payment": EventShape(kind: "payment", roles: [("payer", "payer"), ("beneficiary", "beneficiary")]),
        "Sanction": EventShape(kind: "sanction", roles: [("entity", "entity")]),
    ]

    static func section(of schema: String) -> ImportRecords.Section? {
        if actorKind[schema] != nil { return .actors }
        if links[schema] != nil { return .relations }
        if events[schema] != nil { return .events }
        return nil
    }

    /// The FtM schema an actor of this kind (or a kind under it) is written as; nil when none fits.
    static func canonicalSchema(ofActorKind kind: String) -> String? {
        switch kind {
        case "person": "Person"
        case "company": "Company"
        case "government": "PublicBody"
        case "legal-entity": "LegalEntity"
        case "organization", "fund", "institution": "Organization"
        default: nil
        }
    }

    static func canonicalSchema(ofRelationKind kind: String) -> String {
        switch kind {
        case "owns": "Ownership"
        case "directs", "leads": "Directorship"
        case "member-of", "part-of": "Membership"
        case "works-for", "works-at": "Employment"
        case "family": "Family"
        case "associate": "Associate"
        default: "UnknownLink"
        }
    }

    /// The FtM schemata each legal-entity schema is (its own and its ancestors'), for ranges.
    static let ancestry: [String: Set<String>] = [
        "Person": ["Person", "LegalEntity", "Thing"],
        "LegalEntity": ["LegalEntity", "Thing"],
        "Organization": ["Organization", "LegalEntity", "Thing"],
        "Company": ["Company", "Organization", "LegalEntity", "Asset", "Thing"],
        "PublicBody": ["PublicBody", "Organization", "LegalEntity", "Thing"],
    ]

    /// The schema each link end must be (FtM's property ranges).
    static let ranges: [String: (from: String, to: String)] = [
        "Ownership": ("LegalEntity", "Asset"), "Directorship": ("LegalEntity", "Organization"),
        "Membership": ("LegalEntity", "Organization"), "Employment": ("Person", "Organization"),
        "Family": ("Person", "Person"), "Associate": ("Person", "Person"), "UnknownLink": ("Thing", "Thing"),
    ]

    static func fits(_ schema: String, _ range: String) -> Bool { ancestry[schema]?.contains(range) ?? false }

    /// The kinds FtM needs beyond the built-in schema, added to every FtM import's `schema:`.
    /// Relations between legal entities admit any actor (FtM's ranges are wider than EventGraph's).
    static let schemaExtension = """
        {"actor-kinds":{"legal-entity":{"is":"organization","label":"Legal entity"}},\
        "relation-kinds":{\
        "directs":{"directed":true,"label":"directs"},\
        "member-of":{"directed":true,"label":"member of"},\
        "works-for":{"directed":true,"label":"works for"},\
        "family":{"directed":true,"label":"family"},\
        "associate":{"directed":false,"label":"associate of"}},\
        "event-kinds":{\
        "payment":{"label":"Payment","roles":{"payer":{"required":true,"many":true},"beneficiary":{"required":true,"many":true}},"edge":{"from":"payer","to":"beneficiary"}},\
        "sanction":{"label":"Sanction","roles":{"entity":{"required":true,"many":true}}}}}
        """

    /// Sorted, compact JSON of a kept-properties object.
    static func compactJSON(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The kept FtM object in a description or note (`ftm: {…}`), if any.
    static func kept(in text: String?) -> [String: Any]? {
        guard let text else { return nil }
        for line in text.split(separator: "\n").reversed() where line.hasPrefix("ftm: ") {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(5).utf8)) as? [String: Any] { return object }
        }
        return nil
    }

    /// A description without its `ftm:` line.
    static func withoutKept(_ text: String?) -> String? {
        guard let text else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("ftm: {") }
        let joined = lines.joined(separator: "\n")
        return joined.isEmpty ? nil : joined
    }
}
