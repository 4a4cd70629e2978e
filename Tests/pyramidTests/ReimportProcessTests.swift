import Foundation
import GRDB
import Testing

/// A re-import reads no further than its key a record stored as it stands under the same interpretation. The
/// interpretation is written down by each process anew: a re-import by another `pyramid` must find it the same.
struct ReimportProcessTests {
    /// Enough rows that the writer's wish for records reaches the reading thread (it hands 2,048 rows at a time).
    static let rows = 20_000

    @Test func aReimportByAnotherProcessLeavesRowsStoredFromTheSameRecordsUnread() throws {
        // Given an export imported by one process, and two stored rows whose value digests are then spoiled: one
        // among the first rows (which a re-import reads whole), one near the end
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("w.sqlite")
        let export = folder.appendingPathComponent("calls.csv")
        try PyramidProcess.writeActivities(rows: Self.rows, prefix: "k", to: export)
        let first = try PyramidProcess.run(["import", "--db", database.path, "--quiet", export.path], in: folder)
        #expect(first.status == 0, "\(first.errors)")
        let spoil = "UPDATE activity SET digest = 0 WHERE key IN ('generic:k10', 'generic:k19000')"
        try DatabaseQueue(path: database.path).write { try $0.execute(sql: spoil) }
        // When another process imports the same export again
        let again = try PyramidProcess.run(
            ["import", "--db", database.path, "--format", "json", export.path], in: folder, label: "again")
        #expect(again.status == 0, "\(again.errors)")
        // Then the first row is compared by its values and written again, and the row near the end is left alone:
        // its record was found stored as it stands
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [String: Any])
        let file = try #require((summary["imports"] as? [[String: Any]])?.first)
        #expect(file["updated"] as? Int == 1)
        #expect(file["unchanged"] as? Int == Self.rows - 1)
        let digests = try DatabaseQueue(path: database.path).read { db in
            try Int64.fetchAll(
                db, sql: "SELECT digest FROM activity WHERE key IN ('generic:k10', 'generic:k19000') ORDER BY key")
        }
        #expect(digests.count == 2)
        #expect(digests.first != 0)
        #expect(digests.last == 0)
    }
}
