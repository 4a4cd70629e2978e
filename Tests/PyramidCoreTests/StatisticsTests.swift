import PyramidCore
import Testing

struct StatisticsTests {
    @Test func wilsonIntervalMatchesTheTextbook() {
        // 4 successes in 128: Wilson 95% interval ≈ [0.0122, 0.0776].
        let rate = Rate(hits: 4, attempts: 128)
        #expect(abs(rate.low - 0.0122) < 0.0005)
        #expect(abs(rate.high - 0.0776) < 0.0005)
        #expect(rate.phrase == "4 of 128 (3.1%, likely 1–8%)")
    }

    @Test func threeEventsAreNeverAVerdict() {
        let small = Rate(hits: 2, attempts: 3)
        let large = Rate(hits: 10, attempts: 200)
        #expect(small.compared(to: large, minimumSample: 20) == .tooFewToTell)
        #expect(Rate(hits: 60, attempts: 200).compared(to: large, minimumSample: 20) == .higher)
        #expect(Rate(hits: 12, attempts: 200).compared(to: large, minimumSample: 20) == .indistinguishable)
    }

    @Test func coachFillsPlaceholdersAndNeverRepeats() throws {
        var team = PatternTests().team()
        team.add("ben@x.com")
        team.workdays("ben@x.com", weeksBack: 0...8) {
            $0.calls(6, conversations: 1)
            $0.linkedin(25)
        }
        team.contacts("ben@x.com", weeksBack: 0...8, calls: 6, conversations: 1, linkedin: 25)
        let diagnosis = try #require(team.diagnosis(of: "ben@x.com"))
        let repeated = CoachingCatalog.Wording(prompts: ["Same {first_name}?", "Same {first_name}?", "Gone {nope}"])
        let catalog = CoachingCatalog(
            patterns: ["channel-substitution": repeated],
            beliefs: ["social-beats-calls": ["contradicted": .init(prompts: ["LinkedIn {channel_rate}?"])]])
        let coached = Coach.coach(diagnosis, catalog: catalog)
        #expect(coached.prompts == ["LinkedIn 0%?", "Same Ben?"])
    }
}
