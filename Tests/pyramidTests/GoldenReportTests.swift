import Foundation
import PyramidCore
import PyramidDemo
import PyramidIngest
import Testing

@testable import pyramid

/// Every report, agenda and mirror format on the demo team (seed 42, week 2026-W46, Ben coached in 2026-W43), compared
/// with the committed files under Fixtures/expected/. Run with PYRAMID_RECORD_GOLDEN=1 to rewrite them after a deliberate change,
/// then read the diff before committing.
struct GoldenReportTests {
    static let week = "2026-W46"

    /// Builds the demo workspace as the demo does, in a new scratch folder; in `database` when given (a
    /// `postgres://` address), else in a SQLite file in that folder.
    static func workspace(database: String? = nil) throws -> (db: String, config: String) {
        let folder = try scratchFolder()
        let week = try #require(ISOWeek(week))
        let db = database ?? folder.appendingPathComponent("pyramid.sqlite").path
        let (workspace, _) = try DemoCommand.build(in: folder, database: db, week: week, seed: 42, showSteps: false)
        return (db, try #require(workspace.config))
    }

    @Test func aSellerDiagnosedAloneIsDiagnosedAsInTheWholeTeam() throws {
        // The agenda diagnoses its seller alone (against the whole team); nothing may differ from the report's.
        let (db, config) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: db).deletingLastPathComponent()) }
        let options = try WorkspaceOptions.parse(["--db", db, "--config", config])
        let week = try #require(ISOWeek(Self.week))
        let team = try Weekly.diagnose(workspace: options, week: week, team: nil)
        #expect(team.sellers.count >= 12)
        #expect(team.sellers.contains { !$0.dataQuality.isEmpty })
        for seller in team.sellers {
            let alone = try Weekly.diagnose(workspace: options, week: week, team: nil, only: [seller.seller.email])
            #expect(alone.sellers == [seller], "\(seller.seller.name)")
        }
    }

    @Test func everyFormatMatchesItsGoldenFile() throws {
        let (db, config) = try Self.workspace()
        let folder = URL(fileURLWithPath: config).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.compareWithGoldenFiles(db: db, config: config, folder: folder)
    }

    /// Every report, agenda and mirror format of the workspace `db`, written to `folder` and compared with the
    /// golden files (or recorded as them, with PYRAMID_RECORD_GOLDEN=1).
    static func compareWithGoldenFiles(db: String, config: String, folder: URL) throws {
        var runs: [(args: [String], golden: String)] = []
        for (format, ext) in [("markdown", "md"), ("html", "html"), ("json", "json"), ("csv", "csv")] {
            runs.append((["report", "--format", format], "team-\(week).\(ext)"))
        }
        for (format, ext) in [("markdown", "md"), ("html", "html"), ("json", "json")] {
            runs.append((["agenda", "Ben Carter", "--format", format], "agenda-ben-\(week).\(ext)"))
            runs.append((["mirror", "--manager", "Dana Reyes", "--format", format], "mirror-dana-\(week).\(ext)"))
        }
        for run in runs {
            let output = folder.appendingPathComponent(run.golden).path
            var command = try Pyramid.parseAsRoot(
                run.args + ["--db", db, "--config", config, "--week", week, "--output", output])
            try command.run()
            let actual = try String(contentsOfFile: output, encoding: .utf8)
            let goldenPath = fixture("expected/\(run.golden)")
            if ProcessInfo.processInfo.environment["PYRAMID_RECORD_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(
                    atPath: URL(fileURLWithPath: goldenPath).deletingLastPathComponent().path,
                    withIntermediateDirectories: true)
                try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
            #expect(actual == expected, "\(run.golden) differs from the golden file; see \(output)")
        }
    }
}
