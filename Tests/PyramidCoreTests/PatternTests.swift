import PyramidCore
import Testing

/// Each drift pattern on a hand-built team. The default standards apply: 20 outbound calls a day,
/// 5 conversations a week, 100,000 won a quarter.
struct PatternTests {
    /// Three teammates who meet the standards, so team rates and distributions exist.
    func team() -> TeamBuilder {
        var team = TeamBuilder()
        for peer in ["p1@x.com", "p2@x.com", "p3@x.com"] {
            team.add(peer)
            team.workdays(peer, weeksBack: 0...8) { $0.calls(22, conversations: 2) }
        }
        return team
    }

    @Test func onStandard() throws {
        let team = team()
        let d = try #require(team.diagnosis(of: "p1@x.com"))
        #expect(d.pattern == .onStandard)
        #expect(d.actions.outboundCalls == 110)
        #expect(d.actions.conversations == 10)
        #expect(d.standards.first?.actual == 22)
        #expect(d.managerView.hasPrefix("On standard: 22 of 20 outbound calls a day; 10 of 5 conversations a week."))
    }

    @Test func channelSubstitutionThatDoesNotWork() throws {
        // Given Ben, who swapped calls for LinkedIn and gets few replies
        var team = team()
        team.add("ben@x.com")
        team.workdays("ben@x.com", weeksBack: 0...8) {
            $0.calls(6, conversations: 1)
            $0.linkedin(25, replies: $0.day.isoWeekday == 1 ? 1 : 0)
        }
        // Each day he calls six people (one talks) and touches 25 on LinkedIn, none of whom meets him
        team.contacts("ben@x.com", weeksBack: 0...8, calls: 6, conversations: 1, linkedin: 25)
        // When diagnosed
        let d = try #require(team.diagnosis(of: "ben@x.com"))
        // Then the pattern is substitution and his own numbers contradict "LinkedIn works better"
        #expect(d.pattern == .channelSubstitution)
        let belief = try #require(d.beliefs.first)
        #expect(belief.id == "social-beats-calls")
        #expect(belief.verdict == .contradicted)
        #expect(
            belief.evidence.first
                == "Of the 875 people you reached on LinkedIn over the last 9 weeks, 0 went on to a conversation or a "
                + "meeting within 14 days (0%, likely 0–1%). 250 more were reached too recently to tell.")
        #expect(belief.evidence.contains { $0.hasPrefix("Supporting, not deciding: your LinkedIn replies") })
        #expect(!d.differentWayWorks)
        #expect(d.managerView.hasPrefix("Below standard: 6 of 20 outbound calls a day."))
    }

    @Test func channelSubstitutionThatWorksSaysSo() throws {
        // Given Priya: few calls, LinkedIn that gets replies and meetings, results on pace
        var team = team()
        team.addPriya()
        let d = try #require(team.diagnosis(of: "priya@x.com"))
        #expect(d.pattern == .channelSubstitution)
        #expect(d.beliefs.first?.verdict == .supported)
        #expect(d.differentWayWorks)
        #expect(team.diagnose().brightSpots.first?.hasPrefix("Priya: LinkedIn gets me further") == true)
    }

    @Test func underActivity() throws {
        var team = team()
        team.add("tom@x.com")
        team.workdays("tom@x.com", weeksBack: 0...8) {
            $0.calls(6, conversations: 1)
            $0.emails(2)
        }
        let d = try #require(team.diagnosis(of: "tom@x.com"))
        #expect(d.pattern == .underActivity)
        #expect(d.beliefs.map(\.id) == ["standard-unrealistic", "quality-over-quantity"])
        // The three peers met the standard in all 27 of their weeks.
        #expect(d.beliefs.first?.verdict == .contradicted)
    }

    @Test func zeroActivityThisWeekAfterActiveWeeks() throws {
        var team = team()
        team.add("zed@x.com")
        team.workdays("zed@x.com", weeksBack: 1...8) { $0.calls(20, conversations: 1) }
        let d = try #require(team.diagnosis(of: "zed@x.com"))
        #expect(d.actions.outboundCalls == 0)
        #expect(d.pattern == .fading)
    }

    @Test func activityWithoutConversations() throws {
        var team = team()
        team.add("emma@x.com")
        team.workdays("emma@x.com", weeksBack: 0...8) { $0.calls(23, conversations: $0.day.isoWeekday == 3 ? 1 : 0) }
        let d = try #require(team.diagnosis(of: "emma@x.com"))
        #expect(d.pattern == .activityWithoutConversations)
        let belief = try #require(d.beliefs.first)
        #expect(belief.id == "volume-is-enough")
        #expect(belief.verdict == .contradicted)
    }

    @Test func conversationsWithoutResults() throws {
        var team = team()
        team.add("chris@x.com")
        team.workdays("chris@x.com", weeksBack: 0...8) { $0.calls(21, conversations: 3) }
        team.won("p1@x.com", 20_000)
        let d = try #require(team.diagnosis(of: "chris@x.com"))
        #expect(d.pattern == .conversationsWithoutResults)
        #expect(d.results.wonThisQuarter == 0)
        #expect(d.results.pace == 0)
    }

    @Test func noDealsImportedMeansResultsUnknownNotZero() throws {
        var team = team()
        team.add("chris@x.com")
        team.workdays("chris@x.com", weeksBack: 0...8) { $0.calls(21, conversations: 3) }
        let d = try #require(team.diagnosis(of: "chris@x.com"))
        #expect(d.results.wonThisQuarter == nil)
        #expect(d.results.pace == nil)
        #expect(d.results.quarterTarget == 100_000)
        #expect(d.pattern == .onStandard)
        #expect(d.managerView.hasSuffix("Results unknown (no deals imported)."))
    }

    @Test func fadingAgainstOwnBaseline() throws {
        var team = team()
        team.add("liam@x.com")
        team.workdays("liam@x.com", weeksBack: 3...8) { $0.calls(24, conversations: 2) }
        team.workdays("liam@x.com", weeksBack: 2...2) { $0.calls(20, conversations: 2) }
        team.workdays("liam@x.com", weeksBack: 1...1) { $0.calls(17, conversations: 1) }
        team.workdays("liam@x.com", weeksBack: 0...0) { $0.calls(12, conversations: 1) }
        let d = try #require(team.diagnosis(of: "liam@x.com"))
        #expect(d.pattern == .fading)
        #expect(d.beliefs.first?.id == "pipeline-is-enough")
        #expect(d.history.map(\.value) == [24, 24, 24, 20, 17, 12])
    }

    @Test func rampingNewHireIsJudgedAgainstTheRamp() throws {
        var team = team()
        // Started 2026-10-26: in W46 (Thursday 2026-11-12) the first month, so 25% of targets.
        team.add("ana@x.com", start: LocalDate(year: 2026, month: 10, day: 26))
        team.workdays("ana@x.com", weeksBack: 0...2) { $0.calls(6, conversations: 1) }
        let d = try #require(team.diagnosis(of: "ana@x.com"))
        #expect(d.pattern == .ramping)
        #expect(d.secondaryPatterns.isEmpty)
        let calls = try #require(d.standards.first)
        #expect(calls.target == 5)
        #expect(calls.rampShare == 0.25)
        #expect(calls.met)
    }

    @Test func driftSoonAfterOnboardingIsNamed() throws {
        var team = team()
        // Ramp of three months from 2026-07-01 ended 2026-10-01: W46 is 5 weeks after.
        team.add("new@x.com", start: LocalDate(year: 2026, month: 7, day: 1))
        team.workdays("new@x.com", weeksBack: 0...8) { $0.calls(6, conversations: 1) }
        let d = try #require(team.diagnosis(of: "new@x.com"))
        #expect(d.pattern == .underActivity)
        #expect(d.managerView.hasSuffix("Note: drifting soon after onboarding: 5 weeks after the ramp ended."))
    }

    @Test func onLeaveIsNeverFlagged() throws {
        var team = team()
        team.add("jose@x.com")
        team.workdays("jose@x.com", weeksBack: 1...8) { $0.calls(22, conversations: 2) }
        team.timeOff = [
            TimeOff(email: "jose@x.com", start: team.week.monday, end: team.week.monday.adding(days: 4))
        ]
        let d = try #require(team.diagnosis(of: "jose@x.com"))
        #expect(d.pattern == .onLeave)
        #expect(d.standards.isEmpty)
        #expect(d.beliefs.isEmpty)
        #expect(d.managerView == "On leave this week (no working days).")
    }

    @Test func timeOffProratesWeeklyTargets() throws {
        var team = team()
        team.timeOff = [TimeOff(email: "p1@x.com", start: team.week.monday, end: team.week.monday.adding(days: 1))]
        let d = try #require(team.diagnosis(of: "p1@x.com"))
        #expect(d.actions.workingDays == 3)
        let conversations = try #require(d.standards.first { $0.metric == .conversations })
        #expect(conversations.target == 3)
    }

    @Test func insufficientDataForASellerWithNoActivity() throws {
        var team = team()
        team.add("quiet@x.com")
        let d = try #require(team.diagnosis(of: "quiet@x.com"))
        #expect(d.pattern == .insufficientData)
    }

    @Test func oneWeekOfDataIsJudgedButBeliefsStayHonest() throws {
        var team = team()
        team.add("solo@x.com")
        team.workdays("solo@x.com", weeksBack: 0...0) { $0.calls(3, conversations: 0) }
        let d = try #require(team.diagnosis(of: "solo@x.com"))
        #expect(d.pattern == .underActivity)
        let rateBelief = try #require(d.beliefs.first { $0.id == "quality-over-quantity" })
        #expect(rateBelief.verdict == .inconclusive)
        #expect(rateBelief.evidence.last == "Too few calls to tell (at least 20 are needed).")
    }

    @Test func peopleWhoLeftAreNotReportedAndDoNotDragTheTeam() throws {
        var team = team()
        team.sellers.append(
            Seller(email: "gone@x.com", name: "Gone", team: "East", endDate: team.week.monday.adding(days: -10)))
        team.workdays("gone@x.com", weeksBack: 2...8) { $0.calls(1) }
        let diagnosis = team.diagnose()
        #expect(!diagnosis.sellers.contains { $0.seller.email == "gone@x.com" })
        #expect(diagnosis.funnel.calls == 330)
    }

    @Test func roleOverridesTheTeamWideStandard() throws {
        var team = team()
        team.config.standards.append(Standard(metric: .outboundCalls, per: .day, target: 10, role: "AE"))
        team.add("ae@x.com", role: "AE")
        team.workdays("ae@x.com", weeksBack: 0...8) { $0.calls(12, conversations: 1) }
        let d = try #require(team.diagnosis(of: "ae@x.com"))
        #expect(d.standards.first?.target == 10)
        #expect(d.standards.first?.met == true)
    }

    @Test func shortCallBurstsAreFlaggedWithTheNumbers() throws {
        var team = team()
        team.workdays("p2@x.com", weeksBack: 0...0) {
            $0.calls(22, conversations: 2)
            if $0.day.isoWeekday == 2 { $0.shortCalls = 14 }
        }
        let d = try #require(team.diagnosis(of: "p2@x.com"))
        #expect(d.dataQuality.first?.id == "short-calls")
        #expect(d.dataQuality.first?.detail.hasPrefix("14 calls of 5 seconds or less on 2026-11-10") == true)
    }
}
