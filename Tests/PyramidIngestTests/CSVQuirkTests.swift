import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// What real exports look like once Excel, a locale or a hand edit has touched them, read end to end through
/// `ExportReader` from `Fixtures/quirks/`. The workspace is UTC unless a test says otherwise.
struct CSVQuirkTests {
    @Test func utf8WithByteOrderMark() throws {
        // Given Excel's "CSV UTF-8": a BOM, CRLF, and a quoted first header cell
        let export = try readFixture("quirks/utf8-bom.csv")
        // Then the BOM is not part of the first header name and accents are read as UTF-8
        #expect(export.encoding == .utf8BOM)
        #expect(export.dialectID == "generic-activities")
        #expect(export.header.first == "id")
        #expect(export.activities.map(\.key) == ["generic:q1", "generic:q2"])
        #expect(export.activities[0].contact == "Åsa Berg")
        #expect(export.activities[0].occurredAt == 1_794_301_200)  // 2026-11-10 09:00 UTC
        #expect(export.activities[1].subject == "Übersicht")
    }

    @Test func utf16LittleEndianTabDelimited() throws {
        // Given a HubSpot calls export re-saved by Excel as "Unicode Text": UTF-16 LE with a BOM, tabs, CRLF,
        // and dates re-typed as 11/10/2026 9:15; the portal is in America/New_York (UTC−5 in November)
        let export = try readFixture("quirks/excel-unicode-text.txt", timeZone: "America/New_York")
        // Then it reads like the original export, emoji (a surrogate pair) included
        #expect(export.encoding == .utf16LE)
        #expect(export.delimiter == "\t")
        #expect(export.dialectID == "hubspot-calls")
        #expect(export.header.first == "Record ID")
        #expect(export.dateOrder == .monthFirst)
        let launch = export.activities[0]
        #expect(launch.key == "hubspot:51234567901")
        #expect(launch.subject == "🚀 Launch call")
        #expect(launch.owner == "Zoë Ångström")
        #expect(launch.occurredAt == 1_794_320_100)  // 11/10/2026 9:15 EST = 14:15Z
        #expect((launch.outcome, launch.durationSeconds) == (.connected, 125))
        let followUp = export.activities[1]
        #expect(followUp.subject == "Follow-up, pricing")
        #expect(followUp.occurredAt == 1_794_867_540)  // 11/16/2026 17:19 EST
        #expect(followUp.outcome == .noAnswer)
    }

    @Test func windows1252() throws {
        // Given a file saved as Windows-1252 ("ANSI"): é, ç, è, € and curly quotes as single bytes
        let export = try readFixture("quirks/windows-1252.csv")
        // Then every character is read and the encoding is reported as windows-1252
        #expect(export.encoding == .windows1252)
        #expect(export.activities[0].subject == "Devis €1 200 “final”")
        #expect((export.activities[0].contact, export.activities[0].company) == ("Renée Dupont", "Café de Flore"))
        #expect((export.activities[1].contact, export.activities[1].company) == ("François Lefèvre", "Crème & Co"))
    }

    @Test func semicolonsDayFirstDatesAndCommaDecimals() throws {
        // Given a German-locale Excel CSV: semicolons, 16/11/2026, 12.500,00
        let export = try readFixture("quirks/semicolon-day-first.csv")
        // Then the delimiter and the date order are found, and 03/04/2026 is the 3rd of April
        #expect(export.delimiter == ";")
        #expect(export.dateOrder == .dayFirst)
        #expect(export.deals.map(\.amountCents) == [1_250_000, 123_450, 98_075])
        #expect(export.deals.map(\.status) == [.won, .open, .lost])
        #expect(
            export.deals.map(\.closeDate) == [try day("2026-11-16"), try day("2026-12-20"), try day("2026-11-02")])
        #expect(
            export.deals.map(\.createdDate) == [try day("2026-04-03"), try day("2026-10-05"), try day("2026-09-01")])
        #expect(export.deals[0].name == "Müller Maschinenbau")
    }

    @Test func excelFormulaGuards() throws {
        // Given ids and a phone number written as ="00123" to keep Excel from dropping the zeros
        let export = try readFixture("quirks/excel-guarded-cells.csv")
        // Then the guard is unwrapped, quoted or not
        #expect(export.activities.map(\.key) == ["generic:00123", "generic:00456"])
        #expect(export.activities[0].contact == "0044 20 7946 0000")
    }

    @Test func trailingEmptyLines() throws {
        // Given two rows followed by blank lines, a line of bare commas and a CRLF blank line
        let export = try readFixture("quirks/trailing-empty-lines.csv")
        // Then the blank lines are neither rows nor problems
        #expect(export.activities.map(\.key) == ["generic:t1", "generic:t2"])
        #expect(export.problems == [])
        #expect(export.footerLines == [])
    }

    @Test func raggedRows() throws {
        // Given a short row, a row with empty extra cells and a row with a comma inside an unquoted cell
        let export = try readFixture("quirks/ragged-rows.csv")
        // Then the short row is padded, empty extras are ignored, and the shifted row is quarantined
        #expect(export.activities.map(\.key) == ["generic:r1", "generic:r2", "generic:r4"])
        #expect((export.activities[0].contact, export.activities[0].company) == ("", ""))
        #expect(export.activities[0].done)
        #expect(export.activities[1].company == "Globex")
        #expect(
            export.problems == [
                RowProblem(
                    line: 4,
                    reason: "line 4: 12 cells but the header has 11; is a delimiter inside an unquoted cell?",
                    raw:
                        "r3,ben@example.com,email,outbound,sent,2026-11-10 09:20,,Proposal,Ivy Chen,Acme, Inc,completed\n"
                )
            ])
    }

    @Test func unterminatedQuote() throws {
        // Given a quoted cell on line 3 that never closes
        let export = try readFixture("quirks/unterminated-quote.csv")
        // Then the row before it is read and the rest of the file is quarantined as one row, said why
        #expect(export.activities.map(\.key) == ["generic:u1"])
        let problem = try #require(export.problems.first)
        #expect(export.problems.count == 1)
        #expect(problem.line == 3)
        #expect(
            problem.reason
                == "line 3: a quoted cell opens here and is never closed, so the rest of the file is set aside with it")
        #expect(problem.raw.hasPrefix("u2,ben@example.com"))
        #expect(
            problem.raw.hasSuffix("u3,ben@example.com,call,outbound,busy,2026-11-10 09:10,5,Retry,Tom Stone,Globex,\n"))
    }
}
