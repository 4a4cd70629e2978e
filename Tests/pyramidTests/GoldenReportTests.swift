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

    /// Builds the demo workspace once per test run.
    static func workspace() throws -> (db: String, config: String) {
        let folder = try scratchFolder()
        let week = try #require(ISOWeek(week))
        let personas = Persona.sampleTeam(week: week)
        let written = try SampleExports(personas: personas, week: week, seed: 42)
            .write(to: folder.appendingPathComponent("exports"))
        let config = folder.appendingPathComponent("pyramid.yml").path
        try ConfigFile.template.replacingOccurrences(of: "time_zone: UTC", with: "time_zone: America/New_York")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("pyramid.sqlite").path
        var command = try Pyramid.parseAsRoot(
            ["import", "--db", db, "--config", config, "--quiet", "--format", "json"] + written.files.map(\.path))
        try command.run()
        // The demo's coaching log: Ben's one-to-one three weeks before, recorded as the demo records it.
        for arguments in DemoCommand.coachArguments(personas: personas, week: week) {
            var coach = try Pyramid.parseAsRoot(["coach"] + arguments + ["--db", db, "--config", config])
            try coach.run()
        }
        return (db, config)
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
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs: [(args: [String], golden: String)] = []
        for (format, ext) in [("markdown", "md"), ("html", "html"), ("json", "json"), ("csv", "csv")] {
            runs.append((["report", "--format", format], "team-\(Self.week).\(ext)"))
        }
        for (format, ext) in [("markdown", "md"), ("html", "html"), ("json", "json")] {
            runs.append((["agenda", "Ben Carter", "--format", format], "agenda-ben-\(Self.week).\(ext)"))
            runs.append(
                (
                    ["mirror", "--manager", "Dana Reyes", "--format", format],
                    "mirror-dana-\(Self.week).\(ext)"
                ))
        }
        for run in runs {
            let output = folder.appendingPathComponent(run.golden).path
            var command = try Pyramid.parseAsRoot(
                run.args + ["--db", db, "--config", config, "--week", Self.week, "--output", output])
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
