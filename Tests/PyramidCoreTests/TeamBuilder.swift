import PyramidCore

/// Builds small teams by hand: sellers and what they did each working day of each week.
struct TeamBuilder {
    let week: ISOWeek
    var config = WorkspaceConfig()
    var sellers: [Seller] = []
    var timeOff: [TimeOff] = []
    var tallies: [DayTally] = []
    var deals: [DealFact] = []
    var dealsImported: Bool?
    var logging: [String: LoggingPattern] = [:]
    var coaching: [CoachingEntry] = []

    init(week: String = "2026-W46") {
        self.week = ISOWeek(week) ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 20_400))
    }

    /// Adds a seller who started long ago.
    mutating func add(_ email: String, team: String = "East", role: String = "SDR", start: LocalDate? = nil) {
        sellers.append(
            Seller(
                email: email, name: email.split(separator: "@").first.map { $0.capitalized } ?? email, team: team,
                role: role, startDate: start ?? LocalDate(year: 2024, month: 1, day: 8)))
    }

    /// The same working day, Monday to Friday, for `weeks` weeks back (0 = the report week).
    mutating func workdays(_ email: String, weeksBack: ClosedRange<Int>, _ fill: (inout DayTally) -> Void) {
        for back in weeksBack {
            for offset in 0..<5 {
                let day = week.adding(weeks: -back).monday.adding(days: offset)
                var tally = DayTally(email: email, day: day)
                fill(&tally)
                tallies.append(tally)
            }
        }
    }

    /// A won deal closed on the report week's Monday.
    mutating func won(_ email: String, _ amount: Double) {
        deals.append(DealFact(email: email, status: .won, amount: amount, closeDate: week.monday))
    }

    func snapshot() -> TeamSnapshot {
        TeamSnapshot(
            week: week, sellers: sellers, timeOff: timeOff, tallies: tallies, deals: deals,
            dealsImported: dealsImported, logging: logging, coaching: coaching)
    }

    func diagnose() -> TeamDiagnosis { PyramidModel.diagnose(snapshot(), config: config) }

    func diagnosis(of email: String) -> SellerDiagnosis? {
        diagnose().sellers.first { $0.seller.email == email }
    }
}

extension DayTally {
    /// A day of `calls` outbound calls, `conversations` of which became conversations.
    mutating func calls(_ calls: Int, conversations: Int = 0) {
        outboundCalls = calls
        connectedCalls = conversations
        callConversations = conversations
        activities += calls
    }

    mutating func linkedin(_ touches: Int, replies: Int = 0) {
        linkedinTouches = touches
        linkedinReplies = replies
        activities += touches + replies
    }

    mutating func emails(_ count: Int, replies: Int = 0) {
        outboundEmails = count
        emailReplies = replies
        activities += count + replies
    }

    mutating func meetings(held: Int) {
        meetingsHeld = held
        activities += held
    }
}
