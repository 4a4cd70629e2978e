import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Files that cannot be read at all fail with a message that names the file and says what to do.
struct ExportErrorTests {
    func open(_ path: String, options: ImportOptions = ImportOptions()) throws -> ExportReader {
        try ExportReader(url: fixtureURL(path), options: options)
    }

    @Test func workbookIsNotText() throws {
        // Given an .xlsx (a zip archive) passed where a CSV is expected
        // When it is opened, Then it fails as not text, naming what it looks like
        let error = #expect(throws: IngestError.self) { try open("quirks/pipeline.xlsx") }
        #expect(error == .notText(file: "pipeline.xlsx", looksLike: "an Excel workbook (.xlsx) or a zip archive"))
        #expect(
            error?.description
                == "pipeline.xlsx: is an Excel workbook (.xlsx) or a zip archive, not a CSV file; export or save it as CSV"
        )
    }

    @Test func emptyFile() throws {
        let error = #expect(throws: IngestError.self) { try open("quirks/empty.csv") }
        #expect(error == .emptyFile(file: "empty.csv"))
        #expect(error?.description == "empty.csv: is empty (no header row)")
    }

    @Test func headerOnlyIsNoRowsAndNoError() throws {
        // Given a weekly Data Export Event.csv of an unused object: the header and nothing else
        let reader = try open("quirks/Event.csv")
        // Then the layout is known and there are no rows
        #expect(reader.dialect.id == "salesforce-event")
        #expect(try reader.next() == nil)
    }

    @Test func unknownHeader() throws {
        let error = #expect(throws: IngestError.self) { try open("quirks/unknown-header.csv") }
        #expect(error == .unknownLayout(file: "unknown-header.csv", header: ["Name", "Favourite colour", "Shoe size"]))
        #expect(
            error?.description
                == "unknown-header.csv: the header does not match any known export ('Name', 'Favourite colour', "
                + "'Shoe size'); use --crm NAME or --as KIND, or run 'pyramid mapping unknown-header.csv' to write a "
                + "mapping to edit and import with --mapping FILE")
    }

    @Test func mixedDateOrder() throws {
        // Given 11/16/2026 on line 2 and 16/11/2026 on line 4 in one file
        let error = #expect(throws: IngestError.self) { try open("quirks/mixed-date-order.csv") }
        // Then the file fails as a whole and says which lines disagree
        #expect(error == .mixedDateOrder(file: "mixed-date-order.csv", monthFirstLine: 2, dayFirstLine: 4))
        #expect(
            error?.description
                == "mixed-date-order.csv: dates are written month-first (line 2) and day-first (line 4) in the "
                + "same file; pass --date-order month-first or day-first")
    }

    @Test func mixedDateOrderWithAnExplicitOrder() throws {
        // Given the same file with --date-order day-first
        let contents = try readExport(
            fixtureURL("quirks/mixed-date-order.csv"), options: ImportOptions(dateOrder: .dayFirst))
        // Then the rows that read day-first are kept and the month-first one is quarantined
        #expect(contents.activities.map(\.key) == ["generic:m2", "generic:m3"])
        #expect(contents.activities[1].occurredAt == 1_794_823_200)  // 16/11/2026 10:00 UTC
        #expect(
            contents.problems.map(\.reason) == [
                "line 2: '11/16/2026 09:00' in 'timestamp' is not a real day: there is no month 16"
            ])
    }

    @Test func salesforceTaskWithoutOwner() throws {
        // Given a Workbench/SOQL Task export whose query left out OwnerId
        let error = #expect(throws: IngestError.self) { try open("quirks/Task.csv") }
        // Then the owner column is named as missing, with what was expected and what was found
        let header = [
            "Id", "ActivityDate", "Subject", "CreatedDate", "CompletedDateTime", "Status", "WhatId", "Description",
            "What.Name",
        ]
        #expect(
            error
                == .missingColumn(
                    file: "Task.csv", layout: "Salesforce Task (API names)", field: "owner",
                    expected: ["Owner.Email", "OwnerId", "Owner.Name"], header: header))
        #expect(
            error?.description
                == "Task.csv: Salesforce Task (API names) has no owner column (expected one of 'Owner.Email', "
                + "'OwnerId', 'Owner.Name'; found 'Id', 'ActivityDate', 'Subject', 'CreatedDate', "
                + "'CompletedDateTime', 'Status', 'WhatId', 'Description', 'What.Name')")
    }
}
