import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// HubSpot exports in the user's language: property labels, call outcomes and directions translated, day-first
/// dates (the German files re-saved by Excel with semicolons, the Dutch one with ISO dates).
struct HubSpotLanguageTests {
    @Test(arguments: ["de", "fr", "es", "pt", "nl", "it"])
    func callsInEachLanguage(code: String) throws {
        let export = try readFixture(
            "hubspot/languages/hubspot-crm-exports-calls-\(code).csv", timeZone: "Europe/Berlin")
        #expect(export.dialectID == "hubspot-calls-\(code)")
        #expect(export.problems == [])
        #expect(export.outcomes == [.connected, .voicemail, .noAnswer, .wrongNumber])
        #expect(export.activities.map(\.outcomeSource) == Array(repeating: .export, count: 4))
        #expect(export.activities.map(\.direction) == [.outbound, .outbound, .outbound, .inbound])
        #expect(export.activities.map(\.durationSeconds) == [245, 31, 0, 12])
        #expect(export.activities.map(\.owner) == ["Lukas Novak", "Lukas Novak", "Emma Laurent", "Emma Laurent"])
        #expect(export.activities.map(\.contact) == ["Pepper Potts", "Lucius Fox", "Harry Osborn", "Norman Osborn"])
        #expect(export.activities.map(\.company) == ["Stark Industries", "Wayne Enterprises", "Oscorp", "Oscorp"])
        // 10 November 2026, 09:30 in Berlin (UTC+1): day first
        #expect(export.activities[0].occurredAt == 1_794_299_400)
        #expect(export.activities[0].key == "hubspot:51000000001")
    }

    @Test(arguments: ["de", "fr", "es", "pt", "nl", "it"])
    func emailsMeetingsTasksAndDealsInEachLanguage(code: String) throws {
        func read(_ object: String) throws -> ExportContents {
            try readFixture("hubspot/languages/hubspot-crm-exports-\(object)-\(code).csv", timeZone: "Europe/Berlin")
        }
        let emails = try read("emails")
        #expect(emails.outcomes == [.sent, .replied])
        #expect(emails.activities.map(\.direction) == [.outbound, .inbound])
        let meetings = try read("meetings")
        #expect(meetings.outcomes == [.held, .noShow])
        #expect(meetings.activities[0].localDate == (try day("2026-11-12")))
        let tasks = try read("tasks")
        #expect(tasks.kinds.prefix(2) == [.linkedin, .call])
        #expect(tasks.activities.prefix(2).map(\.done) == [true, false])
        let deals = try read("deals")
        #expect(deals.problems == [])
        #expect(deals.deals.map(\.status) == [.won, .lost, .open])
        #expect(deals.deals.map(\.amountCents) == [1_250_000, 800_050, 3_000_000])
        #expect(deals.deals.map(\.closeDate) == [try day("2026-11-09"), try day("2026-11-12"), try day("2026-12-18")])
    }

    @Test func germanDeals() throws {
        let export = try readFixture("hubspot/languages/hubspot-crm-exports-deals-de.csv", timeZone: "Europe/Berlin")
        #expect(export.dialectID == "hubspot-deals-de")
        #expect(export.problems == [])
        #expect(export.deals.map(\.status) == [.won, .lost, .open])
        #expect(export.deals.map(\.amountCents) == [1_250_000, 800_050, 3_000_000])
        #expect(export.deals.map(\.closeDate) == [try day("2026-11-09"), try day("2026-11-12"), try day("2026-12-18")])
    }

    @Test func germanTasks() throws {
        let export = try readFixture("hubspot/languages/hubspot-crm-exports-tasks-de.csv", timeZone: "Europe/Berlin")
        #expect(export.dialectID == "hubspot-tasks-de")
        #expect(export.problems == [])
        #expect(export.kinds == [.linkedin, .call, .email])
        #expect(export.activities.map(\.done) == [true, false, true])
        #expect(export.outcomes == [.unknown, .unknown, .unknown])
    }
}
