/// Something that happened at a date, with participants in roles.
public struct Event: Hashable, Sendable, Identifiable {
    public var id: String
    /// An event kind of the schema (`acquisition`, `statement`, …).
    public var kind: String
    public var date: EventDate
    public var title: String
    public var description: String?
    /// Participants by role, in the order the kind declares its roles.
    public var roles: [RoleBinding]
    public var amount: Amount?
    public var status: EventStatus?
    public var claim: Claim
    public var claimedBy: String?
    public var dateBasis: DateBasis
    public var dateNote: String?
    /// Where a date taken from outside the sources comes from (`date_basis: external`).
    public var dateSource: String?
    /// The date as given relative to other events (`after:`, `before:`, `within:`); ``date``
    /// is then what the loader resolved.
    public var relativeDate: RelativeDate?
    public var sources: [Evidence]
    public var tags: [String]
    public var location: SourceLocation?

    public init(id: String, kind: String, date: EventDate, title: String, description: String? = nil, roles: [RoleBinding] = [],
                amount: Amount? = nil, status: EventStatus? = nil, claim: Claim = .asserted,
                claimedBy: String? = nil, dateBasis: DateBasis = .stated, dateNote: String? = nil, dateSource: String? = nil,
                relativeDate: RelativeDate? = nil, sources: [Evidence] = [], tags: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.date = date
        self.title = title
        self.description = description
        self.roles = roles
        self.amount = amount
        self.status = status
        self.claim = claim
        self.claimedBy = claimedBy
        self.dateBasis = dateBasis
        self.dateNote = dateNote
        self.dateSource = dateSource
        self.relativeDate = relativeDate
        self.sources = sources
        self.tags = tags
        self.location = location
    }

    /// The ids filling a role (empty when the role is not given).
    public func participants(_ role: String) -> [String] {
        roles.first(where: { $0.role == role })?.ids ?? []
    }

    /// Every id named in any role, in role order.
    public var allParticipants: [String] { roles.flatMap(\.ids) }
}

/// The ids that fill one role of an event.
public struct RoleBinding: Hashable, Sendable {
    public var role: String
    public var ids: [String]

    public init(role: String, ids: [String]) {
        self.role = role
        self.ids = ids
    }
}

/// A sum of money.
public struct Amount: Hashable, Sendable, CustomStringConvertible {
    public var value: Double
    public var currency: String?

    public init(value: Double, currency: String? = nil) {
        self.value = value
        self.currency = currency
    }

    /// `USD 2,000,000,000` style, without locale dependence.
    public var description: String {
        let whole = value.rounded() == value && abs(value) < 1e18
        var digits = whole ? String(Int64(value)) : String(value)
        if whole {
            let negative = digits.hasPrefix("-")
            if negative { digits.removeFirst() }
            var grouped = ""
            for (i, c) in digits.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            digits = (negative ? "-" : "") + String(grouped.reversed())
        }
        return currency.map { "\($0) \(digits)" } ?? digits
    }
}

/// Where an event stands.
public enum EventStatus: String, CaseIterable, Sendable {
    case announced, completed, blocked, cancelled
    case underReview = "under-review"
}

/// How firmly the sources assert an event.
public enum Claim: String, CaseIterable, Sendable {
    case asserted, reported, claimed, disputed, denied, retracted
}

/// Where an event's date comes from (its provenance).
public enum DateBasis: String, CaseIterable, Sendable {
    /// The source states the date.
    case stated
    /// Worked out from the source: a relative date ("last September") resolved against the
    /// source's publication date, or an order the text gives.
    case derived
    /// Taken from outside the sources; `date_source` says where from.
    case external
    /// A placement: the editor put the event there without a basis in any source.
    case placed
    /// Not stated by the source, without saying how it was found (the first release's word).
    case inferred

    /// True for every basis but ``stated``.
    public var isInferred: Bool { self != .stated }
}

extension Event {
    /// Where the date comes from, as outputs show it (nil for a stated date):
    /// `date derived: <note>`, `date external (from <date_source>): <note>`, `date placed`,
    /// and for a relative date `date after e1, within 7 days`.
    public var dateProvenance: String? {
        guard dateBasis != .stated || relativeDate != nil else { return nil }
        var text = "date"
        if dateBasis != .stated { text += " \(dateBasis.rawValue)" }
        if let dateSource { text += " (from \(dateSource))" }
        if let relativeDate { text += (dateBasis != .stated ? ", " : " ") + relativeDate.description }
        if let dateNote { text += ": \(dateNote)" }
        return text
    }
}
