import Foundation

/// Writes output all at once: to a temporary file beside the destination, then renamed over
/// it, so a failed run never leaves a half-written file (and the temporary file is removed).
///
/// Only a regular file or a new name is written: never through a symbolic link, onto a
/// device or a folder, or over an input file; an existing file keeps its permissions (see
/// `OutputTarget` for every rule).
public enum OutputFile {
    /// Writes `bytes` to `path` atomically, or to standard output when `path` is nil or `-`.
    /// - Parameter inputs: the graph paths the output was made from; writing over one of
    ///   them (or a graph file inside an input folder) is refused.
    /// - Throws: ``OutputFileError``, one plain sentence, when the file may not or cannot be
    ///   written (nothing was written).
    public static func write(_ bytes: [UInt8], to path: String?, inputs: [String] = []) throws(OutputFileError) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the file name is empty") }
        let mode = try OutputTarget.checkFile(path, inputs: inputs)
        let temporary = try OutputTarget.writeTemporary(bytes, in: OutputTarget.folder(of: path),
                                                        name: OutputTarget.name(of: path), mode: mode, for: path)
        try OutputTarget.replace(path, with: temporary)
    }

    /// Writes UTF-8 text without copying it; see ``write(_:to:inputs:)``.
    public static func write(text: String, to path: String?, inputs: [String] = []) throws(OutputFileError) {
        var text = text
        guard let path, path != "-" else {
            text.withUTF8 { FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0.baseAddress ?? UnsafePointer(bitPattern: 1)!), count: $0.count, deallocator: .none)) }
            return
        }
        guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the file name is empty") }
        let mode = try OutputTarget.checkFile(path, inputs: inputs)
        let written = text.withUTF8 { buffer in
            Result { () throws(OutputFileError) in
                try OutputTarget.writeTemporary(UnsafeRawBufferPointer(buffer), in: OutputTarget.folder(of: path),
                                                name: OutputTarget.name(of: path), mode: mode, for: path)
            }
        }
        let temporary = try written.get()
        try OutputTarget.replace(path, with: temporary)
    }
}

/// An output file could not be written (nothing was written).
public struct OutputFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot write \(path): \(reason)" }
}
