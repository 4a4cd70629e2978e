import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Zoho CRM module exports: `Call Owner`, `Call Start Time`, ids prefixed `zcrm_`, `Call Duration` as `MM:SS`
/// (or `HH:MM:SS`) beside `Call Duration (in seconds)`. The UI labels are inferred in CRM_FORMATS.md (§5, [I]);
/// the meetings' `Check-In State` and the tasks' columns follow what the dialect reads. Zoho writes times in the
/// user's zone; the workspace here is Asia/Kolkata, UTC+05:30 with no daylight saving.
struct ZohoFixtureTests {
    static let zone = "Asia/Kolkata"

    @Test func calls() throws {
        // Given outbound, inbound, missed and scheduled calls, some with only the MM:SS duration
        let export = try readFixture("zoho/Calls.csv", timeZone: Self.zone)
        // Then the seconds column wins, MM:SS and HH:MM:SS fill in, and Call Result maps to the vocabulary
        #expect(export.kinds == Array(repeating: .call, count: 7))
        #expect(
            export.outcomes == [.connected, .noAnswer, .connected, .unknown, .notInterested, .unknown, .wrongNumber])
        #expect(export.activities.map(\.durationSeconds) == [312, 45, 843, nil, 3723, nil, 8])
        #expect(
            export.activities.map(\.direction) == [
                .outbound, .outbound, .inbound, .inbound, .outbound, .outbound, .outbound,
            ])
        #expect(export.activities.map(\.done) == [true, true, true, true, true, false, true])

        let intro = export.activities[0]
        #expect(intro.key == "zoho:zcrm_4150868000000224005")
        #expect(intro.owner == "Arjun Mehta")
        #expect(intro.occurredAt == 1_794_288_600)  // 2026-11-10 11:00 IST = 05:30Z
        #expect(intro.utcOffsetMinutes == 330)
        #expect(intro.loggedAt == 1_794_288_960)  // Created Time 11:06 IST
        // Contact Name is the person, Related To the account, as in Zoho's tasks and meetings.
        #expect((intro.subject, intro.contact, intro.company) == ("Intro call", "Kavya Rao", "Sunrise Textiles"))
        #expect(export.activities[2].occurredAt == 1_794_391_200)  // 2026-11-11 15:30 IST
        #expect(export.activities[4].occurredAt == 1_794_457_800)  // 2026-11-12 10:00 IST
        #expect(export.activities[5].occurredAt == 1_794_994_200)  // 2026-11-18 15:00 IST, still scheduled
    }

    @Test func meetings() throws {
        // Given meetings checked in, planned, and with no check-in
        let export = try readFixture("zoho/Meetings.csv", timeZone: Self.zone)
        // Then Checked In is held and Planned is scheduled
        #expect(export.kinds == Array(repeating: .meeting, count: 5))
        #expect(export.outcomes == [.held, .scheduled, .unknown, .held, .scheduled])
        let walkthrough = export.activities[0]
        #expect(walkthrough.key == "zoho:zcrm_4150868000000231001")
        #expect(walkthrough.owner == "Arjun Mehta")
        #expect(walkthrough.occurredAt == 1_794_389_400)  // From 2026-11-11 15:00 IST
        #expect((walkthrough.contact, walkthrough.company) == ("Kavya Rao", "Sunrise Textiles"))
        #expect(export.activities[1].occurredAt == 1_795_062_600)  // 2026-11-19 10:00 IST
    }

    @Test func tasks() throws {
        // Given tasks with no type column: LinkedIn and email touches are named in the subject
        let export = try readFixture("zoho/Tasks.csv", timeZone: Self.zone)
        // Then the subject prefix gives the kind and open statuses are not done
        #expect(export.kinds == [.linkedin, .email, .call, .other, .linkedin])
        #expect(export.activities.map(\.done) == [true, true, false, false, true])
        // Tasks record no reply: the touches' outcomes are unknown, never "no reply".
        #expect(export.outcomes == [.unknown, .unknown, .unknown, .unknown, .unknown])
        let connect = export.activities[0]
        #expect(connect.key == "zoho:zcrm_4150868000000240001")
        #expect(connect.owner == "Arjun Mehta")
        #expect(connect.occurredAt == 1_794_293_100)  // Closed Time 2026-11-10 12:15 IST
        // Not Started: Due Date 2026-11-18 at noon IST.
        #expect(export.activities[2].occurredAt == 1_794_983_400)
        #expect((export.activities[2].contact, export.activities[2].company) == ("Vikram Shah", "Horizon Pharma"))
    }

    @Test func deals() throws {
        // Given deals in INR, one written with Indian digit grouping (1,20,000.00)
        let export = try readFixture("zoho/Deals.csv", timeZone: Self.zone)
        // Then the status follows the stage and the amounts are cents
        let deals = export.deals
        #expect(deals.map(\.status) == [.won, .lost, .open, .won, .open])
        #expect(deals.map(\.amountCents) == [25_000_000, 8_000_000, 12_000_000, 4_500_000, nil])
        #expect(deals.map(\.currency) == ["INR", "INR", "INR", "INR", "INR"])
        #expect(
            deals.map(\.closeDate) == [
                try day("2026-11-10"), try day("2026-11-07"), try day("2026-12-15"), try day("2026-11-12"),
                try day("2027-01-31"),
            ])
        #expect(
            deals.map(\.createdDate) == [
                try day("2026-08-20"), try day("2026-09-15"), try day("2026-10-28"), try day("2026-10-30"),
                try day("2026-11-13"),
            ])
        #expect(deals[0].key == "zoho:zcrm_4150868000000250001")
        #expect((deals[0].owner, deals[0].stage) == ("Arjun Mehta", "Closed Won"))
    }
}
