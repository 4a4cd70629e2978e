import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Pipedrive list-view exports: `<Object> - <Field>` headers, owners as user names, `Done`/`To do`, due date and
/// due time apart, durations `HH:MM`, and LinkedIn as a custom activity type the team added. The workspace is in
/// Europe/Berlin, UTC+1 in November.
struct PipedriveFixtureTests {
    static let zone = "Europe/Berlin"

    @Test func activities() throws {
        // Given calls, a custom "LinkedIn" type done and to do, a meeting, an email, a deadline and a lunch
        let export = try readFixture("pipedrive/activities-2026-11-16.csv", timeZone: Self.zone)
        // Then types map to kinds, To do is not done, and HH:MM durations are hours and minutes
        #expect(export.kinds == [.call, .linkedin, .linkedin, .meeting, .email, .other, .meeting, .call])
        #expect(export.outcomes == [.unknown, .unknown, .unknown, .held, .unknown, .unknown, .held, .unknown])
        #expect(export.activities.map(\.done) == [true, true, false, true, true, false, true, true])
        #expect(export.activities.map(\.durationSeconds) == [900, nil, nil, 5400, nil, nil, 3600, 300])

        let call = export.activities[0]
        #expect(call.key == "pipedrive:1201")
        #expect(call.owner == "Lukas Novak")
        #expect(call.direction == .outbound)
        // Marked as done time 2026-11-10 09:47:12 CET = 08:47:12Z (the due time 09:30 is the plan).
        #expect(call.occurredAt == 1_794_300_432)
        #expect(call.utcOffsetMinutes == 60)
        #expect(call.loggedAt == 1_794_240_153)  // Creation date 2026-11-09 17:02:33 CET
        #expect((call.subject, call.contact, call.company) == ("Discovery call", "Pepper Potts", "Stark Industries"))

        #expect(export.activities[1].occurredAt == 1_794_305_100)  // 2026-11-10 11:05 CET
        // To do: due date 2026-11-12 and due time 10:00 CET.
        #expect(export.activities[2].occurredAt == 1_794_474_000)
        #expect(export.activities[3].occurredAt == 1_794_407_700)  // 2026-11-11 15:35 CET
        // A deadline with no time: noon CET on 2026-11-20.
        #expect(export.activities[5].occurredAt == 1_795_172_400)
    }

    @Test func deals() throws {
        // Given won, lost and open deals with their own currencies
        let export = try readFixture("pipedrive/deals-2026-11-16.csv", timeZone: Self.zone)
        // Then the status is Pipedrive's, and the close date is the won or lost time, else the expected date
        let deals = export.deals
        #expect(deals.map(\.status) == [.won, .lost, .open, .open, .lost])
        #expect(deals.map(\.amountCents) == [1_500_000, 420_050, 800_000, 250_000, nil])
        #expect(deals.map(\.currency) == ["EUR", "USD", "EUR", "EUR", "USD"])
        #expect(
            deals.map(\.closeDate) == [
                try day("2026-11-10"), try day("2026-11-06"), try day("2026-12-18"), try day("2027-01-15"),
                try day("2026-11-12"),
            ])
        #expect(
            deals.map(\.createdDate) == [
                try day("2026-09-14"), try day("2026-10-01"), try day("2026-11-02"), try day("2026-11-05"),
                try day("2026-10-20"),
            ])
        #expect(deals[0].key == "pipedrive:301")
        #expect(deals[0].owner == "Lukas Novak")
        #expect(deals[0].name == "Stark Industries deal")
        #expect(deals[0].stage == "Negotiations Started")
    }
}

/// A Pipedrive activities export whose dialer wrote each call's outcome into the subject (or the seller into the
/// note), in five languages, newest first: Pipedrive has no outcome field.
struct PipedriveDialerSubjectTests {
    @Test func callOutcomesAreReadFromSubjectsAndNotes() throws {
        let export = try readFixture("pipedrive/activities-dialer-2026-11-16.csv", timeZone: "Europe/Berlin")
        #expect(export.problems == [])
        #expect(
            export.outcomes == [
                .connected, .noAnswer, .voicemail, .noAnswer, .voicemail, .noAnswer, .wrongNumber, .unknown, .unknown,
            ])
        // Read from words, said so; the two calls whose words say nothing stay unknown, as the export has them.
        #expect(export.activities.map(\.outcomeSource) == Array(repeating: .words, count: 7) + [.export, .export])
        // The German call's subject ("Anruf") says nothing: its note does ("AB besprochen").
        #expect(export.activities[2].subject == "Anruf")
        // The discovery call keeps its 15 minutes: it is answered by its duration when tallied, not here.
        #expect(export.activities[7].durationSeconds == 900)
    }

    @Test func withoutWordsTheOutcomesStayUnknown() throws {
        var options = try options(timeZone: "Europe/Berlin")
        options.outcomeWords = nil
        let export = try readExport(fixtureURL("pipedrive/activities-dialer-2026-11-16.csv"), options: options)
        #expect(export.outcomes == Array(repeating: .unknown, count: 9))
        #expect(export.activities.allSatisfy { $0.outcomeSource == .export })
    }
}
