import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// HubSpot UI exports (`hubspot-crm-exports-<view>-YYYY-MM-DD.csv`): property labels, `Record ID` first, owners
/// as full names, times `YYYY-MM-DD HH:MM` in the portal's time zone. The portal and the workspace here are in
/// America/New_York, which is UTC−5 in mid-November 2026 (DST ended on November 1).
///
/// Unconfirmed by CRM_FORMATS.md and written as the dialect accepts them: the call duration format (bare
/// milliseconds, and `HH:MM:SS` on one row), the email and task column labels and their enumeration values
/// (written as HubSpot's internal values, e.g. `INCOMING_EMAIL`, `LINKED_IN_CONNECT`), and the users export.
struct HubSpotFixtureTests {
    static let zone = "America/New_York"

    @Test func calls() throws {
        // Given a calls export with label outcomes, one default-outcome GUID and a custom "Gatekeeper"
        let calls = try readFixture("hubspot/hubspot-crm-exports-calls-2026-11-16.csv", timeZone: Self.zone)
        // Then outcomes map to the vocabulary and bare durations are milliseconds
        #expect(calls.kinds == Array(repeating: .call, count: 9))
        #expect(
            calls.outcomes == [
                .connected, .voicemail, .noAnswer, .busy, .connected, .wrongNumber, .gatekeeper, .voicemail,
                .unknown,
            ])
        #expect(calls.activities.map(\.durationSeconds) == [184, 32, 0, 12, 421, 15, 48, 27, nil])

        let first = calls.activities[0]
        #expect(first.key == "hubspot:51234567801")
        #expect(first.owner == "Ava Thompson")
        #expect(first.direction == .outbound)
        #expect(first.occurredAt == 1_794_320_100)  // 2026-11-10 09:15 EST = 14:15Z
        #expect(first.utcOffsetMinutes == -300)
        #expect(first.loggedAt == 1_794_320_400)  // Create Date 09:20 EST
        #expect(
            (first.subject, first.contact, first.company) == (
                "Discovery call with Globex", "Hank Scorpio", "Globex Corporation"
            ))

        #expect(calls.activities[3].occurredAt == 1_794_323_520)  // 10:12 EST, duration "00:00:12"
        let inbound = calls.activities[4]
        #expect(inbound.direction == .inbound)
        #expect(inbound.outcomeText == "f240bbac-87c9-4f6e-bf70-924b57d47db7")
        #expect(inbound.occurredAt == 1_794_423_780)  // 2026-11-11 14:03 EST
        // Call status Canceled: kept, not counted.
        let canceled = calls.activities[8]
        #expect(!canceled.done)
        #expect(canceled.occurredAt == 1_794_690_300)  // 2026-11-14 16:05 EST
    }

    @Test func emails() throws {
        // Given sent, incoming, bounced and forwarded emails
        let emails = try readFixture("hubspot/hubspot-crm-exports-emails-2026-11-16.csv", timeZone: Self.zone)
        // Then an incoming email is the buyer's reply and a bounce is a bounce
        #expect(emails.kinds == Array(repeating: .email, count: 5))
        #expect(emails.activities.map(\.direction) == [.outbound, .inbound, .outbound, .outbound, .outbound])
        #expect(emails.outcomes == [.sent, .replied, .bounced, .sent, .sent])
        #expect(emails.activities[0].key == "hubspot:61234567801")
        #expect(emails.activities[0].occurredAt == 1_794_322_920)  // 2026-11-10 10:02 EST
        #expect(emails.activities[1].occurredAt == 1_794_336_420)  // 2026-11-10 13:47 EST
        #expect(emails.activities[1].subject == "Re: Re: Globex rollout plan")
    }

    @Test func meetings() throws {
        // Given meetings with every outcome HubSpot writes
        let meetings = try readFixture("hubspot/hubspot-crm-exports-meetings-2026-11-16.csv", timeZone: Self.zone)
        // Then Completed is held, No show is a no-show, Scheduled and Rescheduled are scheduled
        #expect(meetings.kinds == Array(repeating: .meeting, count: 5))
        #expect(meetings.outcomes == [.held, .noShow, .scheduled, .unknown, .scheduled])
        #expect(meetings.activities[0].occurredAt == 1_794_423_600)  // 2026-11-11 14:00 EST
        #expect(meetings.activities[0].owner == "Ava Thompson")
        #expect(meetings.activities[2].occurredAt == 1_795_122_000)  // 2026-11-19 16:00 EST
        #expect(meetings.activities[2].key == "hubspot:71234567803")
    }

    @Test func tasks() throws {
        // Given tasks of types LINKED_IN_CONNECT, LINKED_IN_MESSAGE, their UI labels, CALL, EMAIL and TODO
        let tasks = try readFixture("hubspot/hubspot-crm-exports-tasks-2026-11-16.csv", timeZone: Self.zone)
        // Then every LinkedIn type is a LinkedIn touch and only completed tasks are done
        #expect(tasks.kinds == [.linkedin, .linkedin, .linkedin, .call, .email, .other, .linkedin])
        #expect(tasks.activities.map(\.done) == [true, true, true, false, true, false, true])
        #expect(tasks.outcomes == [.unknown, .unknown, .unknown, .unknown, .unknown, .unknown, .unknown])
        let connect = tasks.activities[0]
        #expect(connect.key == "hubspot:81234567801")
        #expect(connect.occurredAt == 1_794_327_120)  // Completed at 2026-11-10 11:12 EST
        // Not started: no completion time, so the due date places it.
        #expect(tasks.activities[3].occurredAt == 1_795_014_000)  // Due date 2026-11-18 10:00 EST
        #expect(tasks.activities[6].occurredAt == 1_794_582_300)  // 2026-11-13 10:05 EST
    }

    @Test func deals() throws {
        // Given deals whose stage is a label (Closed Won) or an internal id (closedlost, qualifiedtobuy)
        let export = try readFixture("hubspot/hubspot-crm-exports-deals-2026-11-16.csv", timeZone: Self.zone)
        // Then the status follows the stage and amounts are cents
        let deals = export.deals
        #expect(deals.map(\.status) == [.won, .lost, .open, .open, .won])
        #expect(deals.map(\.amountCents) == [2_400_000, 850_050, 1_200_000, nil, 560_000])
        #expect(deals.map(\.currency) == ["", "", "", "", ""])
        #expect(
            deals.map(\.closeDate) == [
                try day("2026-11-12"), try day("2026-11-05"), try day("2026-12-20"), try day("2026-12-31"),
                try day("2026-11-13"),
            ])
        #expect(deals[0].key == "hubspot:91234567801")
        #expect(deals[0].owner == "Ava Thompson")
        #expect(deals[0].createdDate == (try day("2026-09-02")))
        #expect(deals[1].stage == "closedlost")
    }

    @Test func users() throws {
        // Given the users export with a deactivated user
        let users = try readFixture("hubspot/hubspot-users-2026-11-16.csv", timeZone: Self.zone)
        // Then names join first and last, emails are lowercased and Deactivated is not active
        let sellers = users.sellers
        #expect(
            sellers.map(\.email) == [
                "ava.thompson@example.com", "noah.kim@example.com", "grace.liu@example.com", "liam.ortiz@example.com",
                "maria.rossi@example.com",
            ])
        #expect(sellers.map(\.name) == ["Ava Thompson", "Noah Kim", "Grace Liu", "Liam Ortiz", "Maria Rossi"])
        #expect(sellers.map(\.active) == [true, true, false, true, true])
        #expect(sellers.map(\.crmID) == ["1234501", "1234502", "1234503", "1234504", "1234505"])
        #expect((sellers[4].team, sellers[4].role) == ("Sales Leadership", "Sales Manager"))
        #expect(sellers[0].team == "East SDR")
        #expect(sellers[0].role == "Sales Development Representative")
    }
}
