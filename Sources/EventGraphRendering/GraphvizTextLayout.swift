import CGraphviz

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A text-layout plugin placed in front of Graphviz's pango plugin, so that bold and italic
/// text in HTML-like labels does not leak.
///
/// Graphviz 2.42's pango text layout (plugin/pango/gvtextlayout_pango.c) lays out a text span
/// whose font has `<B>`/`<I>` flags by building pango markup and calling `pango_parse_markup`;
/// the parsed text and attribute list are never freed, about 270 bytes for every bold or
/// italic span of every layout (`watch` redraws for hours). This plugin,
/// installed as a built-in with a higher quality than pango's, hands such a span to pango's
/// own function with a font that says the same thing without flags: the family name followed
/// by `Bold`/`Italic`, which pango reads as the weight and style of the font description.
/// The size pango measures and the layout the cairo renderer draws (PNG, PDF) are the bold or
/// italic face, as before; the span keeps its original font, so the SVG renderer still writes
/// `font-weight="bold"`/`font-style="italic"`. Spans with other flags (underline, sub- and
/// superscript, none of which EventGraph draws) and PostScript font names go to pango as they
/// are.
///
/// Every call happens under ``GraphvizRenderer``'s lock (Graphviz calls the plugin from
/// `gvLayout` and `gvRenderData`), which also guards the state here.
enum GraphvizTextLayout {
    /// Creates the Graphviz context: with this plugin in front of pango's when pango's text
    /// layout can be found in `pluginDirectory`, else as `gvContext()` does.
    static func makeContext(pluginDirectory: String?) -> OpaquePointer? {
        guard let pangoLayout = pangoTextLayout(in: pluginDirectory) else { return gvContext() }
        State.pango = pangoLayout
        return gvContextPlugins(builtins, 1)
    }

    // MARK: - The plugin

    /// Bold and italic: the flags a font name can say instead (`HTML_BF`, `HTML_IF`).
    private static let nameableFlags: UInt32 = 1 << 0 | 1 << 1

    /// Mutable state, used only under the renderer's lock.
    private enum State {
        nonisolated(unsafe) static var pango: (@convention(c) (UnsafeMutablePointer<textspan_t>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> boolean)?
        /// The flag-free fonts made so far, by original name, size and flags. Never freed:
        /// pango's plugin keeps a pointer to the last font name it was given.
        nonisolated(unsafe) static var substitutes: [Key: UnsafeMutablePointer<textfont_t>] = [:]
    }

    private struct Key: Hashable {
        let name: String
        let size: Double
        let flags: UInt32
    }

    private static let layout: @convention(c) (UnsafeMutablePointer<textspan_t>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> boolean = { span, fontpath in
        guard let pango = State.pango else { return 0 }
        guard let span, let font = span.pointee.font, let name = font.pointee.name,
              font.pointee.postscript_alias == nil else { return pango(span, fontpath) }
        let flags = font.pointee.flags
        guard flags != 0, flags & ~GraphvizTextLayout.nameableFlags == 0 else { return pango(span, fontpath) }
        span.pointee.font = GraphvizTextLayout.substitute(name: String(cString: name), size: font.pointee.size, flags: flags)
        defer { span.pointee.font = font }
        return pango(span, fontpath)
    }

    /// The flag-free font for `name` at `size` with bold/italic `flags`.
    private static func substitute(name: String, size: Double, flags: UInt32) -> UnsafeMutablePointer<textfont_t> {
        let key = Key(name: name, size: size, flags: flags)
        if let made = State.substitutes[key] { return made }
        var described = name
        if flags & 1 != 0 { described += " Bold" }
        if flags & 2 != 0 { described += " Italic" }
        let font = UnsafeMutablePointer<textfont_t>.allocate(capacity: 1)
        font.initialize(to: textfont_t())
        font.pointee.name = strdup(described)
        font.pointee.size = size
        font.pointee.cnt = 1
        State.substitutes[key] = font
        return font
    }

    /// The built-in plugin list handed to `gvContextPlugins` (process lifetime).
    nonisolated(unsafe) private static let builtins: UnsafePointer<lt_symlist_t> = {
        let engine = UnsafeMutablePointer<gvtextlayout_engine_t>.allocate(capacity: 1)
        engine.initialize(to: gvtextlayout_engine_t(textlayout: layout))
        let types = UnsafeMutablePointer<gvplugin_installed_t>.allocate(capacity: 2)
        // Quality 11: ahead of pango's 10, so gvtextlayout_select picks this one.
        types[0] = gvplugin_installed_t(id: 0, type: strdup("textlayout"), quality: 11, engine: UnsafeMutableRawPointer(engine), features: nil)
        types[1] = gvplugin_installed_t(id: 0, type: nil, quality: 0, engine: nil, features: nil)
        let apis = UnsafeMutablePointer<gvplugin_api_t>.allocate(capacity: 2)
        apis[0] = gvplugin_api_t(api: API_textlayout, types: types)
        apis[1] = gvplugin_api_t(api: api_t(0), types: nil)
        let library = UnsafeMutablePointer<gvplugin_library_t>.allocate(capacity: 1)
        library.initialize(to: gvplugin_library_t(packagename: strdup("eventgraph"), apis: apis))
        let symbols = UnsafeMutablePointer<lt_symlist_t>.allocate(capacity: 2)
        // gvconfig installs a built-in whose name starts with "g" and contains "_LTX_library".
        symbols[0] = lt_symlist_t(name: strdup("gvplugin_eventgraph_LTX_library"), address: UnsafeMutableRawPointer(library))
        symbols[1] = lt_symlist_t(name: nil, address: nil)
        return UnsafePointer(symbols)
    }()

    /// Pango's own text-layout function, from the plugin library Graphviz would load (the same
    /// `dlopen` handle, so the same state); `nil` when it is not installed.
    private static func pangoTextLayout(in directory: String?) -> (@convention(c) (UnsafeMutablePointer<textspan_t>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> boolean)? {
        guard let directory else { return nil }
        for file in ["libgvplugin_pango.so.6", "libgvplugin_pango.so", "libgvplugin_pango.6.dylib"] {
            guard let handle = dlopen(directory + "/" + file, RTLD_NOW | RTLD_GLOBAL) else { continue }
            guard let symbol = dlsym(handle, "gvplugin_pango_LTX_library") else { return nil }
            var api = symbol.assumingMemoryBound(to: gvplugin_library_t.self).pointee.apis
            while let current = api, let types = current.pointee.types {
                if current.pointee.api == API_textlayout, let engine = types.pointee.engine {
                    return engine.assumingMemoryBound(to: gvtextlayout_engine_t.self).pointee.textlayout
                }
                api = current + 1
            }
            return nil
        }
        return nil
    }
}
