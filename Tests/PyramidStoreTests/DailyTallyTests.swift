import Foundation
import GRDB
import PyramidCore
import PyramidIngest
import Testing

@testable import PyramidStore

/// The tallies imports keep must give reports exactly what counting the activities gives.
struct DailyTallyTests {
    let basis = TallyBasis(minimumCallSeconds: 120, shortCallSeconds: 5)
    let week = ISOWeek("2026-W46") ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 20_400))

    func importKeepingTallies(_ store: Store, _ text: String, name: String) throws {
        _ = try importText(store, text, name: name, tallyBasis: basis)
    }

    /// The tallies the imports kept, and what counting every activity again gives, in key order.
    func keptAndRecounted(_ store: Store) throws -> (kept: [Row], recounted: [Row]) {
        let tallies = "SELECT * FROM activity_tally ORDER BY local_day, owner_id, kind, direction, outcome"
        let kept = try store.writer.read { db in try Row.fetchAll(db, sql: tallies) }
        let recounted = try store.writer.write { db in
            try DailyTallies.finish(db, basis: basis, counter: nil)
            return try Row.fetchAll(db, sql: tallies)
        }
        return (kept, recounted)
    }

    func snapshotWithoutTallies(_ store: Store) throws -> TeamSnapshot {
        try store.writer.write { db in try db.execute(sql: "DELETE FROM tally_basis") }
        return try store.snapshot(week: week, config: WorkspaceConfig())
    }

    @Test func talliesMatchCountingTheActivitiesAcrossImportsAndUpdates() throws {
        // Given two imports, the second adding days and changing a row's outcome and day
        let store = try Store.inMemory()
        let header = "id,owner,kind,direction,outcome,timestamp,duration\n"
        try importKeepingTallies(
            store,
            header + "c1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,300\n"
                + "c2,ben@example.com,call,outbound,no-answer,2026-11-09T09:05:00Z,3\n"
                + "c3,ana@example.com,email,outbound,sent,2026-11-10T10:00:00Z,\n", name: "a.csv")
        try importKeepingTallies(
            store,
            header + "c2,ben@example.com,call,outbound,connected,2026-11-11T09:05:00Z,200\n"
                + "c4,ben@example.com,meeting,outbound,held,2026-11-12T15:00:00Z,1800\n", name: "b.csv")
        // When the week is read from the kept tallies (counted with the thresholds the report uses) and then by
        // counting the activities
        #expect(try store.writer.read { db in try DailyTallies.usable(db, basis: TallyBasis(WorkspaceConfig())) })
        let fromTallies = try store.snapshot(week: week, config: WorkspaceConfig())
        let counted = try snapshotWithoutTallies(store)
        // Then both agree, day by day
        #expect(Set(fromTallies.tallies) == Set(counted.tallies))
        let ben = fromTallies.tallies.filter { $0.email == "ben@example.com" }.sorted { $0.day < $1.day }
        #expect(ben.map(\.day.description) == ["2026-11-09", "2026-11-11", "2026-11-12"])
        #expect(ben.map(\.callConversations) == [1, 1, 0])
        #expect(ben.map(\.meetingsHeld) == [0, 0, 1])
    }

    @Test func importsThatOnlyAddRowsAddTheirCountsToTheTallies() throws {
        // Given three imports that only add rows, two of them to the same days, one re-imported unchanged
        let store = try Store.inMemory()
        let header = "id,owner,kind,direction,outcome,timestamp,duration\n"
        let first =
            header + "c1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,300\n"
            + "c2,ben@example.com,call,outbound,no-answer,2026-11-09T09:05:00Z,3\n"
            + "c3,ana@example.com,email,outbound,sent,2026-11-10T10:00:00Z,\n"
        try importKeepingTallies(store, first, name: "a.csv")
        try importKeepingTallies(
            store,
            header + "c4,ben@example.com,call,outbound,connected,2026-11-09T11:00:00Z,\n"
                + "c5,ben@example.com,call,outbound,connected,2026-11-09T11:30:00Z,60\n"
                + "c6,ana@example.com,email,outbound,sent,2026-11-10T11:00:00Z,\n", name: "b.csv")
        try importKeepingTallies(store, first, name: "a.csv")
        // When the tallies kept are compared with counting everything again
        let (kept, recounted) = try keptAndRecounted(store)
        // Then they are the same rows: Ben's Monday holds three connected calls (two long enough) and a few-second one
        #expect(kept == recounted)
        let monday = kept.filter { ($0["local_day"] as Int) == LocalDate(iso: "2026-11-09")?.daysSinceEpoch }
        #expect(monday.map { [$0["n"], $0["long_calls"], $0["short_calls"]] as [Int] } == [[3, 2, 0], [1, 0, 1]])
    }

    @Test func knownAndNewKeysMixedInAStatementAreCountedOnce() throws {
        // Given 40 rows imported, then files mixing them with new rows: a statement of known keys, one half
        // known and half new, new ones after that, and a new file whose 40th row is a known key (the plain
        // insert of new rows fails part-way through its statement)
        func rows(_ numbers: [Int]) -> String {
            "id,owner,kind,direction,outcome,timestamp,duration\n"
                + numbers.map {
                    "r\($0),ben@example.com,call,outbound,connected,2026-11-\(10 + $0 % 5)T09:00:00Z,\($0 % 200)\n"
                }
                .joined()
        }
        let store = try Store.inMemory()
        func summary(_ numbers: [Int], name: String) throws -> [Int] {
            let summary = try importText(store, rows(numbers), name: name, tallyBasis: basis)
            return [summary.added, summary.updated, summary.unchanged]
        }
        let first = try summary(Array(1...40), name: "a.csv")
        let mixed = try summary(Array(1...100), name: "b.csv")
        let late = try summary(Array(101...139) + [7] + Array(140...160), name: "c.csv")
        // Then every row is counted once, and the tallies kept are what counting everything again gives
        #expect(first == [40, 0, 0])
        #expect(mixed == [60, 0, 40])
        #expect(late == [60, 0, 1])
        let (kept, recounted) = try keptAndRecounted(store)
        #expect(kept == recounted)
        #expect(kept.map { $0["n"] as Int }.reduce(0, +) == 160)
        let stored = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM activity") }
        #expect(stored == 160)
    }

    /// Oldest day first, each day's counts are written once the next day comes, and the first day's come again
    /// once the file goes back to it; newest day first, they pile up in memory and move out in two parts.
    @Test(arguments: [false, true]) func countsAddUpInDayOrderAndAcrossManyGroupsHeldInMemory(newestFirst: Bool) throws
    {
        // Given one seller's call already stored, and a file with more groups than the counter holds in memory
        // (164 owners on enough days, 101 today), then the first groups again, so that they are counted in two parts
        let owners = 164
        let days = TallyCounter.flushAt / owners + 1
        let store = try Store.inMemory()
        let header = "id,owner,kind,direction,outcome,timestamp,duration\n"
        try importKeepingTallies(
            store, header + "c0,owner0@example.com,call,outbound,connected,2026-01-01T09:00:00Z,300\n", name: "a.csv")
        var lines = [header]
        let first = LocalDate(iso: "2026-01-01")?.daysSinceEpoch ?? 0
        for day in newestFirst ? Array((0..<days).reversed()) : Array(0..<days) {
            let date = LocalDate(daysSinceEpoch: first + day)
            for owner in 0..<owners {
                lines.append(
                    "r\(day)-\(owner),owner\(owner)@example.com,call,outbound,connected,\(date)T10:00:00Z,\(owner)\n")
            }
        }
        for owner in 0..<50 {
            lines.append(
                "s\(owner),owner\(owner)@example.com,call,outbound,connected,\(LocalDate(daysSinceEpoch: first))T11:00:00Z,2\n"
            )
        }
        #expect(days * owners > TallyCounter.flushAt)
        // When it is imported
        let summary = try importText(store, lines.joined(), name: "b.csv", tallyBasis: basis)
        // Then every row is counted once, and the tallies kept are what counting everything again gives
        #expect(summary.added == days * owners + 50)
        let (kept, recounted) = try keptAndRecounted(store)
        #expect(kept == recounted)
        #expect(kept.count == days * owners)
        #expect(kept.first.map { [$0["n"], $0["long_calls"], $0["short_calls"]] as [Int] } == [3, 1, 2])
    }

    @Test func groupCodesGiveBackTheirGroupAndSortAsTheTallyKey() throws {
        // Given every kind, direction and outcome, for owner rows small and large
        struct Group: Equatable {
            var owner: Int64
            var kind: String
            var direction: String
            var outcome: String
        }
        var groups: [Group] = []
        var codes: [Int64] = []
        for owner: Int64 in [1, 2, 1 << 40] {
            for kind in ActivityKind.allCases {
                for direction in Direction.allCases {
                    for outcome in Outcome.allCases {
                        groups.append(
                            Group(
                                owner: owner, kind: kind.rawValue, direction: direction.rawValue,
                                outcome: outcome.rawValue))
                        codes.append(TallyGroupCode.code(owner: owner, kind, direction, outcome))
                    }
                }
            }
        }
        // When SQLite reads the groups back from the codes, in the codes' order
        let read = try DatabaseQueue().read { db in
            try Row.fetchAll(
                db,
                sql: """
                    WITH t(code) AS (SELECT value FROM json_each(?))
                    SELECT \(TallyGroupCode.columnsSQL("code")) FROM t ORDER BY code
                    """, arguments: ["[" + codes.map(String.init).joined(separator: ",") + "]"])
        }
        // Then they are the groups, in the tally key's order
        let sorted = groups.sorted {
            ($0.owner, $0.kind, $0.direction, $0.outcome) < ($1.owner, $1.kind, $1.direction, $1.outcome)
        }
        #expect(read.map { Group(owner: $0[0], kind: $0[1], direction: $0[2], outcome: $0[3]) } == sorted)
        #expect(Set(codes).count == groups.count)
    }

    @Test func otherThresholdsFallBackToCountingTheActivities() throws {
        let store = try Store.inMemory()
        try importKeepingTallies(
            store,
            "id,owner,kind,direction,outcome,timestamp,duration\n"
                + "c1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,100\n", name: "a.csv")
        var config = WorkspaceConfig()
        config.conversationMinCallSeconds = 60
        let snapshot = try store.snapshot(week: week, config: config)
        #expect(snapshot.tallies.first?.callConversations == 1)
        #expect(try store.snapshot(week: week, config: WorkspaceConfig()).tallies.first?.callConversations == 0)
    }
}
