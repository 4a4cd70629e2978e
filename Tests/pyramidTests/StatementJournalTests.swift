import Foundation
import Testing

/// SQLite's settings for the whole process take effect only in a process whose first database is the workspace,
/// so this runs the real executable.
struct StatementJournalTests {
    /// A generic export of one call per owner and day: `owners` × `days` daily tally groups.
    func writeCalls(owners: Int, days: Int, to url: URL, outcome: (Int) -> String = { _ in "connected" }) throws {
        var text = "id,owner,kind,direction,outcome,timestamp,duration\n"
        let first = Date(timeIntervalSince1970: 1_735_725_600)  // 2025-01-01 10:00 UTC
        let format = ISO8601DateFormatter()
        for day in 0..<days {
            let when = format.string(from: first.addingTimeInterval(Double(day) * 86_400))
            for owner in 0..<owners {
                let id = day * owners + owner
                text += "c\(id),owner\(owner)@example.com,call,outbound,\(outcome(id)),\(when),300\n"
            }
        }
        try Data(text.utf8).write(to: url)
    }

    @Test func anImportChangingARowOfALargeWorkspaceRecountsItsTallies() throws {
        // Given a workspace whose daily tallies take well over 8 MiB (240,000 groups), and the same export with one
        // call's outcome changed, which makes the import count the tallies again in one statement
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        let first = folder.appendingPathComponent("calls.csv"), changed = folder.appendingPathComponent("again.csv")
        try writeCalls(owners: 600, days: 400, to: first)
        try writeCalls(owners: 600, days: 400, to: changed) { $0 == 7 ? "no-answer" : "connected" }
        let imported = try PyramidProcess.run(
            ["import", "--db", db, "--quiet", first.path], in: folder, label: "first")
        #expect(imported.status == 0, "\(imported.errors)")
        // When it is imported
        let again = try PyramidProcess.run(["import", "--db", db, changed.path], in: folder, label: "again")
        // Then the import lands (its statement journal once overflowed SQLite's memory and failed with "database or
        // disk is full")
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("1 updated"), "\(again.output)")
    }
}
