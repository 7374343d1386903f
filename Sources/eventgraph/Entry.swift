import ArgumentParser
import EventGraph
import EventGraphRendering
import Foundation

/// Runs the command line and maps failures to the documented exit codes:
/// 0 success, 1 bad input or a failed check, 2 bad usage.
@main
struct Entry {
    static func main() {
        // Ctrl-C (or a kill) while an output is being written removes its temporary files.
        InterruptCleanup.installHandlers()
        do {
            var command = try EventGraphCommand.parseAsRoot()
            try command.run()
        } catch {
            exit(report(error))
        }
    }

    static func report(_ error: Error) -> Int32 {
        switch error {
        case let error as InputError:
            printError(error.description)
            return 1
        case is CommandFailure, is NameResolutionError, is GraphvizError, is OutputFileError:
            printError("error: \(error)")
            return 1
        case let error as FrameError:
            printError("error: \(error)")
            if case .unreadableLayout = error { return 1 }
            return 2
        case let error as UsageError:
            printError("error: \(error.message)")
            return 2
        default:
            let code = EventGraphCommand.exitCode(for: error)
            if code == .success {
                print(EventGraphCommand.fullMessage(for: error))
                return 0
            }
            printError(EventGraphCommand.fullMessage(for: error))
            // Every other ArgumentParser failure (unknown option, bad value) is bad usage.
            return code == .failure || code == .validationFailure ? 2 : code.rawValue
        }
    }

    static func printError(_ text: String) {
        var stderr = StandardError()
        print(text, to: &stderr)
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}

/// Bad usage found once the graph is loaded (an unknown kind in --kinds or --via): one
/// sentence, exit status 2, without the generic usage text.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A failed check or an empty answer, reported as one sentence with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
