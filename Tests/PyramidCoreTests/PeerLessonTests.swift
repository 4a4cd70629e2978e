import PyramidCore
import Testing

/// The team report's "what works" and "what worked, for whom" name who could learn it from whom: teammates who
/// hold the same belief without their own numbers backing it.
struct PeerLessonTests {
    @Test func aWayThatWorksNamesWhoCouldLearnIt() throws {
        // Given Priya, whose LinkedIn way works, and Ben, who believes the same and whose numbers contradict it
        var team = PatternTests().team()
        team.addPriya()
        team.add("ben@x.com")
        team.workdays("ben@x.com", weeksBack: 0...8) {
            $0.calls(6, conversations: 1)
            $0.linkedin(25)
        }
        team.contacts("ben@x.com", weeksBack: 0...8, calls: 6, conversations: 1, linkedin: 25)
        // When the team is diagnosed
        let spots = team.diagnose().brightSpots
        // Then Priya's way is listed with Ben as who could learn it; Ben's own beliefs do not make him a teacher
        #expect(spots.count == 1)
        #expect(spots.first?.hasPrefix("Priya: LinkedIn gets me further") == true)
        #expect(spots.first?.hasSuffix("Who could learn it from them: Ben.") == true)
    }

    @Test func anExperimentThatWorkedNamesWhoCouldUseIt() throws {
        // Given Ben's phone-first experiment that worked, and Lia, who believes LinkedIn beats the phone
        var team = try FollowThroughTests().team()
        FollowThroughTests().ben(
            &team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        team.add("lia@x.com")
        team.workdays("lia@x.com", weeksBack: 0...8) {
            $0.calls(5, conversations: 1)
            $0.linkedin(25)
        }
        team.contacts("lia@x.com", weeksBack: 0...8, calls: 5, conversations: 1, linkedin: 25)
        let worked = team.diagnose().coaching.worked
        #expect(worked.map(\.seller.email) == ["ben@x.com"])
        #expect(worked.first?.couldHelp.map(\.email) == ["lia@x.com"])
    }
}
