import PyramidCore
import Testing

/// The experiment measure: parsing, wording, targets, and the measure the agenda suggests.
struct MeasureTests {
    @Test(arguments: [
        ("tue/thu", [2, 4]), ("Tue,Thu", [2, 4]), ("tuesday thursday", [2, 4]), ("mon,wed,fri", [1, 3, 5]),
        ("TH/tu", [2, 4]), ("su", [7]),
    ])
    func weekdaysParse(text: String, days: [Int]) throws {
        #expect(try Weekdays.parse(text) == days)
    }

    @Test(arguments: ["", "t", "tues-thurs", "someday"])
    func badWeekdaysSayWhatIsExpected(text: String) {
        #expect(throws: CoachingError.self) { try Weekdays.parse(text) }
    }

    @Test func measuresReadAsTheyAreTyped() throws {
        let calls = try ExperimentMeasure(metric: .outboundCalls, per: .day, target: 12, weekdays: [4, 2, 2])
        #expect(calls.weekdays == [2, 4])
        #expect(calls.description == "outbound-calls per day >= 12 on tue/thu")
        #expect(calls.phrase == "12 outbound calls a day on Tuesday and Thursday")
        let connects = try ExperimentMeasure(metric: .connectedCalls, per: .week, target: 8)
        #expect(connects.description == "connected-calls per week >= 8")
        #expect(connects.phrase == "8 connected calls a week")
        #expect(connects.daysPhrase == "every working day")
    }

    @Test func resultsAndQuartersAreNotMeasures() {
        #expect(throws: CoachingError.notAnActionMetric("won-amount")) {
            try ExperimentMeasure(metric: .wonAmount, per: .week, target: 1)
        }
        #expect(throws: CoachingError.periodNotWeekly("quarter")) {
            try ExperimentMeasure(metric: .outboundCalls, per: .quarter, target: 1)
        }
        #expect(throws: CoachingError.badTarget("-1")) {
            try ExperimentMeasure(metric: .outboundCalls, per: .day, target: -1)
        }
        #expect(
            CoachingError.badWeekday("xx").description
                == "'xx' is not a weekday (expected names such as tue/thu or mon,wed,fri)")
    }

    @Test func aPerWeekTargetIsProRatedByWorkingDays() throws {
        let connects = try ExperimentMeasure(metric: .connectedCalls, per: .week, target: 8)
        #expect(connects.target(workingDays: 3, nominalDays: 5) == 4.8)
        #expect(connects.actual(count: 6, workingDays: 3) == 6)
        let calls = try ExperimentMeasure(metric: .outboundCalls, per: .day, target: 12, weekdays: [2, 4])
        #expect(calls.target(workingDays: 1, nominalDays: 2) == 12)
        #expect(calls.actual(count: 30, workingDays: 2) == 15)
    }

    @Test func experimentsCannotEndBeforeTheyStart() throws {
        let week = try #require(ISOWeek("2026-W46"))
        let entry = CoachingEntry(
            email: "ben@x.com", week: week, experiment: Experiment(name: "Call blocks", lastWeek: week))
        #expect(throws: CoachingError.endsBeforeItStarts(last: "2026-W46", first: "2026-W47")) {
            try entry.validated()
        }
        var unnamed = entry
        unnamed.experiment = Experiment(name: " ", lastWeek: week.adding(weeks: 2))
        #expect(throws: CoachingError.unnamedExperiment) { try unnamed.validated() }
    }

    @Test func theAgendaSuggestsAStepHalfwayToTheStandard() throws {
        // Given Tom, at 6 calls a day against 20, and a coached agenda
        var team = TeamBuilder()
        for peer in ["p1@x.com", "p2@x.com", "p3@x.com"] {
            team.add(peer)
            team.workdays(peer, weeksBack: 0...8) { $0.calls(22, conversations: 2) }
        }
        team.add("tom@x.com")
        team.workdays("tom@x.com", weeksBack: 0...8) {
            $0.calls(6, conversations: 1)
            $0.emails(2)
        }
        let tom = try #require(team.diagnosis(of: "tom@x.com"))
        let catalog = CoachingCatalog(
            patterns: ["under-activity": .init(experiences: ["Two call blocks this week."])],
            beliefs: ["standard-unrealistic": ["contradicted": .init(experiences: ["Rebuild your best week."])]])
        let coached = Coach.coach(tom, catalog: catalog)
        // Then each suggestion says where it came from, and its measure is 13 calls a day (halfway from 6 to 20)
        #expect(coached.experiences == ["Rebuild your best week.", "Two call blocks this week."])
        #expect(coached.suggestedExperiments.map(\.belief) == ["standard-unrealistic", nil])
        #expect(coached.suggestedExperiments.map(\.pattern) == [.underActivity, .underActivity])
        let measure = try #require(coached.suggestedExperiments.first?.measure)
        #expect(measure.description == "outbound-calls per day >= 13")
    }
}
