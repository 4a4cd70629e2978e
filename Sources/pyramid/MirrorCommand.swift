import ArgumentParser
import Foundation
import PyramidCore
import PyramidReport

/// `pyramid mirror`: the manager's own balance of managing and leading, from the coaching log against the data.
struct MirrorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirror",
        abstract: "Your balance of managing and leading, from the coaching log against your sellers' weeks.",
        discussion: """
            Reads the one-to-ones recorded with `pyramid coach` against each week's patterns: sellers in a \
            drift for two weeks or more without a one-to-one, one-to-ones that set an experiment on the \
            seller's own belief or none, experiments followed up, done, done and working, patterns that \
            changed after coaching, and the weeks from a drift to the first conversation about it. Each \
            figure says what it counts and out of how many.

            --manager NAME (an email or a name, as the roster's manager column has it) reads that manager's \
            sellers; without it, the roster's only manager, or everyone when it names several.

            Examples:
              pyramid mirror
              pyramid mirror --manager dana.reyes@example.com --weeks 12 --format html --output mirror.html
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "The manager, as the roster names them (default: the only one, else everyone).")
    var manager: String?

    @Option(name: .long, help: "How many weeks to read, ending with the report week (2 to 52).")
    var weeks = 8

    @Option(name: .long, help: "markdown, html or json.")
    var format: AgendaFormat = .markdown

    @OptionGroup var period: WeekOutputOptions

    func validate() throws {
        guard (2...52).contains(weeks) else { throw ValidationError("--weeks must be 2 to 52, not \(weeks)") }
    }

    func run() throws {
        let mirror = try Weekly.mirror(workspace: workspace, week: period.week, weeks: weeks, manager: manager)
        let text: String
        switch format {
        case .markdown: text = MirrorReport.markdown(mirror)
        case .html: text = MirrorReport.html(mirror)
        case .json: text = try MirrorReport.json(mirror)
        }
        try Output.write(text, to: period.output)
    }
}
