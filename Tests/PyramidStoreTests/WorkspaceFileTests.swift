import Foundation
import GRDB
import Testing

@testable import PyramidStore

/// The workspace as a file: its journal, and what another command sees while an import writes.
@Suite(.serialized)
struct WorkspaceFileTests {
    /// A workspace file in a folder of its own, removed by `remove()`.
    struct Scratch {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        var url: URL { folder.appendingPathComponent("pyramid.sqlite") }

        init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

        func remove() { try? FileManager.default.removeItem(at: folder) }

        func exists(_ suffix: String) -> Bool { FileManager.default.fileExists(atPath: url.path + suffix) }
    }

    /// The value of `PRAGMA name` on `store`.
    static func pragma(_ name: String, _ store: Store) throws -> String? {
        try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    @Test func aNewWorkspaceKeepsTheRollbackJournalWithLargePages() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = try Store(url: scratch.url)
        try importFile(store, fixture("generic/roster.csv"))
        #expect(try Self.pragma("journal_mode", store) == "delete")
        #expect(try Self.pragma("synchronous", store) == "2")
        #expect(try Self.pragma("page_size", store) == "16384")
        #expect(!scratch.exists("-wal"))
        #expect(!scratch.exists("-journal"))
    }

    @Test func aWorkspaceAnEarlierVersionLeftInWALModeTurnsToTheRollbackJournalWithItsRows() throws {
        // Given a workspace written in WAL mode, as versions before this one left them
        let scratch = try Scratch()
        defer { scratch.remove() }
        do {
            let pool = try DatabasePool(path: scratch.url.path)
            try Schema.migrator.migrate(pool)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO seller (email, name) VALUES ('ana@example.com', 'Ana Ruiz')")
            }
            #expect(try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        }

        // When it is opened, Then it keeps the rollback journal from then on, and its rows
        let store = try Store(url: scratch.url)
        #expect(try Self.pragma("journal_mode", store) == "delete")
        #expect(!scratch.exists("-wal"))
        #expect(try store.counts().sellers == 1)
    }

    @Test func aCommandOpenedWhileAnImportWritesWaitsForItAndReadsWhatItCommitted() throws {
        // Given a workspace with four sellers
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = try Store(url: scratch.url)
        try importFile(store, fixture("generic/roster.csv"))
        #expect(try store.counts().sellers == 4)

        // When a write holds the workspace as a large import does once it writes pages into the file, and
        // another command opens the workspace and counts its sellers meanwhile
        let reading = Reading()
        try store.writer.writeWithoutTransaction { db in
            try db.inTransaction(.exclusive) {
                try db.execute(sql: "DELETE FROM seller WHERE email LIKE 'b%'")
                Thread.detachNewThread {
                    reading.finish(Result { try Store(url: scratch.url).counts().sellers })
                }
                // Then the other command waits for the write
                #expect(reading.wait(seconds: 0.5) == nil, "read the workspace while a write held it")
                return .commit
            }
        }
        // And, once it is committed, reads what it wrote, nothing before it
        let counted = try #require(reading.wait(seconds: 20), "still waiting after the write committed")
        #expect(try counted.get() == 3)
    }
}

extension WorkspaceFileTests {
    @Test func aCommandThatWaitsLongerThanTheBusyTimeoutSaysAnotherCommandHeldTheWorkspace() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = try Store(url: scratch.url)
        try importFile(store, fixture("generic/roster.csv"))
        let reading = Reading()
        try store.writer.writeWithoutTransaction { db in
            try db.inTransaction(.exclusive) {
                Thread.detachNewThread {
                    reading.finish(Result { try Store(url: scratch.url, busyTimeout: 0.3).counts().sellers })
                }
                // (held past the other command's timeout)
                _ = reading.wait(seconds: 5)
                return .rollback
            }
        }
        let result = try #require(reading.wait(seconds: 5))
        #expect(throws: StoreError.workspaceBusy(path: scratch.url.path, seconds: 0)) { try result.get() }
        #expect(
            StoreError.workspaceBusy(path: "w.sqlite", seconds: 30).description
                == "w.sqlite: another pyramid command (an import) kept the workspace busy for over 30 seconds; run "
                + "this one again when it has finished")
    }
}

/// The result of a read made on another thread.
private final class Reading: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Int, any Error>?

    func finish(_ result: Result<Int, any Error>) {
        lock.withLock { self.result = result }
        done.signal()
    }

    /// The result once the read has finished, or nil if it has not within `seconds`.
    func wait(seconds: Double) -> Result<Int, any Error>? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        done.signal()
        return lock.withLock { result }
    }
}
