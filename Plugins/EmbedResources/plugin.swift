import Foundation
import PackagePlugin

/// Compiles every file under a target's `Resources/` folder into the target as a string
/// constant of a generated `EmbeddedResources` enum, so the binary needs no resource bundle
/// beside it (it keeps working after being copied or installed elsewhere).
///
/// The files stay real, editable files; the target excludes `Resources` from its sources and
/// lists this plugin. A file `Resources/page/page.js` becomes `EmbeddedResources.pagePageJs`.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Resources")
        var files: [URL] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        files.sort { $0.path < $1.path }
        let prefix = folder.standardizedFileURL.path + "/"
        var arguments: [String] = []
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        arguments.append(output.path)
        for file in files {
            let path = file.standardizedFileURL.path
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : file.lastPathComponent
            arguments += [relative, path]
        }
        return [.buildCommand(displayName: "Embedding \(files.count) resource files into \(target.name)",
                              executable: try context.tool(named: "embed-resources").url,
                              arguments: arguments, inputFiles: files, outputFiles: [output])]
    }
}
