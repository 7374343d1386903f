import Foundation

/// Records built on one thread and read on another, a chunk at a time: the YAML reader's second
/// pass parses a large section on a worker thread (libyaml and building the trees) while the
/// loading thread checks and commits the records it has built, in order.
///
/// `@unchecked Sendable`: every stored property is read and written only while holding
/// `condition`'s lock; a chunk belongs to the worker until it is handed over with ``put(_:)``,
/// then to the reader until it gives it back with ``recycle(_:)``.
final class RecordChunkQueue: @unchecked Sendable {
    /// Records in one tree: each record's key (-1 in a list) and value.
    final class Chunk: @unchecked Sendable {
        let tree: RecordTree
        let text: TextBuffer
        var records: [(key: Int32, value: Int32)] = []

        init(locator: Locator) {
            text = TextBuffer(capacity: 1 << 16)
            tree = RecordTree(base: text.base, owner: text, locator: locator)
        }

        /// Empties it for reuse.
        func reset() {
            tree.reset()
            text.reset()
            records.removeAll(keepingCapacity: true)
        }
    }

    private let condition = NSCondition()
    private var ready: [Chunk] = []
    private var spare: [Chunk] = []
    private var finished = false
    private var problem: Diagnostic?
    /// Chunks built ahead of the reader at most.
    private let window = 4

    /// An empty chunk (a given-back one when there is one); waits while the reader is
    /// ``window`` chunks behind.
    func emptyChunk(locator: Locator) -> Chunk {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= window { condition.wait() }
        if let chunk = spare.popLast() { return chunk }
        return Chunk(locator: locator)
    }

    /// Hands a built chunk to the reader.
    func put(_ chunk: Chunk) {
        chunk.tree.rebase(chunk.text.base, owner: chunk.text)
        condition.lock()
        ready.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// The worker is done (with the syntax error that stopped it, if any).
    func finish(_ problem: Diagnostic?) {
        condition.lock()
        finished = true
        self.problem = problem
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk in order, waiting for it; nil once the worker is done and every chunk read.
    func take() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        condition.broadcast()
        return ready.removeFirst()
    }

    /// Gives a read chunk back for reuse.
    func recycle(_ chunk: Chunk) {
        chunk.reset()
        condition.lock()
        spare.append(chunk)
        condition.unlock()
    }

    /// The syntax error that stopped the worker (after ``take()`` returned nil).
    var stoppedBy: Diagnostic? {
        condition.lock()
        defer { condition.unlock() }
        return problem
    }
}
