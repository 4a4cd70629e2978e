import Foundation
import GRDB
import PyramidCore
import Testing

@testable import PyramidStore

/// The coaching log in the workspace: recorded, listed, corrected, deleted, and read into the snapshot.
struct CoachingStoreTests {
    static func entry(week: String = "2026-W43") throws -> CoachingEntry {
        let week = try #require(ISOWeek(week))
        return CoachingEntry(
            email: "ben@example.com", manager: "dana@example.com", week: week, note: "Test the phone.",
            agreements: ["Call blocks Tue/Thu", "Log calls the same day"],
            experiment: Experiment(
                name: "Phone-first", belief: "social-beats-calls",
                measure: try ExperimentMeasure(metric: .outboundCalls, per: .day, target: 12, weekdays: [2, 4]),
                lastWeek: week.adding(weeks: 2)))
    }

    @Test func recordsAndReadsBackAnEntry() throws {
        // Given an empty workspace
        let store = try Store.inMemory()
        // When a one-to-one is recorded
        let stored = try store.recordCoaching(try Self.entry())
        // Then it reads back exactly, with its id
        #expect(stored.id > 0)
        #expect(try store.coachingEntry(id: stored.id) == stored)
        #expect(try store.coachingLog(email: "ben@example.com") == [stored])
        #expect(try store.coachingLog(email: "priya@example.com").isEmpty)
    }

    @Test func anEntryWithoutExperimentOrMeasureKeepsThemEmpty() throws {
        let store = try Store.inMemory()
        var entry = try Self.entry()
        entry.experiment?.measure = nil
        let noMeasure = try store.recordCoaching(entry)
        entry.experiment = nil
        entry.agreements = []
        let notesOnly = try store.recordCoaching(entry)
        #expect(try store.coachingEntry(id: noMeasure.id).experiment?.measure == nil)
        #expect(try store.coachingEntry(id: noMeasure.id).experiment?.name == "Phone-first")
        #expect(try store.coachingEntry(id: notesOnly.id) == notesOnly)
    }

    @Test func editingReplacesTheEntryAndItsAgreements() throws {
        let store = try Store.inMemory()
        var entry = try store.recordCoaching(try Self.entry())
        entry.note = "Corrected."
        entry.agreements = ["One call block on Tuesday"]
        entry.experiment?.measure = try ExperimentMeasure(metric: .connectedCalls, per: .week, target: 8)
        try store.updateCoaching(entry)
        #expect(try store.coachingEntry(id: entry.id) == entry)
    }

    @Test func deletingRemovesTheEntryAndItsAgreements() throws {
        let store = try Store.inMemory()
        let first = try store.recordCoaching(try Self.entry())
        let second = try store.recordCoaching(try Self.entry(week: "2026-W45"))
        try store.deleteCoaching(id: first.id)
        #expect(try store.coachingLog() == [second])
        let orphans = try store.writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM coaching_agreement WHERE entry_id = ?", arguments: [first.id])
        }
        #expect(orphans == 0)
    }

    @Test func anUnknownIdSaysWhereToFindTheIds() throws {
        let store = try Store.inMemory()
        #expect(throws: StoreError.unknownCoachingEntry(7)) { try store.deleteCoaching(id: 7) }
        var ghost = try Self.entry()
        ghost.id = 7
        #expect(throws: StoreError.unknownCoachingEntry(7)) { try store.updateCoaching(ghost) }
        #expect(throws: StoreError.unknownCoachingEntry(7)) { try store.coachingEntry(id: 7) }
        #expect(
            StoreError.unknownCoachingEntry(7).description
                == "there is no coaching entry 7 (see `pyramid coach SELLER --list` for the ids)")
    }

    @Test func theSnapshotHoldsTheLogUpToTheWeek() throws {
        let store = try Store.inMemory()
        let past = try store.recordCoaching(try Self.entry(week: "2026-W43"))
        try store.recordCoaching(try Self.entry(week: "2026-W47"))
        let week = try #require(ISOWeek("2026-W46"))
        let snapshot = try store.snapshot(week: week, config: WorkspaceConfig())
        #expect(snapshot.coaching == [past])
    }

    @Test func theCoachingMigrationIsAppendedToAnExistingWorkspace() throws {
        // Given a workspace created before the coaching log existed, with a seller in it
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v1: sellers, activities, deals, imports, quarantine")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO seller (email, name) VALUES ('ben@example.com', 'Ben Carter')")
        }
        // When it is opened
        let store = try Store(writer: queue)
        // Then the log exists and the seller is still there
        let applied = try queue.read { db in try Schema.migrator.appliedIdentifiers(db) }
        #expect(applied.contains("v2: coaching log"))
        #expect(try store.sellerListings().map(\.seller.name) == ["Ben Carter"])
        #expect(try store.recordCoaching(try Self.entry()).id == 1)
    }
}
