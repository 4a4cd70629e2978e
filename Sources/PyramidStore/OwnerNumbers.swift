import Foundation

/// Numbers the owner names of an import's activities in the order they are met (see `RowPipeline`).
///
/// A name is found by a 64-bit digest of its bytes (`ActivityDigest.of`), then its bytes are compared: no `String`
/// is made for a name met before. Making one for every activity, to look it up in a `[String: Int]`, cost a tenth
/// of the reading thread in a file whose rows do not come grouped by owner (1M shuffled rows of 500 owners).
///
/// Names are told apart by their bytes: two that differ only in how their accents are encoded (which Swift's `String`
/// compares as equal) get two numbers, which the writer's owner rows, looked up by `String`, map to the same row.
struct OwnerNumbers {
    /// The names met, back to back; number `n`'s ends at `ends[n]`.
    private var names: [UInt8] = []
    private var ends: [Int] = []
    /// The first number given a name with each digest.
    private var byDigest: [UInt64: Int] = [:]
    /// The number last given: exports often list one owner's rows together.
    private var last: Int?
    private let digest: (UnsafeBufferPointer<UInt8>) -> UInt64

    /// Numbers names found by `digest` (tests give one that makes names share digests).
    init(digest: @escaping (UnsafeBufferPointer<UInt8>) -> UInt64 = ActivityDigest.of) {
        self.digest = digest
    }

    /// The number of the owner named `name`; a name met for the first time is handed to `new` first.
    mutating func number(_ name: UnsafeBufferPointer<UInt8>, new: (String) -> Void) -> Int {
        if let last, isName(last, name) { return last }
        let key = digest(name)
        var found = byDigest[key]
        if let first = found, !isName(first, name) {
            // Another name has the same digest (about one chance in 2^64 per pair): the names are compared whole.
            found = ends.indices.first { isName($0, name) }
        }
        let number: Int
        if let found {
            number = found
        } else {
            number = ends.count
            names.append(contentsOf: name)
            ends.append(names.count)
            if byDigest[key] == nil { byDigest[key] = number }
            new(String(decoding: name, as: UTF8.self))
        }
        last = number
        return number
    }

    /// Whether number `number`'s name is `name`.
    private func isName(_ number: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        guard ends[number] - start == name.count else { return false }
        return names.withUnsafeBufferPointer { names in
            guard let known = names.baseAddress, let wanted = name.baseAddress else { return true }
            return memcmp(known + start, wanted, name.count) == 0
        }
    }
}
