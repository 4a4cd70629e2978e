import ArgumentParser
import Foundation
import PyramidIngest

/// `pyramid init`: writes pyramid.yml with the default standards, and makes the workspace's tables when told
/// which workspace (an organisation's PostgreSQL database is set up once, before roles are granted on it).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write pyramid.yml with the default standards (and make the workspace).",
        discussion: """
            With --db (or $PYRAMID_DB), also makes the workspace's tables: a SQLite file, or an organisation's \
            PostgreSQL database, ready for `pyramid grant` and the first import.

            Examples:
              pyramid init && $EDITOR pyramid.yml
              pyramid init --db postgres://owner@db.example.com/sales
            """)

    @Option(name: .long, help: "The workspace to make: a SQLite file or postgres://… (default: $PYRAMID_DB).")
    var db: String?

    @Option(name: .long, help: "Where to write the settings.")
    var config = "pyramid.yml"

    @Flag(name: .long, help: "Overwrite an existing file.")
    var force = false

    func run() throws {
        let url = URL(fileURLWithPath: config)
        let location = db ?? ProcessInfo.processInfo.environment["PYRAMID_DB"]
        if FileManager.default.fileExists(atPath: url.path) && !force {
            // Making the workspace of a team that already has its settings keeps them.
            guard location != nil else {
                Terminal.note("\(config) already exists; pass --force to overwrite it")
                throw ExitCode.failure
            }
            Terminal.print("kept \(config), which exists already (--force overwrites it)")
        } else {
            try ConfigFile.template.write(to: url, atomically: true, encoding: .utf8)
            Terminal.print("wrote \(config): 20 outbound calls a day, 5 conversations a week, 100000 won a quarter")
        }
        if let location {
            let workspace = try WorkspaceOptions.parse(["--db", location])
            _ = try workspace.openStore()
            Terminal.print("the workspace \(workspace.displayLocation) is ready for imports")
        }
    }
}
