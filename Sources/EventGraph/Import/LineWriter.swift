import Foundation

/// Writes the JSON lines of streamed records (``ImportRecords/streamed``) on a thread of its
/// own while the import's thread goes on reading rows: records are handed over in batches, in
/// order, and written one after the other into one buffer per section, as
/// ``ImportRecords/add(_:to:)`` would write them itself.
///
/// `@unchecked Sendable`: `batches`, `finished` and `done` are read and written only while
/// holding `condition`'s lock; `bytes`, `ends` and the records of a batch taken off the queue
/// are touched only by the writing thread until it sets `done` (under the lock), and by the
/// caller of ``finish()`` only after it has seen `done`.
final class LineWriter: @unchecked Sendable {
    /// Records handed over together: their storage copied one after the other (pieces and
    /// fields keep their places relative to their record's), so a batch is a few buffers.
    struct Batch {
        struct Entry {
            var section: ImportRecords.Section
            var id: String
            /// Where the record's text, pieces and fields start.
            var text: Int
            var pieces: Int
            var fields: Int
        }

        var entries: [Entry] = []
        var text: [UInt8] = []
        var pieces: [ImportRecords.Record.Piece] = []
        var fields: [ImportRecords.Record.Field] = []

        mutating func removeAll() {
            entries.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
            pieces.removeAll(keepingCapacity: true)
            fields.removeAll(keepingCapacity: true)
        }

        mutating func append(_ record: ImportRecords.Record, _ section: ImportRecords.Section) {
            entries.append(Entry(section: section, id: record.id, text: text.count, pieces: pieces.count, fields: fields.count))
            text += record.text
            pieces += record.pieces
            fields += record.fields
        }
    }

    private let condition = NSCondition()
    private var batches: [Batch] = []
    /// Written batches, emptied, for the reading thread to fill again (their buffers kept).
    private var spares: [Batch] = []
    private var finished = false
    private var done = false
    /// Each section's lines, back to back, and where each ends.
    private var bytes: [[UInt8]] = Array(repeating: [], count: ImportRecords.Section.allCases.count)
    private var ends: [[Int]] = Array(repeating: [], count: ImportRecords.Section.allCases.count)
    /// At most this many batches wait (the reading thread waits for the writer beyond it).
    private let window = 8

    init() {
        let thread = Thread { [self] in write() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Hands a batch of records over, to be written after the batches before it; an empty
    /// batch to fill next (a written one when there is one).
    func submit(_ batch: Batch) -> Batch {
        condition.lock()
        while batches.count >= window { condition.wait() }
        batches.append(batch)
        let spare = spares.popLast() ?? Batch()
        condition.broadcast()
        condition.unlock()
        return spare
    }

    /// Waits until every batch is written; each section's lines and their ends.
    func finish() -> (bytes: [[UInt8]], ends: [[Int]]) {
        condition.lock()
        finished = true
        condition.broadcast()
        while !done { condition.wait() }
        condition.unlock()
        return (bytes, ends)
    }

    private func write() {
        var scratch: [UInt8] = []
        while true {
            condition.lock()
            while batches.isEmpty && !finished { condition.wait() }
            guard !batches.isEmpty else {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            var batch = batches.removeFirst()
            condition.broadcast()
            condition.unlock()
            defer {
                batch.removeAll()
                condition.lock()
                if spares.count < window { spares.append(batch) }
                condition.unlock()
            }
            batch.text.withUnsafeBufferPointer { text in
                batch.pieces.withUnsafeBufferPointer { pieces in
                    batch.fields.withUnsafeBufferPointer { fields in
                        for (k, e) in batch.entries.enumerated() {
                            let next = k + 1 < batch.entries.count ? batch.entries[k + 1] : nil
                            let s = e.section.rawValue
                            ImportRecords.jsonLine(id: e.id, e.section, text: UnsafeBufferPointer(rebasing: text[e.text..<(next?.text ?? text.count)]),
                                                   pieces: UnsafeBufferPointer(rebasing: pieces[e.pieces..<(next?.pieces ?? pieces.count)]),
                                                   fields: UnsafeBufferPointer(rebasing: fields[e.fields..<(next?.fields ?? fields.count)]),
                                                   into: &bytes[s], scratch: &scratch)
                            ends[s].append(bytes[s].count)
                        }
                    }
                }
            }
        }
    }
}
