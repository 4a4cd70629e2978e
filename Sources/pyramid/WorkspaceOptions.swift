import ArgumentParser
import Foundation
import PyramidCore
import PyramidIngest
import PyramidStore

/// `--db` and `--config`, shared by every command.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace database (default: $PYRAMID_DB, else ./pyramid.sqlite).")
    var db: String?

    @Option(name: .long, help: "The settings file (default: ./pyramid.yml, else built-in defaults).")
    var config: String?

    /// The database path in force.
    var databaseURL: URL {
        let path = db ?? ProcessInfo.processInfo.environment["PYRAMID_DB"] ?? "pyramid.sqlite"
        return URL(fileURLWithPath: path)
    }

    /// Opens the workspace.
    func openStore() throws -> Store {
        try Store(url: databaseURL)
    }

    /// Loads the settings: `--config`, else ./pyramid.yml when present, else the defaults.
    func loadConfig() throws -> WorkspaceConfig {
        if let config { return try ConfigFile.load(URL(fileURLWithPath: config)) }
        let local = URL(fileURLWithPath: "pyramid.yml")
        if FileManager.default.fileExists(atPath: local.path) { return try ConfigFile.load(local) }
        return WorkspaceConfig()
    }
}

/// How list commands print.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--week` and `--output`, shared by the report and the agenda.
struct WeekOutputOptions: ParsableArguments {
    @Option(
        name: .long, help: "The ISO week, e.g. 2026-W46 (default: the last complete week).",
        transform: WeekOutputOptions.week)
    var week: ISOWeek?

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?
}

extension WeekOutputOptions {
    /// Reads `--week`, saying what is wrong with a week that does not exist (`2026-W54`). ArgumentParser puts
    /// the reason after "The value '2026-W54' is invalid for '--week <week>': ".
    static func week(_ text: String) throws -> ISOWeek {
        if let week = ISOWeek(text) { return week }
        let parts = text.uppercased().split(separator: "W", omittingEmptySubsequences: false)
        if parts.count == 2, let year = Int(parts[0].hasSuffix("-") ? parts[0].dropLast() : parts[0]),
            (1000...9999).contains(year), Int(parts[1]) != nil
        {
            throw ValidationError("\(year) has weeks 1 to \(ISOWeek.weeks(in: year))")
        }
        throw ValidationError("expected an ISO week such as 2026-W46")
    }
}
