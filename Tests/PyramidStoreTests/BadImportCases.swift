import Foundation
import PyramidCore
import PyramidIngest
import Testing

/// What importing a bad file must do to the workspace.
enum BadImportOutcome: Sendable {
    /// The whole file is refused with exactly this message, and the database is left as it was.
    case refused(String)
    /// The file is imported and its row on `line` is set aside with exactly this reason; `added` rows are stored.
    case setAside(line: Int, reason: String, added: Int)
    /// Not an error: the file is read for what it is and `added` rows are stored.
    case imported(added: Int)
}

/// One malformed input: the file as it reaches `pyramid import`, and what must happen.
struct BadImport: Sendable, CustomTestStringConvertible {
    /// What is wrong with it, as the test is named.
    let problem: String
    /// The file's name, which messages quote.
    let file: String
    /// The file's bytes (made on demand: some are megabytes); nil for a path that is not a file.
    let bytes: (@Sendable () -> [UInt8])?
    /// The options the import runs with.
    var options = ImportOptions()
    let outcome: BadImportOutcome

    var testDescription: String { problem }

    init(
        _ problem: String, _ file: String, _ text: String, options: ImportOptions = ImportOptions(),
        _ outcome: BadImportOutcome
    ) {
        self.init(problem, file, bytes: { Array(text.utf8) }, options: options, outcome)
    }

    init(
        _ problem: String, _ file: String, bytes: (@Sendable () -> [UInt8])?, options: ImportOptions = ImportOptions(),
        _ outcome: BadImportOutcome
    ) {
        self.problem = problem
        self.file = file
        self.bytes = bytes
        self.options = options
        self.outcome = outcome
    }
}

/// The generic activities header the cases share.
let activitiesHeader = "id,owner,kind,timestamp,duration,subject\n"

/// A generic activity row.
func activity(_ id: String, timestamp: String = "2026-11-09 09:00", duration: String = "60", subject: String = "Intro")
    -> String
{
    "\(id),ben@example.com,call,\(timestamp),\(duration),\(subject)\n"
}

extension BadImport {
    /// Files refused as a whole: not a CSV, no header, no known layout, a record past the size limit.
    static let refusedFiles: [BadImport] = [
        BadImport("an empty file", "empty.csv", "", .refused("empty.csv: is empty (no header row)")),
        BadImport(
            "a byte order mark and nothing else", "bom.csv", bytes: { [0xEF, 0xBB, 0xBF] },
            .refused("bom.csv: is empty (no header row)")),
        BadImport("blank lines only", "blank.csv", "\n\r\n\n,,\n", .refused("blank.csv: is empty (no header row)")),
        BadImport(
            "only report footer lines", "report.csv",
            "\"Grand Totals (3 records)\"\n\n\"Confidential Information - Do Not Distribute\"\n"
                + "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n",
            .refused(
                "report.csv: has no header row, only report footer lines such as 'Grand Totals (3 records)'; "
                    + "export the report's rows (in Salesforce: Export, Details Only)")),
        BadImport(
            "a header no layout knows", "colours.csv", "Name,Favourite colour\nAna,blue\n",
            .refused(
                "colours.csv: the header does not match any known export ('Name', 'Favourite colour'); "
                    + "use --crm NAME or --as KIND, or run 'pyramid mapping colours.csv' to write a mapping to edit and "
                    + "import with --mapping FILE")),
        BadImport(
            "100,000 columns of no known layout", "wide.csv",
            (1...100_000).map { "c\($0)" }.joined(separator: ",") + "\n",
            .refused(
                "wide.csv: the header does not match any known export ('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', "
                    + "'c8', 'c9', 'c10', 'c11', 'c12', …); use --crm NAME or --as KIND, or run 'pyramid mapping "
                    + "wide.csv' to write a mapping to edit and import with --mapping FILE")),
        BadImport(
            "an xlsx workbook (a zip archive)", "pipeline.csv",
            bytes: { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8) },
            .refused(
                "pipeline.csv: is an Excel workbook (.xlsx) or a zip archive, not a CSV file; export or save it as CSV"
            )),
        BadImport(
            "a gzip file", "calls.csv.gz", bytes: { [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03] },
            .refused("calls.csv.gz: is a gzip archive, not a CSV file; unpack it and import the CSV inside")),
        BadImport(
            "an old xls workbook", "deals.xls", bytes: { [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] },
            .refused("deals.xls: is an old Excel workbook (.xls), not a CSV file; export or save it as CSV")),
        BadImport(
            "a PDF", "report.csv", "%PDF-1.7\n%âãÏÓ\n",
            .refused("report.csv: is a PDF document, not a CSV file; export or save it as CSV")),
        BadImport(
            "an SQLite database", "pyramid.sqlite", "SQLite format 3\u{0}\u{10}\u{0}",
            .refused("pyramid.sqlite: is an SQLite database, not a CSV file; export or save it as CSV")),
        BadImport(
            "a PNG screenshot", "calls.csv",
            bytes: { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] },
            .refused("calls.csv: is an image, not a CSV file; export or save it as CSV")),
        BadImport(
            "NUL-padded binary data", "dump.csv",
            bytes: { Array("owner,kind,timestamp\n".utf8) + [UInt8](repeating: 0, count: 64) },
            .refused("dump.csv: is binary data, not a CSV file; export or save it as CSV")),
        BadImport(
            "dates month-first and day-first in one file", "mixed.csv",
            activitiesHeader + activity("m1", timestamp: "11/16/2026 09:00")
                + activity("m2", timestamp: "16/11/2026 09:00"),
            .refused(
                "mixed.csv: dates are written month-first (line 2) and day-first (line 3) in the same file; pass "
                    + "--date-order month-first or day-first")),
        BadImport(
            "time off forced without an end column", "leave.csv", "email,start\nben@example.com,2026-11-09\n",
            options: ImportOptions(kind: .timeOff),
            .refused("leave.csv: Time off has no end column (expected one of 'end'; found 'email', 'start')")),
        BadImport(
            "--crm naming no CRM", "calls.csv", activitiesHeader + activity("c1"), options: ImportOptions(crm: "sugar"),
            .refused(
                "'sugar' is not a CRM Pyramid knows (known: \(Dialects.crmNames.joined(separator: ", ")))")),
        BadImport(
            "a mapping naming a column the file lacks", "log.csv", "Rep,When\nben@example.com,2026-11-09 09:00\n",
            options: ImportOptions(mapping: mappedLog),
            .refused(
                "log.csv: Mapped export (log.yml) has no kind column (expected one of 'Type'; found 'Rep', 'When')")),
        BadImport(
            "a folder given as a file", "exports", bytes: nil,
            .refused("exports: cannot be read: it is a folder; name the files in it, e.g. exports/*.csv")),
        BadImport(
            "a file that does not exist", "missing.csv", bytes: nil,
            .refused("missing.csv: cannot be read: no such file")),
        BadImport(
            "a quote never closed, 64 MB on, after 1,200 good rows", "runaway.csv",
            bytes: {
                var bytes = Array(activitiesHeader.utf8)
                for i in 0..<1_200 { bytes += Array(activity("g\(i)").utf8) }
                bytes += Array("x1,ben@example.com,call,2026-11-09 09:00,60,\"never closed ".utf8)
                return bytes + [UInt8](repeating: UInt8(ascii: "x"), count: 65 << 20)
            },
            .refused(
                "runaway.csv: line 1202: a record runs on past 64 MB; a quoted cell is probably never closed")),
    ]

    /// The mapping the missing-column case uses.
    static let mappedLog =
        (try? MappingFile.parse(
            "holds: activities\ncolumns: { owner: Rep, timestamp: When, kind: Type }", file: "log.yml"))
}
