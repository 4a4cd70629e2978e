import Foundation
import PyramidCore
import PyramidIngest
import Testing

@testable import PyramidStore

/// A fixture file under `Fixtures/`.
func fixture(_ path: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(path)
}

/// Imports `url` into `store`.
@discardableResult
func importFile(_ store: any Workspace, _ url: URL, options: ImportOptions = ImportOptions()) throws -> ImportSummary {
    try store.importFile(try ExportReader(url: url, options: options), path: url.path)
}

/// Imports `text` as a file named `name`.
@discardableResult
func importText(
    _ store: any Workspace, _ text: String, name: String = "export.csv", options: ImportOptions = ImportOptions(),
    tallyBasis: TallyBasis? = nil
) throws -> ImportSummary {
    let reader = try ExportReader(name: name, size: Int64(text.utf8.count), options: options) {
        MemoryByteSource(text)
    }
    return try store.importFile(reader, path: name, tallyBasis: tallyBasis)
}

struct ImportTests {
    @Test func importsTheGenericFixtures() throws {
        // Given an empty workspace
        let store = try Store.inMemory()
        // When the roster, time off, deals and activities are imported
        let roster = try importFile(store, fixture("generic/roster.csv"))
        let timeOff = try importFile(store, fixture("generic/time-off.csv"))
        let deals = try importFile(store, fixture("generic/deals.csv"))
        let activities = try importFile(store, fixture("generic/activities.csv"))
        // Then every row is stored or quarantined with its reason
        #expect(roster.added == 4)
        #expect(timeOff.added == 2)
        #expect((deals.added, deals.quarantined) == (2, 1))
        #expect(
            deals.problems.first?.reason
                == "line 4: 'N/A' in 'amount' is not an amount such as 12500, 12,500.00 or 12.500,00 €")
        #expect((activities.rowsRead, activities.added, activities.quarantined) == (8, 7, 1))
        #expect(activities.problems.first?.line == 9)
        #expect(activities.unmatchedOwners == ["unknown.rep"])
        let counts = try store.counts()
        #expect(counts.activities == 7)
        #expect(counts.quarantined == 2)
    }

    @Test func ownersResolveByEmailNameAndAccents() throws {
        let store = try Store.inMemory()
        try importFile(store, fixture("generic/roster.csv"))
        try importFile(store, fixture("generic/activities.csv"))
        let listings = try store.sellerListings()
        let byEmail = Dictionary(uniqueKeysWithValues: listings.map { ($0.seller.email, $0) })
        #expect(byEmail["ben@example.com"]?.activities == 4)
        #expect(byEmail["ben@example.com"]?.knownAs == ["Ben Carter", "ben@example.com"])
        #expect(byEmail["ana@example.com"]?.activities == 1)
        #expect(byEmail["jose@example.com"]?.activities == 1)
    }

    @Test func rosterImportedLaterResolvesEarlierOwners() throws {
        let store = try Store.inMemory()
        let first = try importFile(store, fixture("generic/activities.csv"))
        #expect(first.unmatchedOwners.contains("Ben Carter"))
        try importFile(store, fixture("generic/roster.csv"))
        let unmatched = try store.unmatchedOwners().map(\.name)
        #expect(unmatched == ["unknown.rep"])
    }

    @Test func reimportAddsNothingTwice() throws {
        let store = try Store.inMemory()
        try importFile(store, fixture("generic/activities.csv"))
        let again = try importFile(store, fixture("generic/activities.csv"))
        #expect((again.added, again.updated, again.unchanged, again.quarantined) == (0, 0, 7, 1))
        let counts = try store.counts()
        #expect(counts.activities == 7)
        #expect(counts.quarantined == 1)
        #expect(try store.imports().count == 2)
    }

    @Test func aChangedRowInALaterExportUpdatesTheStoredOne() throws {
        let store = try Store.inMemory()
        let header = "id,owner,kind,direction,outcome,timestamp,duration\n"
        try importText(store, header + "x1,ben@example.com,call,outbound,no-answer,2026-11-09T09:00:00Z,0\n")
        let later = try importText(
            store,
            header + "x1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,300\n"
                + "x2,ben@example.com,email,outbound,sent,2026-11-10T09:00:00Z,\n")
        #expect((later.added, later.updated, later.unchanged) == (1, 1, 0))
        let outcome = try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT outcome FROM activity WHERE key = 'generic:x1'")
        }
        #expect(outcome == "connected")
    }

    @Test func aWindows1252ByteOnlyInAQuarantinedRowStillNamesTheEncoding() throws {
        // Given a file whose one non-UTF-8 byte (Windows-1252 "é") is in a column no field reads, on a row that is
        // set aside (its date is not one), past the rows read ahead to tell the date order
        var bytes = Array("id,owner,kind,timestamp,notes\n".utf8)
        for row in 0..<1_100 { bytes += Array("r\(row),ben@example.com,call,2026-11-09 09:00,ok\n".utf8) }
        bytes += Array("bad,ben@example.com,call,not a date,caf".utf8) + [0xE9] + Array("\n".utf8)
        let reader = try ExportReader(name: "notes.csv", size: Int64(bytes.count), options: ImportOptions()) {
            MemoryByteSource(bytes)
        }
        // When it is imported
        let store = try Store.inMemory()
        let summary = try store.importFile(reader, path: "notes.csv")
        // Then the row's raw text is read as Windows-1252, and the import says so
        #expect(summary.quarantined == 1)
        #expect(try store.quarantine().map(\.raw) == ["bad,ben@example.com,call,not a date,café\n"])
        #expect(summary.encoding == TextEncoding.windows1252.rawValue)
    }

    @Test func rowsWithoutAnIdAreKeyedByTheirContent() throws {
        let store = try Store.inMemory()
        let text = "owner,kind,timestamp,subject\nben@example.com,call,2026-11-09T09:00:00Z,Intro\n"
        try importText(store, text)
        let again = try importText(store, text)
        #expect(again.unchanged == 1)
        #expect(try store.counts().activities == 1)
    }

    @Test func aFileThatFailsMidwayLeavesTheDatabaseAsItWas() throws {
        // Given a workspace with one import
        let store = try Store.inMemory()
        try importFile(store, fixture("generic/activities.csv"))
        let before = try store.counts()
        // When a file fails after some rows were written
        var rows = "id,owner,kind,timestamp\n"
        for i in 0..<2_000 { rows += "f\(i),ben@example.com,call,2026-11-09T09:00:00Z\n" }
        let bytes = Array(rows.utf8)
        let reader = try ExportReader(name: "broken.csv", size: Int64(bytes.count), options: ImportOptions()) {
            FailingSource(bytes: bytes, failAfter: 80_000)
        }
        #expect(throws: IngestError.self) { try store.importFile(reader, path: "broken.csv") }
        // Then nothing of it is stored, not even its import record
        let after = try store.counts()
        #expect(after.activities == before.activities)
        #expect(try store.imports().count == 1)
    }

    @Test func dryRunWritesNothing() throws {
        let store = try Store.inMemory()
        let reader = try ExportReader(url: fixture("generic/activities.csv"), options: ImportOptions())
        let summary = try store.importFile(reader, path: "activities.csv", dryRun: true)
        #expect(summary.added == 7)
        #expect(summary.importID == nil)
        #expect(try store.counts().activities == 0)
        #expect(try store.imports().isEmpty)
    }

    @Test func quarantineIsNotDoubledOnReimport() throws {
        let store = try Store.inMemory()
        try importFile(store, fixture("generic/deals.csv"))
        try importFile(store, fixture("generic/deals.csv"))
        let rows = try store.quarantine()
        #expect(rows.count == 1)
        #expect(rows.first?.raw.hasPrefix("d3,jose@example.com,Umbrella renewal,N/A") == true)
    }
}

/// Serves `bytes`, then fails like a disk error.
struct FailingSource: ByteSource {
    let bytes: [UInt8]
    let failAfter: Int
    var position = 0

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if position >= failAfter { throw IngestError.unreadableFile(file: "broken.csv", reason: "I/O error") }
        let n = min(buffer.count, failAfter - position, 1024)
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<position + n])) }
        position += n
        return n
    }
}

/// A Salesforce report with its whole footer and its totals line imports with nothing set aside and no footer deal.
struct ReportFooterImportTests {
    @Test func theFooterIsNeitherADealNorQuarantined() throws {
        let store = try Store.inMemory()
        let summary = try importFile(store, fixture("salesforce/report1763300777777.csv"))
        #expect(summary.quarantined == 0)
        #expect(summary.footerLines == 6)
        #expect(summary.added == 3)
        #expect(try store.counts().deals == 3)
    }
}
