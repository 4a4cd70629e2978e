import Foundation
import PyramidStore
import Testing

@testable import pyramid

func fixture(_ path: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(path).path
}

/// A fresh folder for one test's database.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pyramid-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

struct CLITests {
    @Test func importThenListInProcess() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        var command = try Pyramid.parseAsRoot([
            "import", "--db", db, "--quiet", fixture("generic/activities.csv"), fixture("generic/roster.csv"),
        ])
        try command.run()
        for list in ["imports", "quarantine", "sellers"] {
            var listing = try Pyramid.parseAsRoot([list, "--db", db, "--format", "json"])
            try listing.run()
        }
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func aDraftedMappingImportsItsFile() throws {
        // Given the team's own log, which no layout knows
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mapping = folder.appendingPathComponent("team.yml").path
        var draft = try Pyramid.parseAsRoot(["mapping", fixture("quirks/team-activity-log.csv"), "--output", mapping])
        try draft.run()
        // When the drafted mapping, unedited, is used to import it
        let db = folder.appendingPathComponent("w.sqlite").path
        var command = try Pyramid.parseAsRoot([
            "import", "--db", db, "--quiet", "--mapping", mapping, fixture("quirks/team-activity-log.csv"),
        ])
        try command.run()
        // Then its rows are in the workspace
        let store = try Store(url: URL(fileURLWithPath: db))
        #expect(try store.counts().activities == 3)
    }

    @Test func badArgumentsAreValidationErrors() {
        #expect(throws: (any Error).self) { try Pyramid.parseAsRoot(["import", "--crm", "nosuchcrm", "x.csv"]) }
        #expect(throws: (any Error).self) { try Pyramid.parseAsRoot(["import", "--as", "invoices", "x.csv"]) }
    }

    @Test func aMissingFileFailsWithExitCodeOne() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = try Pyramid.parseAsRoot([
            "import", "--db", folder.appendingPathComponent("w.sqlite").path,
            folder.appendingPathComponent("none.csv").path,
        ])
        #expect(throws: (any Error).self) { try command.run() }
    }
}

/// A rendered report written to standard output ends with its own line break, once.
struct StandardOutputTests {
    @Test func aCSVReportOnStandardOutputEndsWithOneLineBreak() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        _ = try PyramidProcess.run(
            ["import", "--db", db, "--quiet", fixture("generic/activities.csv"), fixture("generic/roster.csv")],
            in: folder, label: "import")
        for (format, end) in [("csv", "\r\n"), ("markdown", "\n"), ("json", "\n")] {
            _ = try PyramidProcess.run(
                ["report", "--db", db, "--week", "2026-W46", "--format", format], in: folder, label: format)
            let bytes = Array(try PyramidProcess.text("\(format).out", in: folder).utf8)
            #expect(bytes.suffix(end.utf8.count) == Array(end.utf8), "\(format)")
            #expect(bytes.dropLast(end.utf8.count).last != UInt8(ascii: "\n"), "\(format) ends with an empty line")
        }
    }
}
