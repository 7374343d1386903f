import Yams

/// Builds a ``Graph`` from parsed documents in three passes: schema sections, records,
/// then cross-references. Collects diagnostics instead of stopping.
struct GraphAssembler {
    private var schema: Schema
    private var readers: [NodeReader] = []
    private var diagnostics: [Diagnostic] = []
    /// The parsed top levels, kept until every schema section has been read.
    private var tops: [(reader: NodeReader, fields: [String: NodeReader.Entry])] = []

    private var title: (String, SourceLocation)?
    private var description: (String, SourceLocation)?
    private var definitions: [String: SourceLocation] = [:]
    private var sources: [Source] = []
    private var actors: [Actor] = []
    private var events: [Event] = []
    private var relations: [Relation] = []
    /// Positions of role values and other references, for the cross-reference pass.
    private var references: [Reference] = []

    private struct Reference {
        enum Expectation {
            case role(eventID: String, eventKind: String, role: Schema.Role)
            case relationEnd(kind: String, end: String, admitted: [String]?)
            case source
            case claimant
        }
        let id: String
        let location: SourceLocation
        let expectation: Expectation
    }

    static let topLevelKeys = ["title", "description", "schema", "sources", "actors", "relations", "events"]

    init(schema: Schema) {
        self.schema = schema
    }

    // MARK: Pass 1: syntax and schema

    mutating func parse(_ document: InputDocument) {
        let reader = NodeReader(file: document.name)
        readers.append(reader)
        let root: Node?
        do {
            root = try Yams.compose(yaml: document.text)
        } catch let error as YamlError {
            diagnostics.append(Self.syntaxDiagnostic(error, file: document.name))
            return
        } catch {
            diagnostics.append(Diagnostic(SourceLocation(file: document.name, line: 1, column: 1), "cannot parse: \(error)"))
            return
        }
        guard let root, !NodeReader.isNull(root) else { return }
        guard let fields = reader.fields(root, what: "the top level", allowed: Self.topLevelKeys) else { return }
        if let schemaNode = fields["schema"]?.value, !NodeReader.isNull(schemaNode) {
            schema.extend(with: schemaNode, reader: reader)
        }
        tops.append((reader, fields))
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "not valid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), message)
        case let .reader(problem, _, _, _):
            return Diagnostic(SourceLocation(file: file, line: 1, column: 1), "cannot read the text: \(problem)")
        default:
            return Diagnostic(SourceLocation(file: file, line: 1, column: 1), "not valid YAML: \(error)")
        }
    }

    // MARK: Pass 2: records

    private mutating func define(_ id: String, at entry: NodeReader.Entry, reader: NodeReader) -> Bool {
        let location = reader.location(entry.keyNode)
        guard Identifier.isValid(id) else {
            reader.error(entry.keyNode, "invalid id '\(id)': \(Identifier.rule)")
            return false
        }
        if let first = definitions[id] {
            reader.error(entry.keyNode, "id '\(id)' is defined twice: here and at \(first)")
            return false
        }
        definitions[id] = location
        return true
    }

    mutating func finish() throws(InputError) -> Graph {
        diagnostics += schema.checkReferences()
        for (reader, fields) in tops {
            readTopLevel(fields, reader: reader)
        }
        checkReferences()
        for reader in readers { diagnostics += reader.diagnostics }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        return Graph(title: title?.0, description: description?.0, schema: schema,
                     sources: sources, actors: actors, events: events, relations: relations)
    }

    private mutating func readTopLevel(_ fields: [String: NodeReader.Entry], reader: NodeReader) {
        for key in ["title", "description"] {
            guard let entry = fields[key], let text = reader.string(entry.value, what: key) else { continue }
            let here = reader.location(entry.keyNode)
            let existing = key == "title" ? title : description
            if let (other, place) = existing, other != text {
                reader.error(entry.keyNode, "the graph's \(key) is given twice with different text: here and at \(place)")
            } else if existing == nil {
                if key == "title" { title = (text, here) } else { description = (text, here) }
            }
        }
        // Sections in the order they are written, so "defined twice" points at the later place.
        let sections = fields.values
            .filter { ["sources", "actors", "events", "relations"].contains($0.key) && !NodeReader.isNull($0.value) }
            .sorted { reader.location($0.keyNode) < reader.location($1.keyNode) }
        for section in sections {
            switch section.key {
            case "sources":
                for item in reader.entries(section.value, what: "sources") ?? [] { readSource(item, reader: reader) }
            case "actors":
                for item in reader.entries(section.value, what: "actors") ?? [] { readActor(item, reader: reader) }
            case "events":
                for item in reader.entries(section.value, what: "events") ?? [] { readEvent(item, reader: reader) }
            default:
                if case let .sequence(items) = section.value {
                    for item in items { readRelation(item, reader: reader) }
                } else {
                    reader.error(section.value, "relations must be a list, found \(NodeReader.typeName(section.value))")
                }
            }
        }
    }

    private mutating func readSource(_ entry: NodeReader.Entry, reader: NodeReader) {
        let what = "source '\(entry.key)'"
        let allowed = ["title", "publisher", "author", "published", "url", "language", "file"]
        guard let f = reader.fields(entry.value, what: what, allowed: allowed) else { return }
        let title = reader.requiredString(f, "title", what: what, at: entry.keyNode)
        guard define(entry.key, at: entry, reader: reader), let title else { return }
        sources.append(Source(id: entry.key, title: title,
                              publisher: reader.string(f["publisher"]?.value, what: "publisher"),
                              author: reader.string(f["author"]?.value, what: "author"),
                              published: reader.date(f["published"]?.value, what: "published"),
                              url: reader.string(f["url"]?.value, what: "url"),
                              language: reader.string(f["language"]?.value, what: "language"),
                              file: reader.string(f["file"]?.value, what: "file"),
                              location: reader.location(entry.keyNode)))
    }

    private mutating func readActor(_ entry: NodeReader.Entry, reader: NodeReader) {
        let what = "actor '\(entry.key)'"
        let allowed = ["kind", "name", "names", "aliases", "country", "description", "tags"]
        guard let f = reader.fields(entry.value, what: what, allowed: allowed) else { return }
        let kind = reader.requiredString(f, "kind", what: what, at: entry.keyNode)
        let name = reader.requiredString(f, "name", what: what, at: entry.keyNode)
        if let kind, schema.actorKinds[kind] == nil {
            reader.error(f["kind"]?.value, "unknown actor kind '\(kind)'; known kinds: \(schema.actorKindOrder.joined(separator: ", "))")
        }
        var names: [LocalizedName] = []
        if let namesNode = f["names"]?.value, !NodeReader.isNull(namesNode) {
            for item in reader.entries(namesNode, what: "names of \(what)") ?? [] {
                if let text = reader.string(item.value, what: "name '\(item.key)'") {
                    names.append(LocalizedName(language: item.key, name: text))
                }
            }
        }
        let country = reader.string(f["country"]?.value, what: "country")
        if let country, !(country.count == 2 && country.allSatisfy({ $0.isASCII && $0.isUppercase })) {
            reader.error(f["country"]?.value, "country must be an ISO 3166-1 alpha-2 code such as US or CN; found '\(country)'")
        }
        let defined = define(entry.key, at: entry, reader: reader)
        guard defined, let kind, let name, schema.actorKinds[kind] != nil else { return }
        actors.append(Actor(id: entry.key, kind: kind, name: name, names: names,
                            aliases: reader.stringList(f["aliases"]?.value, what: "aliases") ?? [],
                            country: country,
                            description: reader.string(f["description"]?.value, what: "description"),
                            tags: reader.stringList(f["tags"]?.value, what: "tags") ?? [],
                            location: reader.location(entry.keyNode)))
    }

    private mutating func readEvidence(_ node: Node?, what: String, reader: NodeReader) -> [Evidence] {
        guard let node, !NodeReader.isNull(node) else { return [] }
        guard case let .sequence(items) = node else {
            reader.error(node, "sources of \(what) must be a list of {source, quote, note}, found \(NodeReader.typeName(node))")
            return []
        }
        var evidence: [Evidence] = []
        for item in items {
            guard let f = reader.fields(item, what: "evidence of \(what)", allowed: ["source", "quote", "note"]) else { continue }
            guard let source = reader.requiredString(f, "source", what: "evidence of \(what)", at: item) else { continue }
            let location = reader.location(f["source"]?.value)
            references.append(Reference(id: source, location: location, expectation: .source))
            evidence.append(Evidence(source: source,
                                     quote: reader.string(f["quote"]?.value, what: "quote"),
                                     note: reader.string(f["note"]?.value, what: "note"),
                                     location: reader.location(item)))
        }
        return evidence
    }

    private mutating func readEvent(_ entry: NodeReader.Entry, reader: NodeReader) {
        let what = "event '\(entry.key)'"
        guard let all = reader.entries(entry.value, what: what) else { return }
        var f: [String: NodeReader.Entry] = [:]
        var roleEntries: [NodeReader.Entry] = []
        for item in all {
            if Event.fieldNames.contains(item.key) { f[item.key] = item } else { roleEntries.append(item) }
        }
        let kindName = reader.requiredString(f, "kind", what: what, at: entry.keyNode)
        let kind = kindName.flatMap { schema.eventKinds[$0] }
        if let kindName, kind == nil {
            reader.error(f["kind"]?.value, "unknown event kind '\(kindName)'; known kinds: \(schema.eventKindOrder.joined(separator: ", "))")
        }
        let title = reader.requiredString(f, "title", what: what, at: entry.keyNode)
        let date = readEventDate(f, what: what, owner: entry.keyNode, reader: reader)

        // Roles, in the kind's declaration order.
        var roles: [RoleBinding] = []
        if let kind {
            let allowedRoles = kind.roles.map(\.name).joined(separator: ", ")
            var given: [String: [String]] = [:]
            for item in roleEntries {
                guard let role = kind.role(item.key) else {
                    reader.error(item.keyNode, "unknown role '\(item.key)' for event kind '\(kind.name)'; allowed roles: \(allowedRoles)")
                    continue
                }
                var ids: [String] = []
                switch item.value {
                case .sequence(let seq):
                    if !role.many {
                        reader.error(item.value, "role '\(role.name)' of event kind '\(kind.name)' takes one id, not a list")
                    }
                    for element in seq {
                        if let id = reader.string(element, what: "an id in role '\(role.name)'") {
                            ids.append(id)
                            references.append(Reference(id: id, location: reader.location(element),
                                                        expectation: .role(eventID: entry.key, eventKind: kind.name, role: role)))
                        }
                    }
                default:
                    if let id = reader.string(item.value, what: "role '\(role.name)'") {
                        ids.append(id)
                        references.append(Reference(id: id, location: reader.location(item.value),
                                                    expectation: .role(eventID: entry.key, eventKind: kind.name, role: role)))
                    }
                }
                if ids.isEmpty && role.required {
                    reader.error(item.value, "role '\(role.name)' of \(what) is required and must name at least one id")
                }
                given[role.name] = ids
            }
            for role in kind.roles {
                if let ids = given[role.name] {
                    if !ids.isEmpty { roles.append(RoleBinding(role: role.name, ids: ids)) }
                } else if role.required {
                    let described = kind.roles.map { $0.required ? "\($0.name) (required)" : $0.name }.joined(separator: ", ")
                    reader.error(entry.keyNode, "\(what) is missing required role '\(role.name)' of event kind '\(kind.name)'; roles: \(described)")
                }
            }
        }

        var amount: Amount?
        if let node = f["amount"]?.value, !NodeReader.isNull(node) {
            switch node {
            case .scalar:
                if let value = reader.number(node, what: "amount") { amount = Amount(value: value) }
            default:
                if let af = reader.fields(node, what: "amount", allowed: ["value", "currency"]) {
                    if af["value"] == nil { reader.error(node, "amount is missing required field 'value'") }
                    if let value = reader.number(af["value"]?.value, what: "value of amount") {
                        amount = Amount(value: value, currency: reader.string(af["currency"]?.value, what: "currency"))
                    }
                }
            }
        }
        let claim = reader.choice(f["claim"]?.value, what: "claim", as: Claim.self) ?? .asserted
        let claimedBy = reader.string(f["claimed_by"]?.value, what: "claimed_by")
        if let claimedBy, let node = f["claimed_by"]?.value {
            references.append(Reference(id: claimedBy, location: reader.location(node), expectation: .claimant))
            if claim != .claimed {
                reader.error(f["claimed_by"]?.keyNode, "claimed_by goes with 'claim: claimed' (this event's claim is '\(claim.rawValue)')")
            }
        }
        let evidence = readEvidence(f["sources"]?.value, what: what, reader: reader)
        if Self.isEmpty(f["sources"]?.value) {
            reader.error(entry.keyNode, "\(what) has no evidence: add 'sources' with at least one { source, quote }")
        }
        let status = reader.choice(f["status"]?.value, what: "status", as: EventStatus.self)
        let dateBasis = reader.choice(f["date_basis"]?.value, what: "date_basis", as: DateBasis.self) ?? .stated
        let dateSource = reader.string(f["date_source"]?.value, what: "date_source")
        if dateBasis == .external && dateSource == nil {
            reader.error(f["date_basis"]?.value ?? entry.keyNode, "\(what) has 'date_basis: external' but no 'date_source' saying where the date comes from")
        }
        if dateSource != nil && dateBasis != .external, let node = f["date_source"]?.keyNode {
            reader.error(node, "date_source goes with 'date_basis: external' (this event's date_basis is '\(dateBasis.rawValue)')")
        }
        let defined = define(entry.key, at: entry, reader: reader)
        guard defined, let kind, let title, let date else { return }
        events.append(Event(id: entry.key, kind: kind.name, date: date, title: title,
                            description: reader.string(f["description"]?.value, what: "description"), roles: roles,
                            amount: amount, status: status, claim: claim, claimedBy: claimedBy,
                            dateBasis: dateBasis,
                            dateNote: reader.string(f["date_note"]?.value, what: "date_note"), dateSource: dateSource,
                            sources: evidence,
                            tags: reader.stringList(f["tags"]?.value, what: "tags") ?? [],
                            location: reader.location(entry.keyNode)))
    }

    /// True for a missing field, a null or an empty list.
    static func isEmpty(_ node: Node?) -> Bool {
        guard let node else { return true }
        if NodeReader.isNull(node) { return true }
        if case let .sequence(items) = node { return items.isEmpty }
        return false
    }

    private func readEventDate(_ f: [String: NodeReader.Entry], what: String, owner: Node, reader: NodeReader) -> EventDate? {
        let hasSpan = f["start"] != nil || f["end"] != nil
        if let dateEntry = f["date"] {
            if hasSpan {
                reader.error(dateEntry.keyNode, "\(what) gives both 'date' and 'start'/'end'; use one or the other")
                return nil
            }
            guard !NodeReader.isNull(dateEntry.value) else {
                reader.error(dateEntry.value, "'date' of \(what) must not be empty")
                return nil
            }
            return reader.date(dateEntry.value, what: "date").map(EventDate.on)
        }
        guard hasSpan else {
            reader.error(owner, "\(what) is missing required field 'date' (or 'start' and 'end' for a span)")
            return nil
        }
        guard let startEntry = f["start"], let endEntry = f["end"] else {
            reader.error((f["start"] ?? f["end"])?.keyNode, "a span needs both 'start' and 'end'")
            return nil
        }
        guard let start = reader.date(startEntry.value, what: "start"),
              let end = reader.date(endEntry.value, what: "end") else { return nil }
        if end.interval.last < start.interval.first {
            reader.error(endEntry.value, "the span of \(what) ends (\(end)) before it starts (\(start))")
            return nil
        }
        return .span(start: start, end: end)
    }

    private mutating func readRelation(_ node: Node, reader: NodeReader) {
        let what = "relation"
        let allowed = ["kind", "from", "to", "role", "since", "until", "sources"]
        guard let f = reader.fields(node, what: what, allowed: allowed) else { return }
        let kindName = reader.requiredString(f, "kind", what: what, at: node)
        let from = reader.requiredString(f, "from", what: what, at: node)
        let to = reader.requiredString(f, "to", what: what, at: node)
        let kind = kindName.flatMap { schema.relationKinds[$0] }
        if let kindName, kind == nil {
            reader.error(f["kind"]?.value, "unknown relation kind '\(kindName)'; known kinds: \(schema.relationKindOrder.joined(separator: ", "))")
        }
        let since = reader.date(f["since"]?.value, what: "since")
        let until = reader.date(f["until"]?.value, what: "until")
        if let since, let until, until.interval.last < since.interval.first {
            reader.error(f["until"]?.value, "relation ends (until \(until)) before it starts (since \(since))")
        }
        let evidence = readEvidence(f["sources"]?.value, what: "relation", reader: reader)
        guard let kind, let from, let to else { return }
        if let end = f["from"]?.value {
            references.append(Reference(id: from, location: reader.location(end), expectation: .relationEnd(kind: kind.name, end: "from", admitted: kind.from)))
        }
        if let end = f["to"]?.value {
            references.append(Reference(id: to, location: reader.location(end), expectation: .relationEnd(kind: kind.name, end: "to", admitted: kind.to)))
        }
        let base = "\(from)--\(kind.name)--\(to)"
        var id = base
        var n = 2
        while relationIDs.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        relationIDs.insert(id)
        relations.append(Relation(id: id, kind: kind.name, from: from, to: to,
                                  role: reader.string(f["role"]?.value, what: "role"),
                                  since: since, until: until, sources: evidence,
                                  location: reader.location(node)))
    }

    private var relationIDs = Set<String>()

    // MARK: Pass 3: cross-references

    private mutating func checkReferences() {
        let actorKinds = Dictionary(uniqueKeysWithValues: actors.map { ($0.id, $0.kind) })
        let eventIDs = Set(events.map(\.id))
        let sourceIDs = Set(sources.map(\.id))
        let known = Array(actorKinds.keys) + Array(eventIDs)
        for reference in references {
            let id = reference.id
            switch reference.expectation {
            case .source:
                if !sourceIDs.contains(id) {
                    diagnostics.append(Diagnostic(reference.location, "evidence cites unknown source '\(id)'\(Suggestions.phrase(for: id, among: Array(sourceIDs)))"))
                }
            case .claimant:
                if actorKinds[id] == nil {
                    diagnostics.append(Diagnostic(reference.location, "claimed_by names unknown actor '\(id)'\(Suggestions.phrase(for: id, among: Array(actorKinds.keys)))"))
                }
            case let .relationEnd(kind, end, admitted):
                if let actorKind = actorKinds[id] {
                    if !schema.admits(admitted, actorKind: actorKind) {
                        diagnostics.append(Diagnostic(reference.location, "'\(end)' of relation '\(kind)' names '\(id)', a \(actorKind); allowed kinds: \((admitted ?? []).joined(separator: ", "))"))
                    }
                } else if eventIDs.contains(id) {
                    diagnostics.append(Diagnostic(reference.location, "'\(end)' of relation '\(kind)' names event '\(id)'; relations join actors"))
                } else if definitions[id] == nil {
                    diagnostics.append(Diagnostic(reference.location, "relation '\(kind)' refers to unknown actor '\(id)'\(Suggestions.phrase(for: id, among: Array(actorKinds.keys)))"))
                }
            case let .role(eventID, eventKind, role):
                let allowed = (role.kinds ?? ["any actor"]).joined(separator: ", ")
                if let actorKind = actorKinds[id] {
                    if !schema.admits(role.kinds, actorKind: actorKind) {
                        diagnostics.append(Diagnostic(reference.location, "role '\(role.name)' of event kind '\(eventKind)' cannot be '\(id)', a \(actorKind); allowed kinds: \(allowed)"))
                    }
                } else if eventIDs.contains(id) {
                    if id == eventID {
                        diagnostics.append(Diagnostic(reference.location, "event '\(eventID)' names itself in role '\(role.name)'"))
                    } else if !role.admitsEvents {
                        diagnostics.append(Diagnostic(reference.location, "role '\(role.name)' of event kind '\(eventKind)' cannot name event '\(id)'; allowed kinds: \(allowed)"))
                    }
                } else if definitions[id] == nil {
                    diagnostics.append(Diagnostic(reference.location, "unknown id '\(id)' in role '\(role.name)'\(Suggestions.phrase(for: id, among: known))"))
                } else if sourceIDs.contains(id) {
                    diagnostics.append(Diagnostic(reference.location, "role '\(role.name)' names source '\(id)'; roles name actors\(role.admitsEvents ? " or events" : "")"))
                }
            }
        }
    }
}
