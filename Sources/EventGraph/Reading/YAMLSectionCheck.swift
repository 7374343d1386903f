import Foundation

/// What pass 1 would have checked of the YAML sections it did not read (``YAMLSectionScan``),
/// gathered chunk by chunk as the validator reads them, in order: each section read to its
/// end, its record keys each given once, and the document's values (with the sections') within
/// the alias expansion bound. Each chunk's own checks (syntax, keys given twice inside a record,
/// no anchor, alias or tag) are made where it is parsed (``YAMLEventReader/readChunk(_:of:toEnd:_:)``).
///
/// Anything not as it should be (``refused``) means the document must be read again the
/// exact way (``GraphDocument/needsExactRead``), which finds the problem and reports it as
/// it always did: nothing here makes a diagnostic.
///
/// `@unchecked Sendable`: it travels with the sections' chunks (``YAMLSection``), but only the
/// thread that commits the chunks in order (the loading thread) reads or changes it.
final class YAMLSectionCheck: @unchecked Sendable {
    /// What one chunk's parse counted.
    struct Chunk: Sendable {
        /// Values (scalars, mappings and lists), as pass 1 counts them against the bound.
        var values = 0
        /// The hash of each record key's text, in order.
        var keys: [Int] = []
    }

    /// The root entries of the sections to check.
    private let sections: Set<Int>
    private var verified: Set<Int> = []
    private var values: Int
    private let limit: Int
    /// The record keys of the section being read, by hash. Two keys of equal hashes count as
    /// given twice: at worst (different keys whose hashes collide) the document is read again.
    private var keys: Set<Int> = []
    private(set) var refused = false

    init(sections: Set<Int>, values: Int, limit: Int) {
        self.sections = sections
        self.values = values
        self.limit = limit
    }

    /// A chunk of the section at root entry `entry` (of `records` records) was read alone
    /// without a problem; whether its records may be committed.
    func accept(_ chunk: Chunk, entry: Int, records: Int, first: Bool, last: Bool) -> Bool {
        guard !refused else { return false }
        if first {
            keys.removeAll(keepingCapacity: true)
            keys.reserveCapacity(records)
        }
        for key in chunk.keys where !keys.insert(key).inserted {
            refused = true
            return false
        }
        values += chunk.values
        if last { verified.insert(entry) }
        return true
    }

    /// A chunk could not be vouched for.
    func refuse() {
        refused = true
    }

    /// Whether the sections, all read, hold what pass 1 would have accepted.
    var vouches: Bool {
        !refused && verified == sections && values <= limit
    }
}
