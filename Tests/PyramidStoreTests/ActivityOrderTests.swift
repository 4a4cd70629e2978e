import GRDB
import PyramidCore
import PyramidIngest
import Testing

@testable import PyramidStore

/// Activities are stored in day order: row id = day × 2³² + the row's place in its day.
struct ActivityOrderTests {
    let header = "id,owner,kind,direction,outcome,timestamp,duration\n"

    /// (key, day of the id, place in the day, local_day column), in row id order.
    func stored(_ store: Store) throws -> [(key: String, day: Int, place: Int64, localDay: Int)] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, key, local_day FROM activity ORDER BY id").map { row in
                let id: Int64 = row["id"]
                let day = Int(id >> 32)
                return (
                    row["key"], day, id - ActivityID.first(ofDay: day),
                    row["local_day"]
                )
            }
        }
    }

    @Test func idsFollowTheDayWhateverTheFileOrder() throws {
        // Given a file listing a later day first
        let store = try Store.inMemory()
        try importText(
            store,
            header + "b1,ben@example.com,call,outbound,connected,2026-11-10T09:00:00Z,300\n"
                + "a1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,300\n"
                + "b2,ben@example.com,call,outbound,no-answer,2026-11-10T10:00:00Z,0\n")
        // When a second import adds to the first day
        try importText(store, header + "a2,ben@example.com,email,outbound,sent,2026-11-09T11:00:00Z,\n")
        // Then rows come back by day, in the order they were added to it, and every id's day is the row's day
        let rows = try stored(store)
        #expect(rows.map(\.key) == ["generic:a1", "generic:a2", "generic:b1", "generic:b2"])
        #expect(rows.map(\.place) == [0, 1, 0, 1])
        #expect(rows.allSatisfy { $0.day == $0.localDay })
        #expect(rows.first?.localDay == LocalDate(iso: "2026-11-09")?.daysSinceEpoch)
    }

    @Test func aRowMovedToAnotherDayTakesAnIdOfThatDay() throws {
        // Given two rows on Monday and one on Tuesday
        let store = try Store.inMemory()
        try importText(
            store,
            header + "m1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,300\n"
                + "m2,ben@example.com,call,outbound,connected,2026-11-09T10:00:00Z,300\n"
                + "t1,ben@example.com,call,outbound,connected,2026-11-10T09:00:00Z,300\n")
        // When a later export moves m1 to Tuesday, changes m2 in place and adds a row on each day
        let later = try importText(
            store,
            header + "m1,ben@example.com,call,outbound,connected,2026-11-10T16:00:00Z,300\n"
                + "m2,ben@example.com,call,outbound,no-answer,2026-11-09T10:00:00Z,0\n"
                + "t2,ben@example.com,call,outbound,connected,2026-11-10T17:00:00Z,300\n"
                + "m3,ben@example.com,email,outbound,sent,2026-11-09T12:00:00Z,\n")
        // Then the counts say so, and every row's id is of its own day, none shared
        #expect((later.added, later.updated, later.unchanged) == (2, 2, 0))
        let rows = try stored(store)
        #expect(rows.map(\.key) == ["generic:m2", "generic:m3", "generic:t1", "generic:m1", "generic:t2"])
        #expect(rows.allSatisfy { $0.day == $0.localDay })
        // And importing the later export again changes nothing
        let again = try importText(
            store,
            header + "m1,ben@example.com,call,outbound,connected,2026-11-10T16:00:00Z,300\n"
                + "m2,ben@example.com,call,outbound,no-answer,2026-11-09T10:00:00Z,0\n")
        #expect((again.added, again.updated, again.unchanged) == (0, 0, 2))
    }

    @Test func theSameKeyTwiceInOneFileIsAddedThenUpdated() throws {
        let store = try Store.inMemory()
        let summary = try importText(
            store,
            header + "d1,ben@example.com,call,outbound,no-answer,2026-11-09T09:00:00Z,0\n"
                + "d1,ben@example.com,call,outbound,connected,2026-11-11T09:00:00Z,300\n"
                + "d1,ben@example.com,call,outbound,connected,2026-11-11T09:00:00Z,300\n")
        #expect((summary.added, summary.updated, summary.unchanged) == (1, 1, 1))
        #expect(try stored(store).map(\.localDay) == [LocalDate(iso: "2026-11-11")?.daysSinceEpoch])
    }

    @Test func countsStayExactAcrossStatementsOfManyRows() throws {
        // Given 100 rows (several multi-row statements and a shorter last one), imported once
        func rows(_ range: ClosedRange<Int>, outcome: (Int) -> String = { _ in "connected" }) -> String {
            header
                + range.map {
                    "r\($0),ben@example.com,call,outbound,\(outcome($0)),2026-11-\(10 + $0 % 5)T09:00:00Z,60\n"
                }
                .joined()
        }
        let store = try Store.inMemory()
        let first = try importText(store, rows(1...100))
        // When the same file comes again, then a file changing rows 31 to 33 (either side of a statement's end)
        // and adding a row
        let again = try importText(store, rows(1...100))
        let changed = try importText(store, rows(1...101) { (31...33).contains($0) ? "no-answer" : "connected" })
        // Then every row is counted once, the way it went
        #expect((first.added, first.updated, first.unchanged) == (100, 0, 0))
        #expect((again.added, again.updated, again.unchanged) == (0, 0, 100))
        #expect((changed.added, changed.updated, changed.unchanged) == (1, 3, 97))
        let stored = try stored(store)
        #expect(stored.count == 101)
        #expect(Set(stored.map(\.key)).count == 101)
        #expect(stored.allSatisfy { $0.day == $0.localDay })
    }

    @Test func daysBefore1970KeepTheirOrder() throws {
        let store = try Store.inMemory()
        try importText(
            store,
            header + "n1,ben@example.com,call,outbound,connected,1969-12-31T09:00:00Z,300\n"
                + "p1,ben@example.com,call,outbound,connected,1970-01-01T09:00:00Z,300\n"
                + "n0,ben@example.com,call,outbound,connected,1969-12-30T09:00:00Z,300\n")
        let rows = try stored(store)
        #expect(rows.map(\.key) == ["generic:n0", "generic:n1", "generic:p1"])
        #expect(rows.map(\.localDay) == [-2, -1, 0])
        #expect(rows.allSatisfy { $0.day == $0.localDay })
    }

    @Test func theDayOrderMigrationRenumbersEarlierWorkspaces() throws {
        // Given a workspace at schema v3 holding activities added out of day order
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v3: daily activity tallies")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO owner (id, name) VALUES (1, 'ben@example.com')")
            for (id, key, day) in [(1, "k1", 20_402), (2, "k2", 20_401), (3, "k3", 20_402), (4, "k4", 20_401)] {
                try db.execute(
                    sql: """
                        INSERT INTO activity (id, key, owner_id, local_day, kind, direction, outcome, done, duration,
                          occurred_at, utc_offset, logged_at, outcome_text, subject, contact, company, import_id)
                        VALUES (?, ?, 1, ?, 'call', 'outbound', 'connected', 1, 300, ?, 0, NULL, 'Connected',
                          'subject', 'contact', 'company', 1)
                        """, arguments: [id, key, day, day * 86_400 + id])
            }
        }
        // When it is opened by this version
        let store = try Store(writer: queue)
        // Then the rows are numbered within their day, in the order they were added, and nothing else changed
        let rows = try stored(store)
        #expect(rows.map(\.key) == ["k2", "k4", "k1", "k3"])
        #expect(rows.map(\.place) == [0, 1, 0, 1])
        #expect(rows.allSatisfy { $0.day == $0.localDay })
        let seconds = try queue.read { db in
            try Int.fetchAll(db, sql: "SELECT occurred_at - local_day * 86400 FROM activity ORDER BY id")
        }
        #expect(seconds == [2, 4, 1, 3])
        let indexes = try queue.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'activity'")
        }
        #expect(indexes == ["activity_key"])
        // And a new row on one of those days goes after them
        try importText(store, header + "k5,ben@example.com,call,outbound,connected,2025-11-10T12:00:00Z,300\n")
        #expect(try stored(store).filter { $0.localDay == 20_402 }.map(\.place) == [0, 1, 2])
    }
}
