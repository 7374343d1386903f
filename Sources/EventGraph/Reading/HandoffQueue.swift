import Foundation

/// Work made on one thread and used on another, in order, a buffer at a time: the YAML reader's
/// first pass takes libyaml's events from a parser on another thread (``YAMLEventReader``'s
/// event runs), and a large section it cannot cut into chunks is built into record trees on a
/// worker while the loading thread checks and commits them (its record chunks). Used buffers
/// come back for reuse; the maker stays at most `window` buffers ahead.
///
/// `@unchecked Sendable`: every stored property is read and written only while holding
/// `condition`'s lock; a buffer belongs to the maker until it is handed over with ``put(_:)``,
/// then to the user until it gives it back with ``recycle(_:)``.
final class HandoffQueue<Item: AnyObject>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Item] = []
    private var spare: [Item] = []
    private var finished = false
    private var cancelled = false
    private var problem: Diagnostic?
    private let window: Int

    init(window: Int) {
        self.window = window
    }

    /// An empty buffer (a given-back one when there is one, else `make()`); waits while the
    /// user is ``window`` buffers behind. Nil once the user has cancelled.
    func emptyItem(_ make: () -> Item) -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= window && !cancelled { condition.wait() }
        guard !cancelled else { return nil }
        if let item = spare.popLast() { return item }
        return make()
    }

    /// Hands a filled buffer to the user.
    func put(_ item: Item) {
        condition.lock()
        ready.append(item)
        condition.broadcast()
        condition.unlock()
    }

    /// The maker is done (with the problem that stopped it, if any).
    func finish(_ problem: Diagnostic?) {
        condition.lock()
        finished = true
        self.problem = problem
        condition.broadcast()
        condition.unlock()
    }

    /// The next buffer in order, waiting for it; nil once the maker is done and every buffer taken.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        condition.broadcast()
        return ready.removeFirst()
    }

    /// Gives a used (emptied) buffer back for reuse.
    func recycle(_ item: Item) {
        condition.lock()
        spare.append(item)
        condition.unlock()
    }

    /// The user stops (early or not): the maker gets no more buffers. Returns once the maker
    /// is done, with the buffers it had handed over and the user had not taken, and those
    /// given back.
    @discardableResult
    func cancel() -> [Item] {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        defer {
            ready = []
            spare = []
        }
        return ready + spare
    }

    /// The problem that stopped the maker (after ``take()`` returned nil).
    var stoppedBy: Diagnostic? {
        condition.lock()
        defer { condition.unlock() }
        return problem
    }
}
