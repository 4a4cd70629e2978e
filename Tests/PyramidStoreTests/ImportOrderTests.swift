import GRDB
import PyramidCore
import PyramidDemo
import PyramidIngest
import Testing

@testable import PyramidStore

/// The same export in every row order real files come in (oldest first, newest first, grouped by owner, shuffled),
/// five runs long, so that it is put in id order through runs on disk (`SortedRuns`), with repeated records: every order stores
/// the same rows, ids and tallies, with the same counts, as an import into a workspace that already holds
/// activities (which writes row by row with the key index in place).
struct ImportOrderTests {
    static let header = "id,owner,kind,direction,outcome,timestamp,duration\n"
    static let basis = TallyBasis(minimumCallSeconds: 120, shortCallSeconds: 5)

    /// The rows sorted in memory at a time in these tests: the file is five runs long.
    static let runRows = 512

    /// Five runs' worth of rows over 60 days for five owners, oldest first, and after each 97th, a row of 50
    /// before again (every other time), exactly.
    static let records: [(owner: String, time: Int, line: String)] = {
        var rng = SplitMix(seed: 7)
        let owners = ["ana", "ben", "eve", "liam", "noah"].map { "\($0)@example.com" }
        var records: [(owner: String, time: Int, line: String)] = []
        let count = runRows * 5
        for index in 0..<count {
            let time = 1_762_000_000 + index * (60 * 86_400 / count)
            let owner = owners[Int(rng.next() % 5)]
            let outcome = ["connected", "no-answer", "voicemail"][Int(rng.next() % 3)]
            let line =
                "r\(index),\(owner),call,outbound,\(outcome),\(ISO8601.string(time)),\(Int(rng.next() % 400))\n"
            records.append((owner, time, line))
            if index % 97 == 0 && index > 0 { records.append(records[index - 50 * (index / 97 % 2)]) }
        }
        return records
    }()

    func file(_ order: String) -> String {
        var rows = Self.records
        switch order {
        case "newest-first": rows.reverse()
        case "grouped":
            rows = rows.enumerated().sorted { ($0.element.owner, $0.offset) < ($1.element.owner, $1.offset) }.map(
                \.element)
        case "shuffled":
            var rng = SplitMix(seed: 42)
            rows.shuffle(using: &rng)
        default: break
        }
        return Self.header + rows.map(\.line).joined()
    }

    /// Everything stored about the activities, in key order, and the tallies, owners by name.
    func contents(_ store: Store) throws -> (rows: [String], tallies: [String]) {
        try store.writer.read { db in
            let rows = try String.fetchAll(
                db,
                sql: """
                    SELECT printf('%s %d %d %s %s %d %s %s', key, activity.id >> 32, local_day, owner.name, outcome,
                      occurred_at, duration, source_digest)
                    FROM activity JOIN owner ON owner.id = owner_id ORDER BY key
                    """)
            let tallies = try String.fetchAll(
                db,
                sql: """
                    SELECT printf('%d %s %s %s %s %d %d %d %d', local_day, owner.name, kind, direction, outcome, n,
                      long_calls, short_calls, borderline)
                    FROM activity_tally JOIN owner ON owner.id = owner_id ORDER BY 1
                    """)
            return (rows, tallies)
        }
    }

    /// A new workspace whose imports sort `runRows` rows at a time.
    func workspace() throws -> Store {
        var store = try Store.inMemory()
        store.importRunRows = Self.runRows
        return store
    }

    @Test func everyOrderStoresTheSameAsRowByRow() throws {
        // Given the oldest-first file imported into a workspace holding one activity already (row by row)
        let reference = try workspace()
        _ = try importText(
            reference, Self.header + "x0,ana@example.com,call,outbound,connected,2025-01-06T10:00:00Z,30\n",
            tallyBasis: Self.basis)
        let expected = try importText(reference, file("oldest-first"), tallyBasis: Self.basis)
        try reference.writer.write { db in
            try db.execute(
                sql: "DELETE FROM activity WHERE key = 'generic:x0'; DELETE FROM activity_tally WHERE local_day = 20094"
            )
        }
        let want = try contents(reference)
        #expect(expected.added == Self.runRows * 5)
        #expect(expected.unchanged == Self.records.count - Self.runRows * 5 && expected.unchanged > 20)
        #expect(expected.updated == 0)
        for order in ["oldest-first", "newest-first", "grouped", "shuffled"] {
            // When it is imported in that order into an empty workspace
            let store = try workspace()
            let summary = try importText(store, file(order), tallyBasis: Self.basis)
            // Then the counts, the rows and the tallies are the same, ids carry the day, densely, and the key
            // index is back
            #expect(
                (summary.added, summary.updated, summary.unchanged, summary.quarantined)
                    == (expected.added, expected.updated, expected.unchanged, 0), "\(order)")
            let got = try contents(store)
            #expect(got.rows.count == want.rows.count && got.tallies.count == want.tallies.count, "\(order)")
            #expect(zip(got.rows, want.rows).first { $0 != $1 } == nil, "\(order)")
            #expect(zip(got.tallies, want.tallies).first { $0 != $1 } == nil, "\(order)")
            let (integrity, indexes) = try store.writer.read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                    try String.fetchAll(
                        db, sql: "SELECT name FROM sqlite_schema WHERE tbl_name = 'activity' AND type = 'index'")
                )
            }
            #expect(integrity == "ok" && indexes == ["activity_key"], "\(order)")
        }
    }

    @Test func aRecordChangedLaterInTheFileIsUpdatedInEveryPath() throws {
        // Given a shuffled file in which one record appears again later with another outcome
        let base = file("shuffled")
        let changed = base + "r5,ana@example.com,call,outbound,busy,2025-11-01T10:00:00Z,9\n"
        let empty = try workspace()
        let summary = try importText(empty, changed, tallyBasis: Self.basis)
        let reference = try workspace()
        _ = try importText(
            reference, Self.header + "x0,ana@example.com,call,outbound,connected,2025-01-06T10:00:00Z,30\n")
        let expected = try importText(reference, changed, tallyBasis: Self.basis)
        // Then it is updated, the later values kept, as row by row
        #expect(summary.updated == 1 && expected.updated == 1)
        #expect(summary.added == expected.added)
        let outcome = try empty.writer.read { db in
            try String.fetchOne(db, sql: "SELECT outcome FROM activity WHERE key = 'generic:r5'")
        }
        #expect(outcome == "busy")
    }

    @Test func longTextGoesThroughTheRunsWhole() throws {
        // Given a shuffled file whose rows carry subjects of a kilobyte and more (each run is written to disk in
        // several pieces), two of them longer than a piece (300 KB), all different
        var rng = SplitMix(seed: 11)
        let letters = Array("abcdefghij")
        let subjects = (0..<Self.runRows * 3).map { index in
            let length = index == 700 || index == 1_100 ? 300_000 : 1_000 + Int(rng.next() % 500)
            return String(repeating: letters[index % 10], count: length) + " #\(index)"
        }
        var lines = subjects.enumerated().map { index, subject in
            "r\(index),ana@example.com,call,outbound,connected,\(ISO8601.string(1_762_000_000 + index * 1_800)),30,"
                + "\(subject)\n"
        }
        lines.shuffle(using: &rng)
        let store = try workspace()
        // When it is imported into an empty workspace
        let summary = try importText(
            store, "id,owner,kind,direction,outcome,timestamp,duration,subject\n" + lines.joined())
        // Then every subject is stored as it was written
        #expect(summary.added == subjects.count)
        let stored = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT key, subject FROM activity").map {
                (row: Row) -> (key: String, subject: String) in (row["key"], row["subject"])
            }
        }
        let written = Dictionary(uniqueKeysWithValues: subjects.enumerated().map { ("generic:r\($0)", $1) })
        #expect(stored.count == subjects.count)
        let changed = stored.filter { written[$0.key] != $0.subject }.map(\.key)
        #expect(changed.isEmpty, "\(changed.prefix(5))")
    }
}

enum ISO8601 {
    /// `2025-11-01T10:00:00Z` for seconds since 1970.
    static func string(_ seconds: Int) -> String {
        let day = LocalDate(daysSinceEpoch: seconds / 86_400)
        let rest = seconds % 86_400
        return "\(day)T"
            + [rest / 3600, rest / 60 % 60, rest % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
            + "Z"
    }
}
