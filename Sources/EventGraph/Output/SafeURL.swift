/// The one rule for URLs that EventGraph writes as links (the HTML page, SVG links,
/// TimelineJS citations): a URL is a link only when its scheme is `http`, `https` or
/// `mailto`; anything else (`javascript:`, `data:`, `file:`, `vbscript:`, no scheme at all)
/// is shown as plain text and never becomes a link.
///
/// Browsers ignore leading and trailing whitespace and control characters and strip tabs
/// and line breaks anywhere in a URL before reading its scheme, and schemes are
/// case-insensitive, so the check does the same: `"  JaVa\tScRiPt:alert(1)"` is refused.
public enum SafeURL {
    /// The schemes a link may have.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The URL as it may be used in a link (trimmed, tabs and line breaks removed), or nil
    /// when it must be shown as plain text.
    public static func link(_ url: String) -> String? {
        // What a browser's URL parser does first: strip leading/trailing C0 controls and
        // spaces, then remove every tab and line break.
        var scalars = Array(url.unicodeScalars)
        while let first = scalars.first, isTrimmed(first) { scalars.removeFirst() }
        while let last = scalars.last, isTrimmed(last) { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: scalars)
        let text = String(cleaned)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        guard allowedSchemes.contains(scheme.lowercased()) else { return nil }
        // No control characters may remain inside an allowed link.
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return text
    }

    /// True when `url` may be written as a link.
    public static func isAllowed(_ url: String) -> Bool { link(url) != nil }

    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace
    }
}
