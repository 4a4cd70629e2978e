import Foundation
import GRDB
import PyramidStore
import Testing

/// The real `pyramid` executable killed mid-import, and two of them importing into one workspace at once:
/// each file is one transaction, so a workspace holds all of a file or nothing of it, and never a torn page.
@Suite(.serialized)
struct CrashSafetyTests {
    /// Rows in the generated export: enough that the debug build takes seconds to import it.
    static let rows = 50_000

    /// SQLite's own check of every page and index.
    static func integrity(of database: URL) throws -> String {
        try DatabaseQueue(path: database.path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            ?? "no answer"
    }

    @Test func killedMidFileTheWorkspaceHoldsNothingOfItAndARerunImportsItAll() throws {
        // Given a workspace holding the roster, and a large export
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("w.sqlite")
        let export = folder.appendingPathComponent("calls.csv")
        try PyramidProcess.writeActivities(rows: Self.rows, prefix: "k", to: export)
        let roster = try PyramidProcess.run(
            ["import", "--db", database.path, "--quiet", fixture("generic/roster.csv")], in: folder)
        #expect(roster.status == 0, "\(roster.errors)")
        let before = try Store(url: database).counts()

        // When `pyramid import` is killed with SIGKILL once its transaction has written pages into the database
        // file (past its size before the import: new pages, which the rollback journal does not hold)
        func size(_ suffix: String) -> Int {
            (try? FileManager.default.attributesOfItem(atPath: database.path + suffix)[.size] as? Int) ?? 0
        }
        let sizeBefore = size("")
        let importing = try PyramidProcess.start(
            ["import", "--db", database.path, "--quiet", export.path], in: folder, label: "killed")
        let deadline = Date().addingTimeInterval(20)
        var written = 0
        while importing.isRunning, Date() < deadline {
            written = max(size("") - sizeBefore, size("-wal"))
            if written > 1 << 20 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(importing.processIdentifier, SIGKILL)
        importing.waitUntilExit()
        // (the import must really have been cut off: had it finished, this test would prove nothing)
        try #require(importing.terminationReason == .uncaughtSignal, "the import finished before it was killed")
        #expect(written > 1 << 20, "killed before the import wrote to the database file")
        #expect(FileManager.default.fileExists(atPath: database.path + "-journal"), "no journal to roll back")

        // Then the workspace opens, is intact, and holds nothing of that file: no rows, no import record
        #expect(try Self.integrity(of: database) == "ok")
        let store = try Store(url: database)
        let afterKill = try store.counts()
        #expect(afterKill.activities == 0)
        #expect(afterKill.sellers == before.sellers)
        #expect(afterKill.quarantined == 0)
        #expect(try store.imports().map(\.file) == ["roster.csv"])

        // When the same import runs again, Then it imports the whole file, once
        let rerun = try PyramidProcess.run(
            ["import", "--db", database.path, "--quiet", "--format", "json", export.path], in: folder, label: "rerun")
        #expect(rerun.status == 0, "\(rerun.errors)")
        #expect(try Store(url: database).counts().activities == Self.rows)
        let log = try Store(url: database).imports()
        #expect(log.map(\.file) == ["calls.csv", "roster.csv"])
        #expect(log.first.map { ($0.rowsRead, $0.added, $0.quarantined) } ?? (0, 0, 0) == (Self.rows, Self.rows, 0))
        #expect(try Self.integrity(of: database) == "ok")
    }

    @Test func twoImportsIntoOneWorkspaceAtOnceBothFinish() throws {
        // Given two exports with different rows and an empty workspace
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("w.sqlite")
        let half = Self.rows / 2
        let east = folder.appendingPathComponent("east.csv")
        let west = folder.appendingPathComponent("west.csv")
        try PyramidProcess.writeActivities(rows: half, prefix: "e", to: east)
        try PyramidProcess.writeActivities(rows: half, prefix: "w", to: west)

        // When two `pyramid import` processes start together on the same workspace
        let first = try PyramidProcess.start(
            ["import", "--db", database.path, "--quiet", east.path], in: folder, label: "east")
        let second = try PyramidProcess.start(
            ["import", "--db", database.path, "--quiet", west.path], in: folder, label: "west")
        first.waitUntilExit()
        second.waitUntilExit()

        // Then both succeed (the second waits for the first's transaction), and every row is there once
        let (eastErrors, westErrors) = (
            try PyramidProcess.text("east.err", in: folder), try PyramidProcess.text("west.err", in: folder)
        )
        #expect(first.terminationStatus == 0, "\(eastErrors)")
        #expect(second.terminationStatus == 0, "\(westErrors)")
        #expect(try Self.integrity(of: database) == "ok")
        let store = try Store(url: database)
        #expect(try store.counts().activities == 2 * half)
        #expect(try store.counts().sellers == 40)
        let log = try store.imports()
        #expect(Set(log.map(\.file)) == ["east.csv", "west.csv"])
        #expect(log.allSatisfy { $0.rowsRead == half && $0.added == half })
        #expect(try PyramidProcess.text("east.out", in: folder).contains("\(half) rows read: \(half) added"))
        #expect(try PyramidProcess.text("west.out", in: folder).contains("\(half) rows read: \(half) added"))
    }
}
