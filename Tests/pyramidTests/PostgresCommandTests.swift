import Foundation
import PyramidCore
import PyramidDemo
import PyramidIngest
import PyramidPostgres
import Testing

@testable import pyramid

/// The commands on a PostgreSQL workspace give, byte for byte, what they give on SQLite: the demo team's golden
/// files, and every format of a generated team of 50 sellers.
@Suite(.serialized, .enabled(if: TestPostgres.server != nil, TestPostgres.skipped))
struct PostgresCommandTests {
    init() {
        // This executable is built without the PostgreSQL trait (the default); the tests link PyramidPostgres.
        WorkspaceOptions.openPostgres = { try PostgresStore(location: try PostgresLocation($0)) }
    }

    @Test func theDemoTeamGivesTheGoldenFiles() throws {
        try TestPostgres.withDatabase { location in
            let (db, config) = try GoldenReportTests.workspace(database: location.address)
            let folder = URL(fileURLWithPath: config).deletingLastPathComponent()
            defer { try? FileManager.default.removeItem(at: folder) }
            try GoldenReportTests.compareWithGoldenFiles(db: db, config: config, folder: folder)
        }
    }

    @Test func aGeneratedTeamOf50GivesTheSameAnswersAsSQLite() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let week = try #require(ISOWeek("2026-W46"))
        var rng = SplitMix(seed: 11)
        let personas = Persona.generated(count: 50, week: week, rng: &rng)
        let written = try SampleExports(personas: personas, week: week, weeks: 6, seed: 11)
            .write(to: folder.appendingPathComponent("exports"))
        let config = folder.appendingPathComponent("pyramid.yml").path
        try ConfigFile.template.write(toFile: config, atomically: true, encoding: .utf8)
        var runs: [[String]] = []
        for format in ["markdown", "html", "json", "csv"] { runs.append(["report", "--format", format]) }
        for persona in personas.prefix(2) {
            for format in ["markdown", "html", "json"] { runs.append(["agenda", persona.email, "--format", format]) }
        }
        runs.append(["mirror", "--format", "json"])
        try TestPostgres.withDatabase { location in
            var outputs: [String: [String]] = [:]
            for db in [folder.appendingPathComponent("pyramid.sqlite").path, location.address] {
                var importCommand = try Pyramid.parseAsRoot(
                    ["import", "--db", db, "--config", config, "--quiet", "--format", "json"]
                        + written.files.map(\.path))
                try importCommand.run()
                for (index, run) in runs.enumerated() {
                    let output = folder.appendingPathComponent("output-\(index)").path
                    var command = try Pyramid.parseAsRoot(
                        run + ["--db", db, "--config", config, "--week", week.description, "--output", output])
                    try command.run()
                    outputs[db, default: []].append(try String(contentsOfFile: output, encoding: .utf8))
                }
            }
            let sqlite = try #require(outputs[folder.appendingPathComponent("pyramid.sqlite").path])
            let postgres = try #require(outputs[location.address])
            #expect(sqlite.count == runs.count)
            for (index, run) in runs.enumerated() where sqlite[index] != postgres[index] {
                Issue.record("\(run.joined(separator: " ")) differs on PostgreSQL")
            }
            #expect(sqlite.contains { $0.contains("Ask") || $0.contains("ask") })
        }
    }

    @Test func initMakesTheWorkspaceAndGrantOpensItToAManager() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestPostgres.withDatabase { location in
            var initCommand = try Pyramid.parseAsRoot(
                ["init", "--config", folder.appendingPathComponent("pyramid.yml").path, "--db", location.address])
            try initCommand.run()
            let store = try PostgresStore(location: location)
            #expect(try store.counts().activities == 0)
            // Again, with the settings there: kept, and the workspace opened as it is.
            var again = try Pyramid.parseAsRoot(
                ["init", "--config", folder.appendingPathComponent("pyramid.yml").path, "--db", location.address])
            try again.run()
            var grant = try Pyramid.parseAsRoot([
                "grant", "Dana Reyes", "--role", "nobody_here", "--db", location.address,
            ])
            let error = #expect(throws: (any Error).self) { try grant.run() }
            #expect(error.map { "\($0)" }?.contains("there is no database role 'nobody_here'") == true)
        }
    }

    @Test func aBuildWithoutPostgreSQLSaysHowToGetIt() throws {
        let saved = WorkspaceOptions.openPostgres
        defer { WorkspaceOptions.openPostgres = saved }
        WorkspaceOptions.openPostgres = nil
        let options = try WorkspaceOptions.parse(["--db", "postgres://ops@db.example.com/sales"])
        #expect(throws: (any Error).self) { try options.openStore() }
        do {
            _ = try options.openStore()
        } catch {
            #expect("\(error)".contains("--traits PostgreSQL"))
        }
    }
}
