import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// `pyramid mapping FILE` drafts a mapping that, unedited, imports the file it was drafted from.
struct MappingDraftTests {
    func draft(_ path: String) throws -> MappingDraft {
        let url = fixtureURL(path)
        return try MappingDraft(name: url.lastPathComponent, options: ImportOptions()) { try FileByteSource(url: url) }
    }

    /// The records read through the draft, and those read by detection.
    func both(_ path: String, timeZone: String = "UTC") throws -> (mapped: ExportContents, detected: ExportContents) {
        let text = try draft(path).text
        var options = try options(timeZone: timeZone)
        options.mapping = try MappingFile.parse(text, file: "draft.yml")
        return (try readExport(fixtureURL(path), options: options), try readFixture(path, timeZone: timeZone))
    }

    @Test(arguments: [
        "pipedrive/activities-2026-11-16.csv", "pipedrive/activities-dialer-2026-11-16.csv",
        "hubspot/hubspot-crm-exports-calls-2026-11-16.csv", "hubspot/hubspot-crm-exports-deals-2026-11-16.csv",
        "salesforce/report1763300000000.csv", "salesforce/report1763300777777.csv",
        "salesforce/data-loader/Task.csv", "dynamics/My Phone Calls 11-16-2026 9-15-42 AM.csv",
        "close/close-calls-2026-11-16.csv", "pipedrive/languages/activities-de.csv",
        "hubspot/languages/hubspot-crm-exports-calls-fr.csv",
    ])
    func aDraftImportsTheFileAsItsLayoutDoes(path: String) throws {
        let (mapped, detected) = try both(path, timeZone: "Europe/Berlin")
        #expect(mapped.dialectID.hasPrefix("mapping:"))
        #expect(mapped.records == detected.records)
        #expect(mapped.problems.map(\.line) == detected.problems.map(\.line))
        #expect(mapped.footerLines == detected.footerLines)
    }

    @Test func aFileOfNoKnownLayoutIsMappedByItsValues() throws {
        // Given the team's own log: semicolons, day-first dates, talk time in minutes, owners as emails
        let draft = try draft("quirks/team-activity-log.csv")
        let text = draft.text
        #expect(text.contains("owner: \"Rep Email\"  # chosen by its values: email addresses"))
        #expect(text.contains("timestamp: \"When\"  # chosen by its values: dates with times"))
        #expect(text.contains("outcome: \"Result\"  # chosen by its values: outcomes such as connected or voicemail"))
        #expect(text.contains("duration_unit: minutes"))
        #expect(text.contains("date_order: day-first"))
        #expect(text.contains("# Delimiter seen: ';'"))
        // Then, unedited, it imports the file
        var options = try options(timeZone: "Europe/Berlin")
        options.mapping = try MappingFile.parse(text, file: "team.yml")
        let export = try readExport(fixtureURL("quirks/team-activity-log.csv"), options: options)
        #expect(export.problems == [])
        #expect(export.activities.count == 3)
        #expect(export.activities.map(\.owner).allSatisfy { $0.contains("@") })
        #expect(export.activities.map(\.durationSeconds).contains(720))
    }

    @Test func aHeaderWithNothingToMapSaysWhatIsMissing() throws {
        let text = try draft("quirks/unknown-header.csv").text
        #expect(text.contains("# Not found (add a column if the file has one): email"))
        #expect(text.contains("# Columns not used: 'Favourite colour', 'Shoe size'."))
    }
}
