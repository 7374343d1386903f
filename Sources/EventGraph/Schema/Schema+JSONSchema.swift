/// A JSON Schema (draft 2020-12) of EventGraph's input format for this schema's kinds, so
/// editors validate and complete graph files: put
/// `# yaml-language-server: $schema=PATH/eventgraph.schema.json` on a file's first line.
///
/// It checks what a file can be checked for on its own: the top-level sections (none
/// required, since a graph may be split over files), the fields of sources, actors,
/// relations, events and evidence, actor/relation/event kinds as enumerations, each event
/// kind's roles (names, required, one id or a list) through `if`/`then`, dates, claims and
/// statuses. Cross-references (that an id exists, that an actor's kind fits a role) are left
/// to `eventgraph validate`.
extension Schema {
    /// The fixed fields of an event besides its kind's roles: the one list the loader reads
    /// (``Event/fieldNames``) and this JSON Schema describes.
    public static let eventFieldNames = GraphValidator.EventField.names

    /// A partial date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn`, `YYYY-Hn`, optionally `~` first.
    public static let datePattern = "^~?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4]|-H[12])?$"

    /// The JSON Schema document.
    public func jsonSchema(id: String? = nil) -> JSONValue {
        func string(_ description: String? = nil) -> JSONValue {
            .object(["type": "string", "description": description.map(JSONValue.string)])
        }
        let strings: JSONValue = .object(["type": "array", "items": JSONValue.object(["type": "string"])])
        func enumeration(_ values: [String], _ description: String) -> JSONValue {
            .object(["enum": .array(values.map(JSONValue.string)), "description": .string(description)])
        }
        let date: JSONValue = .object([
            "description": "A partial date: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn, with ~ in front for \"about\" (quote it in YAML).",
            "anyOf": [
                .object(["type": "string", "pattern": .string(Schema.datePattern)]),
                .object(["type": "integer", "minimum": 0, "maximum": 9999]),
            ],
        ])
        let evidence: JSONValue = .object([
            "type": "object", "required": ["source"], "additionalProperties": false,
            "properties": .object(["source": string("The id of a source."), "quote": string("Verbatim text of the source."),
                                   "note": string()]),
        ])
        let evidenceList: JSONValue = .object(["type": "array", "items": JSONValue.object(["$ref": "#/$defs/evidence"])])
        let source: JSONValue = .object([
            "type": "object", "required": ["title"], "additionalProperties": false,
            "properties": .object(["title": string("The document's title."), "publisher": string(), "author": string(),
                                   "published": JSONValue.object(["$ref": "#/$defs/date"]), "url": string("Where it lives (http, https or mailto to be a link)."),
                                   "language": string("A BCP 47 tag: en, zh-Hans, zh-Hant."),
                                   "file": string("Its text, relative to the folder given to verify --sources.")]),
        ])
        let actor: JSONValue = .object([
            "type": "object", "required": ["kind", "name"], "additionalProperties": false,
            "properties": .object([
                "kind": enumeration(actorKindOrder, "An actor kind of the schema."),
                "name": string("Display name."),
                "names": .object(["type": "object", "additionalProperties": JSONValue.object(["type": "string"]),
                                  "description": "Per-language names: { zh-Hans: 黄仁勋 }."]),
                "aliases": strings, "country": .object(["type": "string", "pattern": "^[A-Z]{2}$",
                                                        "description": "ISO 3166-1 alpha-2 code."]),
                "description": string(), "tags": strings,
                "since": .object([("$ref", "#/$defs/date"), ("description", "When it came to exist (founded, born, released).")]),
                "until": .object([("$ref", "#/$defs/date"), ("description", "When it ended (dissolved, died, withdrawn).")]),
            ]),
        ])
        let eventIDs: JSONValue = .object(["anyOf": [.object(["type": "string"]),
                                                     .object(["type": "array", "items": JSONValue.object(["type": "string"]), "minItems": 1])],
                                           "description": "An event id, or a list of them."])
        let period: JSONValue = .object([
            "type": "object", "required": ["title", "from", "to"], "additionalProperties": false,
            "properties": .object([
                "title": string("The era's name."), "from": JSONValue.object(["$ref": "#/$defs/date"]),
                "to": JSONValue.object(["$ref": "#/$defs/date"]),
                "color": string("A colour: #rgb, #rrggbb, #rrggbbaa or a name such as 'steelblue'."),
                "actors": .object(["anyOf": [.object(["type": "string"]), strings], "description": "Actor ids the era is about."]),
            ]),
        ])
        let relation: JSONValue = .object([
            "type": "object", "required": ["kind", "from", "to"], "additionalProperties": false,
            "properties": .object([
                "kind": enumeration(relationKindOrder, "A relation kind of the schema."),
                "from": string("An actor id."), "to": string("An actor id."), "role": string(),
                "since": JSONValue.object(["$ref": "#/$defs/date"]), "until": JSONValue.object(["$ref": "#/$defs/date"]),
                "sources": evidenceList,
            ]),
        ])
        let amount: JSONValue = .object(["anyOf": [
            .object(["type": "number"]),
            .object(["type": "object", "required": ["value"], "additionalProperties": false,
                     "properties": .object(["value": JSONValue.object(["type": "number"]), "currency": string()])]),
        ]])
        var eventProperties: [(String, JSONValue)] = [
            ("kind", enumeration(eventKindOrder, "An event kind of the schema; its roles are further keys.")),
            ("date", .object(["$ref": "#/$defs/date"])), ("start", .object(["$ref": "#/$defs/date"])),
            ("end", .object(["$ref": "#/$defs/date"])),
            ("after", .object([("allOf", [eventIDs]), ("description", "Dated on or after these events.")])),
            ("before", .object([("allOf", [eventIDs]), ("description", "Dated on or before these events.")])),
            ("within", .object([("type", "string"), ("pattern", "^[0-9]+[dw]$"),
                                ("description", "At most this long after the 'after' events (or before the 'before' events): 7d, 2w.")])),
            ("title", string("One line.")), ("description", string()),
            ("amount", amount),
            ("status", enumeration(EventStatus.allCases.map(\.rawValue), "Where the event stands.")),
            ("claim", enumeration(Claim.allCases.map(\.rawValue), "How the sources present it (default asserted).")),
            ("claimed_by", string("The actor making the claim (with claim: claimed).")),
            ("date_basis", enumeration(DateBasis.allCases.map(\.rawValue), "Where the date comes from (default stated).")),
            ("date_note", string()), ("date_source", string()), ("sources", evidenceList), ("tags", strings),
        ]
        eventProperties = eventProperties.filter { Schema.eventFieldNames.contains($0.0) }
        let one: JSONValue = .object(["type": "string", "description": "An actor (or event) id."])
        let many: JSONValue = .object(["anyOf": [one, .object(["type": "array", "items": one, "minItems": 1])]])
        let perKind: [JSONValue] = eventKindOrder.compactMap { eventKinds[$0] }.map { kind in
            .object([
                "if": .object(["properties": .object([("kind", .object([("const", .string(kind.name))]))]), "required": ["kind"]]),
                "then": .object([
                    "properties": .object(kind.roles.map { role in
                        (role.name, role.many ? many : one)
                    }),
                    "required": .array(kind.roles.filter(\.required).map { .string($0.name) }),
                ]),
            ])
        }
        let event: JSONValue = .object([
            "type": "object", "required": ["kind", "title", "sources"],
            "properties": .object(eventProperties),
            "anyOf": [.object(["required": ["date"]]), .object(["required": ["start", "end"]]),
                      .object(["required": ["after"]]), .object(["required": ["before"]])],
            "allOf": .array(perKind),
            "unevaluatedProperties": false,
        ])
        func mapping(_ ref: String, _ description: String) -> JSONValue {
            .object(["type": "object", "description": .string(description),
                     "additionalProperties": .object([("$ref", .string(ref))])])
        }
        return .object([
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": id.map(JSONValue.string),
            "title": "EventGraph graph file",
            "description": "Sources, actors, relations and events (docs/format.md). Generated by `eventgraph schema --json-schema`.",
            "type": "object", "additionalProperties": false,
            "properties": .object([
                "title": string("The graph's title."), "description": string(),
                "schema": .object(["type": "object", "description": "Kinds added to the built-in schema.",
                                   "additionalProperties": false,
                                   "properties": .object(["actor-kinds": JSONValue.object(["type": "object"]),
                                                          "relation-kinds": JSONValue.object(["type": "object"]),
                                                          "event-kinds": JSONValue.object(["type": "object"])])]),
                "periods": mapping("#/$defs/period", "Named eras by id (may overlap)."),
                "sources": mapping("#/$defs/source", "Sources by id."),
                "actors": mapping("#/$defs/actor", "Actors by id."),
                "relations": .object(["type": "array", "items": JSONValue.object(["$ref": "#/$defs/relation"])]),
                "events": mapping("#/$defs/event", "Events by id."),
            ]),
            "$defs": .object(["date": date, "period": period, "evidence": evidence, "source": source, "actor": actor,
                              "relation": relation, "event": event]),
        ])
    }
}
