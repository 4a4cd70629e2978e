import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// A file under the package's `Fixtures/` folder.
func fixtureURL(_ path: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(path)
}

/// Options for a workspace in the time zone `identifier`.
func options(timeZone identifier: String = "UTC") throws -> ImportOptions {
    ImportOptions(timeZone: try #require(TimeZone(identifier: identifier)))
}

/// Everything an export yields when `ExportReader` reads it to the end.
struct ExportContents {
    /// The layout detection picked.
    var dialectID: String
    /// The encoding the reader reported after the last row.
    var encoding: TextEncoding
    /// The delimiter found in the header.
    var delimiter: Character
    /// The date order in force after sniffing.
    var dateOrder: DateOrder
    /// The header as it stood.
    var header: [String]
    /// The rows read, in file order.
    var records: [ImportedRecord] = []
    /// The rows set aside, in file order.
    var problems: [RowProblem] = []
    /// The lines that were footers or totals.
    var footerLines: [Int] = []

    var activities: [Activity] {
        records.compactMap { if case .activity(let activity) = $0 { activity } else { nil } }
    }
    var deals: [Deal] { records.compactMap { if case .deal(let deal) = $0 { deal } else { nil } } }
    var sellers: [Seller] { records.compactMap { if case .seller(let seller) = $0 { seller } else { nil } } }
    var timeOff: [TimeOff] { records.compactMap { if case .timeOff(let span) = $0 { span } else { nil } } }

    /// The kinds of the activities, in file order.
    var kinds: [ActivityKind] { activities.map(\.kind) }
    /// The outcomes of the activities, in file order.
    var outcomes: [Outcome] { activities.map(\.outcome) }
}

/// Opens `url` with no `--crm` forcing, so detection must find the layout, and reads every row.
func readExport(_ url: URL, options: ImportOptions) throws -> ExportContents {
    let reader = try ExportReader(url: url, options: options)
    var contents = ExportContents(
        dialectID: reader.dialect.id, encoding: reader.encoding, delimiter: Character(UnicodeScalar(reader.delimiter)),
        dateOrder: reader.dateOrder, header: reader.header.names)
    while let row = try reader.next() {
        switch row {
        case .record(let record, _): contents.records.append(record)
        case .quarantined(let problem): contents.problems.append(problem)
        case .footer(let line): contents.footerLines.append(line)
        }
    }
    contents.encoding = reader.encoding
    return contents
}

/// Reads the fixture at `path` (under `Fixtures/`) in a workspace whose time zone is `timeZone`.
func readFixture(_ path: String, timeZone: String = "UTC") throws -> ExportContents {
    try readExport(fixtureURL(path), options: options(timeZone: timeZone))
}

/// The date `text` (`YYYY-MM-DD`), failing the test when it is not one.
func day(_ text: String) throws -> LocalDate {
    try #require(LocalDate(iso: text))
}
