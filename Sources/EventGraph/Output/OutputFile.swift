import Foundation

/// Writes output all at once: to a temporary file beside the destination, then renamed over
/// it, so a failed run never leaves a half-written file.
public enum OutputFile {
    /// Writes `bytes` to `path` atomically, or to standard output when `path` is nil or `-`.
    /// - Throws: ``OutputFileError`` when the folder does not exist or cannot be written.
    public static func write(_ bytes: [UInt8], to path: String?) throws(OutputFileError) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputFileError(path: path, reason: "the folder \(folder.path) does not exist")
        }
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw OutputFileError(path: path, reason: error.localizedDescription)
        }
    }

    /// Writes UTF-8 text; see ``write(_:to:)-(_,_)``.
    public static func write(text: String, to path: String?) throws(OutputFileError) {
        try write(Array(text.utf8), to: path)
    }
}

/// An output file could not be written (nothing was written).
public struct OutputFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}
