import ArgumentParser
import EventGraph
import Foundation

/// `eventgraph watch GRAPH -o FILE [render options]`: re-render on every save.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-render a diagram or page (as `render` does) every time a graph file is saved.",
        discussion: """
            -o FILE is required here: the file re-rendered on every change (its extension, or --format, gives the format). \
            Checks the graph's files and folders every --interval seconds (modification times and sizes; new and \
            removed files count). Each render prints a line; input errors are printed and watching goes on. Stop with Ctrl-C.
            """)

    @OptionGroup var render: Render

    @Option(help: "Seconds between checks for changes.")
    var interval: Double = 0.5

    @Option(name: .customLong("max-renders"), help: ArgumentHelp("Stop after this many renders (for scripts and tests).", visibility: .hidden))
    var maxRenders: Int?

    /// Checked in `run()`, not `validate()`: ArgumentParser would wrap the sentence in a usage
    /// line naming `render watch` (the embedded command).
    func checkOptions() throws {
        guard render.out.file != nil else {
            throw UsageError("watch needs -o FILE: the file to re-render on every change (for example: eventgraph watch \(render.input.graph.first ?? "GRAPH") -o graph.svg)")
        }
        guard interval > 0 else { throw UsageError("--interval must be more than 0") }
    }

    func run() throws {
        try checkOptions()
        print("watching \(render.input.graph.joined(separator: " ")); rendering to \(render.out.file ?? "") on every change (Ctrl-C stops)")
        fflush(nil)
        var last: [String]? = nil
        var renders = 0
        while true {
            let current = Self.snapshot(render.input.graph)
            if current != last {
                last = current
                do {
                    try render.run()
                } catch {
                    _ = Entry.report(error)
                }
                fflush(nil)
                renders += 1
                if let maxRenders, renders >= maxRenders { return }
            }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// What a change is detected by: each input file with its modification time and size
    /// (or the reason the inputs cannot be listed).
    static func snapshot(_ paths: [String]) -> [String] {
        do {
            let files = try GraphLoader.inputFiles(paths)
            return files.map { file in
                let attributes = try? FileManager.default.attributesOfItem(atPath: file)
                let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
                return "\(file)\t\(date)\t\(size)"
            }
        } catch {
            return ["error\t\(error)"]
        }
    }
}
