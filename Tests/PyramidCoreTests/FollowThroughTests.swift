import PyramidCore
import Testing

/// Follow-through on hand-built teams: the report week is 2026-W46; Ben's one-to-one was in 2026-W43 and his
/// experiment ran 2026-W44 to 2026-W45 (weeks back 2 and 1). His baseline is 2026-W40 to 2026-W43.
struct FollowThroughTests {
    static let measure = try? ExperimentMeasure(metric: .outboundCalls, per: .day, target: 12, weekdays: [2, 4])

    /// Three peers at standard, and Ben, who makes 6 calls a day with one conversation, plus 25 LinkedIn touches.
    func team(measure: ExperimentMeasure? = FollowThroughTests.measure) throws -> TeamBuilder {
        var team = TeamBuilder()
        for peer in ["p1@x.com", "p2@x.com", "p3@x.com"] {
            team.add(peer)
            team.workdays(peer, weeksBack: 0...8) { $0.calls(22, conversations: 2) }
        }
        team.add("ben@x.com")
        let week = try #require(ISOWeek("2026-W43"))
        let last = try #require(ISOWeek("2026-W45"))
        team.coaching = [
            CoachingEntry(
                id: 1, email: "ben@x.com", manager: "dana@x.com", week: week, note: "Test the phone.",
                agreements: ["Call blocks Tue/Thu"],
                experiment: Experiment(
                    name: "Phone-first on Tue/Thu", belief: "social-beats-calls", measure: measure, lastWeek: last))
        ]
        return team
    }

    /// Ben's days: `experimentDay` fills Tuesdays and Thursdays of the experiment weeks, `usual` every other day.
    func ben(
        _ team: inout TeamBuilder, usual: @escaping (inout DayTally) -> Void,
        experimentDay: @escaping (inout DayTally) -> Void
    ) {
        team.workdays("ben@x.com", weeksBack: 0...8) { day in
            let back = (FollowThroughTests.reportMonday - day.day.daysSinceEpoch + 6) / 7
            if (1...2).contains(back) && [2, 4].contains(day.day.isoWeekday) {
                experimentDay(&day)
            } else {
                usual(&day)
            }
            day.linkedin(25, replies: 0)
        }
    }

    static let reportMonday = ISOWeek("2026-W46")?.monday.daysSinceEpoch ?? 0

    func followThrough(_ team: TeamBuilder) throws -> ExperimentFollowThrough {
        let ben = try #require(team.diagnosis(of: "ben@x.com"))
        return try #require(ben.coaching.experiments.first)
    }

    @Test func doneAndWorking() throws {
        // Given Ben, who made 20 calls on Tuesdays and Thursdays and got 5 conversations on each of those days
        var team = try team()
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        // When the report week is diagnosed
        let f = try followThrough(team)
        // Then the action was done both weeks and conversations are clearly above his baseline
        #expect(f.verdict == .doneAndWorking)
        #expect(f.finished)
        #expect(f.weeks.map(\.done) == [true, true])
        #expect(f.weeks.map(\.actual) == [20, 20])
        #expect(f.weeks.map(\.workingDays) == [2, 2])
        #expect(f.conversations.before == 20 && f.conversations.beforeDays == 20)
        #expect(f.conversations.during == 26 && f.conversations.duringDays == 10)
        #expect(f.conversations.comparison == .higher)
        #expect(
            f.evidence.contains(
                "On Tuesday and Thursday you reached 20 buyers by phone in 2 weeks (10 a week), against 2 a week in "
                    + "the 4 weeks before; LinkedIn gave 0 replies in those weeks."))
        #expect(f.summary.hasPrefix("done in 2 of the 2 weeks worked; conversations 2.6 a working day against 1"))
        let diagnosis = team.diagnose()
        #expect(diagnosis.coaching.worked.map(\.seller.email) == ["ben@x.com"])
        #expect(diagnosis.coaching.open.isEmpty)
    }

    @Test func theTargetedBeliefIsJudgedAgainOnTheExperimentWeeks() throws {
        var team = try team()
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        team.contacts("ben@x.com", weeksBack: 0...8, calls: 6, conversations: 1, linkedin: 25)
        let belief = try #require(try followThrough(team).belief)
        #expect(belief.id == "social-beats-calls")
        #expect(belief.before == .contradicted)
        #expect(belief.during == .contradicted)
        #expect(
            belief.evidence.first
                == "Of the 125 people you reached on LinkedIn over the experiment weeks (2026-W44 to 2026-W45), 0 went "
                + "on to a conversation or a meeting within 14 days (0%, likely 0–3%). 125 more were reached too "
                + "recently to tell.")
    }

    @Test func doneButNotWorking() throws {
        // Given Ben, who made the calls, but whose conversations stayed at one a day
        var team = try team()
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 1) })
        let f = try followThrough(team)
        #expect(f.weeks.map(\.done) == [true, true])
        #expect(f.conversations.comparison == .indistinguishable)
        #expect(f.verdict == .doneNotWorking)
    }

    @Test func notDone() throws {
        // Given Ben, who kept to 6 calls a day
        var team = try team()
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(6, conversations: 1) })
        let f = try followThrough(team)
        #expect(f.weeks.map(\.done) == [false, false])
        #expect(f.verdict == .notDone)
        #expect(f.summary == "12 outbound calls a day on Tuesday and Thursday in 0 of the 2 weeks worked")
        #expect(
            f.evidence.first
                == "Agreed: 12 outbound calls a day on Tuesday and Thursday. Done in 0 of the 2 weeks worked: "
                + "6 in 2026-W44, 6 in 2026-W45.")
    }

    @Test func onLeaveDuringTheExperiment() throws {
        // Given Ben, away for both experiment weeks
        var team = try team()
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(6, conversations: 1) })
        let start = try #require(ISOWeek("2026-W44")).monday
        team.timeOff = [TimeOff(email: "ben@x.com", start: start, end: start.adding(days: 13))]
        team.tallies.removeAll { $0.email == "ben@x.com" && $0.day >= start && $0.day <= start.adding(days: 13) }
        let f = try followThrough(team)
        #expect(f.verdict == .onLeave)
        #expect(f.weeks.map(\.workingDays) == [0, 0])
        #expect(f.weeks.allSatisfy { $0.done == nil })
    }

    @Test func leaveOnTheMeasuredDaysOnlyJudgesTheOtherWeek() throws {
        var team = try team()
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        let tuesday = try #require(ISOWeek("2026-W44")).monday.adding(days: 1)
        team.timeOff = [TimeOff(email: "ben@x.com", start: tuesday, end: tuesday.adding(days: 2))]
        let f = try followThrough(team)
        #expect(f.weeks.map(\.workingDays) == [0, 2])
        #expect(f.weeks.map(\.done) == [nil, true])
        #expect(f.evidence.first?.contains("Done in 1 of the 1 week worked") == true)
    }

    @Test func tooLittleDataIsInconclusive() throws {
        // Given Ben, with almost no conversations before or during the experiment
        var team = try team()
        ben(&team, usual: { $0.calls(6) }, experimentDay: { $0.calls(20, conversations: 1) })
        let f = try followThrough(team)
        #expect(f.weeks.map(\.done) == [true, true])
        #expect(f.conversations.before + f.conversations.during < 20)
        #expect(f.conversations.comparison == .tooFewToTell)
        #expect(f.verdict == .inconclusive)
        #expect(f.evidence.contains { $0.hasSuffix("too few to tell yet (at least 20 are needed).") })
    }

    @Test func withoutAMeasureNothingIsJudged() throws {
        var team = try team(measure: nil)
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        let f = try followThrough(team)
        // Then it is not judged, though what followed the meeting is still shown
        #expect(f.verdict == .inconclusive)
        #expect(f.evidence.first == "No measure was agreed, so the data cannot tell whether it was done.")
        #expect(f.evidence.dropFirst().first?.hasPrefix("Conversations: 2.6 a working day") == true)
        #expect(f.summary == "no measure was agreed, so the data cannot judge it")
    }

    @Test func aRunningExperimentIsOpen() throws {
        // Given the report week 2026-W45, in the middle of an experiment that ends in 2026-W46
        var team = try team()
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        team.coaching[0].experiment?.lastWeek = try #require(ISOWeek("2026-W46"))
        var earlier = TeamBuilder(week: "2026-W45")
        earlier.sellers = team.sellers
        earlier.tallies = team.tallies.filter { $0.day < team.week.monday }
        earlier.coaching = team.coaching
        let ben = try #require(earlier.diagnosis(of: "ben@x.com"))
        let f = try #require(ben.coaching.experiments.first)
        #expect(!f.finished)
        #expect(f.weeks.map(\.week.description) == ["2026-W44", "2026-W45"])
        #expect(earlier.diagnose().coaching.open.count == 1)
        #expect(earlier.diagnose().coaching.finished.isEmpty)
    }

    @Test func lastTimeIsTheLatestOneToOneBeforeTheWeek() throws {
        var team = try team()
        ben(&team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(6, conversations: 1) })
        let w44 = try #require(ISOWeek("2026-W44"))
        team.coaching.append(CoachingEntry(id: 2, email: "ben@x.com", week: w44, agreements: ["Update the CRM daily"]))
        team.coaching.append(CoachingEntry(id: 3, email: "ben@x.com", week: team.week, note: "This week's meeting."))
        let ben = try #require(team.diagnosis(of: "ben@x.com"))
        #expect(ben.coaching.lastTime?.id == 2)
        #expect(ben.coaching.experiments.map(\.entry.id) == [1])
        // A seller nobody coached has no log, never a made-up one.
        #expect(team.diagnosis(of: "p1@x.com")?.coaching == SellerCoaching())
    }
}
