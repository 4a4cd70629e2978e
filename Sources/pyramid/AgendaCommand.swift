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
        // The seller named on the roster: diagnosed alone (against the whole team), which is all an agenda needs.
        let store = try workspace.openStore()
        if let email = OwnerMatcher(sellers: try store.sellers()).match(seller) {
            let diagnosis = try Weekly.diagnose(
                workspace: workspace, week: period.week, team: nil, only: [email], store: store)
            if let found = diagnosis.sellers.first(where: { $0.seller.email == email }) {
                return try write(found, week: diagnosis.week)
            }
        }
        // Else among the whole week's sellers, to match there or to list them.
        let diagnosis = try Weekly.diagnose(workspace: workspace, week: period.week, team: nil, store: store)
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
        try write(found, week: diagnosis.week)
    }

    private func write(_ found: SellerDiagnosis, week: ISOWeek) throws {
        let text: String
        switch format {
        case .markdown: text = AgendaMarkdown.agenda(found, week: week)
        case .html: text = AgendaHTML.agenda(found, week: week)
        case .json: text = try ReportJSON.agenda(found, week: week)
        }
        try Output.write(text, to: period.output)
    }
}
