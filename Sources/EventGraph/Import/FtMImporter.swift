import Foundation

/// FollowTheMoney (FtM) in: one JSON entity a line (`{"id", "schema", "properties": {name: [values]}}`),
/// as Aleph and OpenSanctions export them. The correspondence (``FtMSchemaMap``) is documented
/// in docs/import.md: legal entities become actors, interests and links become relations,
/// Event/Payment/Sanction become events, `sourceUrl`/`publisher` become sources. What has no
/// counterpart is kept, as compact JSON after `ftm: `: on its own line at the end of an actor's
/// description, and as the note of a relation's or event's evidence citing the file; `export
/// --format ftm` reads it back. Entities of other schemas are reported and left out.
public struct FtMImporter: Sendable {
    public init() {}

    public func run(_ inputs: [MappedImporter.Input], skipBadRows: Bool = false, syntax: MappedImporter.OutputSyntax? = nil) throws(InputError) -> MappedImporter.Result {
        var records = ImportRecords()
        records.schemaExtension = FtMSchemaMap.schemaExtension
        var errors: [Diagnostic] = []
        var notes: [Diagnostic] = []
        var skipped: [Diagnostic] = []
        var skippedRows = Set<[Int32]>()
        var rowsRead = 0
        // Pass 1: entities, by id.
        struct Entity {
            var id: String
            var schema: String
            var properties: [String: [String]]
            var origin: ImportRecords.Origin
            var location: SourceLocation
        }
        var entities: [Entity] = []
        for (fileIndex, input) in inputs.enumerated() {
            let data = input.mapped.map { Data(buffer: $0.bytes) } ?? Data(input.bytes)
            var line = 0
            for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                line += 1
                guard raw.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
                rowsRead += 1
                let location = SourceLocation(file: input.name, line: line, column: 1)
                guard let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any],
                      let id = object["id"] as? String, let schema = object["schema"] as? String else {
                    let d = Diagnostic(location, "not a FollowTheMoney entity: expected a JSON object with \"id\", \"schema\" and \"properties\" on one line")
                    if skipBadRows { skipped.append(Diagnostic(location, "row skipped: " + d.message, severity: .warning)); skippedRows.insert([Int32(fileIndex), Int32(line)]) } else { errors.append(d) }
                    continue
                }
                var properties: [String: [String]] = [:]
                for (key, value) in (object["properties"] as? [String: Any]) ?? [:] {
                    let values = (value as? [Any]) ?? [value]
                    properties[key] = values.map { v in (v as? String) ?? ((v as? NSNumber)?.stringValue ?? "\(v)") }
                }
                entities.append(Entity(id: id, schema: schema, properties: properties,
                                       origin: .init(file: Int32(fileIndex), line: Int32(line), table: 0), location: location))
            }
        }
        // Ids: each FtM id as an EventGraph id (kept when it is one).
        var idOf: [String: String] = [:]
        var used = Set<String>()
        for entity in entities where FtMSchemaMap.section(of: entity.schema) != nil {
            var id = ImportRun.slug(entity.id, prefix: "ftm")
            if used.contains(id) { id += "-" + ImportRun.hash(entity.id) }
            used.insert(id)
            idOf[entity.id] = id
        }
        func sourceEvidence(_ props: [String: [String]], origin: ImportRecords.Origin, file: String) -> [ImportRecords.Evidence] {
            var items: [ImportRecords.Evidence] = []
            for url in props["sourceUrl"] ?? [] {
                let id = "src-" + ImportRun.hash(url)
                if !records.has(id, in: .sources) {
                    var fields: [(String, ImportRecords.Value)] = [("title", .text(props["publisher"]?.first ?? url))]
                    if let publisher = props["publisher"]?.first { fields.append(("publisher", .text(publisher))) }
                    fields.append(("url", .text(url)))
                    records.add(.init(id: id, fields: fields, origin: origin), to: .sources)
                }
                items.append(.init(source: id))
            }
            if items.isEmpty, let publisher = props["publisher"]?.first {
                let id = "src-" + ImportRun.hash(publisher)
                if !records.has(id, in: .sources) {
                    records.add(.init(id: id, fields: [("title", .text(publisher)), ("publisher", .text(publisher))], origin: origin), to: .sources)
                }
                items.append(.init(source: id))
            }
            return items
        }
        func fileSource(_ origin: ImportRecords.Origin) -> String {
            let base = MappedImporter.baseName(inputs[Int(origin.file)].name)
            let id = "file-" + ImportRun.slug(base, prefix: "f")
            if !records.has(id, in: .sources) {
                records.add(.init(id: id, fields: [("title", .text(base)), ("file", .text(base))], origin: origin), to: .sources)
            }
            return id
        }
        var leftOut: [String: Int] = [:]
        for entity in entities {
            guard let section = FtMSchemaMap.section(of: entity.schema) else {
                leftOut[entity.schema, default: 0] += 1
                continue
            }
            var props = entity.properties
            func take(_ key: String) -> [String] { props.removeValue(forKey: key) ?? [] }
            var keep: [String: Any] = ["schema": entity.schema]
            if idOf[entity.id] != entity.id { keep["id"] = entity.id }
            var record = ImportRecords.Record(id: idOf[entity.id]!, origin: entity.origin)
            var problems: [String] = []
            func date(_ text: String?) -> String? {
                guard let text, !text.isEmpty else { return nil }
                let day = String(text.prefix(10))
                return ImportDates.parse(day, format: .iso) ?? { problems.append("'\(text)' is not a date"); return nil }()
            }
            func refs(_ key: String) -> [String] {
                take(key).compactMap { ref in
                    guard let id = idOf[ref] else { problems.append("\(key) '\(ref)' is no Person, Company, Organization, PublicBody or LegalEntity of this stream"); return nil }
                    return id
                }
            }
            switch section {
            case .sources, .periods: break
            case .actors:
                let names = take("name")
                record.set("kind", .text(FtMSchemaMap.actorKind[entity.schema]!))
                record.set("name", .text(names.first ?? entity.id))
                let aliases = Array(names.dropFirst()) + take("alias") + take("previousName") + take("weakAlias")
                if !aliases.isEmpty { record.set("aliases", .list(aliases)) }
                // The country: FtM's `country`, else (kept as it is, and marked derived) the jurisdiction or nationality.
                let countries = take("country")
                if countries.isEmpty, let other = props["jurisdiction"] ?? props["nationality"], let first = other.first, first.count == 2 {
                    record.set("country", .text(first.uppercased()))
                    keep["eventgraph:country"] = "derived"
                } else if let country = countries.first, country.count == 2 {
                    record.set("country", .text(country.uppercased()))
                    if countries.count > 1 { keep["country"] = Array(countries.dropFirst()) }
                } else if !countries.isEmpty {
                    keep["country"] = countries
                }
                let keywords = take("keywords")
                if !keywords.isEmpty { record.set("tags", .list(keywords)) }
                // Lifespans (format.md): born/incorporated and died/dissolved.
                for (key, field) in [("birthDate", "since"), ("incorporationDate", "since"), ("deathDate", "until"), ("dissolutionDate", "until")] {
                    let values = props[key] ?? []
                    guard FtMSchemaMap.lifespans, let first = values.first, record[field] == nil, let d = date(first) else { continue }
                    record.set(field, .text(d))
                    props.removeValue(forKey: key)
                    if values.count > 1 { keep[key] = Array(values.dropFirst()) }
                }
                let evidence = sourceEvidence(props, origin: entity.origin, file: inputs[Int(entity.origin.file)].name)
                if !evidence.isEmpty { props.removeValue(forKey: "sourceUrl"); props.removeValue(forKey: "publisher") }
                var description = take("description").joined(separator: "\n")
                for (k, v) in props { keep[k] = v }
                if keep.count > 1 || keep["schema"] as? String != FtMSchemaMap.canonicalSchema(ofActorKind: FtMSchemaMap.actorKind[entity.schema]!) || !evidence.isEmpty {
                    if !evidence.isEmpty { keep["eventgraph:sources"] = evidence.map(\.source) }
                    description += (description.isEmpty ? "" : "\n") + "ftm: " + FtMSchemaMap.compactJSON(keep)
                }
                if !description.isEmpty { record.set("description", .text(description)) }
            case .relations:
                // Relation ids are made from their ends; the FtM id is kept.
                keep["id"] = entity.id
                let link = FtMSchemaMap.links[entity.schema]!
                let from = refs(link.from), to = refs(link.to)
                guard from.count == 1, to.count == 1 else {
                    if problems.isEmpty { problems.append("a \(entity.schema) needs one \(link.from) and one \(link.to)") }
                    break
                }
                record.set("kind", .text(link.kind))
                record.set("from", .text(from[0]))
                record.set("to", .text(to[0]))
                let roles = take(link.roleProperty)
                if let role = roles.first { record.set("role", .text(role)) }
                if roles.count > 1 { keep[link.roleProperty] = Array(roles.dropFirst()) }
                if let s = date(take("startDate").first ?? props["date"]?.first) { record.set("since", .text(s)) }
                if let u = date(take("endDate").first) { record.set("until", .text(u)) }
                var evidence = sourceEvidence(props, origin: entity.origin, file: inputs[Int(entity.origin.file)].name)
                props.removeValue(forKey: "sourceUrl"); props.removeValue(forKey: "publisher")
                for (k, v) in props { keep[k] = v }
                if keep.count > 1 || keep["schema"] as? String != FtMSchemaMap.canonicalSchema(ofRelationKind: link.kind) || evidence.isEmpty {
                    evidence.append(.init(source: fileSource(entity.origin), note: "ftm: " + FtMSchemaMap.compactJSON(keep)))
                }
                record.set("sources", .evidence(evidence))
            case .events:
                let shape = FtMSchemaMap.events[entity.schema]!
                record.set("kind", .text(shape.kind))
                // Which property gave the date and the title is kept when it is not the usual one.
                var dateProperty = "startDate"
                var start: String?
                for key in ["startDate", "date", "listingDate"] where start == nil {
                    if let first = props[key]?.first { start = date(first); dateProperty = key; _ = take(key) }
                }
                let end = date(take("endDate").first)
                if let start, let end, start != end { record.set("start", .text(start)); record.set("end", .text(end)) } else if let start {
                    record.set("date", .text(start))
                    if dateProperty != (entity.schema == "Sanction" ? "startDate" : "date") { keep["eventgraph:date"] = dateProperty }
                } else {
                    problems.append("\(entity.schema == "Event" ? "an" : "a") \(entity.schema) needs a date (date, startDate or listingDate) to become an event")
                }
                var roles: [(String, [String])] = []
                if entity.schema == "Event", let organizers = props["organizer"] { keep["organizer"] = organizers }
                for (property, role) in shape.roles {
                    let ids = refs(property)
                    if ids.isEmpty { continue }
                    if let i = roles.firstIndex(where: { $0.0 == role }) { roles[i].1 += ids.filter { !roles[i].1.contains($0) } } else { roles.append((role, ids)) }
                }
                let usual = entity.schema == "Event" ? "name" : "summary"
                var title: String?
                for key in [usual, "name", "purpose", "program", "summary"] where title == nil {
                    if let first = props[key]?.first {
                        title = first
                        var rest = take(key)
                        rest.removeFirst()
                        if !rest.isEmpty { keep[key] = rest }
                        if key != usual { keep["eventgraph:title"] = key }
                    }
                }
                if title == nil { keep["eventgraph:title"] = "" }
                record.set("title", .text(title ?? "\(entity.schema) \(roles.flatMap(\.1).joined(separator: ", "))"))
                if let d = take("description").first { record.set("description", .text(d)) }
                for (role, ids) in roles { record.set(role, .ids(ids)) }
                if let amount = take("amount").first {
                    let digits = amount.replacingOccurrences(of: ",", with: "")
                    if Double(digits) != nil { record.set("amount", .amount(digits, take("currency").first)) } else { keep["amount"] = [amount] }
                }
                var evidence = sourceEvidence(props, origin: entity.origin, file: inputs[Int(entity.origin.file)].name)
                props.removeValue(forKey: "sourceUrl"); props.removeValue(forKey: "publisher")
                for (k, v) in props { keep[k] = v }
                if keep.count > 1 || evidence.isEmpty {
                    evidence.append(.init(source: fileSource(entity.origin), note: "ftm: " + FtMSchemaMap.compactJSON(keep)))
                }
                record.set("sources", .evidence(evidence))
            }
            if !problems.isEmpty {
                for p in problems {
                    let d = Diagnostic(entity.location, "\(entity.schema) '\(entity.id)': \(p)")
                    if skipBadRows { skipped.append(Diagnostic(d.location, "row skipped: " + d.message, severity: .warning)); skippedRows.insert([entity.origin.file, entity.origin.line]) } else { errors.append(d) }
                }
                continue
            }
            records.add(record, to: section)
        }
        if !errors.isEmpty { throw InputError(errors) }
        for (schema, count) in leftOut.sorted(by: { $0.key < $1.key }) {
            notes.append(Diagnostic(SourceLocation(file: inputs.first?.name ?? "-"), "\(count) \(schema) entit\(count == 1 ? "y has" : "ies have") no counterpart in EventGraph and \(count == 1 ? "is" : "are") not imported", severity: .warning))
        }
        // The loader checks the result; problems are traced to the entity's line.
        var json = records.json()
        var problems = MappedImporter.check(json.bytes, schema: .builtIn)
        var rounds = 0
        while !problems.isEmpty {
            var traced: [(Diagnostic, ImportRecords.Origin?)] = []
            for p in problems {
                if p.location.file == ImportRun.documentName, p.location.line >= 1, p.location.line <= json.records.count, let (s, i) = json.records[p.location.line - 1] {
                    let o = records.sections[s.rawValue][i].origin
                    traced.append((Diagnostic(SourceLocation(file: inputs[Int(o.file)].name, line: Int(o.line), column: 1), p.message), o))
                } else {
                    traced.append((p, nil))
                }
            }
            guard skipBadRows, rounds < 16, traced.allSatisfy({ $0.1 != nil }) else { throw InputError(traced.map(\.0).sorted()) }
            let bad = Set(traced.map { [$0.1!.file, $0.1!.line] })
            for (d, o) in traced { skipped.append(Diagnostic(d.location, "row skipped: " + d.message, severity: .warning)); skippedRows.insert([o!.file, o!.line]) }
            records.remove { _, r in bad.contains([r.origin.file, r.origin.line]) }
            json = records.json()
            problems = MappedImporter.check(json.bytes, schema: .builtIn)
            rounds += 1
        }
        let use = syntax ?? (records.count <= MappedImporter.yamlLimit ? .yaml : .json)
        let bytes = use == .json ? json.bytes
            : Array(records.yaml(header: "# Imported by eventgraph import --from ftm from \(inputs.map { MappedImporter.baseName($0.name) }.joined(separator: ", ")) (docs/import.md).\n").utf8)
        return MappedImporter.Result(bytes: bytes, syntax: use, rowsRead: rowsRead, skipped: skipped.sorted(), skippedRows: skippedRows.count,
                                     notes: notes, actors: records.sections[1].count, events: records.sections[3].count,
                                     relations: records.sections[2].count, sources: records.sections[0].count)
    }
}
