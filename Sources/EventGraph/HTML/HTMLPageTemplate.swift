/// The HTML, CSS and script of ``HTMLPage`` (real files in `Resources/page/`, compiled into
/// the binary by the `EmbedResources` plugin): one page, nothing loaded from the network.
///
/// Placeholders `{{TITLE}}`, `{{LANG}}`, `{{CSS}}`, `{{JS}}`, `{{DATA}}` (the graph as JSON, `<` escaped) and
/// `{{SVG}}` (the inline diagram) are filled by ``fill(_:)``.
enum HTMLPageTemplate {
    /// The page with each `{{NAME}}` of the template replaced by `values[NAME]`. Only the
    /// template is scanned, so text inside the values is never taken for a placeholder.
    static func fill(_ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(page)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else {
                rest = afterOpen
                out += "{{"
                continue
            }
            let name = String(afterOpen[..<close.lowerBound])
            if let value = values[name] {
                out += value
            } else {
                out += "{{" + name + "}}"
            }
            rest = afterOpen[close.upperBound...]
        }
        out += rest
        return out
    }

    /// `Resources/page/page.html`, with `{{CSS}}` and `{{JS}}` for the two files below.
    static var page: String { EmbeddedResources.pagePageHtml }
    /// `Resources/page/page.css`.
    static var css: String { EmbeddedResources.pagePageCss }
    /// `Resources/page/page.js`.
    static var script: String { EmbeddedResources.pagePageJs }
}
