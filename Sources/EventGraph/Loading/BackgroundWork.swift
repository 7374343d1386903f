import Foundation

/// A piece of work run on a thread of its own while the caller goes on; ``wait()`` returns its
/// result. (The loader checks references this way while it builds the store.)
///
/// `@unchecked Sendable`: `result` is written once by the worker before it signals `done`, and
/// read only by ``wait()`` after waiting for that signal.
final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Result) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to finish and returns its result (call once).
    func wait() -> Result {
        done.wait()
        return result!
    }
}
