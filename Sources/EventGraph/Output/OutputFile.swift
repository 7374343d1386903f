import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        try write(to: path, inputs: inputs) { $0.write(bytes) }
    }

    /// Writes UTF-8 text without copying it; see ``write(_:to:inputs:)``.
    public static func write(text: String, to path: String?, inputs: [String] = []) throws(OutputFileError) {
        try write(to: path, inputs: inputs) { $0.write(text) }
    }

    /// Streams an output to `path` (standard output when nil or `-`): `write` fills an
    /// ``ExportSink`` whose bytes go, a buffer at a time, into a temporary file beside the
    /// destination, renamed over it only when every byte was written. The same rules as
    /// ``write(_:to:inputs:)``; checked before `write` runs.
    /// - Returns: the number of bytes written.
    @discardableResult
    public static func write(to path: String?, inputs: [String] = [], _ write: (ExportSink) -> Void) throws(OutputFileError) -> Int {
        guard let path, path != "-" else {
            let sink = ExportSink(descriptor: STDOUT_FILENO)
            write(sink)
            sink.flush()
            if let failure = sink.failure {
                throw OutputFileError(path: "standard output", reason: OutputTarget.sentence(failure, writing: "-"))
            }
            return sink.count
        }
        guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the file name is empty") }
        let mode = try OutputTarget.checkFile(path, inputs: inputs)
        let (fd, temporary) = try OutputTarget.createTemporary(in: OutputTarget.folder(of: path), name: OutputTarget.name(of: path), for: path)
        let sink = ExportSink(descriptor: fd)
        write(sink)
        sink.flush()
        var failure = sink.failure
        if let closing = OutputTarget.finishTemporary(fd, mode: mode), failure == nil { failure = closing }
        if let failure {
            OutputTarget.discard(temporary)
            throw OutputFileError(path: path, reason: OutputTarget.sentence(failure, writing: path))
        }
        try OutputTarget.replace(path, with: temporary)
        return sink.count
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
