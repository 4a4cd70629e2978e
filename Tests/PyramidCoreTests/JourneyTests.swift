import Testing

@testable import PyramidCore

/// The channels (by their phrase's key) with how many people each got a credited conversation or meeting.
enum JourneyProbe {
    static func reached(_ touches: [ContactTouch], from: LocalDate, to: LocalDate, rules: DiagnosisRules)
        -> [String: Int]
    {
        let view = JourneyRules.view(touches, from: from, to: to, minimumCallSeconds: 120, rules: rules)
        var reached: [String: Int] = [:]
        for (channel, journey) in view.channels { reached[channel.rawValue] = journey.reached }
        return reached
    }
}

/// Contact journeys: a conversation or meeting is credited to the channels that touched the person before it.
struct JourneyTests {
    static let monday = ISOWeek("2026-W46")?.monday ?? LocalDate(daysSinceEpoch: 20_400)

    func day(_ offset: Int) -> LocalDate { Self.monday.adding(days: offset) }

    @Test func theContactKeyIsTheEmailElseTheNameAndCompanyFolded() {
        #expect(ContactKey.of(contact: "Zoë Dupont <ZOE@Example.com>", company: "Acme") == "zoe@example.com")
        #expect(ContactKey.of(contact: "  Zoë   Dupont ", company: "ACME Logistics") == "zoe dupont | acme logistics")
        #expect(ContactKey.of(contact: "zoe dupont", company: "Acme Logistics") == "zoe dupont | acme logistics")
        #expect(ContactKey.of(contact: "", company: "Acme") == "")
    }

    /// Ada: touched on LinkedIn on day 0, emailed on day 3, called on day 5 (a conversation), met on day 9.
    /// Bo: touched on LinkedIn on day 0 and met 20 days later, outside the window.
    var touches: [ContactTouch] {
        [
            ContactTouch(contact: "ada", day: day(0), kind: .linkedin),
            ContactTouch(contact: "ada", day: day(3), kind: .email),
            ContactTouch(contact: "ada", day: day(5), kind: .call, outcome: .connected, durationSeconds: 300),
            ContactTouch(contact: "ada", day: day(9), kind: .meeting, outcome: .held),
            ContactTouch(contact: "bo", day: day(0), kind: .linkedin),
            ContactTouch(contact: "bo", day: day(20), kind: .meeting, outcome: .held),
            ContactTouch(contact: "cy", day: day(1), kind: .call, outcome: .noAnswer, durationSeconds: 10),
        ]
    }

    @Test(arguments: [
        (JourneyCredit.any, ["calls": 1, "emails": 1, "linkedin": 1]),
        (.first, ["calls": 0, "emails": 0, "linkedin": 1]),
        (.last, ["calls": 1, "emails": 0, "linkedin": 0]),
    ])
    func creditFollowsTheRule(credit: JourneyCredit, reached: [String: Int]) {
        var rules = DiagnosisRules()
        rules.journeyCredit = credit
        let view = JourneyProbe.reached(touches, from: day(0), to: day(27), rules: rules)
        #expect(view == reached)
    }

    @Test func aWiderWindowCreditsTheLateMeeting() {
        var rules = DiagnosisRules()
        rules.journeyWindowDays = 21
        #expect(JourneyProbe.reached(touches, from: day(0), to: day(27), rules: rules)["linkedin"] == 2)
    }
}
