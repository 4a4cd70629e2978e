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

    /// How a CRM writes its record ids: numbered (HubSpot, Pipedrive), or letters and digits that share a prefix
    /// (a Salesforce task's 18 characters, "00T…"; a Close activity's "acti_…").
    enum KeyShape: CaseIterable, Sendable {
        case numbered, salesforce, close

        /// The digests of `count` keys of this shape, different for each `series`.
        func digests(_ count: Int, series: UInt64) -> [UInt64] {
            let letters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
            var state = series &* 0x9E37_79B9_7F4A_7C15 | 1
            func random(_ length: Int) -> [UInt8] {
                (0..<length).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return letters[Int(state >> 33) % letters.count]
                }
            }
            return (0..<count).map { number in
                let key: [UInt8]
                switch self {
                case .numbered: key = Array("pipedrive:\(series * 10_000_000 + UInt64(number))".utf8)
                case .salesforce: key = Array("salesforce:00T5g0000".utf8) + random(11)
                case .close: key = Array("close:acti_".utf8) + random(43)
                }
                return key.withUnsafeBufferPointer(ActivityDigest.of)
            }
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
    /// whose four bits fell on one would take one in 12. Whatever the shape of the CRM's keys.
    @Test(arguments: KeyShape.allCases, [10_000, 200_000])
    func fewNewKeysAreHeldBack(shape: KeyShape, expected: Int) {
        var sieve = KeySieve(expectedKeys: expected)
        let keys = shape.digests(expected, series: 1)
        let wrongly = keys.filter { sieve.insert($0) }.count
        #expect(Double(wrongly) / Double(expected) < 1.0 / 300)
        let fresh = shape.digests(expected, series: 2)
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
