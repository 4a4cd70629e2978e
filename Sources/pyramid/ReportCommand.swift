import ArgumentParser
import Foundation
import PyramidCore
import PyramidReport

extension ISOWeek: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Formats the weekly team report is written in.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, json, csv
}

/// `pyramid report`: the weekly team report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The weekly team report: each seller's pattern, the manager's and the leader's view.",
        discussion: """
            Examples:
              pyramid report
              pyramid report --week 2026-W46 --team East
              pyramid report --format html --output team-2026-W46.html
              pyramid report --format json | jq '.sellers[] | {seller: .seller.name, pattern}'
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "Only this team.")
    var team: String?

    @Option(name: .long, help: "markdown, html, json or csv.")
    var format: ReportFormat = .markdown

    @OptionGroup var period: WeekOutputOptions

    func run() throws {
        let diagnosis = try Weekly.diagnose(workspace: workspace, week: period.week, team: team)
        let text: String
        switch format {
        case .json: text = try ReportJSON.render(diagnosis)
        case .markdown: text = MarkdownReport.team(diagnosis)
        case .html: text = HTMLReport.team(diagnosis)
        case .csv: text = CSVReport.team(diagnosis)
        }
        try Output.write(text, to: period.output)
    }
}

/// Writes a rendered report to a file or standard output.
enum Output {
    static func write(_ text: String, to path: String?) throws {
        // A rendered file ends with its own line break (CRLF in CSV, a single Character that `hasSuffix("\n")`
        // does not see): written as it is, so standard output ends with one line break, not an empty record.
        guard let path else {
            return text.unicodeScalars.last == "\n" ? Terminal.write(text) : Terminal.print(text)
        }
        do {
            try text.write(to: URL(fileURLWithPath: path), atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(path): \((error as NSError).localizedDescription)")
        }
        Terminal.note("wrote \(path)")
    }
}
