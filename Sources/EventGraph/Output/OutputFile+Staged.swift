#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFile {
    /// Bytes written, on another thread, to a temporary file beside their destination while the
    /// caller decides whether they are the output: ``keep()`` renames the file into place once
    /// every byte is written (and synced); ``drop()`` removes it. An import checks its result
    /// this way while the result is being written. The same rules as ``write(_:to:inputs:)``,
    /// checked when it starts; the temporary file goes on SIGINT/SIGTERM/SIGHUP, as every one does.
    final class Staged {
        private let path: String
        private let temporary: String
        private let mode: mode_t
        /// The error number of the write (with the file's mode, sync and close), nil when it succeeded.
        private let writing: BackgroundWork<Int32?>
        private var finished = false

        /// Starts writing `bytes` for `path` (not standard output).
        /// - Throws: ``OutputFileError`` when `path` may not or cannot be written.
        init(_ bytes: [UInt8], to path: String, inputs: [String]) throws(OutputFileError) {
            guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the file name is empty") }
            let mode = try OutputTarget.checkFile(path, inputs: inputs)
            let (fd, temporary) = try OutputTarget.createTemporary(in: OutputTarget.folder(of: path), name: OutputTarget.name(of: path), for: path)
            (self.path, self.temporary, self.mode) = (path, temporary, mode)
            writing = BackgroundWork {
                let failure = bytes.withUnsafeBytes { OutputTarget.writeAll(fd, $0) }
                let closing = OutputTarget.finishTemporary(fd, mode: mode)
                return failure ?? closing
            }
        }

        /// Waits for the write and renames the file over the destination.
        /// - Throws: ``OutputFileError`` when a byte could not be written (nothing is left behind).
        func keep() throws(OutputFileError) {
            finished = true
            if let failure = writing.wait() {
                OutputTarget.discard(temporary)
                throw OutputFileError(path: path, reason: OutputTarget.sentence(failure, writing: path))
            }
            try OutputTarget.replace(path, with: temporary)
        }

        /// Waits for the write and removes the file.
        func drop() {
            finished = true
            _ = writing.wait()
            OutputTarget.discard(temporary)
        }

        deinit {
            // Neither kept nor dropped (an error thrown in between): nothing may be left behind.
            if !finished { drop() }
        }
    }
}
