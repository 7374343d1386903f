import CGraphviz

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Graphviz plugins the process can use, as reported by `gvPluginList`.
///
/// Obtain it with ``GraphvizRenderer/availablePlugins()``; useful for
/// diagnostics ("doctor" commands) and for checking an installation.
public struct GraphvizPlugins: Sendable, Equatable {
    /// Layout engines, e.g. `dot`, `neato`, `nop2`.
    public let layouts: [String]
    /// Renderers (output languages), e.g. `svg`, `cairo`, `dot`.
    public let renderers: [String]
    /// Devices (output formats), e.g. `svg`, `png`, `pdf`.
    public let devices: [String]
    /// Text-layout plugins; `textlayout` when pango is available, empty when
    /// Graphviz can only estimate text sizes.
    public let textLayouts: [String]

    /// Queries the plugin lists of a Graphviz context. Call with the lock held.
    init(context gvc: OpaquePointer) {
        layouts = Self.list(gvc, "layout")
        renderers = Self.list(gvc, "render")
        devices = Self.list(gvc, "device")
        textLayouts = Self.list(gvc, "textlayout")
    }

    init(layouts: [String], renderers: [String], devices: [String], textLayouts: [String]) {
        self.layouts = layouts
        self.renderers = renderers
        self.devices = devices
        self.textLayouts = textLayouts
    }

    /// `gvPluginList` returns a malloc'ed array of malloc'ed strings (or NULL).
    private static func list(_ gvc: OpaquePointer, _ kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        defer { free(list) }
        var names: [String] = []
        for index in 0..<Int(max(count, 0)) {
            guard let name = list[index] else { continue }
            names.append(String(cString: name))
            free(name)
        }
        return names.sorted()
    }

    /// Throws unless the layout engine is installed.
    func requireLayout(_ layout: GraphvizLayout) throws(GraphvizError) {
        guard layouts.contains(layout.engineName) else {
            throw GraphvizError(
                kind: .unknownLayout,
                message: "Graphviz has no \"\(layout.engineName)\" layout plugin for layout "
                    + "\"\(layout.rawValue)\" (available: \(Self.describe(layouts))); the Graphviz plugin "
                    + "configuration is missing or stale: \(GraphvizError.pluginConfigurationFix)."
            )
        }
    }

    /// Throws unless the device and renderer needed for `formatName` are installed.
    func requireOutput(formatName: String, device: String, renderer: String) throws(GraphvizError) {
        guard devices.contains(device), renderers.contains(renderer) else {
            throw GraphvizError(
                kind: .unknownFormat,
                message: "Graphviz cannot write \"\(formatName)\" (needs device \"\(device)\" and renderer "
                    + "\"\(renderer)\"; devices: \(Self.describe(devices)); renderers: \(Self.describe(renderers))); "
                    + "the Graphviz plugin configuration is missing or stale: \(GraphvizError.pluginConfigurationFix)."
            )
        }
    }

    private static func describe(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: " ")
    }
}

/// Locating and checking Graphviz's plugin configuration file (`config6a`),
/// which `dot -c` writes into the plugin directory. Without it Graphviz
/// silently loads no plugins and every layout fails.
enum GraphvizPluginConfiguration {
    /// Names Graphviz has used for the configuration file (2.42 uses `config6a`).
    static let configurationFileNames = ["config6a", "config6", "config7", "config8"]

    /// The plugin directory Graphviz will read, and how it was found.
    ///
    /// Mirrors Graphviz's own search: `GVBINDIR` if set, otherwise the
    /// `graphviz` directory next to the loaded `libgvc` (found with `dladdr`),
    /// otherwise the first existing common location. `nil` if none exists.
    static func locateDirectory() -> String? {
        if let override = getenv("GVBINDIR"), override.pointee != 0 {
            return String(cString: override)
        }
        if let libraryDirectory = loadedLibgvcDirectory() {
            return libraryDirectory + "/graphviz"
        }
        let candidates = [
            "/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/aarch64-linux-gnu/graphviz",
            "/usr/lib/arm-linux-gnueabihf/graphviz", "/usr/lib/i386-linux-gnu/graphviz",
            "/usr/lib/riscv64-linux-gnu/graphviz", "/usr/lib/powerpc64le-linux-gnu/graphviz",
            "/usr/lib/s390x-linux-gnu/graphviz", "/usr/lib64/graphviz", "/usr/lib/graphviz",
            "/usr/local/lib/graphviz", "/opt/homebrew/lib/graphviz",
        ]
        return candidates.first(where: isDirectory)
    }

    /// Returns the error to throw if the configuration file is missing from
    /// `directory`, or `nil` if it is present or the directory is unknown
    /// (then the plugin list decides).
    static func problem(inDirectory directory: String?) -> GraphvizError? {
        guard let directory else { return nil }
        guard isDirectory(directory) else {
            return .pluginConfigurationMissing(detail: "the plugin directory \(directory) does not exist")
        }
        let found = configurationFileNames.contains { access(directory + "/" + $0, R_OK) == 0 }
        guard found else {
            return .pluginConfigurationMissing(detail: "no config6a in \(directory)")
        }
        return nil
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The directory of the `libgvc` shared library this process loaded.
    private static func loadedLibgvcDirectory() -> String? {
        guard let path = loadedLibgvcPath(),
              // Only trust a shared libgvc; a statically linked one has no plugin directory next to it.
              path.contains("libgvc"),
              let slash = path.lastIndex(of: "/"), slash != path.startIndex
        else { return nil }
        return String(path[..<slash])
    }

    #if canImport(Darwin)
    private static func loadedLibgvcPath() -> String? {
        let function: @convention(c) () -> OpaquePointer? = gvContext
        var info = Dl_info()
        guard dladdr(unsafeBitCast(function, to: UnsafeRawPointer.self), &info) != 0,
              let fileName = info.dli_fname
        else { return nil }
        return String(cString: fileName)
    }
    #else
    /// Finds the mapped `libgvc.so*` in `/proc/self/maps` (`dladdr` needs
    /// `_GNU_SOURCE`, which Swift's Glibc module does not expose).
    private static func loadedLibgvcPath() -> String? {
        guard let file = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            guard let start = text.firstIndex(of: "/") else { continue }
            let path = String(text[start...].prefix { $0 != "\n" })
            if path.split(separator: "/").last?.hasPrefix("libgvc.so") == true {
                return path
            }
        }
        return nil
    }
    #endif
}
