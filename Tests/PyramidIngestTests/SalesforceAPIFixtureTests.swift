import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Salesforce files with API-name headers: a Data Loader Task.csv (UTF-8 with a BOM, ISO datetimes in UTC,
/// owners as User Ids) and the weekly Data Export service's Task, Event, Opportunity and User files (ISO-8859-1,
/// every cell quoted, `0/1` booleans, `2023-01-18 15:00:00` datetimes, the `000000000000000AAA` empty lookup).
/// Both write UTC, so the workspace here is in Europe/Madrid (UTC+1 in January and November) to show that its
/// zone is not applied: `2023-01-18 15:00:00` stays 15:00Z.
struct SalesforceAPIFixtureTests {
    static let zone = "Europe/Madrid"

    @Test func dataLoaderTasks() throws {
        // Given a Data Loader Task export where TaskSubtype says Call/Email/LinkedIn or only "Task"
        let tasks = try readFixture("salesforce/data-loader/Task.csv", timeZone: Self.zone)
        // Then the kind comes from TaskSubtype, else from the custom Type__c, and the BOM is gone from the header
        #expect(tasks.encoding == .utf8BOM)
        #expect(tasks.header.first == "Id")
        #expect(
            tasks.kinds == [.call, .email, .linkedin, .linkedin, .meeting, .call, .other, .call, .email])
        #expect(
            tasks.outcomes == [
                .connected, .unknown, .unknown, .unknown, .held, .unknown, .unknown, .voicemail, .unknown,
            ])
        #expect(tasks.activities.map(\.done) == [true, true, true, true, true, false, true, true, true])

        let call = tasks.activities[0]
        #expect(call.key == "sf:00THs00000Xy001AAA")
        #expect(call.owner == "005Hs00000AbC1dIAF")
        #expect(call.direction == .outbound)
        #expect(call.outcomeText == "Spoke with CFO")
        #expect(call.occurredAt == 1_794_236_652)  // CompletedDateTime 2026-11-09T15:04:12.000+0000
        #expect(call.utcOffsetMinutes == 0)
        #expect(call.durationSeconds == 245)
        #expect((call.contact, call.company) == ("003Hs00000Pq001AAB", "001Hs00000Ac001AAB"))

        #expect(tasks.activities[1].occurredAt == 1_794_241_200)  // 2026-11-09T16:20:00Z
        #expect(tasks.activities[2].occurredAt == 1_794_299_460)  // 2026-11-10T08:31:00Z
        // Not Started, no CompletedDateTime: ActivityDate 2026-11-20 at noon UTC.
        #expect(tasks.activities[5].occurredAt == 1_795_176_000)
        #expect(tasks.activities[5].durationSeconds == nil)
        let voicemail = tasks.activities[7]
        #expect(voicemail.durationSeconds == 31)
        #expect(voicemail.occurredAt == 1_794_492_120)  // 2026-11-12T14:02:00Z
        #expect(tasks.activities[8].occurredAt == 1_794_553_200)  // 2026-11-13T07:00:00Z
    }

    @Test func dataExportTasksInLatin1() throws {
        // Given a weekly Data Export Task.csv written in ISO-8859-1, with no TaskSubtype and a blank Type
        let tasks = try readFixture("salesforce/data-export/Task.csv", timeZone: Self.zone)
        // Then accents survive, the kind comes from call fields or Subject prefixes, and the empty-lookup
        // sentinel is no contact
        #expect(tasks.encoding == .windows1252)
        #expect(tasks.kinds == [.call, .email, .email, .call, .linkedin, .meeting, .other])
        #expect(tasks.outcomes == [.unknown, .unknown, .unknown, .voicemail, .unknown, .held, .unknown])

        let call = tasks.activities[0]
        #expect(call.key == "sf:00TDn00000AbC01MAF")
        #expect(call.owner == "005Dn000003JdzAIAS")
        #expect(call.subject == "Llamada de seguimiento con Ana Pérez")
        #expect(call.outcomeText == "Interesada, pide demo")
        #expect(call.occurredAt == 1_673_966_100)  // "2023-01-17 14:35:00", no zone: UTC, not Madrid
        #expect(call.utcOffsetMinutes == 0)
        #expect(call.loggedAt == 1_673_966_400)  // "2023-01-17 14:40:00"
        #expect(call.durationSeconds == 185)

        let email = tasks.activities[1]
        #expect(email.subject == "Email: Angebot für Müller GmbH")
        #expect(email.contact == "")
        #expect(email.occurredAt == 1_674_033_120)  // "2023-01-18 09:12:00"

        let voicemail = tasks.activities[3]
        #expect(voicemail.outcomeText == "Left voice mail")
        #expect(voicemail.durationSeconds == 0)
        #expect(voicemail.occurredAt == 1_674_054_000)  // "2023-01-18 15:00:00"

        #expect(tasks.activities[4].subject == "LinkedIn InMail a Sofía Martín")
        #expect(tasks.activities[5].occurredAt == 1_674_126_000)  // "2023-01-19 11:00:00"
        // Not Started: ActivityDate "2023-01-24 00:00:00" is a date, placed at noon UTC.
        #expect(!tasks.activities[6].done)
        #expect(tasks.activities[6].occurredAt == 1_674_561_600)
    }

    @Test func dataExportEvents() throws {
        // Given Event.csv: ActivityDateTime and DurationInMinutes, and an all-day event with no ActivityDateTime
        let events = try readFixture("salesforce/data-export/Event.csv", timeZone: Self.zone)
        // Then every row is a meeting with its duration in seconds
        #expect(events.kinds == Array(repeating: .meeting, count: 5))
        #expect(events.outcomes == Array(repeating: .unknown, count: 5))
        #expect(events.activities.map(\.durationSeconds) == [3600, 1800, 5400, 7200, 86400])
        let demo = events.activities[0]
        #expect(demo.key == "sf:00UDn00000Ev001UAA")
        #expect(demo.subject == "Demostración para Peña Logística")
        #expect(demo.occurredAt == 1_674_144_000)  // "2023-01-19 16:00:00"
        #expect(events.activities[1].occurredAt == 1_674_207_000)  // "2023-01-20 09:30:00"
        #expect(events.activities[1].contact == "003Dn00000QrSt2AAB")
        #expect(events.activities[2].contact == "")
        #expect(events.activities[2].owner == "005Dn000003JeCDIA0")
        #expect(events.activities[3].occurredAt == 1_674_468_000)  // "2023-01-23 10:00:00"
        // All day: ActivityDate "2023-01-24 00:00:00" is a date, placed at noon UTC.
        #expect(events.activities[4].occurredAt == 1_674_561_600)
    }

    @Test func dataExportOpportunities() throws {
        // Given Opportunity.csv with IsWon/IsClosed as 0/1, a Spanish lost stage and a NUL-led rich-text cell
        let opportunities = try readFixture("salesforce/data-export/Opportunity.csv", timeZone: Self.zone)
        // Then the status comes from IsWon, the stage, then IsClosed
        let deals = opportunities.deals
        #expect(opportunities.encoding == .windows1252)
        #expect(deals.map(\.status) == [.won, .lost, .open, .open, .won])
        #expect(deals.map(\.amountCents) == [4_800_000, 1_250_050, 750_000, nil, 25_000_000])
        #expect(deals.map(\.currency) == ["EUR", "EUR", "USD", "EUR", "MXN"])
        #expect(deals[0].key == "sf:006Dn00000Op001IAA")
        #expect(deals[0].name == "Peña Logística - Flota 2023")
        #expect(deals[0].owner == "005Dn000003JdzAIAS")
        #expect(deals[0].closeDate == (try day("2023-01-16")))
        #expect(deals[0].createdDate == (try day("2022-11-02")))
        #expect(deals[1].stage == "Cerrada perdida")
        #expect(deals[4].closeDate == (try day("2023-01-12")))
    }

    @Test func dataExportUsers() throws {
        // Given User.csv: also has Email, FirstName and LastName, as HubSpot's users export does
        let users = try readFixture("salesforce/data-export/User.csv", timeZone: Self.zone)
        // Then the more specific Salesforce layout wins, and inactive users are not active
        #expect(users.dialectID == "salesforce-user")
        let sellers = users.sellers
        #expect(
            sellers.map(\.email) == [
                "jose.diaz@example.com", "juergen.mueller@example.com", "ines.ortega@example.com",
                "carmen.nunez@example.com", "sofia.martin@example.com",
            ])
        #expect(sellers.map(\.active) == [true, true, false, true, true])
        let jose = sellers[0]
        #expect(jose.name == "José Díaz")
        #expect(jose.crmID == "005Dn000003JdzAIAS")
        #expect(jose.team == "Ventas Iberia")
        #expect(jose.role == "Account Executive")
        #expect(jose.manager == "005Dn000003MgrAIAS")
        #expect(sellers[1].name == "Jürgen Müller")
        #expect((sellers[3].team, sellers[3].manager, sellers[3].role) == ("", "", "Sales Manager"))
        // No Department: the Division is the team.
        #expect((sellers[4].name, sellers[4].team) == ("Sofía Martín", "Iberia"))
    }
}
