/// A 64-bit FNV-1a hash that is the same on every run and machine (unlike `Hasher`), for row keys.
public struct StableHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Starts a hash.
    public init() {}

    /// Mixes in `text` and a separator, so `("ab", "c")` and `("a", "bc")` differ.
    public mutating func combine(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
        state ^= 0x1f
        state = state &* 0x0000_0100_0000_01b3
    }

    /// The hash as 16 hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
