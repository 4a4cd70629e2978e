import PyramidCore

/// One sample seller: who they are and how they work, week by week.
public struct Persona: Sendable {
    public var name: String
    public var email: String
    public var team: String
    public var role: String
    public var startDate: LocalDate
    public var endDate: LocalDate?
    /// Outbound calls per working day, per week (oldest first); the last value repeats.
    public var callsPerDay: [Double]
    /// Share of calls that connect, and share of connects that become conversations (two minutes or more).
    public var connectRate: Double
    public var conversationRate: Double
    /// Share of connects that end in "not interested".
    public var rejectionRate: Double
    public var linkedinPerDay: Double
    public var linkedinReplyRate: Double
    public var emailsPerDay: Double
    public var emailReplyRate: Double
    /// Share of conversations and replies that turn into a held meeting.
    public var meetingRate: Double
    /// Won deals per held meeting, and their typical size.
    public var winRate: Double
    public var dealSize: Double
    /// Logs a burst of zero-second calls on one day of the report week.
    public var logsShortCalls = false
    /// Days off in the report week (Monday to Friday).
    public var onLeaveInReportWeek = false
    /// An experiment agreed in a one-to-one, and done: extra call blocks on some days.
    public var experiment: PersonaExperiment?

    /// The manager the roster names for the seller.
    public var manager: String { team == "East" ? "dana.reyes@example.com" : "sam.okafor@example.com" }
    /// Writes call notes on most calls, some long and multi-line (benchmark files of realistic size).
    public var verboseNotes = false

    /// The sample team: twelve sellers on two teams with a mix of drift patterns, a new hire, someone on
    /// leave, someone who left, and one coached seller (Ben) who ran an experiment. `week` is the report week;
    /// dates are relative to it.
    public static func sampleTeam(week: ISOWeek) -> [Persona] {
        let monday = week.monday
        let longAgo = monday.adding(days: -400)
        func p(
            _ name: String, _ team: String, _ role: String, calls: [Double], connect: Double = 0.3,
            conversation: Double = 0.35, reject: Double = 0.15, linkedin: Double = 2, linkedinReply: Double = 0.05,
            emails: Double = 6, emailReply: Double = 0.05, meeting: Double = 0.3, win: Double = 0.12,
            deal: Double = 18_000, start: LocalDate? = nil
        ) -> Persona {
            let email =
                name.lowercased().split(separator: " ").joined(separator: ".")
                .replacingOccurrences(of: "'", with: "") + "@example.com"
            return Persona(
                name: name, email: email, team: team, role: role, startDate: start ?? longAgo, endDate: nil,
                callsPerDay: calls, connectRate: connect, conversationRate: conversation, rejectionRate: reject,
                linkedinPerDay: linkedin, linkedinReplyRate: linkedinReply, emailsPerDay: emails,
                emailReplyRate: emailReply, meetingRate: meeting, winRate: win, dealSize: deal)
        }
        var team = [
            p("Ben Carter", "East", "SDR", calls: [7, 6], connect: 0.25, linkedin: 26, linkedinReply: 0.01),
            p(
                "Priya Shah", "East", "SDR", calls: [6], connect: 0.2, conversation: 0.3, linkedin: 24,
                linkedinReply: 0.3, meeting: 0.45, win: 0.06,
                deal: 24_000),
            p("Maria Lopez", "East", "AE", calls: [25], emails: 8, win: 0.16, deal: 22_000),
            p("Tom Becker", "East", "SDR", calls: [9, 8], connect: 0.25, reject: 0.45, linkedin: 1, emails: 2),
            p("Ana Lima", "East", "SDR", calls: [5, 8, 10], start: monday.adding(days: -30)),
            p("Chris Walker", "East", "AE", calls: [24], connect: 0.35, conversation: 0.5, meeting: 0.35, win: 0),
            p("José Díaz", "West", "AE", calls: [24], win: 0.15),
            p("Emma Wilson", "West", "SDR", calls: [24], connect: 0.12, conversation: 0.12),
            p("Liam O'Brien", "West", "SDR", calls: [24, 25, 24, 23, 24, 19, 15, 11], win: 0.15),
            p("Sofia Rossi", "West", "AE", calls: [24], emails: 18, emailReply: 0.12, win: 0.15, deal: 26_000),
            p("Noah Kim", "West", "SDR", calls: [5, 4], linkedin: 1, emails: 42, emailReply: 0.01),
            p("Olivia Brown", "West", "AE", calls: [26], connect: 0.35, win: 0.18, deal: 30_000),
        ]
        var leaver = p("Jack Turner", "West", "SDR", calls: [18])
        leaver.endDate = monday.adding(days: -24)
        team.append(leaver)
        team[7].logsShortCalls = true
        team[6].onLeaveInReportWeek = true
        team[0].experiment = SampleCoaching.phoneFirst()
        return team
    }

    /// `count` generated sellers for benchmarks, all working the classic way with some spread.
    public static func generated(count: Int, week: ISOWeek, rng: inout SplitMix) -> [Persona] {
        let first = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn"]
        let last = ["Smith", "Garcia", "Müller", "Rossi", "Nguyen", "Dubois", "Kowalski", "Silva", "Khan", "Berg"]
        return (0..<count).map { i in
            let name = "\(first[i % first.count]) \(last[(i / first.count) % last.count]) \(i / 100 + 1)"
            return Persona(
                name: name, email: "seller\(i)@example.com", team: "Team \(i % 8 + 1)", role: i % 3 == 0 ? "AE" : "SDR",
                startDate: week.monday.adding(days: -500), endDate: nil,
                callsPerDay: [Double.random(in: 10...28, using: &rng)], connectRate: 0.3, conversationRate: 0.35,
                rejectionRate: 0.15, linkedinPerDay: Double.random(in: 0...10, using: &rng), linkedinReplyRate: 0.06,
                emailsPerDay: Double.random(in: 2...12, using: &rng), emailReplyRate: 0.05, meetingRate: 0.3,
                winRate: 0.12, dealSize: 18_000)
        }
    }
}
