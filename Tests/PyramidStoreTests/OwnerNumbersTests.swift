import Testing

@testable import PyramidStore

/// Owner names are numbered in the order they are first met, however the rows interleave them, and names that
/// share a digest are still told apart.
struct OwnerNumbersTests {
    /// Numbers `names` in order; the numbers given, and the names handed over as new.
    func number(_ names: [String], with numbers: OwnerNumbers) -> (numbers: [Int], new: [String]) {
        var numbers = numbers
        var new: [String] = []
        let given = names.map { name in
            Array(name.utf8).withUnsafeBufferPointer { bytes in numbers.number(bytes) { new.append($0) } }
        }
        return (given, new)
    }

    /// Names as a shuffled export gives them: repeated, interleaved, one the prefix of another, non-ASCII, empty.
    let names = [
        "Ana Souza", "Ben Okafor", "Ana Souza", "Ana Souza", "Zoë Müller", "Ana", "Ben Okafor", "", "Ana Souza ",
        "Zoë Müller", "", "Ana", "Chen Wei", "Ben Okafor",
    ]
    let expected = [0, 1, 0, 0, 2, 3, 1, 4, 5, 2, 4, 3, 6, 1]
    let expectedNew = ["Ana Souza", "Ben Okafor", "Zoë Müller", "Ana", "", "Ana Souza ", "Chen Wei"]

    @Test func numbersNamesInTheOrderFirstMet() {
        let (numbers, new) = number(names, with: OwnerNumbers())
        #expect(numbers == expected)
        #expect(new == expectedNew)
    }

    @Test(arguments: [0, 1, 3])
    func tellsApartNamesThatShareADigest(digestBits: Int) {
        // Every name's digest is its length's lowest bits: many names share one.
        let numbers = OwnerNumbers { UInt64($0.count) & ((1 << UInt64(digestBits)) - 1) }
        let (given, new) = number(names, with: numbers)
        #expect(given == expected)
        #expect(new == expectedNew)
    }

    @Test func manyOwnersInterleaved() {
        // 2,000 owners, each met in rounds, in a different order each round.
        let owners = (0..<2_000).map { "Seller \($0) Example" }
        var rows: [String] = []
        for round in 0..<3 {
            rows += owners.indices.map { owners[($0 * 7 + round * 13) % owners.count] }
        }
        let (given, new) = number(rows, with: OwnerNumbers())
        let firstRound = owners.indices.map { owners[($0 * 7) % owners.count] }
        #expect(new == firstRound)
        let numberOf = Dictionary(uniqueKeysWithValues: firstRound.enumerated().map { ($1, $0) })
        #expect(given == rows.map { numberOf[$0] })
    }
}
