/// A JSON value with ordered object keys, written deterministically.
public enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given; writers keep that order.
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Builds an object, dropping keys whose value is nil.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public var text: String {
        ExportSink.text { sink in
            write(to: sink, depth: 0)
            sink.write(byte: UInt8(ascii: "\n"))
        }
    }

    /// On one line, no spaces.
    public var compactText: String {
        ExportSink.text { write(to: $0, depth: nil) }
    }

    /// Writes the value, pretty-printed as if nested `depth` levels deep (two spaces a
    /// level), or on one line when `depth` is nil.
    func write(to out: ExportSink, depth: Int?) {
        switch self {
        case .null: out.write("null")
        case let .bool(value): out.write(value ? "true" : "false")
        case let .number(value):
            if value.rounded() == value && abs(value) < 9.007e15 { out.write(Int(Int64(value))) } else { out.write("\(value)") }
        case let .string(value): out.writeJSONString(value)
        case let .array(items):
            var list = JSONListWriter(out, depth: depth)
            for item in items {
                list.next()
                item.write(to: out, depth: depth.map { $0 + 1 })
            }
            list.end()
        case let .object(pairs):
            var object = JSONObjectWriter(out, depth: depth)
            for (key, value) in pairs { object.value(key, value) }
            object.end()
        }
    }

    /// `text` as a quoted JSON string, appended to `out`.
    static func quote(_ text: String, into out: inout String) {
        out += ExportSink.text { $0.writeJSONString(text) }
    }
}

extension ExportSink {
    /// Writes `text` as a quoted JSON string: `"` and `\` escaped, line feed, carriage
    /// return and tab as `\n`, `\r`, `\t`, other control characters as `\u00XX`; every
    /// other character as itself (UTF-8). The rule of every JSON EventGraph writes.
    func writeJSONString(_ text: String) {
        var text = text
        text.withUTF8 { writeJSONString(bytes: $0) }
    }

    /// ``writeJSONString(_:)`` of UTF-8 bytes (an id copied from the store).
    func writeJSONString(bytes: UnsafeBufferPointer<UInt8>) {
        append(byte: UInt8(ascii: "\""))
        // Eight bytes at a time to the first byte that needs an escape (most strings have none).
        var first = 0
        if let base = bytes.baseAddress {
            while first + 8 <= bytes.count {
                let w = ByteWord.load(base + first)
                let special = ByteWord.equal(w, 0x22) | ByteWord.equal(w, 0x5C) | ByteWord.below(w, 0x20)
                if special != 0 {
                    first += ByteWord.first(special)
                    break
                }
                first += 8
            }
        }
        var run = 0
        for i in first..<bytes.count {
            let byte = bytes[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if run < i { append(raw: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
            run = i + 1
            append(byte: UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte: byte)
            case UInt8(ascii: "\n"): append(byte: UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): append(byte: UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): append(byte: UInt8(ascii: "t"))
            default:
                let hex = Array("0123456789abcdef".utf8)
                for digit in [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]] { append(byte: digit) }
            }
        }
        if run < bytes.count { append(raw: UnsafeBufferPointer(rebasing: bytes[run...])) }
        append(byte: UInt8(ascii: "\""))
        didAppend()
    }

    /// A line break and the indentation of `depth` levels (pretty-printed JSON).
    func writeJSONLineBreak(depth: Int) {
        write(byte: UInt8(ascii: "\n"))
        write(spaces: 2 * depth)
    }
}

extension JSONValue {
    init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
    static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
}
