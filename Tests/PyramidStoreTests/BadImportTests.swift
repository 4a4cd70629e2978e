import Foundation
import GRDB
import PyramidCore
import PyramidIngest
import Testing

@testable import PyramidStore

/// Every malformed input of `BadImportCases.swift` and `BadImportRowCases.swift`, imported from a file into a
/// workspace that already holds the generic fixtures: a refused file leaves the database exactly as it was
/// (rows, quarantine and import log), a bad row is quarantined with its reason while the rest is stored.
struct BadImportTests {
    /// What the workspace holds, compared before and after an import.
    struct Holdings: Equatable {
        var activities, deals, sellers, timeOff, quarantined, imports: Int

        init(_ store: any Workspace) throws {
            let counts = try store.counts()
            (activities, deals, sellers, timeOff, quarantined) =
                (counts.activities, counts.deals, counts.sellers, counts.timeOff, counts.quarantined)
            imports = try store.imports().count
        }
    }

    /// A workspace with the generic roster, time off, deals and activities, and a scratch folder for files.
    static func workspace() throws -> (store: Store, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bad-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store.inMemory()
        for name in ["roster", "time-off", "deals", "activities"] {
            try importFile(store, fixture("generic/\(name).csv"))
        }
        return (store, folder)
    }

    /// Writes the case's file (or makes its folder) and imports it as `pyramid import` does.
    @discardableResult
    static func run(_ input: BadImport, in store: any Workspace, folder: URL) throws -> ImportSummary {
        let url = folder.appendingPathComponent(input.file)
        if let bytes = input.bytes {
            try Data(bytes()).write(to: url)
        } else if input.file == "exports" {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        return try store.importFile(try ExportReader(url: url, options: input.options), path: url.path)
    }

    @Test(arguments: BadImport.all)
    func badInput(_ input: BadImport) throws {
        // Given a workspace holding the generic fixtures
        let (store, folder) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.check(input, in: store, folder: folder)
    }

    /// Imports `input` into `store`, which holds the generic fixtures, and checks its outcome.
    static func check(_ input: BadImport, in store: any Workspace, folder: URL) throws {
        let before = try Holdings(store)
        let quarantineBefore = try store.quarantine()
        // When the bad file is imported
        let result = Result { try Self.run(input, in: store, folder: folder) }
        let after = try Holdings(store)
        switch input.outcome {
        case .refused(let message):
            // Then it fails with the message, and nothing of it is stored, not even its import record
            #expect(throws: (any Error).self) { try result.get() }
            if case .failure(let error) = result { #expect("\(error)" == message) }
            #expect(after == before)
            #expect(try store.quarantine() == quarantineBefore)
        case .setAside(let line, let reason, let added):
            // Then the import is logged, the row is quarantined with its reason and the rest is stored
            let summary = try result.get()
            #expect((summary.added, summary.quarantined) == (added, 1))
            let importID = try #require(summary.importID)
            let setAside = try store.quarantine().filter { $0.importID == importID }
            #expect(setAside.map(\.line) == [line])
            #expect(setAside.map(\.reason) == [reason])
            #expect(after.quarantined == before.quarantined + 1)
            #expect(after.imports == before.imports + 1)
        case .imported(let added):
            // Then it is read for what it is: stored, logged, nothing set aside
            let summary = try result.get()
            #expect((summary.added, summary.quarantined) == (added, 0))
            #expect(after.quarantined == before.quarantined)
            #expect(after.imports == before.imports + 1)
        }
    }

    @Test func thereAreAtLeastFortyCases() {
        #expect(BadImport.all.count >= 40)
        #expect(Set(BadImport.all.map(\.problem)).count == BadImport.all.count)
    }

    @Test(
        "what odd but readable cells are stored as",
        arguments: [
            ("NUL bytes inside a cell", "z1", "Intro"), ("bytes that are not UTF-8", "z2", "Café"),
            ("CR-only line ends", "z6", "Intro"), ("UTF-16 of odd length", "z7", "Intro"),
        ])
    func storedSubject(problem: String, id: String, subject: String) throws {
        let (store, folder) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try #require(BadImport.readAnyway.first { $0.problem == problem })
        try Self.run(input, in: store, folder: folder)
        let stored = try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT subject FROM activity WHERE key = ?", arguments: ["generic:" + id])
        }
        #expect(stored == subject)
    }

    @Test func aTenMegabyteCellIsStoredWhole() throws {
        let (store, folder) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try #require(BadImport.readAnyway.first { $0.problem == "a 10 MB cell" })
        try Self.run(input, in: store, folder: folder)
        let length = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT length(subject) FROM activity WHERE key = 'generic:z3'")
        }
        #expect(length == 10 << 20)
    }

    @Test func duplicateHeaderNamesReadTheFirstColumn() throws {
        let (store, folder) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try #require(BadImport.readAnyway.first { $0.problem.hasPrefix("duplicate header names") })
        try Self.run(input, in: store, folder: folder)
        let owner = try store.writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT o.name FROM activity a JOIN owner o ON o.id = a.owner_id WHERE a.key = 'generic:z4'")
        }
        #expect(owner == "ben@example.com")
    }
}
