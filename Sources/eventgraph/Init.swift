import ArgumentParser
import EventGraph
import Foundation

/// `eventgraph init DIR`: a small commented starter graph.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a small commented starter graph into a new or empty folder.",
        discussion: "Writes DIR/graph.yaml, DIR/sources/notes.txt and DIR/.eventgraph/schema.json (for editors). Refuses a folder that is not empty.")

    @Argument(help: ArgumentHelp("The folder to create (or an empty one).", valueName: "DIR"))
    var directory: String

    func run() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CommandFailure(message: "\(directory) is a file; give a new or empty folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
            guard entries.isEmpty else {
                throw CommandFailure(message: "\(directory) is not empty; give a new or empty folder so nothing is overwritten")
            }
        }
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for file in StarterGraph.files {
                let path = directory + "/" + file.path
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try OutputFile.write(text: file.text, to: path)
            }
        } catch let error as OutputFileError {
            throw error
        } catch {
            throw CommandFailure(message: "cannot create \(directory): \(error.localizedDescription)")
        }
        print("wrote a starter graph into \(directory): graph.yaml, sources/notes.txt; try `eventgraph validate \(directory)`")
    }
}
