import Foundation
import GRDB
import PyramidIngest
import Testing

@testable import PyramidStore

/// An activity import writes without SQLite checking each row's owner (see `Store.importFile`): the rows must
/// still reference owners that exist, and the checks must be on again afterwards, whatever happened.
struct OwnerReferenceTests {
    /// The rows whose references point nowhere (`PRAGMA foreign_key_check`), as "table → parent".
    static func danglingReferences(_ store: Store) throws -> [String] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "\($0[0] as String) → \($0[2] as String)" }
        }
    }

    static func checksAreOn(_ store: Store) throws -> Bool {
        try store.writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } ?? false
    }

    @Test func activityImportsOfKnownAndNewOwnersLeaveEveryRowWithItsOwnerAndTheChecksOn() throws {
        // Given a roster, then activity files whose owners are on it, are new names, or are new emails
        let store = try Store.inMemory()
        try importFile(store, fixture("generic/roster.csv"))
        for file in [
            "generic/activities.csv", "hubspot/hubspot-crm-exports-calls-2026-11-16.csv",
            "hubspot/hubspot-crm-exports-emails-2026-11-16.csv",
        ] {
            try importFile(store, fixture(file))
        }
        try importText(
            store, "id,owner,kind,timestamp\nn1,new.person@example.com,call,2026-11-09T09:00:00Z\n", name: "new.csv")
        // Then every activity's owner exists, and so does every owner's seller
        #expect(try store.counts().activities > 0)
        #expect(try Self.danglingReferences(store) == [])
        #expect(try Self.checksAreOn(store))
    }

    @Test func theChecksAreOnAgainAfterAnActivityImportThatFailed() throws {
        let store = try Store.inMemory()
        let row = "f1,ben@example.com,call,2026-11-09T09:00:00Z\n"
        let text = Array(("id,owner,kind,timestamp\n" + String(repeating: row, count: 2_000)).utf8)
        let reader = try ExportReader(name: "broken.csv", size: Int64(text.count), options: ImportOptions()) {
            FailingSource(bytes: text, failAfter: text.count - 1_000)
        }
        #expect(throws: IngestError.self) { try store.importFile(reader, path: "broken.csv") }
        #expect(try Self.checksAreOn(store))
    }

    @Test func otherImportsAndTheCoachingLogKeepTheChecks() throws {
        // A coaching entry's agreements go with it only while SQLite enforces the references (ON DELETE CASCADE)
        let store = try Store.inMemory()
        try importFile(store, fixture("generic/roster.csv"))
        try importFile(store, fixture("generic/activities.csv"))
        #expect(try Self.checksAreOn(store))
        try store.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO coaching_entry (id, seller_email, week, recorded_at)
                      VALUES (1, 'ben@example.com', '2026-W46', '2026-11-16');
                    INSERT INTO coaching_agreement VALUES (1, 0, 'Call first on Tuesday');
                    DELETE FROM coaching_entry WHERE id = 1;
                    """)
        }
        let agreements = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM coaching_agreement")
        }
        #expect(agreements == 0)
    }
}
