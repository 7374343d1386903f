import CGraphviz

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes Graphviz handed to ``graphvizMessageSink(_:)`` since the last reset.
///
/// Graphviz reports errors and warnings through one process-wide callback
/// (`agseterrf`) that cannot carry a context pointer, so the buffer has to be
/// global. It is protected by the renderer's mutex: Graphviz only calls the
/// sink from inside Graphviz calls, and every Graphviz call in this module is
/// made while `GraphvizRenderer`'s `Mutex` is held; the helpers below are only
/// called from inside that mutex as well.
nonisolated(unsafe) private var capturedGraphvizOutput: [UInt8] = []

/// The `agusererrf` callback installed with `agseterrf`.
///
/// Graphviz 2.42's `userout` calls it several times per message:
/// `"Error"`/`"Warning"`, then `": "`, then the formatted text (usually ending
/// in a newline); continuation messages (`AGPREV`) arrive without a prefix.
private func graphvizMessageSink(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let text else { return 0 }
    let length = strlen(text)
    let fragment = UnsafeRawBufferPointer(start: text, count: length)
    // Start every prefixed message on a new line even if the previous one
    // forgot its trailing newline.
    if let last = capturedGraphvizOutput.last, last != UInt8(ascii: "\n"),
       fragment.elementsEqual("Error".utf8) || fragment.elementsEqual("Warning".utf8)
    {
        capturedGraphvizOutput.append(UInt8(ascii: "\n"))
    }
    capturedGraphvizOutput.append(contentsOf: fragment)
    return Int32(length)
}

/// One message reported by Graphviz.
struct GraphvizMessage: Equatable, Sendable {
    enum Level: Equatable, Sendable {
        case error
        case warning
    }

    var level: Level
    /// The message text without the `Error: `/`Warning: ` prefix.
    var text: String

    /// The message as Graphviz prints it, with its level prefix.
    var formatted: String {
        (level == .error ? "Error: " : "Warning: ") + text
    }

    /// Splits Graphviz's raw output into messages.
    ///
    /// Lines starting with `Error: ` or `Warning: ` start a new message; other
    /// lines are continuations (`AGPREV`) and are appended to the previous
    /// message with a space. A continuation with no preceding message is
    /// treated as a warning.
    static func parse(_ bytes: [UInt8]) -> [GraphvizMessage] {
        let text = String(decoding: bytes, as: UTF8.self)
        var messages: [GraphvizMessage] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = String(rawLine.reversed().drop(while: \.isWhitespace).reversed())
            guard !line.isEmpty else { continue }
            if line.hasPrefix("Error: ") || line == "Error:" {
                messages.append(GraphvizMessage(level: .error, text: String(line.dropFirst(7))))
            } else if line.hasPrefix("Warning: ") || line == "Warning:" {
                messages.append(GraphvizMessage(level: .warning, text: String(line.dropFirst(9))))
            } else if !messages.isEmpty {
                messages[messages.count - 1].text += messages[messages.count - 1].text.isEmpty ? line : " " + line
            } else {
                messages.append(GraphvizMessage(level: .warning, text: line))
            }
        }
        return messages
    }
}

/// Routing and collection of Graphviz's messages. Call only while holding the
/// renderer's mutex.
enum GraphvizMessageCapture {
    /// Routes every message (warnings included) to ``graphvizMessageSink(_:)``
    /// instead of stderr, and clears the buffer and Graphviz's error level.
    static func reset() {
        _ = agseterrf(graphvizMessageSink)
        _ = agseterr(AGWARN)  // report everything from warnings up immediately
        _ = agreseterrors()
        capturedGraphvizOutput.removeAll(keepingCapacity: true)
    }

    /// Returns and clears the messages captured since the last call.
    static func take() -> [GraphvizMessage] {
        defer { capturedGraphvizOutput.removeAll(keepingCapacity: true) }
        return GraphvizMessage.parse(capturedGraphvizOutput)
    }

    /// Whether Graphviz recorded an error-level message since the last reset
    /// (`agerrors()`), even if nothing reached the callback.
    static var errorLevelReached: Bool {
        agerrors() >= Int32(AGERR.rawValue)
    }
}
