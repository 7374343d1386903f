import Foundation

/// Writes a multi-file export into a folder all at once: every file is first written into
/// a fresh temporary folder beside the destination, and only when all of them are written
/// are they moved into place (each move is an atomic rename). A failed run leaves the
/// destination as it was. Files already in the folder that the export does not write are kept.
public enum OutputFolder {
    /// Writes `files` into the folder at `path`, creating it (but not its parents) if needed.
    /// - Throws: ``OutputFileError`` when the parent folder does not exist, `path` is a file,
    ///   or a file cannot be written.
    public static func write(_ files: [ExportFile], to path: String) throws(OutputFileError) {
        let fm = FileManager.default
        let folder = URL(fileURLWithPath: path)
        let parent = folder.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputFileError(path: path, reason: "the folder \(parent.path) does not exist")
        }
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputFileError(path: path, reason: "it is a file, and this format writes a folder of files")
        }
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).tmp-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            defer { try? fm.removeItem(at: staging) }
            for file in files {
                try Data(file.text.utf8).write(to: staging.appendingPathComponent(file.name))
            }
            if !fm.fileExists(atPath: folder.path) {
                try fm.createDirectory(at: folder, withIntermediateDirectories: false)
            }
            for file in files {
                let from = staging.appendingPathComponent(file.name), to = folder.appendingPathComponent(file.name)
                guard rename(from.path, to.path) == 0 else {
                    throw OutputFileError(path: to.path, reason: String(cString: strerror(errno)))
                }
            }
        } catch let error as OutputFileError {
            throw error
        } catch {
            throw OutputFileError(path: path, reason: error.localizedDescription)
        }
    }
}
