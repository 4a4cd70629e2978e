import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Outreach and Salesloft. Neither UI CSV layout is confirmed (CRM_FORMATS.md §7 and §8 mark the column names
/// [?]); these fixtures use the column names the dialects accept and the values the APIs document: Outreach's
/// `Dialed At`/`Answered At`/`Completed At` and its `LinkedIn: …` step labels, Salesloft's Disposition and
/// Sentiment and its Phone/Email/Other/Integration step types. Times are ISO with a stated offset.
struct SalesEngagementFixtureTests {
    @Test func outreachCalls() throws {
        // Given calls with an org disposition, or only Outreach's Answered / Not Answered outcome
        let export = try readFixture("outreach/outreach-calls-2026-11-16.csv")
        // Then the disposition wins, the outcome fills in, and the duration is Completed At − Answered At
        #expect(export.kinds == Array(repeating: .call, count: 6))
        #expect(export.outcomes == [.connected, .voicemail, .noAnswer, .connected, .notInterested, .wrongNumber])
        #expect(export.activities.map(\.durationSeconds) == [435, nil, nil, 95, 120, nil])
        #expect(
            export.activities.map(\.direction) == [.outbound, .outbound, .outbound, .inbound, .outbound, .outbound])
        let first = export.activities[0]
        #expect(first.key == "outreach:9001")
        #expect(first.owner == "Chloe Martin")
        #expect(first.outcomeText == "Connected - Interested")
        #expect(first.occurredAt == 1_794_319_331)  // Dialed At 2026-11-10T14:02:11.000Z
        #expect((first.subject, first.contact, first.company) == ("Prospecting", "Ben Ortiz", "Vandelay Industries"))
        #expect(export.activities[2].outcomeText == "Not Answered")
        #expect(export.activities[3].occurredAt == 1_794_415_500)  // 2026-11-11T16:45:00.000Z
    }

    @Test func outreachTasks() throws {
        // Given sequence tasks of every LinkedIn step type, a call, a manual email and a generic task
        let export = try readFixture("outreach/outreach-tasks-2026-11-16.csv")
        // Then every LinkedIn step is a LinkedIn touch, an incomplete task is not done, and the sequence action
        // gives the message outcome
        #expect(
            export.kinds == [.linkedin, .linkedin, .linkedin, .linkedin, .linkedin, .call, .email, .other])
        #expect(export.activities.map(\.done) == [true, true, true, true, false, true, true, true])
        #expect(export.outcomes == [.sent, .replied, .sent, .sent, .unknown, .unknown, .sent, .sent])
        let connect = export.activities[0]
        #expect(connect.key == "outreach:501")
        #expect(connect.owner == "Chloe Martin")
        #expect(connect.occurredAt == 1_794_302_040)  // Completed At 2026-11-10T09:14:00.000Z
        #expect(connect.loggedAt == 1_794_204_000)  // Created At 2026-11-09T06:00:00.000Z
        #expect(
            (connect.subject, connect.contact, connect.company) == (
                "Q4 Outbound - VP Eng", "Ben Ortiz", "Vandelay Industries"
            ))
        #expect(export.activities[1].occurredAt == 1_794_475_860)  // 2026-11-12T09:31:00.000Z
        // Incomplete: no Completed At, so Due At 2026-11-17T10:00:00.000Z places it.
        #expect(export.activities[4].occurredAt == 1_794_909_600)
    }

    @Test func salesloftCalls() throws {
        // Given calls with a Disposition (what happened) and a Sentiment (how it went)
        let export = try readFixture("salesloft/salesloft-calls-2026-11-16.csv")
        // Then the disposition gives the outcome; the sentiment is kept as the subject
        #expect(export.kinds == Array(repeating: .call, count: 6))
        #expect(export.outcomes == [.connected, .voicemail, .noAnswer, .wrongNumber, .connected, .gatekeeper])
        #expect(export.activities.map(\.durationSeconds) == [187, 41, 0, 6, 305, 52])
        #expect(
            export.activities.map(\.direction) == [.outbound, .outbound, .outbound, .outbound, .inbound, .outbound])
        let first = export.activities[0]
        #expect(first.key == "salesloft:70001")
        #expect(first.owner == "Riley Park")
        #expect(first.occurredAt == 1_794_323_700)  // 2026-11-10T10:15:00-05:00 = 15:15Z
        #expect(first.utcOffsetMinutes == -300)
        #expect((first.subject, first.contact, first.company) == ("Positive", "Morgan Lee", "Initrode"))
        #expect(export.activities[4].occurredAt == 1_794_426_000)  // 2026-11-11T14:40:00-05:00
    }

    @Test func salesloftActivities() throws {
        // Given cadence steps: Email, Phone, and LinkedIn steps typed "Other" or "Integration"
        let export = try readFixture("salesloft/salesloft-activities-2026-11-16.csv")
        // Then a generic step type gives way to an Action that names LinkedIn
        #expect(export.kinds == [.email, .call, .linkedin, .linkedin, .other])
        #expect(export.outcomes == [.unknown, .unknown, .unknown, .unknown, .unknown])
        let connect = export.activities[2]
        #expect(connect.key == "salesloft:80003")
        #expect(connect.owner == "Jordan Blake")
        #expect(connect.occurredAt == 1_794_326_400)  // 2026-11-10T16:00:00Z
        #expect((connect.subject, connect.contact, connect.company) == ("Q4 Mid-Market", "Drew Lane", "Penetrode"))
        #expect(export.activities[3].occurredAt == 1_794_414_600)  // 2026-11-11T16:30:00Z
    }
}
