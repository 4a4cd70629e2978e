import PyramidCore
import Testing

/// The team report's "what works" and "what worked, for whom" name who could learn it from whom: teammates who
/// hold the same belief without their own numbers backing it; and the learner's agenda proposes the lesson by
/// name, with the teammate's numbers.
struct PeerLessonTests {
    /// Wording of the shape of the built-in one.
    static let catalog = CoachingCatalog(peers: [
        "social-beats-calls": [
            "their-way-works": .init(
                prompts: ["{peer_first_name}'s LinkedIn way works: {peer_evidence} What does {peer_first_name} do?"],
                experiences: ["A 20-minute session with {peer_first_name} this week."])
        ],
        "default": [
            "experiment-worked": .init(
                prompts: [
                    "{peer_first_name} tested it: {peer_per_day_during} {peer_outcome} a day against "
                        + "{peer_per_day_before}."
                ],
                experiences: ["Listen to two of {peer_first_name}'s calls; then try {peer_measure} yourself."])
        ],
    ])

    /// Priya, whose LinkedIn way works, and Ben, who believes the same and whose numbers contradict it.
    func priyaAndBen() -> TeamBuilder {
        var team = PatternTests().team()
        team.addPriya()
        team.add("ben@x.com")
        team.workdays("ben@x.com", weeksBack: 0...8) {
            $0.calls(6, conversations: 1)
            $0.linkedin(25)
        }
        team.contacts("ben@x.com", weeksBack: 0...8, calls: 6, conversations: 1, linkedin: 25)
        return team
    }

    /// Ben's phone-first experiment that worked, and Lia, who believes LinkedIn beats the phone.
    func benAndLia() throws -> TeamBuilder {
        var team = try FollowThroughTests().team()
        FollowThroughTests().ben(
            &team, usual: { $0.calls(6, conversations: 1) }, experimentDay: { $0.calls(20, conversations: 5) })
        team.add("lia@x.com")
        team.workdays("lia@x.com", weeksBack: 0...8) {
            $0.calls(5, conversations: 1)
            $0.linkedin(25)
        }
        team.contacts("lia@x.com", weeksBack: 0...8, calls: 5, conversations: 1, linkedin: 25)
        return team
    }

    @Test func theLearnersAgendaProposesTheTeammateByNameWithTheirNumbers() throws {
        let team = priyaAndBen()
        let ben = try #require(team.diagnosis(of: "ben@x.com"))
        let lesson = try #require(ben.peerLessons.first)
        #expect(ben.peerLessons.count == 1)
        #expect(lesson.teacher.email == "priya@x.com")
        #expect(lesson.kind == .theirWayWorks)
        #expect(lesson.belief == "social-beats-calls")
        // Her numbers, told about her (Ben did not reach those people)
        let evidence = try #require(lesson.evidence.first)
        #expect(evidence.hasPrefix("Of the "))
        #expect(evidence.contains(" people Priya reached on LinkedIn, "))
        #expect(evidence.contains(" people Priya called, ") && evidence.hasSuffix(" did."))
        let coached = Coach.coach(ben, catalog: Self.catalog)
        #expect(coached.prompts.first == "Priya's LinkedIn way works: \(evidence) What does Priya do?")
        #expect(coached.experiences.first == "A 20-minute session with Priya this week.")
        #expect(coached.suggestedExperiments.first?.belief == "social-beats-calls")
        // The teacher has nothing to learn from herself, and a seller holding no such belief gets no lesson
        #expect(team.diagnosis(of: "priya@x.com")?.peerLessons.isEmpty == true)
        #expect(team.diagnose().sellers.filter { $0.seller.email != "ben@x.com" }.allSatisfy { $0.peerLessons.isEmpty })
    }

    @Test func aSellerWhoseOwnNumbersBackTheBeliefHasNoLesson() throws {
        // Given two sellers whose LinkedIn way works
        var team = PatternTests().team()
        team.addPriya()
        team.add("ana@x.com")
        team.workdays("ana@x.com", weeksBack: 0...8) {
            $0.calls(5, conversations: 0)
            $0.linkedin(20, replies: 4)
            $0.meetings(held: 1)
        }
        team.contacts("ana@x.com", weeksBack: 0...8, calls: 5, linkedin: 20, meetings: 1)
        team.won("ana@x.com", 90_000)
        let sellers = team.diagnose().sellers
        #expect(sellers.filter(\.differentWayWorks).count == 2)
        // Then neither is proposed to learn what they already do
        #expect(sellers.allSatisfy { $0.peerLessons.isEmpty })
    }

    @Test func aSellerDiagnosedAloneGetsTheWholeTeamsLessons() throws {
        let team = priyaAndBen()
        let whole = try #require(team.diagnosis(of: "ben@x.com"))
        let alone = PyramidModel.diagnose(team.snapshot(), config: team.config, only: ["ben@x.com"])
        #expect(alone.sellers == [whole])
        #expect(!whole.peerLessons.isEmpty)
        // A first diagnosis without journeys names Priya as the teammate whose journeys Ben's agenda needs
        var bare = team.snapshot()
        bare.journeys = [:]
        let first = PyramidModel.diagnose(bare, config: team.config)
        #expect(PyramidModel.teachersNeeded(first, for: ["ben@x.com"]) == ["priya@x.com"])
        #expect(PyramidModel.teachersNeeded(first, for: ["priya@x.com"]).isEmpty)
    }

    @Test func anExperimentThatWorkedIsProposedToWhoHoldsItsBelief() throws {
        let team = try benAndLia()
        let lia = try #require(team.diagnosis(of: "lia@x.com"))
        let lesson = try #require(lia.peerLessons.first)
        #expect(lesson.teacher.email == "ben@x.com")
        #expect(lesson.kind == .experimentWorked)
        #expect(lesson.evidence.first?.hasPrefix("“Phone-first on Tue/Thu”: done in 2 of the 2 weeks worked; ") == true)
        let coached = Coach.coach(lia, catalog: Self.catalog)
        let during = try #require(lesson.facts["peer_per_day_during"])
        let before = try #require(lesson.facts["peer_per_day_before"])
        #expect(coached.prompts.first == "Ben tested it: \(during) conversations a day against \(before).")
        #expect(
            coached.experiences.first
                == "Listen to two of Ben's calls; then try 12 outbound calls a day on Tuesday and Thursday yourself.")
    }

    @Test func aWayThatWorksNamesWhoCouldLearnIt() throws {
        // Given Priya, whose LinkedIn way works, and Ben, who believes the same and whose numbers contradict it
        let team = priyaAndBen()
        // When the team is diagnosed
        let spots = team.diagnose().brightSpots
        // Then Priya's way is listed with Ben as who could learn it; Ben's own beliefs do not make him a teacher
        #expect(spots.count == 1)
        #expect(spots.first?.hasPrefix("Priya: LinkedIn gets me further") == true)
        #expect(spots.first?.hasSuffix("Who could learn it from them: Ben.") == true)
    }

    @Test func anExperimentThatWorkedNamesWhoCouldUseIt() throws {
        // Given Ben's phone-first experiment that worked, and Lia
        let team = try benAndLia()
        let worked = team.diagnose().coaching.worked
        #expect(worked.map(\.seller.email) == ["ben@x.com"])
        #expect(worked.first?.couldHelp.map(\.email) == ["lia@x.com"])
    }
}
