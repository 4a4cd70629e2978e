import PyramidCore
import Testing

/// The manager's mirror on a hand-built log with known answers: five sellers over six weeks (2026-W40 to W45).
/// Ann drifts all six weeks and nobody talks to her; Bob drifts two weeks, gets a one-to-one with an experiment
/// on his belief that works, is followed up and is back on standard; Cat drifts two weeks, gets a one-to-one the
/// week after with an experiment naming no belief that ends in the report week, not done; Dan dips one week; Eve
/// is on standard throughout.
struct MirrorTests {
    func week(_ n: Int) -> ISOWeek { ISOWeek("2026-W\(n)") ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 0)) }

    func mirror(entries: [CoachingEntry]? = nil) throws -> ManagerMirror {
        let weeks = (40...45).map { n in
            MirrorWeek(week: week(n), sellers: ["ann", "bob", "cat", "dan", "eve"].map { seller($0, week: n) })
        }
        let log =
            entries ?? [
                CoachingEntry(
                    id: 1, email: "bob@x.com", week: week(41),
                    experiment: Experiment(name: "Phone-first", belief: "social-beats-calls", lastWeek: week(43))),
                CoachingEntry(id: 2, email: "bob@x.com", week: week(44), agreements: ["Keep the blocks"]),
                CoachingEntry(
                    id: 3, email: "cat@x.com", week: week(44),
                    experiment: Experiment(name: "Two blocks", lastWeek: week(45))),
            ]
        return try #require(MirrorRules.mirror(manager: "dana@x.com", weeks: weeks, entries: log))
    }

    /// A seller's week of the story above.
    func seller(_ name: String, week n: Int) -> MirrorSeller {
        let drifts: [String: ClosedRange<Int>] = ["ann": 40...45, "bob": 40...41, "cat": 42...43, "dan": 43...43]
        let drifting = drifts[name]?.contains(n) ?? false
        var experiments: [Int64: ExperimentVerdict] = [:]
        if name == "bob", n == 43 { experiments[1] = .doneAndWorking }
        if name == "cat", n == 45 { experiments[3] = .notDone }
        return MirrorSeller(
            seller: SellerRef(Seller(email: "\(name)@x.com", name: name.capitalized, team: "East")),
            pattern: drifting ? (name == "ann" ? .underActivity : .fading) : .onStandard, drifting: drifting,
            experiments: experiments)
    }

    func figure(_ id: String, _ m: ManagerMirror) throws -> MirrorFigure {
        try #require(m.figures.first { $0.id == id })
    }

    @Test func driftingSellersWithoutAOneToOneAreNamedWithHowLong() throws {
        let f = try figure("drifting-without-one-to-one", mirror())
        #expect(f.side == .managing)
        #expect((f.count, f.sample) == (1, 3))
        #expect(f.details == ["Ann: under-activity, 6 weeks from 2026-W40 (or earlier), still"])
        #expect(
            f.text
                == "1 of the 3 sellers in a drift pattern for two weeks or more in a row had no one-to-one recorded during it."
        )
    }

    @Test func oneToOnesOnBeliefsAndThoseThatSetNoExperiment() throws {
        let m = try mirror()
        #expect(m.oneToOnes == 3 && m.sellers == 5 && m.start == nil)
        let beliefs = try figure("one-to-ones-on-beliefs", m)
        #expect((beliefs.side, beliefs.count, beliefs.sample) == (.leading, 1, 3))
        #expect(beliefs.text.hasSuffix("(1 more set one without naming a belief)."))
        let none = try figure("one-to-ones-without-experiment", m)
        #expect((none.side, none.count, none.sample) == (.managing, 1, 3))
        #expect(none.details == ["2026-W44, Bob"])
        // Managing figures come first
        #expect(m.figures.prefix(2).allSatisfy { $0.side == .managing })
    }

    @Test func experimentsFollowedUpDoneAndWorking() throws {
        let m = try mirror()
        let followed = try figure("experiments-followed-up", m)
        #expect((followed.count, followed.sample) == (1, 1))
        #expect(followed.text.hasSuffix("(1 ended in 2026-W45 itself)."))
        let done = try figure("experiments-done", m)
        #expect((done.count, done.sample) == (1, 2))
        let working = try figure("experiments-working", m)
        #expect((working.count, working.sample) == (1, 2))
        #expect(working.details == ["Bob: Phone-first (done-and-working)"])
    }

    @Test func anExperimentNotFollowedUpIsNamed() throws {
        let m = try mirror(entries: [
            CoachingEntry(
                id: 1, email: "bob@x.com", week: week(41),
                experiment: Experiment(name: "Phone-first", belief: "social-beats-calls", lastWeek: week(43)))
        ])
        let followed = try figure("experiments-followed-up", m)
        #expect((followed.count, followed.sample) == (0, 1))
        #expect(followed.details == ["Not followed up: Bob: Phone-first (done-and-working)"])
    }

    @Test func patternsThatChangedAfterCoachingAndTheWaitForAFirstConversation() throws {
        let m = try mirror()
        // Bob was coached in a drift and is on standard in the report week; Cat was coached after hers ended.
        let changed = try figure("patterns-changed-after-coaching", m)
        #expect((changed.count, changed.sample) == (1, 1))
        #expect(changed.details == ["Bob: fading when coached, on-standard in 2026-W45"])
        // Bob waited 1 week, Cat 2, Ann is still waiting; Dan's one week is not a drift.
        let wait = try figure("weeks-to-first-conversation", m)
        #expect((wait.count, wait.sample) == (2, 3))
        #expect(wait.text.hasSuffix("a median of 1.5 weeks after their first week."))
        #expect(wait.details.contains("Ann: drift from 2026-W40 (or earlier), no one-to-one yet"))
    }

    @Test func withoutACoachingLogItSaysHowToStartOne() throws {
        let m = try mirror(entries: [])
        #expect(m.oneToOnes == 0)
        #expect(m.start?.contains("pyramid coach SELLER --accept 1") == true)
        let f = try figure("drifting-without-one-to-one", m)
        #expect((f.count, f.sample) == (3, 3))
        #expect(
            try figure("one-to-ones-on-beliefs", m).text
                == "No one-to-one recorded, so none set an experiment on the seller's own belief.")
        #expect(try figure("experiments-done", m).sample == 0)
    }
}
