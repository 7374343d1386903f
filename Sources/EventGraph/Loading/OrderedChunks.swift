import Foundation

/// Work cut into numbered chunks, made on this thread and one worker thread and used on
/// this thread in order: the reader decodes a large section this way (``ChunkedSection``),
/// and the exporters write a large graph (``ExportSink/writeChunked(_:into:_:)``).
///
/// The worker stays at most `window` chunks ahead of the chunk being used; this thread
/// uses the next chunk when it is made, else makes one itself, else waits. Each thread
/// makes its chunks with a state of its own (`makeState`, e.g. a reader with its own tree).
/// Used chunks are handed back to the worker to be freed, off this thread. The result is
/// the same as making and using the chunks one after the other on one thread.
enum OrderedChunks {
    /// What ``run(count:window:makeState:make:use:)``'s `use` says after using a chunk.
    enum Next {
        case goOn
        /// Stop: no later chunk is used (the worker stops after its current one).
        case stop
    }

    /// Makes chunks `0..<count` with `make(state, index)` on two threads and calls `use` with
    /// each, on this thread, in order, until it says ``Next/stop``.
    /// - Returns: the chunks used (the one that said stop included).
    @discardableResult
    static func run<State, Result: Sendable>(count: Int, window: Int = 6,
                                             makeState: @escaping @Sendable () -> State,
                                             make: @escaping @Sendable (State, Int) -> Result,
                                             use: (Int, Result) -> Next) -> Int {
        guard count > 1 else {
            // One chunk (or none): no second thread.
            if count == 1 { _ = use(0, make(makeState(), 0)) }
            return count
        }
        let board = Board<Result>(count: count, window: window)
        let worker = Thread {
            let state = makeState()
            while let index = board.claim(waiting: true) {
                board.deliver(index, make(state, index))
                board.freeRetired()
            }
            board.workerFinished()
        }
        worker.stackSize = 8 << 20
        worker.start()
        defer { board.stopAndWaitForWorker() }

        let state = makeState()
        var index = 0
        while index < count {
            guard let result = board.take(index) else {
                if let claimed = board.claim(waiting: false) {
                    board.deliver(claimed, make(state, claimed))
                } else {
                    board.waitForDelivery(of: index)
                }
                continue
            }
            let next = use(index, result)
            board.used(index, retiring: result)
            index += 1
            if case .stop = next { break }
        }
        return index
    }

    /// The chunks of one ``run(count:window:makeState:make:use:)``: which are claimed, which
    /// are made, how far the using thread is.
    ///
    /// `@unchecked Sendable`: every stored property is read and written only while holding
    /// `condition`'s lock.
    private final class Board<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var next = 0
        private var usedUpTo = 0
        private var stopped = false
        private var workerDone = false
        private var results: [Result?]
        /// Results already used, for the worker to free.
        private var retired: [Result] = []

        init(count: Int, window: Int) {
            self.count = count
            self.window = window
            results = Array(repeating: nil, count: count)
        }

        /// The next unclaimed chunk, if it is within the window of the last used one
        /// (`waiting`: else waits until it is); nil when there is none or the run stopped.
        func claim(waiting: Bool) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while waiting && !stopped && next < count && next - usedUpTo >= window { condition.wait() }
            guard !stopped && next < count && next - usedUpTo < window else { return nil }
            next += 1
            return next - 1
        }

        /// Chunk `index` if it is made (and forgets it), else nil.
        func take(_ index: Int) -> Result? {
            condition.lock()
            defer { condition.unlock() }
            guard let result = results[index] else { return nil }
            results[index] = nil
            return result
        }

        /// Waits until chunk `index` is made.
        func waitForDelivery(of index: Int) {
            condition.lock()
            defer { condition.unlock() }
            while results[index] == nil { condition.wait() }
        }

        func deliver(_ index: Int, _ result: Result) {
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }

        func used(_ index: Int, retiring result: Result) {
            condition.lock()
            usedUpTo = index + 1
            retired.append(result)
            condition.broadcast()
            condition.unlock()
        }

        /// Frees the results of used chunks (on the calling thread).
        func freeRetired() {
            condition.lock()
            let dead = retired
            retired = []
            condition.unlock()
            _ = consume dead
        }

        func workerFinished() {
            condition.lock()
            workerDone = true
            condition.broadcast()
            condition.unlock()
        }

        /// Lets the worker stop after its current chunk and waits until it has.
        func stopAndWaitForWorker() {
            condition.lock()
            defer { condition.unlock() }
            stopped = true
            condition.broadcast()
            while !workerDone { condition.wait() }
        }
    }
}
