import ArgumentParser
import Foundation
import PyramidCore
import PyramidIngest
import PyramidStore

#if PostgreSQL
    import PyramidPostgres
#endif

/// `--db` and `--config`, shared by every command.
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            The workspace: a SQLite file, or an organisation's PostgreSQL database as \
            postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (a socket's folder as ?host=/path) \
            (default: $PYRAMID_DB, else ./pyramid.sqlite).
            """)
    var db: String?

    @Option(name: .long, help: "The settings file (default: ./pyramid.yml, else built-in defaults).")
    var config: String?

    /// The workspace in force, as given: a path or a `postgres://` address.
    var location: String {
        db ?? ProcessInfo.processInfo.environment["PYRAMID_DB"] ?? "pyramid.sqlite"
    }

    /// The workspace in force for messages: a `postgres://` address without its password.
    var displayLocation: String { WorkspaceAddress.withoutPassword(location) }

    /// Opens the workspace: PostgreSQL for a `postgres://` address, else the SQLite file.
    func openStore() throws -> any Workspace {
        guard WorkspaceAddress.isPostgres(location) else {
            return try Store(url: URL(fileURLWithPath: location))
        }
        guard let open = Self.openPostgres else {
            throw ValidationError(
                "this pyramid was built without PostgreSQL workspaces; build it with "
                    + "`swift build -c release --traits PostgreSQL` to open \(location.prefix(while: { $0 != ":" }))://…"
            )
        }
        return try open(location)
    }

    /// Opens a `postgres://` workspace: PyramidPostgres's store when the executable is built with the PostgreSQL
    /// trait; nil without it, unless a test that links PyramidPostgres sets it.
    nonisolated(unsafe) static var openPostgres: (@Sendable (String) throws -> any Workspace)? = {
        #if PostgreSQL
            return { try PostgresStore(location: try PostgresLocation($0)) }
        #else
            return nil
        #endif
    }()

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
