import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// The documented generic formats (docs/generic-format.md), read from `Fixtures/generic/` in a UTC workspace.
struct GenericFixtureTests {
    @Test func activities() throws {
        // Given the generic activities file, with one unreadable date
        let export = try readFixture("generic/activities.csv")
        // Then canonical values pass through and the bad row is quarantined with its line, column and value
        #expect(export.kinds == [.call, .call, .linkedin, .email, .call, .meeting, .call])
        #expect(export.outcomes == [.connected, .noAnswer, .sent, .sent, .voicemail, .held, .busy])
        let first = export.activities[0]
        #expect(first.key == "generic:a1")
        #expect(first.occurredAt == 1_794_212_100)  // 2026-11-09T09:15:00+01:00 = 08:15Z
        #expect(first.utcOffsetMinutes == 60)
        #expect(first.durationSeconds == 185)
        #expect(export.activities[2].occurredAt == 1_794_218_400)  // "2026-11-09 10:00", no zone: UTC
        #expect(export.activities[3].subject == "Re: \"pricing\" question")
        #expect(export.activities[3].contact == "Stone, Tom")
        #expect(export.activities[5].subject == "Demo\n(second part)")
        #expect(
            export.problems.map(\.reason) == [
                "line 9: 'tomorrow' in 'timestamp' is not a date such as 2026-11-16, 11/16/2026 or 11/16/2026 2:30 PM"
            ])
    }

    @Test func dealsRosterAndTimeOff() throws {
        // Given the generic deals, roster and time-off files
        let deals = try readFixture("generic/deals.csv")
        let roster = try readFixture("generic/roster.csv")
        let timeOff = try readFixture("generic/time-off.csv")
        // Then each reads into its record type
        #expect(deals.deals.map(\.amountCents) == [1_250_000, 400_000])
        #expect(deals.deals.map(\.status) == [.won, .open])
        #expect(deals.deals[0].closeDate == (try day("2026-11-05")))
        #expect(
            deals.problems.map(\.reason) == [
                "line 4: 'N/A' in 'amount' is not an amount such as 12500, 12,500.00 or 12.500,00 €"
            ])
        #expect(roster.sellers.map(\.name) == ["Ben Carter", "Ana Lima", "José Díaz", "Kim Park"])
        #expect(roster.sellers.map(\.active) == [true, true, true, false])
        #expect(roster.sellers[0].crmID == "0051x000001AbCdAAA")
        #expect(roster.sellers[3].endDate == (try day("2026-10-30")))
        #expect(
            timeOff.timeOff == [
                TimeOff(email: "jose@example.com", start: try day("2026-11-09"), end: try day("2026-11-13")),
                TimeOff(email: "ben@example.com", start: try day("2026-11-20"), end: try day("2026-11-20")),
            ])
    }
}
