import PyramidCore
import Testing

@testable import PyramidDemo

/// The demo's coached seller: Ben's one-to-one three weeks before the report week, and the experiment his
/// generated data carries out, without changing anyone else's.
struct SampleCoachingTests {
    static let week = ISOWeek("2026-W46") ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 20_400))

    func activities(_ personas: [Persona]) -> [(id: Int, seller: Int, day: LocalDate, kind: ActivityKind, line: String)]
    {
        var simulator = Simulator(personas: personas, reportWeek: Self.week, weeks: 8, seed: 42)
        var all: [(Int, Int, LocalDate, ActivityKind, String)] = []
        simulator.run { a in
            all.append(
                (a.id, a.seller, a.day, a.kind, "\(a.id) \(a.day) \(a.secondsOfDay) \(a.outcome) \(a.durationSeconds)"))
        }
        return all
    }

    @Test func benIsCoachedThreeWeeksBeforeTheReportWeek() throws {
        let entries = SampleCoaching.entries(personas: Persona.sampleTeam(week: Self.week), week: Self.week)
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.email == "ben.carter@example.com")
        #expect(entry.manager == "dana.reyes@example.com")
        #expect(entry.week.description == "2026-W43")
        #expect(entry.experiment?.lastWeek.description == "2026-W45")
        #expect(entry.experiment?.measure?.description == "outbound-calls per day >= 15 on tue/thu")
    }

    @Test func theExperimentAddsBensCallBlocksAndChangesNobodyElse() {
        // Given the sample team with and without Ben's experiment
        let coached = Persona.sampleTeam(week: Self.week)
        var uncoached = coached
        uncoached[0].experiment = nil
        let with = activities(coached)
        let without = activities(uncoached)
        // Then everyone did exactly what they did without it, Ben included, in the same order
        let usual = Set(without.map(\.id))
        #expect(with.filter { usual.contains($0.id) }.map(\.line) == without.map(\.line))
        // And Ben's extra calls fall on Tuesdays and Thursdays of 2026-W44 and 2026-W45
        let extra = with.filter { !usual.contains($0.id) }
        let calls = extra.filter { $0.kind == .call }
        #expect(extra.allSatisfy { $0.seller == 0 })
        #expect(calls.count > 40)
        #expect(
            calls.allSatisfy {
                [2, 4].contains($0.day.isoWeekday)
                    && ["2026-W44", "2026-W45"].contains(ISOWeek(containing: $0.day).description)
            })
        #expect(extra.filter { $0.kind == .meeting }.allSatisfy { $0.day >= Self.week.adding(weeks: -2).monday })
    }
}
