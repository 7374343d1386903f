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
        try write(to: path, inputs: inputs) { folder in
            for file in files { folder.file(named: file.name).write(file.text) }
        }
    }

    /// Writes files of bytes (drawings, frames of an animation); see ``write(_:to:inputs:)-([ExportFile],_,_)``.
    public static func write(_ files: [(name: String, bytes: [UInt8])], to path: String, inputs: [String] = []) throws(OutputFileError) {
        try write(to: path, inputs: inputs) { folder in
            for file in files { folder.file(named: file.name).write(file.bytes) }
        }
    }

    /// Streams a multi-file export into the folder at `path`: `write` asks its ``ExportSink``
    /// for each file (``ExportSink/file(named:)``) and fills it; each file's bytes go, a
    /// buffer at a time, into a temporary folder beside `path`, moved into place only when
    /// every file was written. The same rules as ``write(_:to:inputs:)-([ExportFile],_,_)``.
    /// - Returns: the names of the files written, in order.
    @discardableResult
    public static func write(to path: String, inputs: [String] = [], _ write: (ExportSink) -> Void) throws(OutputFileError) -> [String] {
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
        let exists = OutputTarget.kind(of: path) == .folder
        let staging = OutputTarget.temporaryPath(in: parent, name: OutputTarget.name(of: path))
        // Registered before it exists, so that a signal at any moment finds it.
        InterruptCleanup.register(staging, folder: true)
        guard mkdir(staging, 0o700) == 0 else {
            let code = errno
            InterruptCleanup.unregister(staging)
            throw OutputFileError(path: path, reason: OutputTarget.sentence(code, writing: staging))
        }
        // Each file is checked when the export asks for it, and written into `staging`.
        var staged: [(target: String, temporary: String, descriptor: Int32, mode: mode_t)] = []
        defer {
            try? FileManager.default.removeItem(atPath: staging)
            for file in staged { InterruptCleanup.unregister(file.temporary) }
            InterruptCleanup.unregister(staging)
        }
        let folder = ExportSink { name throws(OutputFileError) in
            let target = OutputTarget.join(path, name)
            let mode: mode_t
            if exists {
                mode = try OutputTarget.checkFile(target, inputs: inputs)
            } else {
                try OutputTarget.checkNotInput(target, inputs: inputs)
                mode = 0o666 & ~OutputTarget.currentUmask()
            }
            let (fd, temporary) = try OutputTarget.createTemporary(in: staging, name: name, for: target)
            staged.append((target, temporary, fd, mode))
            return ExportSink(descriptor: fd)
        }
        write(folder)
        precondition(folder.count == 0, "a format of several files writes each of them into file(named:), not into its folder")
        // Every file is finished (and closed) before the first failure is reported.
        var failure = folder.fileFailure
        for ((_, sink), file) in zip(folder.files, staged) {
            sink.flush()
            let closing = OutputTarget.finishTemporary(file.descriptor, mode: file.mode)
            if failure == nil, let code = sink.failure ?? closing {
                failure = OutputFileError(path: file.target, reason: OutputTarget.sentence(code, writing: file.target))
            }
        }
        if let failure { throw failure }
        if OutputTarget.kind(of: path) == .missing, mkdir(path, 0o777) != 0 {
            throw OutputFileError(path: path, reason: OutputTarget.sentence(errno, writing: path))
        }
        for file in staged {
            try OutputTarget.replace(file.target, with: file.temporary)
        }
        return folder.files.map(\.name)
    }
}
