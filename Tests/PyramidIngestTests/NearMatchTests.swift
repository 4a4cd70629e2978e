import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// A header that matches a known layout but for renamed, missing optional or added columns is read as that layout
/// and says what it did not find; a tie or a weak match is refused.
struct NearMatchTests {
    func reader(_ text: String, name: String = "export.csv") throws -> ExportReader {
        try ExportReader(name: name, size: Int64(text.utf8.count), options: ImportOptions()) { MemoryByteSource(text) }
    }

    @Test func aRenamedColumnIsReadAsTheClosestLayoutAndSaid() throws {
        // Given a HubSpot calls export whose "Call direction" was renamed and whose outcome column was removed,
        // with a column of the team's own added
        let text = """
            Record ID,Call Title,Activity date,Activity assigned to,Direction,Call duration,Associated Contact,Region
            51,Discovery,2026-11-10 09:30,Lukas Novak,OUTBOUND,245000,Pepper Potts,EMEA

            """
        let reader = try reader(text)
        // Then it is read as the HubSpot calls export, and the notes say what is missing and what that means
        #expect(reader.dialect.id == "hubspot-calls")
        #expect(
            reader.notes == [
                "read as HubSpot calls export, the closest layout, though the header has no 'Call direction' column",
                "no outcome column: call outcomes are read from words in subjects and notes, and from durations",
                "no direction column: every activity is read as outbound",
                "no status column: every activity is counted as done",
            ])
        guard case .record(.activity(let call), _) = try reader.next() else {
            Issue.record("no activity read")
            return
        }
        #expect(call.durationSeconds == 245)
        #expect(call.outcome == .unknown)
    }

    @Test func anExactMatchStillSaysWhatItLacks() throws {
        let reader = try reader(
            "Record ID,Call direction,Activity date,Activity assigned to\n1,OUTBOUND,2026-11-10,Ann\n")
        #expect(reader.dialect.id == "hubspot-calls")
        #expect(reader.notes.contains { $0.hasPrefix("no outcome column") })
        #expect(reader.notes.contains { $0.hasPrefix("no duration column") })
        #expect(reader.notes.contains { $0.hasPrefix("no contact column") })
    }

    @Test func aTieBetweenCRMsIsRefusedWithTheCandidates() throws {
        // Given two CRMs' layouts with the same columns, and a header that has one of their two signature columns
        func layout(_ crm: String) -> Dialect {
            Dialect(
                id: "\(crm)-calls", crm: crm, title: "\(crm) calls", holds: .activities,
                signature: ["Call ID", "Result"],
                columns: [.id: ["Call ID"], .owner: ["User"], .timestamp: ["Date"], .outcome: ["Result"]])
        }
        let text = "Call ID,User,Date,Notes\n1,Ann,2026-11-10,hello\n"
        let error = #expect(throws: IngestError.self) {
            try ExportReader(
                name: "calls.csv", size: Int64(text.utf8.count), options: ImportOptions(),
                dialects: [layout("alpha"), layout("beta")]
            ) { MemoryByteSource(text) }
        }
        #expect(
            error?.description
                == "calls.csv: the header ('Call ID', 'User', 'Date', 'Notes') matches alpha calls and beta calls "
                + "equally well; use --crm NAME or --as KIND to choose")
    }

    @Test func aWeakMatchIsRefusedAndPointsToAMapping() throws {
        let error = #expect(throws: IngestError.self) {
            try reader("When,Who,What\n2026-11-10,Ann,call\n", name: "log.csv")
        }
        #expect(
            error?.description
                == "log.csv: the header does not match any known export ('When', 'Who', 'What'); use --crm NAME or "
                + "--as KIND, or run 'pyramid mapping log.csv' to write a mapping to edit and import with --mapping FILE"
        )
    }
}
