/// A value that only some rows of a table have (an event's description, tags, amount …),
/// kept densely: one slot a row (-1: none) into the values, so that appending rows costs an
/// array append, never a hash table's growth.
struct SparseRows<Value> {
    private var slot: [Int32] = []
    private(set) var values: [Value] = []

    /// The number of rows that have a value.
    var count: Int { values.count }

    mutating func reserve(rows: Int) { slot.reserveCapacity(rows) }

    /// Appends the next row's value (nil: the row has none).
    mutating func append(_ value: Value?) {
        guard let value else {
            slot.append(-1)
            return
        }
        slot.append(Int32(values.count))
        values.append(value)
    }

    /// A row's value, nil when it has none.
    subscript(row row: Int32) -> Value? {
        let i = Int(row)
        guard i >= 0, i < slot.count, slot[i] >= 0 else { return nil }
        return values[Int(slot[i])]
    }
}

extension SparseRows: Sendable where Value: Sendable {}
