import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// `--mapping` files: a home-grown export read through a YAML mapping, and the errors a wrong mapping gives.
struct MappingFileTests {
    static let teamLog = """
        name: team-log
        holds: activities
        columns:
          owner: Rep Email
          timestamp: When
          kind: Type
          outcome: Result
          duration: Talk time (min)
          company: Account
        date_order: day-first
        duration_unit: minutes
        kinds: { Phone: call, LI: linkedin }
        outcomes: { Spoke: connected, Mailbox: voicemail }
        """

    @Test func parsesIntoADialect() throws {
        // Given a mapping file, When it is parsed, Then it is a layout like the built-in ones
        let dialect = try MappingFile.parse(Self.teamLog, file: "team.yml")
        #expect(dialect.id == "mapping:team-log")
        #expect(dialect.title == "Mapped export (team.yml)")
        #expect(dialect.holds == .activities)
        #expect(dialect.columns[.owner] == ["Rep Email"])
        #expect(dialect.columns[.duration] == ["Talk time (min)"])
        #expect(dialect.dateOrder == .dayFirst)
        #expect(dialect.durationUnit == .minutes)
        #expect(dialect.kinds == ["phone": .call, "li": .linkedin])
        #expect(dialect.outcomes == ["spoke": .connected, "mailbox": .voicemail])
        #expect(dialect.keyPrefix == "team-log")
    }

    @Test func readsAnExportThroughTheMapping() throws {
        // Given a semicolon-separated team log and the mapping, in a Europe/Berlin workspace (UTC+1 in November)
        var options = try options(timeZone: "Europe/Berlin")
        options.mapping = try MappingFile.parse(Self.teamLog, file: "team.yml")
        // When it is read
        let export = try readExport(fixtureURL("quirks/team-activity-log.csv"), options: options)
        // Then the mapped columns and values give canonical activities
        #expect(export.dialectID == "mapping:team-log")
        #expect(export.kinds == [.call, .linkedin, .call])
        // Nothing in the log says whether the LinkedIn touch got a reply: unknown, never "no reply".
        #expect(export.outcomes == [.connected, .unknown, .voicemail])
        #expect(export.activities.map(\.durationSeconds) == [720, nil, 60])
        let first = export.activities[0]
        #expect(first.key == "team-log:h:d2f8da8ef4739df4")
        #expect(first.owner == "lena@example.com")
        #expect(first.occurredAt == 1_794_817_800)  // 16/11/2026 09:30 CET
        #expect(first.company == "Müller Maschinenbau")
        #expect(export.activities[1].key == "team-log:h:3af3cff4d4706321")
        #expect(export.activities[2].occurredAt == 1_794_920_400)  // 17/11/2026 14:00 CET
    }

    @Test func mappedColumnMissingFromTheFile() throws {
        // Given a mapping whose outcome column the file does not have
        var options = ImportOptions()
        options.mapping = try MappingFile.parse(
            Self.teamLog.replacingOccurrences(of: "outcome: Result", with: "outcome: Disposition"), file: "team.yml")
        // When the file is opened, Then it fails naming the field, the expected column and the header
        let error = #expect(throws: IngestError.self) {
            try ExportReader(url: fixtureURL("quirks/team-activity-log.csv"), options: options)
        }
        #expect(
            error
                == .missingColumn(
                    file: "team-activity-log.csv", layout: "Mapped export (team.yml)", field: "outcome",
                    expected: ["Disposition"],
                    header: ["Rep Email", "When", "Type", "Result", "Talk time (min)", "Account"]))
        #expect(
            error?.description
                == "team-activity-log.csv: Mapped export (team.yml) has no outcome column (expected one of "
                + "'Disposition'; found 'Rep Email', 'When', 'Type', 'Result', 'Talk time (min)', 'Account')")
    }

    @Test(
        "mapping mistakes",
        arguments: [
            (
                "holds: leads\ncolumns: { owner: A }",
                "team.yml: line 1: holds: 'leads' is not one of activities, deals, roster, time-off"
            ),
            ("holds: deals\ncolumns: { amount: Value }", "team.yml: line 2: columns: 'owner' is required for deals"),
            ("columns: { rep: A }", "team.yml: line 1: columns: 'rep' is not a field (expected one of "),
        ])
    func mistakes(yaml: String, message: String) {
        // Given a wrong mapping, When it is parsed, Then the message names the line and the problem
        let error = #expect(throws: IngestError.self) { try MappingFile.parse(yaml, file: "team.yml") }
        #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
    }
}
