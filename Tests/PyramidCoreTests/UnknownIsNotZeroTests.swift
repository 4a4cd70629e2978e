import PyramidCore
import Testing

/// What an export does not record is unknown, never zero: no verdict, no pattern rests on it.
struct UnknownIsNotZeroTests {
    /// Three peers at standard.
    func team() -> TeamBuilder { PatternTests().team() }

    /// Priya's days: five calls, twenty LinkedIn touches whose replies the export does not record, a meeting.
    func priyaDays(_ team: inout TeamBuilder) {
        team.add("priya@x.com")
        team.workdays("priya@x.com", weeksBack: 0...8) {
            $0.calls(5, conversations: 0)
            $0.linkedin(20)
            $0.linkedinUnobserved = 20
            $0.meetings(held: 1)
        }
        team.won("priya@x.com", 90_000)
    }

    @Test func noRecordedRepliesIsNotZeroReplies() throws {
        // Given Priya, ahead of pace, whose LinkedIn touches carry no reply field, and no contact journeys read
        var team = team()
        priyaDays(&team)
        // When diagnosed
        let d = try #require(team.diagnosis(of: "priya@x.com"))
        // Then "LinkedIn gets me further" is not contradicted: it is inconclusive, and says why
        let belief = try #require(d.beliefs.first { $0.id == "social-beats-calls" })
        #expect(belief.verdict == .inconclusive)
        #expect(
            belief.evidence.contains(
                "Your CRM export records no LinkedIn replies, so LinkedIn is judged by the meetings and conversations "
                    + "that followed it."))
        #expect(d.experience.linkedinReplies.attempts == 0)
        #expect(d.experience.linkedinReplies.unrecorded == 900)
        #expect(d.experience.linkedinReplies.phrase == "not recorded (for 900)")
        // The wording that quotes a reply rate is not used: its facts are absent.
        #expect(belief.facts["channel_rate"] == nil)
        #expect(
            d.coverage.limits.contains { $0.hasPrefix("Your CRM export records no LinkedIn replies for 900 of 900") })
        let linkedin = try #require(d.coverage.channels.first { $0.channel == "linkedin" })
        #expect(linkedin.outcomeShare == 0)
    }

    @Test func theMeetingsThatFollowedLinkedInJudgeIt() throws {
        // Given the same Priya, now with her contacts: one of each day's twenty LinkedIn people meets her
        var team = team()
        priyaDays(&team)
        team.contacts("priya@x.com", weeksBack: 0...8, calls: 5, linkedin: 20, meetings: 1)
        let d = try #require(team.diagnosis(of: "priya@x.com"))
        let belief = try #require(d.beliefs.first { $0.id == "social-beats-calls" })
        // Then her way is supported by the journeys, and works
        #expect(belief.verdict == .supported)
        #expect(
            belief.evidence.first
                == "Of the 710 people you reached on LinkedIn over the last 9 weeks, 45 went on to a conversation or a "
                + "meeting within 14 days (6.3%, likely 4–9%). 190 more were reached too recently to tell.")
        #expect(
            belief.evidence.contains(
                "45 of your 45 meetings over the last 9 weeks were with people you first reached on LinkedIn."))
        #expect(d.differentWayWorks)
    }

    @Test func withoutContactsTheJourneysAreUnknown() throws {
        // Given the journeys of Priya's touches but with no contact named on any of them
        var team = team()
        priyaDays(&team)
        team.contacts("priya@x.com", weeksBack: 0...8, calls: 5, linkedin: 20, meetings: 1, contactsNamed: false)
        let d = try #require(team.diagnosis(of: "priya@x.com"))
        let belief = try #require(d.beliefs.first { $0.id == "social-beats-calls" })
        #expect(belief.verdict == .inconclusive)
        #expect(belief.evidence.contains { $0.hasPrefix("Unknown is not zero: without the contacts") })
        #expect(!d.differentWayWorks)
    }

    @Test func callsWithNeitherOutcomeNorDurationLeaveConversationsUnknown() throws {
        // Given Sam, at the call standard, whose export records neither an outcome nor a duration for his calls
        var team = team()
        team.add("sam@x.com")
        team.workdays("sam@x.com", weeksBack: 0...8) {
            $0.count(
                kind: .call, direction: .outbound, outcome: .unknown, count: 22, longEnough: 22, short: 0, untimed: 22)
        }
        let d = try #require(team.diagnosis(of: "sam@x.com"))
        // Then he is not "activity without conversations": his conversations are unknown
        #expect(d.pattern == .insufficientData)
        #expect(
            d.reasons == [
                "conversations unknown: the export records neither an outcome nor a duration for 110 of 110 calls"
            ])
        #expect(d.managerView.hasPrefix("Not judged this week: conversations unknown"))
        #expect(d.experience.callConversations.isRecorded(minimumShare: 0.7) == false)
    }

    @Test func aCallWithoutOutcomeLongEnoughWasAnswered() {
        // Given ten calls without an outcome: four of three minutes, three of ten seconds, three of unknown length
        var tally = DayTally(email: "sam@x.com", day: LocalDate(daysSinceEpoch: 20_400))
        tally.count(
            kind: .call, direction: .outbound, outcome: .unknown, count: 10, longEnough: 7, short: 0, untimed: 3)
        // Then the four were answered and are conversations; the three of unknown length are unobserved
        #expect(tally.callsAnsweredByDuration == 4)
        #expect(tally.connectedCalls == 4)
        #expect(tally.callConversations == 4)
        #expect(tally.callsUnobserved == 3)
        #expect(tally.callsTimed == 7)
        #expect(tally.callsOutcomeUnknown == 10)
    }

    @Test func aRateMostlyUnrecordedIsUnknown() {
        let mostlyUnknown = Rate(hits: 5, attempts: 20, unrecorded: 80)
        let known = Rate(hits: 10, attempts: 200)
        #expect(mostlyUnknown.recordedShare == 0.2)
        #expect(mostlyUnknown.compared(to: known, minimumSample: 20, minimumRecordedShare: 0.7) == .unrecorded)
        #expect(known.compared(to: mostlyUnknown, minimumSample: 20, minimumRecordedShare: 0.7) == .unrecorded)
        #expect(mostlyUnknown.phrase == "5 of 20 (25%, likely 11–47%) (and 80 not recorded)")
    }
}
