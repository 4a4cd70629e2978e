import PyramidCore

/// The weekly team report as CSV: one row per seller. Cells that begin with `= + - @` are neutralized so a
/// spreadsheet never runs them.
public enum CSVReport {
    /// The header row's columns.
    public static let columns = [
        "week", "email", "name", "team", "pattern", "secondary_patterns", "outbound_calls", "emails", "linkedin",
        "meetings", "conversations", "working_days", "calls_per_day", "calls_per_day_target", "conversations_target",
        "won_this_quarter", "quarter_target", "pace", "beliefs", "manager_view", "first_prompt", "experience",
    ]

    /// The report, header first, CRLF line ends as RFC 4180 says.
    public static func team(_ team: TeamDiagnosis) -> String {
        var rows = [columns.joined(separator: ",")]
        for s in team.sellers {
            let calls = Text.find(s.standards, .outboundCalls)
            let conversations = Text.find(s.standards, .conversations)
            let cells: [String] = [
                team.week.description, s.seller.email, s.seller.name, s.seller.team, s.pattern.rawValue,
                s.secondaryPatterns.map(\.rawValue).joined(separator: " "), "\(s.actions.outboundCalls)",
                "\(s.actions.emails)", "\(s.actions.linkedin)", "\(s.actions.meetings)", "\(s.actions.conversations)",
                "\(s.actions.workingDays)", calls.map { Numbers.format($0.actual) } ?? "",
                calls.map { Numbers.format($0.target) } ?? "", conversations.map { Numbers.format($0.target) } ?? "",
                s.results.wonThisQuarter.map { Numbers.format($0) } ?? "",
                s.results.quarterTarget.map { Numbers.format($0) } ?? "",
                s.results.pace.map { Numbers.format($0 * 100) + "%" } ?? "",
                s.beliefs.map { "\($0.id)=\($0.verdict.rawValue)" }.joined(separator: " "), s.managerView,
                s.prompts.first ?? "", s.experiences.first ?? "",
            ]
            rows.append(cells.map(Text.csv).joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }
}
