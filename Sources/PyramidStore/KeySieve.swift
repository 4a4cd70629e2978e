/// The keys an import has written while the key index is set aside (see `ActivityWriter`), as a Bloom filter: a
/// key it has not seen is certainly new; one it may have seen is held back until the index is back. Four bits
/// per key, 12 bits of filter per key expected: once that many keys are in, about one new key in 155 is held back
/// for nothing (one in 690 over the whole import).
package struct KeySieve {
    private var words: [UInt64]
    private let bits: UInt64

    /// A filter for about `expectedKeys` keys, between 64 Kibit and `maximumBits` (by default 48 Mibit, 6 MiB).
    package init(expectedKeys: Int, maximumBits: Int = 48 << 20) {
        let bits = min(max(expectedKeys * 12, 1 << 16), maximumBits) / 64 * 64
        words = Array(repeating: 0, count: bits / 64)
        self.bits = UInt64(bits)
    }

    /// Adds the key whose digest is `key` (`ActivityDigest.of`); true when it may have been added before.
    package mutating func insert(_ key: UInt64) -> Bool {
        // The digest's low bits barely change between keys that differ in their last characters (numbered ids),
        // and the bit places are taken from them: mixed again first (MurmurHash3's finalizer), every bit of the
        // key moves each of them.
        var digest = key
        digest = (digest ^ digest >> 33) &* 0xFF51_AFD7_ED55_8CCD
        digest = (digest ^ digest >> 33) &* 0xC4CE_B9FE_1A85_EC53
        digest ^= digest >> 33
        // Four bit places from two halves of the digest (Kirsch and Mitzenmacher); the step is odd, so the four
        // differ.
        let step = (digest >> 32 | digest << 32) | 1
        let bits = self.bits
        // One check that the words are not shared for the four probes, not one per probe.
        return words.withUnsafeMutableBufferPointer { words in
            var seen = true
            for probe in 0..<UInt64(4) {
                // A 64-bit hash to a place below `bits` by the high half of their product (Lemire's reduction).
                let bit = (digest &+ probe &* step).multipliedFullWidth(by: bits).high
                let word = Int(bit >> 6), flag = UInt64(1) << (bit & 63)
                if words[word] & flag == 0 {
                    seen = false
                    words[word] |= flag
                }
            }
            return seen
        }
    }
}
