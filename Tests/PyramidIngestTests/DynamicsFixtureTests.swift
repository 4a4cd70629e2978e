import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Dynamics 365 "Export to Excel" views saved as CSV: the three hidden `(Do Not Modify)` columns first (the record
/// GUID, a row checksum, the modified time), then the view's display names; durations in minutes, owners as full
/// names, US-locale dates. The columns after the first three are inferred (CRM_FORMATS.md §6, [I]) and follow
/// what the dialects read. The workspace is in America/Chicago, UTC−6 in mid-November 2026.
struct DynamicsFixtureTests {
    static let zone = "America/Chicago"

    @Test func phoneCalls() throws {
        // Given made, voicemail, received, open and canceled phone calls
        let export = try readFixture("dynamics/My Phone Calls 11-16-2026 9-15-42 AM.csv", timeZone: Self.zone)
        // Then Duration is minutes, Left Voice Mail = Yes is a voicemail, and open or canceled calls are not done
        #expect(export.dateOrder == .monthFirst)
        #expect(export.kinds == Array(repeating: .call, count: 5))
        #expect(export.outcomes == [.unknown, .voicemail, .unknown, .unknown, .unknown])
        #expect(export.activities.map(\.durationSeconds) == [720, 60, 1500, nil, nil])
        #expect(export.activities.map(\.done) == [true, true, true, false, false])
        #expect(export.activities.map(\.direction) == [.outbound, .outbound, .inbound, .outbound, .outbound])

        let discovery = export.activities[0]
        #expect(discovery.key == "dynamics:3f2c9a1e-5b7d-4e21-9c3a-1d2e3f405061")
        #expect(discovery.owner == "Daniel Ruiz")
        #expect(discovery.occurredAt == 1_794_345_120)  // Actual End 11/10/2026 3:12 PM CST = 21:12Z
        #expect(discovery.utcOffsetMinutes == -360)
        #expect(discovery.loggedAt == 1_794_344_100)  // Created On 2:55 PM CST
        #expect((discovery.contact, discovery.company) == ("Rachel Green", "Litware Inc."))
        #expect(export.activities[2].occurredAt == 1_794_503_400)  // 11/12/2026 11:10 AM CST
        // No Actual End yet: the Due time places the open and the canceled call.
        #expect(export.activities[3].occurredAt == 1_795_014_000)  // 11/18/2026 9:00 AM CST
        #expect(export.activities[4].occurredAt == 1_794_585_600)  // 11/13/2026 10:00 AM CST
    }

    @Test func emails() throws {
        // Given sent, received, failed, draft and pending emails
        let export = try readFixture("dynamics/My Emails 11-16-2026 9-16-05 AM.csv", timeZone: Self.zone)
        // Then Received is a reply, Failed a bounce, and a draft or an email pending send is not done
        #expect(export.kinds == Array(repeating: .email, count: 5))
        #expect(export.outcomes == [.sent, .replied, .bounced, .unknown, .unknown])
        #expect(export.activities.map(\.direction) == [.outbound, .inbound, .outbound, .outbound, .outbound])
        #expect(export.activities.map(\.done) == [true, true, true, false, false])
        let proposal = export.activities[0]
        #expect(proposal.key == "dynamics:8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c41")
        #expect(proposal.occurredAt == 1_794_326_700)  // Date Sent 11/10/2026 10:05 AM CST
        #expect((proposal.contact, proposal.company) == ("Rachel Green", "Litware Inc."))
        #expect(export.activities[1].occurredAt == 1_794_406_920)  // 11/11/2026 8:22 AM CST
        // A draft has no Date Sent: Created On 11/13/2026 4:40 PM CST places it.
        #expect(export.activities[3].occurredAt == 1_794_609_600)
        #expect(export.activities[4].occurredAt == 1_794_611_100)  // Created On 11/13/2026 5:05 PM CST
    }

    @Test func appointments() throws {
        // Given completed, scheduled (Busy), canceled and open (Free) appointments
        let export = try readFixture("dynamics/My Appointments 11-16-2026 9-16-30 AM.csv", timeZone: Self.zone)
        // Then completed is held, scheduled is scheduled, and canceled is not counted as booked
        #expect(export.kinds == Array(repeating: .meeting, count: 5))
        #expect(export.outcomes == [.held, .scheduled, .unknown, .held, .scheduled])
        #expect(export.activities.map(\.done) == [true, false, false, true, false])
        #expect(export.activities.map(\.durationSeconds) == [3600, 5400, 1800, 2700, 1800])
        let demo = export.activities[0]
        #expect(demo.key == "dynamics:c7d8e9f0-1a2b-4c3d-8e4f-5a6b7c8d9e01")
        #expect(demo.occurredAt == 1_794_423_600)  // Start Time 11/11/2026 1:00 PM CST
        #expect((demo.owner, demo.contact, demo.company) == ("Daniel Ruiz", "Rachel Green", "Litware Inc."))
        #expect(export.activities[1].occurredAt == 1_795_104_000)  // 11/19/2026 10:00 AM CST
        #expect(export.activities[2].occurredAt == 1_794_600_000)  // 11/13/2026 2:00 PM CST
    }

    @Test func opportunities() throws {
        // Given won, lost and open opportunities; Currency is the currency's name, as the lookup shows it
        let export = try readFixture("dynamics/All Opportunities 11-16-2026 9-17-10 AM.csv", timeZone: Self.zone)
        // Then Actual Revenue wins over Est. Revenue, and the currency name becomes its ISO code
        let deals = export.deals
        #expect(deals.map(\.status) == [.won, .lost, .open, .open, .won])
        #expect(deals.map(\.amountCents) == [4_250_000, 1_200_000, 1_850_000, 800_000, 320_000])
        #expect(deals.map(\.currency) == ["USD", "USD", "EUR", "USD", "GBP"])
        #expect(
            deals.map(\.closeDate) == [
                try day("2026-11-10"), try day("2026-11-05"), try day("2026-12-20"), try day("2027-01-29"),
                try day("2026-11-13"),
            ])
        #expect(
            deals.map(\.createdDate) == [
                try day("2026-09-15"), try day("2026-10-02"), try day("2026-10-27"), try day("2026-11-13"),
                try day("2026-10-20"),
            ])
        #expect(deals[0].key == "dynamics:e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51")
        #expect(
            (deals[0].owner, deals[0].name, deals[0].stage) == ("Daniel Ruiz", "Litware - CRM migration", "4-Close"))
    }
}
