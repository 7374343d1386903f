/// A small, typed model of a Graphviz DOT document and its deterministic writer.
///
/// Every id is quoted; `\` and `"` are escaped in plain strings; HTML labels are kept apart
/// from plain ones so that neither is mistaken for the other.
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
        for attribute in attributes {
            out += "\(indent)\(attribute.text);\n"
        }
        if !nodeDefaults.isEmpty { out += "\(indent)node \(DOTAttribute.list(nodeDefaults));\n" }
        if !edgeDefaults.isEmpty { out += "\(indent)edge \(DOTAttribute.list(edgeDefaults));\n" }
        for statement in statements {
            switch statement {
            case let .node(id, attributes):
                out += "\(indent)\(quote(id))\(attributes.isEmpty ? "" : " " + DOTAttribute.list(attributes));\n"
            case let .edge(from, to, attributes):
                out += "\(indent)\(quote(from)) \(directed ? "->" : "--") \(quote(to))\(attributes.isEmpty ? "" : " " + DOTAttribute.list(attributes));\n"
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
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Escapes text for use inside an HTML-like label.
    public static func htmlEscape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "<br/>"
            default: out.append(c)
            }
        }
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

    public var text: String {
        switch value {
        case let .plain(text): "\(name)=\(DOTDocument.quote(text))"
        case let .html(html): "\(name)=<\(html)>"
        }
    }

    static func list(_ attributes: [DOTAttribute]) -> String {
        "[" + attributes.map(\.text).joined(separator: ", ") + "]"
    }
}
