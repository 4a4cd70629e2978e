import PyramidCore
import PyramidDemo
import Testing

@testable import PyramidStore

/// Rows put in id order through runs on disk come back whole, in id order, even when the merge gives the file's
/// pages back to the OS after every page it reads, and runs end in the middle of a page.
struct SortedRunsTests {
    /// A row of owner row `owner` whose text values are `key`, then `subject` as its subject, the rest empty.
    func row(key: String, subject: String, owner: Int) -> (ActivityBatch.Row, [UInt8]) {
        let text = Array(key.utf8) + Array(subject.utf8)
        var ends = SIMD8<Int32>(repeating: Int32(key.utf8.count))
        for field in 5..<8 { ends[field] = Int32(text.count) }
        let row = ActivityBatch.Row(
            day: 20_000, owner: owner, kind: .call, direction: .outbound, outcome: .connected, outcomeSource: .export,
            done: true, duration: 30, occurredAt: 1_728_000_000, utcOffsetMinutes: 60, loggedAt: nil, textStart: 0,
            textEnds: ends, contentDigest: 7, sourceDigest: nil, isRecord: false, line: 0)
        return (row, text)
    }

    @Test(arguments: [4096, 256 << 10])
    func rowsComeBackWholeInIdOrder(punchBytes: Int) throws {
        var rng = SplitMix(seed: 5)
        let count = 1_000
        let ids = (0..<count).map { Int64($0) * 3 + 1 }.shuffled(using: &rng)
        let subjects = ids.map { id in String(repeating: "s", count: 50 + Int(rng.next() % 3_000)) + "\(id)" }
        let runs = SortedRuns(runRows: 97, punchBytes: UInt64(punchBytes))
        let batch = ActivityBatch()
        for (index, id) in ids.enumerated() {
            batch.removeAll()
            let (row, text) = row(key: "k\(id)", subject: subjects[index], owner: index)
            text.withUnsafeBufferPointer { batch.append(row, text: $0) }
            try runs.add(batch.rows[0], of: batch, owner: Int64(index), id: id)
        }
        var drained: [(id: Int64, owner: Int64, key: String, subject: String)] = []
        try runs.drain { row, batch, owner, id in
            drained.append(
                (
                    id, owner, String(decoding: batch.text(0, of: row), as: UTF8.self),
                    String(decoding: batch.text(5, of: row), as: UTF8.self)
                ))
        }
        #expect(drained.map(\.id) == ids.sorted())
        let wrong = drained.filter { entry in
            guard let index = ids.firstIndex(of: entry.id) else { return true }
            return entry.owner != Int64(index) || entry.key != "k\(entry.id)" || entry.subject != subjects[index]
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3).map(\.id))")
    }
}
