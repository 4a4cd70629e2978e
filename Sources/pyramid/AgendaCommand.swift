import ArgumentParser
import Foundation
import PyramidCore
import PyramidReport

/// Formats the agenda is written in.
enum AgendaFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, json
}

/// `pyramid agenda SELLER`: one seller's one-to-one agenda.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "One seller's one-to-one coaching agenda for a week.",
        discussion: """
            SELLER is an email or a name on the roster (case and accents do not matter).

            Examples:
              pyramid agenda ben@example.com
              pyramid agenda "Ben Carter" --week 2026-W46 --format html --output ben.html
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The seller's email or name.")
    var seller: String

    @Option(name: .long, help: "markdown, html or json.")
    var format: AgendaFormat = .markdown

    @OptionGroup var period: WeekOutputOptions

    func run() throws {
        let diagnosis = try Weekly.diagnose(workspace: workspace, week: period.week, team: nil)
        let matcher = OwnerMatcher(
            sellers: diagnosis.sellers.map { Seller(email: $0.seller.email, name: $0.seller.name) })
        guard let email = matcher.match(seller),
            let found = diagnosis.sellers.first(where: { $0.seller.email == email })
        else {
            let known = diagnosis.sellers.prefix(8).map(\.seller.name).joined(separator: ", ")
            throw ValidationError(
                "'\(seller)' is not a seller in week \(diagnosis.week) (known: \(known)\(diagnosis.sellers.count > 8 ? ", …" : ""))"
            )
        }
        let text: String
        switch format {
        case .markdown: text = AgendaMarkdown.agenda(found, week: diagnosis.week)
        case .html: text = AgendaHTML.agenda(found, week: diagnosis.week)
        case .json: text = try ReportJSON.agenda(found, week: diagnosis.week)
        }
        try Output.write(text, to: period.output)
    }
}
