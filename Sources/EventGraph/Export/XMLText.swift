/// Escaping for XML text and attribute values (GraphML, GEXF).
enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, and characters XML 1.0 forbids
    /// (control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF)
    /// dropped. Line breaks inside attribute values are kept as character references so they
    /// survive attribute-value normalisation. (``ExportSink/writeXML(_:attribute:)`` is the rule.)
    static func escape(_ text: String, attribute: Bool = true) -> String {
        ExportSink.text { $0.writeXML(text, attribute: attribute) }
    }
}

extension ExportSink {
    /// Writes `text` escaped for XML (see ``XMLText/escape(_:attribute:)``): byte by byte,
    /// since every character it changes is ASCII except U+FFFE and U+FFFF (`EF BF BE`,
    /// `EF BF BF` in UTF-8), and runs of plain bytes are copied at once.
    func writeXML(_ text: String, attribute: Bool = true) {
        var text = text
        text.withUTF8 { writeXML(utf8: $0, attribute: attribute) }
    }

    /// Writes ` name="value"`, the value escaped for an XML attribute.
    func writeXMLAttribute(_ name: String, _ value: String) {
        var value = value
        value.withUTF8 { writeXMLAttribute(name, utf8: $0) }
    }

    /// ``writeXMLAttribute(_:_:)`` of UTF-8 bytes (an id copied from the store).
    func writeXMLAttribute(_ name: String, utf8 value: UnsafeBufferPointer<UInt8>) {
        write(" ")
        write(name)
        write("=\"")
        writeXML(utf8: value, attribute: true)
        write("\"")
    }

    /// Writes UTF-8 bytes escaped for XML (``writeXML(_:attribute:)``).
    func writeXML(utf8 bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        var run = 0
        var i = 0
        func copyRun() {
            if run < i { append(raw: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte > UInt8(ascii: ">") && byte != 0xEF {
                i += 1
                continue
            }
            let replacement: StaticString?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = attribute ? "&quot;" : nil
            case UInt8(ascii: "'"): replacement = attribute ? "&apos;" : nil
            case UInt8(ascii: "\n"): replacement = attribute ? "&#10;" : nil
            case UInt8(ascii: "\r"): replacement = "&#13;"
            case UInt8(ascii: "\t"): replacement = attribute ? "&#9;" : nil
            case 0..<0x20: replacement = ""
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                copyRun()
                i += 3
                run = i
                continue
            default: replacement = nil
            }
            if let replacement {
                copyRun()
                replacement.withUTF8Buffer { append(raw: $0) }
                run = i + 1
            }
            i += 1
        }
        copyRun()
        didAppend()
    }
}
