import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Pipedrive exports in the user's language: headers `<Object> - <Field>` with both parts translated, activity
/// types, done and to-do, won and lost in that language, day-first dates (the German file re-saved by Excel with
/// semicolons and CRLF, the Dutch one with ISO dates).
struct PipedriveLanguageTests {
    @Test(arguments: ["de", "fr", "es", "pt", "nl", "it"])
    func activitiesInEachLanguage(code: String) throws {
        let export = try readFixture("pipedrive/languages/activities-\(code).csv", timeZone: "Europe/Berlin")
        #expect(export.dialectID == "pipedrive-activities-\(code)")
        #expect(export.problems == [])
        #expect(export.kinds == [.call, .linkedin, .meeting, .email])
        #expect(export.activities.map(\.done) == [true, true, false, true])
        #expect(export.activities.map(\.durationSeconds) == [900, nil, 3600, nil])
        #expect(export.activities.map(\.owner) == ["Lukas Novak", "Lukas Novak", "Emma Laurent", "Emma Laurent"])
        #expect(export.activities.map(\.contact) == ["Pepper Potts", "Lucius Fox", "Harry Osborn", "Norman Osborn"])
        // 10 November 2026, 09:30 in Berlin (UTC+1): day first, never 11 October
        #expect(export.activities[0].occurredAt == 1_794_299_400)
        #expect(export.activities[0].localDate == (try day("2026-11-10")))
        #expect(export.activities[0].key == "pipedrive:501")
        // No outcome column: unknown, never "no reply"; the meeting still to do is scheduled
        #expect(export.outcomes == [.unknown, .unknown, .scheduled, .unknown])
    }

    @Test(arguments: ["es", "es-2", "pt", "nl", "it", "it-2"])
    func dealsInOtherLanguages(code: String) throws {
        let export = try readFixture("pipedrive/languages/deals-\(code).csv", timeZone: "Europe/Madrid")
        #expect(export.dialectID == "pipedrive-deals-\(code)")
        #expect(export.problems == [])
        #expect(export.deals.map(\.status) == [.won, .lost, .open])
        #expect(export.deals.map(\.amountCents) == [1_250_000, 800_050, 3_000_000])
        #expect(
            export.deals.map(\.createdDate) == [try day("2026-10-02"), try day("2026-09-15"), try day("2026-11-01")])
    }

    @Test func germanDealsReSavedByExcel() throws {
        let export = try readFixture("pipedrive/languages/deals-de.csv", timeZone: "Europe/Berlin")
        #expect(export.dialectID == "pipedrive-deals-de")
        #expect(export.delimiter == ";")
        #expect(export.problems == [])
        #expect(export.deals.map(\.status) == [.won, .lost, .open])
        #expect(export.deals.map(\.amountCents) == [1_250_000, 800_050, 3_000_000])
        #expect(export.deals.map(\.currency) == ["EUR", "EUR", "EUR"])
        #expect(export.deals.map(\.closeDate) == [try day("2026-11-09"), try day("2026-11-12"), nil])
        #expect(
            export.deals.map(\.createdDate) == [try day("2026-10-02"), try day("2026-09-15"), try day("2026-11-01")])
        #expect(export.deals[0].name == "Stark Industries Pilot")
        #expect(export.deals[0].stage == "Verhandlung")
    }

    @Test func frenchDealsWithBothApostrophes() throws {
        // `Affaire - Heure de l’échec` has a typographic apostrophe, as Pipedrive writes it beside ASCII ones
        let export = try readFixture("pipedrive/languages/deals-fr.csv", timeZone: "Europe/Paris")
        #expect(export.dialectID == "pipedrive-deals-fr")
        #expect(export.problems == [])
        #expect(export.deals.map(\.status) == [.won, .lost, .open])
        #expect(export.deals.map(\.amountCents) == [1_250_000, 800_050, 3_000_000])
        #expect(export.deals.map(\.closeDate) == [try day("2026-11-09"), try day("2026-11-12"), nil])
        #expect(export.deals.map(\.owner) == ["Lukas Novak", "Emma Laurent", "Lukas Novak"])
    }

    @Test func aSpanishAccountThatSaysTratoIsReadToo() throws {
        let text = """
            Trato - ID,Trato - Título,Trato - Valor,Trato - Moneda,Trato - Propietario,Trato - Estado,Trato - Trato creado
            9,Piloto Acme,"1.000,00",EUR,Lucía Pérez,Ganado,05/11/2026

            """
        let reader = try ExportReader(name: "deals.csv", size: Int64(text.utf8.count), options: ImportOptions()) {
            MemoryByteSource(text)
        }
        #expect(reader.dialect.id == "pipedrive-deals-es-2")
        guard case .record(.deal(let deal), _) = try reader.next() else {
            Issue.record("no deal read")
            return
        }
        #expect(deal.status == .won)
        #expect(deal.amountCents == 100_000)
        #expect(deal.owner == "Lucía Pérez")
        #expect(deal.createdDate == (try day("2026-11-05")))
    }
}
