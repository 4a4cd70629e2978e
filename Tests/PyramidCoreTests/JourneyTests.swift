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
        #expect(ContactKey.of(contact: "Ivy   CHEN\t", company: " Globex ") == "ivy chen | globex")
        #expect(ContactKey.of(contact: "Zoë Dupont <ZOE@Example.com>", company: "Acme") == "zoe@example.com")
        #expect(ContactKey.of(contact: "  Zoë   Dupont ", company: "ACME Logistics") == "zoe dupont | acme logistics")
        #expect(ContactKey.of(contact: "zoe dupont", company: "Acme Logistics") == "zoe dupont | acme logistics")
        #expect(ContactKey.of(contact: "", company: "Acme") == "")
        #expect(ContactKey.of(contact: "Ada Ng", company: "") == "ada ng")
        #expect(ContactKey.of(contact: "ada@acme.com; Bo", company: "Acme") == "ada@acme.com")
        let number = ContactKey.number(contact:company:)
        let zoe = number("Zoë Dupont", "Acme")
        #expect(zoe != nil)
        #expect(number("ZOE DUPONT", "acme") == zoe)
        #expect(number("Ivy Chen", "Acme") != zoe)
        #expect(number(" ", "Acme") == nil)
    }

    /// Ada: touched on LinkedIn on day 0, emailed on day 3, called on day 5 (a conversation), met on day 9.
    /// Bo: touched on LinkedIn on day 0 and met 20 days later, outside the window.
    var touches: [ContactTouch] {
        [
            ContactTouch(contact: 1, day: day(0), kind: .linkedin),
            ContactTouch(contact: 1, day: day(3), kind: .email),
            ContactTouch(contact: 1, day: day(5), kind: .call, outcome: .connected, durationSeconds: 300),
            ContactTouch(contact: 1, day: day(9), kind: .meeting, outcome: .held),
            ContactTouch(contact: 2, day: day(0), kind: .linkedin),
            ContactTouch(contact: 2, day: day(20), kind: .meeting, outcome: .held),
            ContactTouch(contact: 3, day: day(1), kind: .call, outcome: .noAnswer, durationSeconds: 10),
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

/// A seller who changed their way is judged on the weeks since the change.
struct MixChangeTests {
    @Test func aNewWayIsTooEarlyToTellUntilEnoughPeopleWereReached() throws {
        // Given Lea, at the call standard for eight weeks, who this week moved to LinkedIn: 25 touches a day, but
        // to the same three people each day
        var team = PatternTests().team()
        team.add("lea@x.com")
        team.workdays("lea@x.com", weeksBack: 1...8) {
            $0.calls(22, conversations: 3)
            $0.linkedin(2)
        }
        team.workdays("lea@x.com", weeksBack: 0...0) {
            $0.calls(4, conversations: 0)
            $0.linkedin(25)
        }
        team.contacts("lea@x.com", weeksBack: 1...8, calls: 22, conversations: 3, linkedin: 2)
        team.contacts("lea@x.com", weeksBack: 0...0, calls: 4)
        for offset in 0..<5 {
            let day = team.week.monday.adding(days: offset)
            for i in 0..<25 {
                team.journeys["lea@x.com", default: []].append(
                    ContactTouch(contact: 1_000_000 + offset * 3 + i % 3, day: day, kind: .linkedin))
            }
        }
        // When diagnosed
        let d = try #require(team.diagnosis(of: "lea@x.com"))
        // Then her new way is judged on this week against the weeks before, and it is too early to tell
        #expect(d.pattern == .channelSubstitution)
        let belief = try #require(d.beliefs.first { $0.id == "social-beats-calls" })
        #expect(belief.verdict == .inconclusive)
        #expect(belief.evidence.first?.hasPrefix("Your way changed in 2026-W46") == true)
        #expect(
            belief.evidence.contains(
                "Too early to tell: 15 people reached on LinkedIn since 2026-11-09; at this pace 1 more week needed."))
        #expect(
            belief.evidence.contains {
                $0.hasPrefix("Of the 785 people you called before 2026-11-09, 120 went on to a conversation")
            })
    }
}
