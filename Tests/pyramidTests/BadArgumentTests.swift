import ArgumentParser
import Foundation
import Testing

@testable import pyramid

/// Bad arguments and settings given to the command: the message a person reads, and a workspace untouched.
struct BadArgumentTests {
    @Test(
        "weeks that do not exist",
        arguments: [
            ("2026-W54", "2026 has weeks 1 to 53"), ("2025-W53", "2025 has weeks 1 to 52"),
            ("2026-W00", "2026 has weeks 1 to 53"), ("46", "expected an ISO week such as 2026-W46"),
            ("2026-11-16", "expected an ISO week such as 2026-W46"),
        ])
    func week(text: String, reason: String) {
        // Given --week naming no ISO week, When the report command is parsed, Then it fails naming the week
        let error = #expect(throws: (any Error).self) { try Pyramid.parseAsRoot(["report", "--week", text]) }
        #expect(error.map(Pyramid.message) == "The value '\(text)' is invalid for '--week <week>': \(reason)")
        #expect(error.map(Pyramid.exitCode) == .validationFailure)
    }

    @Test(
        "grant names a manager, --ops or --revoke, and a PostgreSQL workspace",
        arguments: [
            (["grant", "--role", "dana"], "name the manager whose teams the role reads, or pass --ops or --revoke"),
            (["grant", "Dana Reyes", "--ops", "--role", "dana"], "a manager goes without --ops or --revoke"),
            (["grant", "--ops", "--revoke", "--role", "dana"], "--ops and --revoke do not go together"),
        ])
    func grant(arguments: [String], message: String) {
        let error = #expect(throws: (any Error).self) { try Pyramid.parseAsRoot(arguments) }
        #expect(error.map(Pyramid.message) == message)
    }

    @Test func grantOnASQLiteWorkspaceSaysRolesArePostgreSQLs() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        var command = try Pyramid.parseAsRoot(["grant", "Dana Reyes", "--role", "dana", "--db", db])
        let error = #expect(throws: (any Error).self) { try command.run() }
        #expect(error.map(Pyramid.message)?.contains("is a SQLite workspace: whoever can read its file") == true)
    }

    @Test(
        "a bad pyramid.yml stops the import before the workspace is opened",
        arguments: [
            ("time_zone: Mars/Olympus_Mons\n", "time_zone: 'Mars/Olympus_Mons' is not a time zone"),
            ("colour: blue\n", "unknown key 'colour'"),
            (
                "standards:\n  - metric: linkedin\n    per: month\n    target: 40\n",
                "'month' is not day, week or quarter"
            ),
        ])
    func badConfig(yaml: String, message: String) throws {
        // Given a settings file with a mistake and an existing workspace
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("pyramid.yml")
        try yaml.write(to: config, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("w.sqlite").path
        var first = try Pyramid.parseAsRoot(["import", "--db", db, "--quiet", fixture("generic/roster.csv")])
        try first.run()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        // When an import runs with it
        var command = try Pyramid.parseAsRoot([
            "import", "--db", db, "--config", config.path, "--quiet", fixture("generic/activities.csv"),
        ])
        let error = #expect(throws: (any Error).self) { try command.run() }
        // Then it fails naming the file, the line and the mistake, and the workspace is as it was
        #expect("\(error.map { "\($0)" } ?? "")".hasPrefix("pyramid.yml line "))
        #expect("\(error.map { "\($0)" } ?? "")".contains(message))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func aManagerNotOnTheRosterIsNamedWithTheKnownOnes() throws {
        // Given a workspace whose roster names its managers
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        var first = try Pyramid.parseAsRoot(["import", "--db", db, "--quiet", fixture("generic/roster.csv")])
        try first.run()
        // When the mirror is asked for a manager nobody reports to, Then it fails naming them and the known ones
        #expect(throws: (any Error).self) { try Pyramid.parseAsRoot(["mirror", "--weeks", "1"]) }
        var command = try Pyramid.parseAsRoot(["mirror", "--db", db, "--manager", "Nobody", "--week", "2026-W46"])
        let error = #expect(throws: (any Error).self) { try command.run() }
        let message = error.map(Pyramid.message) ?? ""
        #expect(message == "'Nobody' is not a manager on the roster (known: maria@example.com, tom@example.com)")
        #expect(error.map(Pyramid.exitCode) == .validationFailure)
    }
}
