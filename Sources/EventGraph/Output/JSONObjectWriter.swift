/// Builds a JSON object member by member: written straight into a sink (``JSONObjectWriter``)
/// or collected as a ``JSONValue`` (``JSONObjectCollector``). A record's shape written once
/// against this protocol serves both (``GraphView/writeNodeLinkJSON(to:)`` streams event nodes,
/// ``GraphView/nodeLinkJSON`` collects them). Nil values leave their key out.
protocol JSONObjectBuilding {
    mutating func string(_ key: String, _ value: String?)
    /// A string member from UTF-8 bytes (an id copied from the store).
    mutating func string(_ key: String, bytes: UnsafeBufferPointer<UInt8>)
    mutating func value(_ key: String, _ value: JSONValue?)
    /// A list of strings (left out when nil).
    mutating func strings(_ key: String, _ values: [String]?)
    /// A list of objects, each built by `item` (written even when empty).
    mutating func objects<Item>(_ key: String, _ items: [Item], _ item: (Item, inout Self) -> Void)
}

/// Writes an object's members into a sink as they come, with ``JSONValue``'s layout: pretty-
/// printed as if nested `depth` levels deep (two spaces a level), or on one line for nil.
struct JSONObjectWriter: JSONObjectBuilding {
    let out: ExportSink
    let depth: Int?
    private var count = 0

    init(_ out: ExportSink, depth: Int?) {
        self.out = out
        self.depth = depth
    }

    /// Starts a member: the brace or comma, the line break, the key.
    mutating func key(_ key: String) {
        out.write(byte: count == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
        if let depth { out.writeJSONLineBreak(depth: depth + 1) }
        out.writeJSONString(key)
        out.write(depth == nil ? ":" : ": ")
        count += 1
    }

    mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        out.writeJSONString(value)
    }

    mutating func string(_ key: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.key(key)
        out.writeJSONString(bytes: bytes)
    }

    mutating func value(_ key: String, _ value: JSONValue?) {
        guard let value else { return }
        self.key(key)
        value.write(to: out, depth: depth.map { $0 + 1 })
    }

    mutating func strings(_ key: String, _ values: [String]?) {
        guard let values else { return }
        self.key(key)
        var list = JSONListWriter(out, depth: depth.map { $0 + 1 })
        for value in values {
            list.next()
            out.writeJSONString(value)
        }
        list.end()
    }

    mutating func objects<Item>(_ key: String, _ items: [Item], _ item: (Item, inout JSONObjectWriter) -> Void) {
        self.key(key)
        var list = JSONListWriter(out, depth: depth.map { $0 + 1 })
        for element in items {
            list.next()
            var object = JSONObjectWriter(out, depth: depth.map { $0 + 2 })
            item(element, &object)
            object.end()
        }
        list.end()
    }

    /// Closes the object (`{}` when nothing was written).
    func end() {
        if count == 0 {
            out.write("{}")
            return
        }
        if let depth { out.writeJSONLineBreak(depth: depth) }
        out.write(byte: UInt8(ascii: "}"))
    }
}

/// Writes a list's items into a sink with ``JSONValue``'s layout; the caller writes each item
/// after ``next()``.
struct JSONListWriter {
    let out: ExportSink
    let depth: Int?
    private var count = 0

    init(_ out: ExportSink, depth: Int?) {
        self.out = out
        self.depth = depth
    }

    /// Starts an item: the bracket or comma and the line break.
    mutating func next() {
        out.write(byte: count == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
        if let depth { out.writeJSONLineBreak(depth: depth + 1) }
        count += 1
    }

    /// Closes the list (`[]` when empty).
    func end() {
        if count == 0 {
            out.write("[]")
            return
        }
        if let depth { out.writeJSONLineBreak(depth: depth) }
        out.write(byte: UInt8(ascii: "]"))
    }
}

/// Collects an object's members as a ``JSONValue``.
struct JSONObjectCollector: JSONObjectBuilding {
    private(set) var pairs: [(String, JSONValue)] = []

    var object: JSONValue { .object(pairs) }

    mutating func string(_ key: String, _ value: String?) {
        if let value { pairs.append((key, .string(value))) }
    }

    mutating func string(_ key: String, bytes: UnsafeBufferPointer<UInt8>) {
        pairs.append((key, .string(String(decoding: bytes, as: UTF8.self))))
    }

    mutating func value(_ key: String, _ value: JSONValue?) {
        if let value { pairs.append((key, value)) }
    }

    mutating func strings(_ key: String, _ values: [String]?) {
        if let values { pairs.append((key, .strings(values))) }
    }

    mutating func objects<Item>(_ key: String, _ items: [Item], _ item: (Item, inout JSONObjectCollector) -> Void) {
        pairs.append((key, .array(items.map { element in
            var object = JSONObjectCollector()
            item(element, &object)
            return object.object
        })))
    }
}
