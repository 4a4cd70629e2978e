import ArgumentParser
import Foundation
import Testing

@testable import pyramid

/// The README's commands, run as a new user would, each in a fresh folder.
struct ReadmeCommandTests {
    @Test func initWritesTheDefaultStandardsAndRefusesToOverwrite() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("pyramid.yml").path
        var first = try Pyramid.parseAsRoot(["init", "--config", config])
        try first.run()
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.contains("metric: outbound-calls"))
        #expect(text.contains("target: 100000"))
        var again = try Pyramid.parseAsRoot(["init", "--config", config])
        #expect(throws: (any Error).self) { try again.run() }
    }

    @Test func demoRunsTheWholePipelineIntoOneFolder() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("demo").path
        var demo = try Pyramid.parseAsRoot(["demo", "--seed", "42", "--week", "2026-W46", "--out", out])
        try demo.run()
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.contains("pyramid.sqlite"))
        #expect(files.contains("pyramid.yml"))
        #expect(files.contains("team-report-2026-W46.html"))
        #expect(files.contains { $0.hasPrefix("agenda-") && $0.hasSuffix("-2026-W46.html") })
        let exports = try FileManager.default.contentsOfDirectory(atPath: out + "/exports")
        #expect(exports.contains("roster.csv"))
        #expect(exports.contains { $0.hasPrefix("hubspot-crm-exports-calls-") })
        #expect(exports.contains { $0.hasPrefix("report") })
        // A second demo into the same folder would mix two teams: refused.
        var again = try Pyramid.parseAsRoot(["demo", "--out", out])
        #expect(throws: (any Error).self) { try again.run() }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let script = Pyramid.completionScript(for: try #require(CompletionShell(rawValue: shell)))
        #expect(script.contains("agenda"))
        #expect(script.contains("import"))
    }

    @Test func everySubcommandHasHelpWithAnExample() {
        // The listings explain themselves; every other command shows an example.
        let listings: Set = ["imports", "quarantine", "sellers"]
        for command in Pyramid.configuration.subcommands {
            let name = command._commandName
            let help = Pyramid.helpMessage(for: command)
            #expect(help.contains("USAGE"), "\(name)")
            #expect(help.contains("Example") || listings.contains(name), "\(name)")
        }
    }
}
