import ArgumentParser
import Foundation
import PyramidCore
import PyramidDemo
import PyramidIngest
import PyramidReport
import PyramidStore

/// `pyramid demo`: the whole pipeline on a generated sample team.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on a generated sample team.",
        discussion: """
            Generates eight weeks of a twelve-seller team as real HubSpot and Salesforce exports, imports them \
            through the normal import path into a new workspace, records one seller's one-to-one of three weeks \
            ago with `pyramid coach` (an experiment the generated data carries out), prints the weekly team \
            report, that seller's agenda and their manager's mirror, and writes the HTML versions. Offline and deterministic for a \
            given --seed.

            Example: pyramid demo --seed 7 --out demo
            """)

    @Option(name: .long, help: "The random seed: the same seed makes the same team.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "The report week (default: the last complete week).")
    var week: ISOWeek?

    @Option(name: .long, help: "Where to write the exports, workspace and reports (default: a new temporary folder).")
    var out: String?

    func run() throws {
        let folder =
            out.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "pyramid-demo-\(seed)-\(UUID().uuidString.prefix(8))")
        let database = folder.appendingPathComponent("pyramid.sqlite")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: database.path) {
            throw ValidationError("\(database.path) exists already; choose another --out folder")
        }
        let reportWeek = week ?? Weekly.lastCompleteWeek(today: Date(), timeZone: TimeZone(identifier: "UTC") ?? .gmt)
        let (workspace, personas) = try Self.build(
            in: folder, database: database.path, week: reportWeek, seed: seed, showSteps: true)
        let exports = folder.appendingPathComponent("exports")
        let configURL = folder.appendingPathComponent("pyramid.yml")
        let diagnosis = try Weekly.diagnose(workspace: workspace, week: reportWeek, team: nil)
        Terminal.print("\n" + MarkdownReport.team(diagnosis))
        let featured =
            diagnosis.sellers.first { !$0.coaching.experiments.isEmpty }
            ?? diagnosis.sellers.first { $0.pattern == .channelSubstitution } ?? diagnosis.sellers.first
        let reportHTML = folder.appendingPathComponent("team-report-\(reportWeek).html")
        try HTMLReport.team(diagnosis).write(to: reportHTML, atomically: true, encoding: .utf8)
        var agendaPath = ""
        if let featured {
            Terminal.print(AgendaMarkdown.agenda(featured, week: reportWeek))
            let slug = featured.seller.email.split(separator: "@").first.map(String.init) ?? "seller"
            let agendaHTML = folder.appendingPathComponent("agenda-\(slug)-\(reportWeek).html")
            try AgendaHTML.agenda(featured, week: reportWeek).write(to: agendaHTML, atomically: true, encoding: .utf8)
            agendaPath = "\n  agenda (HTML):   \(agendaHTML.path)"
        }
        // The manager's own side: their balance of managing and leading over the last eight weeks.
        let manager = personas.first { $0.email == featured?.seller.email }?.manager
        let mirror = try Weekly.mirror(workspace: workspace, week: reportWeek, weeks: 8, manager: manager)
        Terminal.print(MirrorReport.markdown(mirror))
        let mirrorHTML = folder.appendingPathComponent("mirror-\(reportWeek).html")
        try MirrorReport.html(mirror).write(to: mirrorHTML, atomically: true, encoding: .utf8)
        Terminal.print(
            """
            Everything is in \(folder.path):
              exports:         \(exports.path)
              workspace:       \(database.path)
              settings:        \(configURL.path)
              report (HTML):   \(reportHTML.path)\(agendaPath)
              mirror (HTML):   \(mirrorHTML.path)

            Next, on your own exports:
              pyramid init
              pyramid import roster.csv <your CRM exports>.csv
              pyramid report
              pyramid agenda <seller email or name>
              pyramid coach <seller email or name> --accept 1
              pyramid mirror
            Or explore this demo: pyramid report --db \(database.path) --config \(configURL.path) --week \(reportWeek)
            """)
    }

    /// The demo's workspace in `database` (a SQLite path or a `postgres://` address): the sample team's exports for
    /// `week` written to `folder`/exports and imported, the settings in `folder`/pyramid.yml, and the team's
    /// one-to-ones recorded with `pyramid coach`. Prints what it does when `showSteps`.
    static func build(in folder: URL, database: String, week: ISOWeek, seed: UInt64, showSteps: Bool) throws
        -> (workspace: WorkspaceOptions, personas: [Persona])
    {
        let exports = folder.appendingPathComponent("exports")
        let configURL = folder.appendingPathComponent("pyramid.yml")
        let personas = Persona.sampleTeam(week: week)
        let written = try SampleExports(personas: personas, week: week, seed: seed).write(to: exports)
        try ConfigFile.template.replacingOccurrences(of: "time_zone: UTC", with: "time_zone: America/New_York")
            .write(to: configURL, atomically: true, encoding: .utf8)
        if showSteps {
            Terminal.note(
                "Generated \(written.activities) activities and \(written.deals) deals for \(personas.count) sellers "
                    + "as \(written.files.count) CRM exports in \(exports.path)\n")
        }
        let workspace = try WorkspaceOptions.parse(["--db", database, "--config", configURL.path])
        var importCommand = try ImportCommand.parse(
            ["--db", database, "--config", configURL.path, "--quiet"] + written.files.map(\.path))
        importCommand.format = showSteps ? .text : .json
        try importCommand.run()
        for arguments in coachArguments(personas: personas, week: week) {
            if showSteps { Terminal.note("\npyramid coach " + arguments.map(shellQuoted).joined(separator: " ")) }
            try CoachCommand.parse(arguments + ["--db", database, "--config", configURL.path]).run()
        }
        return (workspace, personas)
    }

    /// The `pyramid coach` arguments that record the sample team's one-to-ones (Ben Carter's, three weeks
    /// before `week`), as a manager would type them.
    static func coachArguments(personas: [Persona], week: ISOWeek) -> [[String]] {
        SampleCoaching.entries(personas: personas, week: week).map { entry in
            var arguments = [entry.email, "--week", entry.week.description, "--note", entry.note]
            for agreement in entry.agreements { arguments += ["--agree", agreement] }
            if let experiment = entry.experiment {
                arguments += ["--experiment", experiment.name, "--by", experiment.lastWeek.description]
                if let belief = experiment.belief { arguments += ["--belief", belief] }
                if let measure = experiment.measure {
                    arguments += [
                        "--measure", measure.metric.rawValue, "--per", measure.per.rawValue, "--target",
                        Numbers.format(measure.target),
                    ]
                    if !measure.weekdays.isEmpty {
                        arguments += ["--on", measure.weekdayNames.joined(separator: "/")]
                    }
                }
            }
            return arguments
        }
    }

    /// `text`, quoted for a shell when it holds anything but plain characters.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./@".contains($0) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
