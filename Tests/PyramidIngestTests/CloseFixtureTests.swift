import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Close exports carry API field names. The per-call CSV layout is unconfirmed (CRM_FORMATS.md §4 marks it
/// [?]); the calls fixture uses the Call activity's API fields, which the dialect reads, with `date_created` in
/// Close's `original` format (`YYYY-MM-DD hh:mm:ss.ssssss±hh:mm`, here with and without the `T`). The
/// opportunities file is the `lead_opps` shape. The workspace time zone is UTC.
struct CloseFixtureTests {
    @Test func calls() throws {
        // Given calls with every Close disposition
        let export = try readFixture("close/close-calls-2026-11-16.csv")
        // Then each disposition maps to the vocabulary and durations are seconds
        #expect(export.kinds == Array(repeating: .call, count: 9))
        #expect(
            export.outcomes == [
                .connected, .voicemail, .noAnswer, .busy, .connected, .wrongNumber, .voicemail, .noAnswer, .unknown,
            ])
        #expect(export.activities.map(\.durationSeconds) == [240, 35, 0, 0, 612, 0, 22, 3, 0])
        #expect(
            export.activities.map(\.direction) == [
                .outbound, .outbound, .outbound, .outbound, .inbound, .outbound, .outbound, .outbound, .outbound,
            ])

        let answered = export.activities[0]
        #expect(answered.key == "close:acti_01Kp7XnE4vQ2mB9sL0rT6yU1wZ")
        #expect(answered.owner == "Olivia Chen")
        #expect(answered.outcomeText == "answered")
        #expect(answered.occurredAt == 1_794_323_045)  // 2026-11-10T15:04:05.123000+00:00
        #expect(
            (answered.subject, answered.contact, answered.company) == (
                "Good chat, wants pricing", "Wile Coyote", "Acme Rockets"
            ))
        #expect(export.activities[2].occurredAt == 1_794_326_530)  // 16:02:10.500000Z: the fraction is dropped
        // 2026-11-12 09:30:00.000000-05:00 is 14:30Z; the stated offset is kept.
        #expect(export.activities[4].occurredAt == 1_794_493_800)
        #expect(export.activities[4].utcOffsetMinutes == -300)
    }

    @Test func opportunities() throws {
        // Given lead_opps rows whose value is in cents, as Close's API writes it ($12,000 is 1200000)
        let export = try readFixture("close/close-opportunities-2026-11-16.csv")
        // Then amounts are read as cents, the status type gives the status and date_won the close date
        let deals = export.deals
        #expect(deals.map(\.status) == [.won, .lost, .open, .won, .open])
        #expect(deals.map(\.amountCents) == [1_200_000, 450_000, 850_050, 99_900, nil])
        #expect(deals.map(\.currency) == ["USD", "USD", "USD", "USD", "USD"])
        #expect(deals.map(\.stage) == ["Won", "Lost - no budget", "Demo Scheduled", "Won", "Demo Scheduled"])
        #expect(
            deals.map(\.closeDate) == [
                try day("2026-11-10"), try day("2026-11-07"), try day("2026-12-15"), try day("2026-11-12"), nil,
            ])
        #expect(
            deals.map(\.createdDate) == [
                try day("2026-09-03"), try day("2026-10-01"), try day("2026-11-12"), try day("2026-11-02"),
                try day("2026-11-13"),
            ])
        #expect(deals[0].key == "close:oppo_1Fk8PzR3xW6nT0qL2vB9yH5mC4")
        #expect((deals[0].owner, deals[0].name) == ("Olivia Chen", "Acme Rockets"))
    }
}
