import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Salesforce reports exported by users of another language: translated column labels, subtypes, call types and
/// free-text results in that language, day-first dates, decimal commas and the footer in that language.
struct SalesforceLanguageTests {
    @Test(arguments: ["de", "fr", "es", "pt", "nl", "it"])
    func activitiesReportInEachLanguage(code: String) throws {
        let export = try readFixture("salesforce/languages/report-activities-\(code).csv", timeZone: "Europe/Berlin")
        #expect(export.dialectID == "salesforce-report-\(code)")
        #expect(export.problems == [])
        #expect(export.footerLines.count == 5)
        #expect(export.kinds == [.call, .call, .email, .linkedin])
        // The results are the export's own, in its language
        #expect(export.outcomes == [.connected, .voicemail, .unknown, .unknown])
        #expect(export.activities.map(\.outcomeSource) == Array(repeating: .export, count: 4))
        #expect(export.activities.map(\.direction).prefix(2) == [.outbound, .outbound])
        #expect(export.activities.map(\.durationSeconds) == [412, 35, nil, nil])
        #expect(export.activities[0].localDate == (try day("2026-11-10")))
        #expect(export.activities[0].key == "sf:00TDn0000031001")
    }

    @Test(arguments: ["de", "fr", "es", "pt", "nl", "it"])
    func opportunitiesReportInEachLanguage(code: String) throws {
        let export = try readFixture("salesforce/languages/report-opportunities-\(code).csv", timeZone: "Europe/Berlin")
        #expect(export.dialectID == "salesforce-report-opportunities-\(code)")
        #expect(export.problems == [])
        #expect(export.footerLines.count == 5)
        #expect(export.deals.map(\.status) == [.won, .lost, .open])
        #expect(export.deals.map(\.amountCents) == [4_800_000, 925_050, 1_550_000])
        #expect(export.deals.map(\.currency) == ["EUR", "EUR", "EUR"])
        #expect(export.deals.map(\.closeDate) == [try day("2026-11-12"), try day("2026-11-03"), try day("2026-12-18")])
    }
}
