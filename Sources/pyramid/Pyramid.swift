import ArgumentParser

/// The `pyramid` command: import CRM exports, measure sellers against the team's standards, and coach.
@main
struct Pyramid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pyramid",
        abstract: "Coaching reports for sales managers, from your CRM's activity exports.",
        discussion: """
            Pyramid imports CRM exports into a local SQLite workspace (or an organisation's PostgreSQL \
            database), measures every seller against the \
            team's activity standards, and explains each drift with the results-actions-beliefs-experiences \
            pyramid.

            Every command takes --db PATH or postgres://… (else $PYRAMID_DB, else ./pyramid.sqlite) and --config PATH \
            (else ./pyramid.yml, else the built-in defaults).

            Examples:
              pyramid init
              pyramid import roster.csv hubspot-crm-exports-calls-2026-11-16.csv
              pyramid report
              pyramid agenda "Ben Carter"
              pyramid coach "Ben Carter" --accept 1
            """,
        subcommands: [
            InitCommand.self, ImportCommand.self, ReportCommand.self, AgendaCommand.self, CoachCommand.self,
            MirrorCommand.self,
            ImportsCommand.self, QuarantineCommand.self, SellersCommand.self, DemoCommand.self, SampleCommand.self,
            MappingCommand.self, GrantCommand.self,
        ])
}
