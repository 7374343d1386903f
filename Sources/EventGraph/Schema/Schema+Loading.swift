extension Schema {
    static let sectionNames = ["actor-kinds", "relation-kinds", "event-kinds"]

    /// Parses a standalone schema document (the form of `schema.yaml`).
    /// - Throws: ``InputError`` with every problem found.
    public init(yaml: String, file: String) throws(InputError) {
        let document = try GraphDocument.open(name: file, index: 0, text: yaml, limits: InputLimits()).get()
        let reader = RecordReader(tree: document.top)
        var schema = Schema()
        if let root = document.root, !document.top.isNull(root) {
            schema.extend(with: root, reader: reader)
        }
        let diagnostics = reader.diagnostics + schema.checkReferences()
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        self = schema
    }

    /// Adds the kinds declared in a `schema:` section; redefinitions are reported.
    mutating func extend(with node: Int32, reader: RecordReader) {
        guard let sections = reader.fields(node, what: "the schema", allowed: Self.sectionNames) else { return }
        if let entries = sections["actor-kinds"].flatMap({ reader.entries($0.value, what: "actor-kinds") }) {
            for entry in entries { addActorKind(entry, reader: reader) }
        }
        if let entries = sections["relation-kinds"].flatMap({ reader.entries($0.value, what: "relation-kinds") }) {
            for entry in entries { addRelationKind(entry, reader: reader) }
        }
        if let entries = sections["event-kinds"].flatMap({ reader.entries($0.value, what: "event-kinds") }) {
            for entry in entries { addEventKind(entry, reader: reader) }
        }
    }

    private func checkNewName(_ entry: RecordReader.Entry, existing: SourceLocation??, what: String, reader: RecordReader) -> Bool {
        guard Identifier.isValid(entry.key) else {
            reader.error(entry.keyNode, "invalid \(what) name '\(entry.key)': \(Identifier.rule)")
            return false
        }
        if let existing {
            let place = existing.map { "at \($0)" } ?? "in the built-in schema"
            reader.error(entry.keyNode, "\(what) '\(entry.key)' is already defined \(place)")
            return false
        }
        return true
    }

    private func style(_ entry: RecordReader.Entry?, reader: RecordReader) -> Style {
        guard let entry,
              let f = reader.fields(entry.value, what: "a style", allowed: ["shape", "color", "fill", "dashed"])
        else { return Style() }
        // Colours as colours, shapes as shapes (`dashed` is checked as a boolean below).
        for entry in f.values.sorted(by: { $0.key < $1.key }) where entry.key != "dashed" {
            if let value = reader.string(entry.value, what: entry.key), let message = StyleValue.problem(field: entry.key, value: value) {
                reader.error(entry.value, message)
            }
        }
        return Style(shape: reader.string(f["shape"]?.value, what: "shape"),
                     color: reader.string(f["color"]?.value, what: "color"),
                     fill: reader.string(f["fill"]?.value, what: "fill"),
                     dashed: reader.bool(f["dashed"]?.value, what: "dashed"))
    }

    private mutating func addActorKind(_ entry: RecordReader.Entry, reader: RecordReader) {
        let existing = actorKinds[entry.key].map(\.location)
        guard checkNewName(entry, existing: existing, what: "actor kind", reader: reader) else { return }
        let what = "actor kind '\(entry.key)'"
        let f = reader.fields(entry.value, what: what, allowed: ["is", "label", "style"]) ?? RecordReader.Fields()
        add(ActorKind(name: entry.key,
                      parent: reader.string(f["is"]?.value, what: "'is' of \(what)"),
                      label: reader.string(f["label"]?.value, what: "label") ?? entry.key,
                      style: style(f["style"], reader: reader),
                      location: reader.location(entry.keyNode),
                      parentLocation: f["is"].map { reader.location($0.value) }))
    }

    private mutating func addRelationKind(_ entry: RecordReader.Entry, reader: RecordReader) {
        let existing = relationKinds[entry.key].map(\.location)
        guard checkNewName(entry, existing: existing, what: "relation kind", reader: reader) else { return }
        let what = "relation kind '\(entry.key)'"
        let f = reader.fields(entry.value, what: what, allowed: ["from", "to", "directed", "label", "style"]) ?? RecordReader.Fields()
        add(RelationKind(name: entry.key,
                         from: reader.stringList(f["from"]?.value, what: "'from' of \(what)", allowSingle: true),
                         to: reader.stringList(f["to"]?.value, what: "'to' of \(what)", allowSingle: true),
                         directed: reader.bool(f["directed"]?.value, what: "'directed' of \(what)") ?? true,
                         label: reader.string(f["label"]?.value, what: "label") ?? entry.key,
                         style: style(f["style"], reader: reader),
                         location: reader.location(entry.keyNode),
                         fromLocation: f["from"].map { reader.location($0.value) },
                         toLocation: f["to"].map { reader.location($0.value) }))
    }

    private mutating func addEventKind(_ entry: RecordReader.Entry, reader: RecordReader) {
        let existing = eventKinds[entry.key].map(\.location)
        guard checkNewName(entry, existing: existing, what: "event kind", reader: reader) else { return }
        let what = "event kind '\(entry.key)'"
        let f = reader.fields(entry.value, what: what, allowed: ["roles", "edge", "label", "style"]) ?? RecordReader.Fields()
        var roles: [Role] = []
        if let roleNode = f["roles"]?.value, let entries = reader.entries(roleNode, what: "roles of \(what)") {
            for roleEntry in entries {
                guard !Event.fieldNames.contains(roleEntry.key) else {
                    reader.error(roleEntry.keyNode, "role name '\(roleEntry.key)' of \(what) is reserved for an event field")
                    continue
                }
                let rf = reader.fields(roleEntry.value, what: "role '\(roleEntry.key)' of \(what)",
                                       allowed: ["kinds", "required", "many"]) ?? RecordReader.Fields()
                roles.append(Role(name: roleEntry.key,
                                  kinds: reader.stringList(rf["kinds"]?.value, what: "'kinds' of role '\(roleEntry.key)'", allowSingle: true),
                                  required: reader.bool(rf["required"]?.value, what: "'required'") ?? false,
                                  many: reader.bool(rf["many"]?.value, what: "'many'") ?? false,
                                  kindsLocation: rf["kinds"].map { reader.location($0.value) }))
            }
        } else if f["roles"] == nil {
            reader.error(entry.keyNode, "\(what) must declare its roles")
        }
        var edge: Edge?
        if let edgeEntry = f["edge"],
           let ef = reader.fields(edgeEntry.value, what: "'edge' of \(what)", allowed: ["from", "to"]) {
            let from = reader.requiredString(ef, "from", what: "'edge' of \(what)", at: edgeEntry.value)
            let to = reader.requiredString(ef, "to", what: "'edge' of \(what)", at: edgeEntry.value)
            for (name, key) in [(from, "from"), (to, "to")] {
                if let name, !roles.contains(where: { $0.name == name }) {
                    reader.error(ef[key]?.value, "'edge' of \(what) names '\(name)', which is not one of its roles (\(roles.map(\.name).joined(separator: ", ")))")
                }
            }
            if let from, let to { edge = Edge(from: from, to: to) }
        }
        add(EventKind(name: entry.key, roles: roles, edge: edge,
                      label: reader.string(f["label"]?.value, what: "label") ?? entry.key,
                      style: style(f["style"], reader: reader),
                      location: reader.location(entry.keyNode)))
    }

    /// Checks that every `is:` and every kind list names a known actor kind, and that the
    /// `is:` chains have no cycles.
    func checkReferences() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let fallback = SourceLocation(file: "schema", line: 1, column: 1)
        let known = actorKindOrder.joined(separator: ", ")
        for name in actorKindOrder {
            guard let kind = actorKinds[name], let parent = kind.parent else { continue }
            let place = kind.parentLocation ?? kind.location ?? fallback
            if actorKinds[parent] == nil {
                diagnostics.append(Diagnostic(place, "actor kind '\(name)' has unknown parent '\(parent)'; known kinds: \(known)"))
            } else if actorKind(parent, isA: name) {
                diagnostics.append(Diagnostic(place, "actor kind '\(name)' is its own ancestor through 'is: \(parent)'"))
            }
        }
        func check(_ names: [String]?, at location: SourceLocation?, allowsEvent: Bool) {
            for name in names ?? [] where actorKinds[name] == nil && !(allowsEvent && name == Schema.eventKindName) {
                diagnostics.append(Diagnostic(location ?? fallback,
                                              "unknown actor kind '\(name)'; known kinds: \(known)\(allowsEvent ? ", event" : "")"))
            }
        }
        for name in relationKindOrder {
            guard let kind = relationKinds[name] else { continue }
            check(kind.from, at: kind.fromLocation, allowsEvent: false)
            check(kind.to, at: kind.toLocation, allowsEvent: false)
        }
        for name in eventKindOrder {
            for role in eventKinds[name]?.roles ?? [] {
                check(role.kinds, at: role.kindsLocation, allowsEvent: true)
            }
        }
        return diagnostics
    }
}
