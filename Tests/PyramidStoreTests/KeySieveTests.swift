import Testing

@testable import PyramidStore

/// The key sieve never lets a repeated key through as new, and holds back few new keys for nothing.
struct KeySieveTests {
    /// The digests of `count` numbered keys, as an export numbers its rows ("hubspot:4000…").
    func digests(_ count: Int, from first: Int = 40_000_000) -> [UInt64] {
        (first..<first + count).map { number in
            Array("hubspot:\(number)".utf8).withUnsafeBufferPointer(ActivityDigest.of)
        }
    }

    @Test func everyRepeatedKeyIsCaught() {
        var sieve = KeySieve(expectedKeys: 50_000)
        let keys = digests(50_000)
        for key in keys { _ = sieve.insert(key) }
        let missed = keys.shuffled().filter { !sieve.insert($0) }
        #expect(missed.isEmpty)
    }

    /// At its expected load, one new key in 120 or so is taken as seen (one in 500 over the whole fill); a filter
    /// whose four bits fell on one would take one in 12.
    @Test(arguments: [10_000, 200_000])
    func fewNewKeysAreHeldBack(expected: Int) {
        var sieve = KeySieve(expectedKeys: expected)
        let keys = digests(expected)
        let wrongly = keys.filter { sieve.insert($0) }.count
        #expect(Double(wrongly) / Double(expected) < 1.0 / 300)
        let fresh = digests(expected, from: 90_000_000)
        let atLoad = fresh.prefix(expected / 10).filter { sieve.insert($0) }.count
        #expect(Double(atLoad) / Double(expected / 10) < 1.0 / 70)
    }

    /// A filter capped below its expected load still never misses a repeat; one smaller than a block (64 bits, as
    /// a test of the merge makes it) soon takes nearly every key as seen.
    @Test(arguments: [1 << 16, 64])
    func aCappedFilterStillCatchesRepeats(maximumBits: Int) {
        var sieve = KeySieve(expectedKeys: 1_000_000, maximumBits: maximumBits)
        let keys = digests(20_000)
        let seenFirst = keys.filter { sieve.insert($0) }.count
        let missed = keys.filter { !sieve.insert($0) }
        #expect(missed.isEmpty)
        if maximumBits == 64 { #expect(seenFirst > 19_900) }
    }

    /// Keys sieved in a batch get the answers they get one by one, repeats within the batch included.
    @Test func aBatchIsSievedAsKeysOneByOne() {
        let keys = digests(30_000) + digests(5_000, from: 40_010_000) + digests(30_000, from: 60_000_000)
        var single = KeySieve(expectedKeys: 40_000), batched = KeySieve(expectedKeys: 40_000)
        let oneByOne = keys.map { single.insert($0) }
        var together: [Bool] = []
        for start in stride(from: 0, to: keys.count, by: 2048) {
            batched.insert(contentsOf: Array(keys[start..<min(start + 2048, keys.count)]), into: &together)
        }
        #expect(together == oneByOne)
        #expect(together[30_000..<35_000].allSatisfy { $0 })
    }
}
