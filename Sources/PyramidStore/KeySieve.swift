import CPyramidPageCache

/// The keys an import has written while the key index is set aside (see `ActivityWriter`), as a Bloom filter: a
/// key it has not seen is certainly new; one it may have seen is held back until the index is back. Four bits
/// per key, 12 bits of filter per key expected: once that many keys are in, about one new key in 120 is held back
/// for nothing (one in 500 over the whole import; measured in `KeySieveTests`).
///
/// The four bits of a key lie in one block of 512 bits, a cache line (a blocked Bloom filter): spread over the
/// whole filter, each bit could be a miss of the processor's cache; in one block, one miss a key, which a batch of
/// keys fetches ahead (`insert(contentsOf:into:)`). Held back for nothing at that load: about as many keys as with
/// the bits anywhere (1 in 120), and over the whole import one in 500 against one in 700-1,100.
package struct KeySieve {
    /// The filter's blocks, from the first word on a cache line (see `Shape.block`); 7 words more, as the array's
    /// storage may begin anywhere in a line.
    private var words: [UInt64]
    private let shape: Shape

    /// A filter for about `expectedKeys` keys, between 64 Kibit and `maximumBits` (by default 48 Mibit, 6 MiB), in
    /// whole blocks; one of 64, 128 or 256 bits when `maximumBits` is smaller than a block.
    package init(expectedKeys: Int, maximumBits: Int = 48 << 20) {
        let bits = min(max(expectedKeys * 12, 1 << 16), maximumBits)
        let blockWords = bits >= 512 ? 8 : bits >= 256 ? 4 : bits >= 128 ? 2 : 1
        shape = Shape(blocks: UInt64(max(bits / (blockWords * 64), 1)), blockWords: blockWords)
        words = Array(repeating: 0, count: Int(shape.blocks) * blockWords + 7)
    }

    /// Adds the key whose digest is `key` (`ActivityDigest.of`); true when it may have been added before.
    package mutating func insert(_ key: UInt64) -> Bool {
        let digest = Self.mix(key), shape = shape
        return words.withUnsafeMutableBufferPointer { words in shape.set(digest, in: words) }
    }

    /// Adds the keys whose digests are `keys`, appending to `seen` whether each may have been added before, as
    /// `insert(_:)` one by one would. The block of a key a few keys on is fetched into the processor's cache
    /// meanwhile (`pyramid_prefetch`): a filter far larger than the cache missed it at every key, and each key
    /// waited for its own block (10M keys into 32 MiB: 3.1 s of CPU, 0.84 s this way).
    package mutating func insert(contentsOf keys: [UInt64], into seen: inout [Bool]) {
        let mixed = keys.map(Self.mix), shape = shape
        words.withUnsafeMutableBufferPointer { words in
            guard let base = words.baseAddress else { return }
            for index in mixed.indices {
                if index + 8 < mixed.count { pyramid_prefetch(base + shape.block(of: mixed[index + 8], in: words)) }
                seen.append(shape.set(mixed[index], in: words))
            }
        }
    }

    /// How the filter's bits lie in its words: `blocks` blocks of `blockWords` words (8, or fewer in a filter of
    /// fewer than 512 bits, which tests make to take nearly every key as seen).
    private struct Shape {
        let blocks: UInt64
        let blockWords: Int

        /// The first word of the block of the mixed digest `digest`: the high half of its product with the number
        /// of blocks (Lemire's reduction), counted from the first word of `words` on a cache line.
        func block(of digest: UInt64, in words: UnsafeMutableBufferPointer<UInt64>) -> Int {
            let lineStart = Int(bitPattern: UInt(bitPattern: words.baseAddress) & 63)
            return (64 - lineStart) % 64 / 8 + Int(digest.multipliedFullWidth(by: blocks).high) * blockWords
        }

        /// Sets the four bits of the mixed digest `digest` in its block; true when all four were set. The bits come
        /// from the digest's low 28 bits (the block is of its high bits), each in its own pair of the block's eight
        /// words, so the four always differ (in a smaller block, pairs share words).
        func set(_ digest: UInt64, in words: UnsafeMutableBufferPointer<UInt64>) -> Bool {
            let first = block(of: digest, in: words)
            var seen = true
            var places = digest
            for probe in 0..<4 {
                let word = first + ((probe * 2 + Int(places & 1)) & (blockWords - 1))
                let flag = UInt64(1) << (places >> 1 & 63)
                places >>= 7
                if words[word] & flag == 0 {
                    seen = false
                    words[word] |= flag
                }
            }
            return seen
        }
    }

    /// The digest's low bits barely change between keys that differ in their last characters (numbered ids),
    /// and the bit places are taken from them: mixed again first (MurmurHash3's finalizer), every bit of the key
    /// moves each of them.
    private static func mix(_ key: UInt64) -> UInt64 {
        var digest = key
        digest = (digest ^ digest >> 33) &* 0xFF51_AFD7_ED55_8CCD
        digest = (digest ^ digest >> 33) &* 0xC4CE_B9FE_1A85_EC53
        return digest ^ digest >> 33
    }
}
