import Foundation

/// A self-contained, offline HTML page of a graph: the diagram as inline SVG (drawn by
/// libgraphviz) with hover details, search by any name in any language, filters by kind and
/// claim status, a time slider ("the graph as of a date") with a play button and an activity
/// strip (events per month, quarter or year: ``EventActivity``) and the graph's periods as
/// bands over it (``PeriodBand``, stacked), and path highlighting between
/// two actors, computed in the page over an embedded JSON copy of the graph.
///
/// Use it in two steps, because drawing happens outside this module:
/// 1. ``diagram`` is the DOT to draw: the view's document with stable element ids
///    (`eg-n-ID` for nodes, `eg-eN` for edges) and Graphviz tooltips removed;
/// 2. ``html(svg:)`` wraps the SVG Graphviz drew from it into the page.
///
/// The page loads nothing from the network: styles, script and data are inline.
public struct HTMLPage: Sendable {
    public let graph: GraphView
    /// Language tag for actor names (nil: display names).
    public let language: String?
    /// The diagram to draw, with the ids the page script looks for.
    public let diagram: DOTDocument
    /// What each SVG edge id stands for: the link (event or relation id) and its two ends.
    private let edgeLinks: [(svgID: String, link: String?, from: String, to: String)]

    /// Prepares the page for a graph and the DOT document of one of its views.
    public init(graph: GraphView, diagram: DOTDocument, language: String? = nil) {
        self.graph = graph
        self.language = language
        var edges: [(svgID: String, link: String?, from: String, to: String)] = []
        func relabel(_ statements: [DOTStatement]) -> [DOTStatement] {
            statements.map { statement in
                switch statement {
                case let .node(id, attributes):
                    var kept = attributes.filter { $0.name != "tooltip" && $0.name != "id" }
                    kept.append(DOTAttribute("id", HTMLPage.nodeElementID(id)))
                    return .node(id, kept)
                case let .edge(from, to, attributes):
                    let original = attributes.first { $0.name == "id" }.flatMap { attribute -> String? in
                        if case let .plain(text) = attribute.value { return text }
                        return nil
                    }
                    let svgID = "eg-e\(edges.count + 1)"
                    edges.append((svgID, HTMLPage.link(of: original, from: from, to: to, in: graph), from, to))
                    var kept = attributes.filter { $0.name != "tooltip" && $0.name != "id" }
                    kept.append(DOTAttribute("id", svgID))
                    return .edge(from, to, kept)
                case var .subgraph(sub):
                    sub.statements = relabel(sub.statements)
                    return .subgraph(sub)
                case .comment:
                    return statement
                }
            }
        }
        var document = diagram
        document.statements = relabel(diagram.statements)
        self.diagram = document
        self.edgeLinks = edges
    }

    /// The SVG element id of a DOT node.
    public static func nodeElementID(_ id: String) -> String { "eg-n-" + id }

    /// The event or relation an edge of a diagram stands for.
    static func link(of original: String?, from: String, to: String, in graph: GraphView) -> String? {
        if let original {
            if graph.relation(original) != nil { return original }
            let suffix = "--\(from)--\(to)"
            if original.hasSuffix(suffix) {
                let event = String(original.dropLast(suffix.count))
                if graph.event(event) != nil { return event }
            }
        }
        if graph.event(from) != nil { return from }
        if graph.event(to) != nil { return to }
        return nil
    }

    /// The embedded data the page script works on.
    public var data: JSONValue {
        func evidence(_ items: [Evidence]) -> JSONValue {
            .array(items.map { item in
                let source = graph.source(item.source)
                return .object([
                    "source": .string(item.source), "title": source.map { .string($0.title) },
                    "publisher": source?.publisher.map(JSONValue.string), "url": source?.url.flatMap(SafeURL.link).map(JSONValue.string),
                    // A URL that may not be a link (javascript:, data:, …) is shown as text.
                    "urlText": source?.url.flatMap { SafeURL.isAllowed($0) ? nil : JSONValue.string($0) },
                    "quote": item.quote.map(JSONValue.string), "note": item.note.map(JSONValue.string),
                ])
            })
        }
        let actors: [JSONValue] = graph.actors.map { actor in
            .object([
                "id": .string(actor.id), "kind": .string(actor.kind), "kindLabel": .string(graph.actorKindLabel(actor.kind)),
                "name": .string(actor.displayName(language: language)), "canonical": .string(actor.name),
                "names": .object(actor.names.map { ($0.language, .string($0.name)) }),
                "aliases": .array(actor.aliases.map(JSONValue.string)),
                "country": actor.country.map(JSONValue.string), "description": actor.description.map(JSONValue.string),
            ])
        }
        let events: [JSONValue] = graph.chronologicalEvents.map { event in
            let interval = event.date.interval
            return .object([
                "id": .string(event.id), "kind": .string(event.kind), "kindLabel": .string(graph.eventKindLabel(event.kind)),
                "date": .string(event.date.description), "first": .number(Double(interval.first)), "last": .number(Double(interval.last)),
                "title": .string(event.title), "description": event.description.map(JSONValue.string),
                "claim": .string(event.claim.rawValue), "claimedBy": event.claimedBy.map(JSONValue.string),
                "status": event.status.map { .string($0.rawValue) }, "dateBasis": .string(event.dateBasis.rawValue),
                "dateNote": event.dateNote.map(JSONValue.string), "dateSource": event.dateSource.map(JSONValue.string), "amount": event.amount.map { .string($0.description) },
                "roles": .array(event.roles.map { .array([.string($0.role), .array($0.ids.map(JSONValue.string))]) }),
                "sources": evidence(event.sources),
            ])
        }
        let relations: [JSONValue] = graph.relations.map { relation in
            .object([
                "id": .string(relation.id), "kind": .string(relation.kind), "kindLabel": .string(graph.relationKindLabel(relation.kind)),
                "from": .string(relation.from), "to": .string(relation.to), "role": relation.role.map(JSONValue.string),
                "since": relation.since.map { .string($0.description) }, "until": relation.until.map { .string($0.description) },
                "first": relation.since.map { .number(Double($0.interval.first)) },
                "directed": .bool(graph.isDirected(relationKind: relation.kind)), "sources": evidence(relation.sources),
            ])
        }
        let edges: [JSONValue] = edgeLinks.map { edge in
            .object(["id": .string(edge.svgID), "link": edge.link.map(JSONValue.string), "from": .string(edge.from), "to": .string(edge.to)])
        }
        let range = graph.dateRange
        let usedEventKinds = Set(graph.events.map(\.kind)), usedRelationKinds = Set(graph.relations.map(\.kind))
        let kinds: [JSONValue] = graph.schema.eventKindOrder.filter(usedEventKinds.contains).map {
            .object([("kind", .string($0)), ("label", .string(graph.eventKindLabel($0))), ("type", "event")])
        } + graph.schema.relationKindOrder.filter(usedRelationKinds.contains).map {
            .object([("kind", .string($0)), ("label", .string(graph.relationKindLabel($0))), ("type", "relation")])
        }
        // The time slider's steps (play button) and activity strip: one definition, EventActivity.
        let activity: JSONValue? = EventActivity(graph: graph, maximumBars: 200).map { activity in
            .object([
                "step": .string(activity.step.rawValue), "peak": .number(Double(activity.peak)),
                "periods": .array(zip(activity.periods, activity.counts).map { period, count in
                    [.string(period.description), .string(period.title), .number(Double(period.interval.first)),
                     .number(Double(period.interval.last)), .number(Double(count))]
                }),
            ])
        }
        // Periods as bands over the slider, stacked as on the charts (PeriodBand).
        let periods: [JSONValue] = PeriodBand.stacked(PeriodBand.bands(of: graph)).map { band in
            .object([
                "id": .string(band.id), "title": .string(band.title), "first": .number(Double(band.interval.first)),
                "last": .number(Double(band.interval.last)), "row": .number(Double(band.row)), "color": .string(band.solidColor),
            ])
        }
        return .object([
            "title": .string(graph.title ?? "EventGraph"), "description": graph.description.map(JSONValue.string),
            "activity": activity, "periods": .array(periods),
            "actors": .array(actors), "events": .array(events), "relations": .array(relations), "edges": .array(edges),
            "first": range.map { .number(Double($0.first)) }, "last": range.map { .number(Double($0.last)) },
            "kinds": .array(kinds), "claims": .array(Claim.allCases.map { .string($0.rawValue) }),
        ])
    }

    /// The page, with `svg` (Graphviz's drawing of ``diagram``) inline.
    public func html(svg: String) -> String {
        // Drop the XML declaration and DOCTYPE: inline SVG starts at the element.
        let inline = svg.range(of: "<svg").map { String(svg[$0.lowerBound...]) } ?? svg
        // `<` is escaped so no string in the data can close the script element.
        let json = data.compactText.replacingOccurrences(of: "<", with: "\\u003c")
        let title = DOTDocument.htmlEscape(graph.title ?? "EventGraph")
        return HTMLPageTemplate.fill(["TITLE": title, "LANG": DOTDocument.htmlEscape(language ?? "en"), "DATA": json, "SVG": inline,
                                      "CSS": HTMLPageTemplate.css, "JS": HTMLPageTemplate.script])
    }
}
