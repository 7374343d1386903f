/// A small, typed model of a Graphviz DOT document and its deterministic writer.
///
/// Every id is quoted; `\` and `"` are escaped in plain strings and control characters
/// replaced; HTML labels are kept apart from plain ones so that neither is mistaken for the
/// other. Only attributes in ``allowedAttributes`` are written.
public struct DOTDocument: Sendable, Equatable {
    public var name: String
    public var directed: Bool
    public var attributes: [DOTAttribute]
    public var nodeDefaults: [DOTAttribute]
    public var edgeDefaults: [DOTAttribute]
    public var statements: [DOTStatement]

    public init(name: String, directed: Bool = true, attributes: [DOTAttribute] = [],
                nodeDefaults: [DOTAttribute] = [], edgeDefaults: [DOTAttribute] = [],
                statements: [DOTStatement] = []) {
        self.name = name
        self.directed = directed
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.statements = statements
    }

    /// The DOT text, ending with a newline.
    public var text: String {
        var out = ""
        out += "\(directed ? "digraph" : "graph") \(DOTDocument.quote(name)) {\n"
        DOTDocument.write(attributes: attributes, nodeDefaults: nodeDefaults, edgeDefaults: edgeDefaults,
                          statements: statements, directed: directed, indent: "  ", into: &out)
        out += "}\n"
        return out
    }

    static func write(attributes: [DOTAttribute], nodeDefaults: [DOTAttribute], edgeDefaults: [DOTAttribute],
                      statements: [DOTStatement], directed: Bool, indent: String, into out: inout String) {
        for attribute in attributes where attribute.isAllowed {
            out += "\(indent)\(attribute.text);\n"
        }
        if nodeDefaults.contains(where: \.isAllowed) { out += "\(indent)node \(DOTAttribute.list(nodeDefaults));\n" }
        if edgeDefaults.contains(where: \.isAllowed) { out += "\(indent)edge \(DOTAttribute.list(edgeDefaults));\n" }
        for statement in statements {
            switch statement {
            case let .node(id, attributes):
                out += "\(indent)\(quote(id))\(attributes.contains(where: \.isAllowed) ? " " + DOTAttribute.list(attributes) : "");\n"
            case let .edge(from, to, attributes):
                out += "\(indent)\(quote(from)) \(directed ? "->" : "--") \(quote(to))\(attributes.contains(where: \.isAllowed) ? " " + DOTAttribute.list(attributes) : "");\n"
            case let .subgraph(sub):
                out += "\(indent)subgraph \(quote(sub.name)) {\n"
                write(attributes: sub.attributes, nodeDefaults: sub.nodeDefaults, edgeDefaults: sub.edgeDefaults,
                      statements: sub.statements, directed: directed, indent: indent + "  ", into: &out)
                out += "\(indent)}\n"
            case let .comment(text):
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    out += "\(indent)// \(line)\n"
                }
            }
        }
    }

    /// A double-quoted DOT string with `\` and `"` escaped and line breaks as `\n`.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(DOTDocument.printable(scalar))
            }
        }
        return out + "\""
    }

    /// A control character (NUL would end Graphviz's input early; the others are not valid
    /// XML in the SVG it writes) as U+FFFD; tab and every other character as is.
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if scalar == "\t" { return scalar }
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : scalar
    }

    /// Escapes text for use as text inside an HTML-like label (a line break becomes `<br/>`,
    /// control characters U+FFFD). Also used for the HTML page's title.
    public static func htmlEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "<br/>"
            case "\r": break
            default: out.unicodeScalars.append(printable(scalar))
            }
        }
        return out
    }

    /// Escapes text for use inside a double-quoted attribute value of an HTML-like label
    /// (`TITLE="…"`, `TOOLTIP="…"`): like ``htmlEscape(_:)`` but a line break is a space,
    /// since no markup may appear inside an attribute.
    public static func htmlAttributeEscape(_ text: String) -> String {
        htmlEscape(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
    }

    /// Graphviz attributes the writer emits; any other name is left out of the DOT text.
    /// Attributes that make Graphviz read files (`image`, `shapefile`, `fontpath`,
    /// `imagepath`, `stylesheet`, …) are deliberately absent, so graph data can never set them.
    public static let allowedAttributes: Set<String> = [
        "label", "xlabel", "headlabel", "taillabel", "style", "color", "fillcolor", "fontcolor", "bgcolor", "pencolor",
        "shape", "penwidth", "fontsize", "fontname", "tooltip", "margin", "id", "arrowsize", "arrowhead", "arrowtail",
        "width", "height", "dir", "fixedsize", "splines", "pos", "labelloc", "labeljust", "weight", "ranksep", "nodesep",
        "pad", "outputorder", "minlen", "group", "rankdir", "rank", "overlap", "ordering", "newrank", "constraint",
        "compound", "concentrate", "peripheries", "sep", "esep", "class", "charset", "center", "ratio", "size", "dpi",
        "pin", "lp", "notranslate", "sides", "skew", "distortion", "orientation", "regular", "lhead", "ltail",
    ]

    /// An HTML-like label with every `<IMG …>` element removed: no view writes one, and
    /// Graphviz would read (and embed) the file it names.
    static func withoutImages(_ html: String) -> String {
        guard html.range(of: "<img", options: .caseInsensitive) != nil else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<img", options: .caseInsensitive) {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ">") else { rest = ""; break }
            rest = after[after.index(after: close)...]
        }
        out += rest
        return out
    }
}

/// One statement of a DOT graph body.
public enum DOTStatement: Sendable, Equatable {
    case node(String, [DOTAttribute])
    case edge(String, String, [DOTAttribute])
    case subgraph(DOTSubgraph)
    case comment(String)
}

/// A subgraph or cluster (`name` starting with `cluster` draws a box).
public struct DOTSubgraph: Sendable, Equatable {
    public var name: String
    public var attributes: [DOTAttribute]
    public var nodeDefaults: [DOTAttribute]
    public var edgeDefaults: [DOTAttribute]
    public var statements: [DOTStatement]

    public init(name: String, attributes: [DOTAttribute] = [], nodeDefaults: [DOTAttribute] = [],
                edgeDefaults: [DOTAttribute] = [], statements: [DOTStatement] = []) {
        self.name = name
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.statements = statements
    }
}

/// An attribute `name=value`, with the value typed so it is written correctly.
public struct DOTAttribute: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// A plain string, quoted and escaped.
        case plain(String)
        /// An HTML-like label, written between `<` and `>`; the caller escapes text inside it.
        case html(String)
    }

    public var name: String
    public var value: Value

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = .plain(value)
    }

    public init(_ name: String, html: String) {
        self.name = name
        self.value = .html(html)
    }

    /// `name=value`; an HTML-like label loses any `<IMG>` element (see
    /// ``DOTDocument/allowedAttributes`` for the names the document writer keeps).
    public var text: String {
        switch value {
        case let .plain(text): "\(name)=\(DOTDocument.quote(text))"
        case let .html(html): "\(name)=<\(DOTDocument.withoutImages(html))>"
        }
    }

    /// True when the document writer emits this attribute.
    public var isAllowed: Bool { DOTDocument.allowedAttributes.contains(name.lowercased()) }

    static func list(_ attributes: [DOTAttribute]) -> String {
        "[" + attributes.filter(\.isAllowed).map(\.text).joined(separator: ", ") + "]"
    }
}
