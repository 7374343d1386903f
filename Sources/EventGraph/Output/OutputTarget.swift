import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// The rules for where `-o` may write (shared by ``OutputFile`` and ``OutputFolder``):
///
/// - only a regular file, or a new name in an existing folder: never through a symbolic
///   link, never onto a device, pipe or socket (`-o /dev/null` is refused; standard output
///   is `-` or no `-o`), never onto a folder when a file is expected;
/// - never one of the input files (compared by resolved real path), nor a new graph file
///   (`.yaml`, `.yml`, `.json`) inside an input folder, where the next load would read it;
/// - an existing file keeps its permission bits; a new file gets `0666` less the umask;
/// - every problem is one plain sentence (``OutputFileError``).
enum OutputTarget {
    /// What is at a path, without following a final symbolic link.
    enum Kind: Equatable {
        case missing
        case regular(mode: mode_t)
        case folder
        case symbolicLink
        case other
    }


    /// The folder part of a path (`.` when there is none).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The last component of a path.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `folder/name`.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(mode: info.st_mode & 0o7777)
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Checks that a file may be written at `path`; returns the mode to give it.
    static func checkFile(_ path: String, inputs: [String]) throws(OutputFileError) -> mode_t {
        try checkFolderExists(folder(of: path), for: path)
        let mode: mode_t
        switch kind(of: path) {
        case .missing: mode = 0o666 & ~currentUmask()
        case let .regular(existing): mode = existing
        case .folder:
            throw OutputFileError(path: path, reason: "it is a folder; give the name of a file to write, such as \(join(path, "out.svg"))")
        case .symbolicLink:
            throw OutputFileError(path: path, reason: "it is a symbolic link, and EventGraph does not write through links; give the real path")
        case .other:
            throw OutputFileError(path: path, reason: "it is not a regular file (a device, pipe or socket); to write to standard output, leave out -o or give -o -")
        }
        try checkNotInput(path, inputs: inputs)
        return mode
    }

    static func checkFolderExists(_ folder: String, for path: String) throws(OutputFileError) {
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw OutputFileError(path: path, reason: "the folder \(folder) does not exist")
        }
    }

    /// Refuses an output that is an input file, or a graph file inside an input folder.
    static func checkNotInput(_ path: String, inputs: [String]) throws(OutputFileError) {
        guard !inputs.isEmpty else { return }
        let output = resolved(path)
        let isGraphFile = ["yaml", "yml", "json"].contains { name(of: path).lowercased().hasSuffix("." + $0) }
        for input in inputs {
            let real = resolved(input)
            if real == output {
                throw OutputFileError(path: path, reason: "it is the input file \(input); write the output somewhere else")
            }
            if isGraphFile, kind(of: real) == .folder, output.hasPrefix(real.hasSuffix("/") ? real : real + "/") {
                throw OutputFileError(path: path, reason: "it is inside the input folder \(input), where it would be read as part of the graph; write it somewhere else")
            }
        }
    }

    /// The absolute real path: symbolic links resolved in the part that exists.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        if let real = realpath(folder(of: absolute), nil) {
            defer { free(real) }
            return join(String(cString: real), name(of: absolute))
        }
        return absolute
    }

    static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Creates a new, empty temporary file in `folder` (exclusively, mode 0600); returns its
    /// open descriptor and path.
    ///
    /// The path is registered with ``InterruptCleanup`` before the file exists, so a signal
    /// arriving at any moment finds it (a signal between creating and registering, as with
    /// `mkstemp`, would leave the file behind).
    static func createTemporary(in folder: String, name: String, for path: String) throws(OutputFileError) -> (descriptor: Int32, path: String) {
        while true {
            let temporary = temporaryPath(in: folder, name: name)
            InterruptCleanup.register(temporary)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temporary) }
            let code = errno
            InterruptCleanup.unregister(temporary)
            if code == EEXIST || code == EINTR { continue }
            throw OutputFileError(path: path, reason: sentence(code, writing: folder))
        }
    }

    /// A hidden name beside an output, `.NAME.tmp-` and a random UUID, for a temporary file or
    /// staging folder.
    static func temporaryPath(in folder: String, name: String) -> String {
        join(folder, ".\(name).tmp-\(UUID().uuidString)")
    }

    /// Writes all of `buffer` to a descriptor; returns the error number of a failure.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Gives a written temporary file its mode, syncs and closes it; returns the error number
    /// of a failure (the descriptor is closed either way).
    static func finishTemporary(_ fd: Int32, mode: mode_t) -> Int32? {
        var failure: Int32?
        if fchmod(fd, mode) != 0 { failure = errno }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        return failure
    }

    /// Renames `temporary` over `path`, removing it on failure.
    static func replace(_ path: String, with temporary: String) throws(OutputFileError) {
        defer { InterruptCleanup.unregister(temporary) }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputFileError(path: path, reason: sentence(code, writing: path))
        }
    }

    /// Removes a temporary file that will not be renamed into place.
    static func discard(_ temporary: String) {
        unlink(temporary)
        InterruptCleanup.unregister(temporary)
    }

    /// A plain sentence for a file-system error number.
    static func sentence(_ code: Int32, writing path: String) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "the disk is full"
        case EDQUOT: "the disk quota is exceeded"
        case EROFS: "the file system is read-only"
        case ENOENT: "the folder \(folder(of: path)) does not exist"
        case EISDIR: "it is a folder; give the name of a file to write"
        case ENOTDIR: "a part of the path is not a folder"
        case ENAMETOOLONG: "the name is too long"
        case EXDEV: "it is on a different file system than its folder"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
