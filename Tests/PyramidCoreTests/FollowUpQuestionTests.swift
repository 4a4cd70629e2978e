import PyramidCore
import Testing

/// After an experiment has ended, the agenda asks what a leader would, by its verdict, quoting its numbers.
struct FollowUpQuestionTests {
    /// Wording keyed as the coaching file keys it, with the placeholders a follow-up fills.
    let catalog = CoachingCatalog(
        beliefs: [
            "social-beats-calls": [
                "contradicted": .init(prompts: ["Belief question"], experiences: ["Try a phone-first week."]),
                "inconclusive": .init(prompts: ["Belief question"], experiences: ["Try a phone-first week."]),
            ]
        ],
        experiments: [
            "back-to-old-way": .init(
                prompts: [
                    "{experiment}: {per_day_during} {outcome} against {per_day_before}; back to {this_week_actual}."
                ],
                experiences: ["Keep {measure}."]),
            "done-and-working": .init(prompts: ["Worked: {per_day_during} against {per_day_before}."]),
            "done-not-working": .init(prompts: ["Done {done_weeks} of {worked_weeks}; what did you notice?"]),
            "not-done": .init(prompts: ["Done {done_weeks} of {worked_weeks}; what got in the way?"]),
            "inconclusive": .init(prompts: ["What would make the test fair?"]),
        ])

    /// Ben's agenda after his experiment: `experimentDay` fills Tuesdays and Thursdays of the experiment weeks,
    /// `reportDay` those of the report week, `usual` every other day.
    func agenda(
        measure: ExperimentMeasure? = FollowThroughTests.measure, usual: @escaping (inout DayTally) -> Void,
        experimentDay: @escaping (inout DayTally) -> Void, reportDay: ((inout DayTally) -> Void)? = nil
    ) throws -> SellerDiagnosis {
        var team = try FollowThroughTests().team(measure: measure)
        team.workdays("ben@x.com", weeksBack: 0...8) { day in
            let back = (FollowThroughTests.reportMonday - day.day.daysSinceEpoch + 6) / 7
            let blockDay = [2, 4].contains(day.day.isoWeekday)
            if (1...2).contains(back) && blockDay {
                experimentDay(&day)
            } else if back == 0 && blockDay, let reportDay {
                reportDay(&day)
            } else {
                usual(&day)
            }
            day.linkedin(25, replies: 0)
        }
        let ben = try #require(team.diagnosis(of: "ben@x.com"))
        return Coach.coach(ben, catalog: catalog)
    }

    @Test func doneAndWorkingThenBackToTheOldWay() throws {
        let ben = try agenda(
            usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        let followed = try #require(ben.coaching.experiments.first)
        #expect(followed.verdict == .doneAndWorking)
        #expect(followed.backToOldWay)
        #expect(
            ben.prompts.first
                == "Phone-first on Tue/Thu: 2.6 conversations against 1; back to 6.")
        // The experience tried is not suggested again as new: the follow-up proposes the next step, with its measure
        #expect(ben.experiences == ["Keep 12 outbound calls a day on Tuesday and Thursday."])
        #expect(ben.suggestedExperiments.first?.measure == FollowThroughTests.measure)
    }

    @Test func doneAndWorkingAndKept() throws {
        let ben = try agenda(
            usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) },
            reportDay: { $0.calls(20, conversations: 5) })
        #expect(ben.coaching.experiments.first?.backToOldWay == false)
        #expect(ben.prompts.first == "Worked: 2.6 against 1.")
    }

    @Test func doneNotWorking() throws {
        let ben = try agenda(
            usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 1) })
        #expect(ben.coaching.experiments.first?.verdict == .doneNotWorking)
        #expect(ben.prompts.first == "Done 2 of 2; what did you notice?")
    }

    @Test func notDone() throws {
        let ben = try agenda(usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(6, conversations: 1) })
        #expect(ben.coaching.experiments.first?.verdict == .notDone)
        #expect(ben.prompts.first == "Done 0 of 2; what got in the way?")
        // Not done: the experience may be suggested again
        #expect(ben.experiences.contains("Try a phone-first week."))
    }

    @Test func inconclusiveWithoutAMeasure() throws {
        let ben = try agenda(
            measure: nil, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        #expect(ben.coaching.experiments.first?.verdict == .inconclusive)
        #expect(ben.prompts.first == "What would make the test fair?")
    }
}
