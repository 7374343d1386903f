import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a multi-file export into a folder all at once: every file is first written into
/// a fresh temporary folder beside the destination, and only when all of them are written
/// are they moved into place (each move is an atomic rename). A failed run leaves the
/// destination as it was. Files already in the folder that the export does not write are
/// kept; files it replaces keep their permissions. The folder and the files in it must not
/// be symbolic links, devices or input files (the rules of ``OutputFile``).
public enum OutputFolder {
    /// Writes `files` into the folder at `path`, creating it (but not its parents) if needed.
    /// - Parameter inputs: the graph paths the export was made from (never overwritten).
    /// - Throws: ``OutputFileError`` when the parent folder does not exist, `path` is a file
    ///   or a link, or a file cannot be written.
    public static func write(_ files: [ExportFile], to path: String, inputs: [String] = []) throws(OutputFileError) {
        try write(files.map { (name: $0.name, bytes: Array($0.text.utf8)) }, to: path, inputs: inputs)
    }

    /// Writes files of bytes (drawings, frames of an animation); see ``write(_:to:inputs:)-([ExportFile],_,_)``.
    public static func write(_ files: [(name: String, bytes: [UInt8])], to path: String, inputs: [String] = []) throws(OutputFileError) {
        let path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let parent = OutputTarget.folder(of: path)
        try OutputTarget.checkFolderExists(parent, for: path)
        switch OutputTarget.kind(of: path) {
        case .missing, .folder: break
        case .regular:
            throw OutputFileError(path: path, reason: "it is a file, and this format writes a folder of files")
        case .symbolicLink:
            throw OutputFileError(path: path, reason: "it is a symbolic link, and EventGraph does not write through links; give the real path")
        case .other:
            throw OutputFileError(path: path, reason: "it is not a folder (a device, pipe or socket)")
        }
        var modes: [mode_t] = []
        let exists = OutputTarget.kind(of: path) == .folder
        for file in files {
            let target = OutputTarget.join(path, file.name)
            if exists {
                modes.append(try OutputTarget.checkFile(target, inputs: inputs))
            } else {
                try OutputTarget.checkNotInput(target, inputs: inputs)
                modes.append(0o666 & ~OutputTarget.currentUmask())
            }
        }
        let fm = FileManager.default
        let staging = OutputTarget.join(parent, ".\(OutputTarget.name(of: path)).tmp-\(UUID().uuidString)")
        guard mkdir(staging, 0o700) == 0 else {
            throw OutputFileError(path: path, reason: OutputTarget.sentence(errno, writing: staging))
        }
        defer { try? fm.removeItem(atPath: staging) }
        var staged: [String] = []
        for (file, mode) in zip(files, modes) {
            staged.append(try OutputTarget.writeTemporary(file.bytes, in: staging, name: file.name, mode: mode,
                                                          for: OutputTarget.join(path, file.name)))
        }
        if OutputTarget.kind(of: path) == .missing, mkdir(path, 0o777) != 0 {
            throw OutputFileError(path: path, reason: OutputTarget.sentence(errno, writing: path))
        }
        for (file, temporary) in zip(files, staged) {
            try OutputTarget.replace(OutputTarget.join(path, file.name), with: temporary)
        }
    }
}
