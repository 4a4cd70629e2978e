/// A small, fast, seeded random number generator (SplitMix64), so a demo seed always makes the same team.
public struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Starts from `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// A count around `mean` (±30%), never negative.
    public mutating func around(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        return max(0, Int((mean * Double.random(in: 0.7...1.3, using: &self)).rounded()))
    }

    /// One of `items`.
    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}
