/// Eight bytes tested at once (a 64-bit word): each test returns a mask with the high bit set
/// in every byte that passes it. The lowest flagged byte is always exact — a borrow can flag
/// only bytes above a true hit — so ``first(_:)`` of a nonzero mask is the first byte that
/// passes. The JSON reader skips string text this way, the JSON writers find the first byte
/// that needs an escape, and positions count Unicode scalars.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `p` (little-endian: byte 0 is the lowest).
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> UInt64 { UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }

    /// Bytes equal to `byte`.
    @inline(__always) static func equal(_ w: UInt64, _ byte: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Bytes below `bound` (at most 0x80).
    @inline(__always) static func below(_ w: UInt64, _ bound: UInt8) -> UInt64 { (w &- ones &* UInt64(bound)) & ~w & highs }

    /// Bytes of 0x80 and above (not ASCII).
    @inline(__always) static func nonASCII(_ w: UInt64) -> UInt64 { w & highs }

    /// UTF-8 continuation bytes (`10xxxxxx`).
    @inline(__always) static func continuations(_ w: UInt64) -> UInt64 { w & ~(w << 1) & highs }

    /// The index (0–7) of the first flagged byte of a nonzero mask.
    @inline(__always) static func first(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }
}
