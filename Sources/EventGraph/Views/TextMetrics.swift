/// Estimated widths of text set in Noto Sans CJK, for layouts computed in Swift (the
/// theme-line chart) before Graphviz measures the text itself.
///
/// The estimate errs on the wide side: CJK and full-width characters are one em, Latin
/// capitals 0.66 em, lower case 0.54 em, narrow letters and punctuation 0.3 em.
public enum TextMetrics {
    /// The estimated width, in points, of `text` at `fontSize` points.
    /// - Complexity: O(n) in the text's length.
    public static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += width(of: scalar)
        }
        return ems * fontSize
    }

    /// `text` cut to at most `maxWidth` points (with `…` at the end when cut).
    public static func truncate(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        var out = ""
        var used = width(of: "…") * fontSize
        for c in text {
            let w = c.unicodeScalars.reduce(0.0) { $0 + width(of: $1) } * fontSize
            if used + w > maxWidth { break }
            out.append(c)
            used += w
        }
        return out.trimmingWhitespace() + "…"
    }

    static func width(of scalar: Unicode.Scalar) -> Double {
        let v = scalar.value
        if v >= 0x1100 && LabelText.columns(String(scalar)) == 2 { return 1.0 }
        switch scalar {
        case " ": return 0.26
        case "i", "l", "j", "t", "f", "r", "I", ".", ",", ":", ";", "'", "!", "|", "(", ")", "[", "]", "-", "·": return 0.32
        case "m", "w": return 0.82
        case "M", "W": return 0.9
        case "A"..."Z": return 0.66
        case "0"..."9": return 0.56
        case "a"..."z": return 0.54
        case "~", "…", "–", "—", "“", "”": return 0.7
        default: return v < 0x80 ? 0.6 : 0.8
        }
    }
}
