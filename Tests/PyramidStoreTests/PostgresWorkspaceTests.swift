import Foundation
import PostgresNIO
import PyramidCore
import PyramidIngest
import Testing

@testable import PyramidPostgres
@testable import PyramidStore

/// The PostgreSQL workspace against the SQLite one: the same files give the same counts, the same stored answers
/// (snapshots, journeys, lists), the same refusals leaving nothing behind; and two imports at once both land.
@Suite(.serialized, .enabled(if: TestPostgres.server != nil, TestPostgres.skipped))
struct PostgresWorkspaceTests {
    /// What an import summary says, without what differs by design (the import's id).
    func counts(_ summary: ImportSummary) -> [String] {
        [
            "\(summary.rowsRead) read, \(summary.added) added, \(summary.updated) updated, "
                + "\(summary.unchanged) unchanged, \(summary.quarantined) quarantined, \(summary.footerLines) footer, "
                + "\(summary.outcomesFromWords) from words",
            summary.unmatchedOwners.joined(separator: ","), summary.problems.map(\.reason).joined(separator: "|"),
            summary.sha256, summary.dialect, summary.encoding,
        ]
    }

    /// Everything a report reads of a workspace, for weeks around the generic fixtures' and the order file's.
    struct Answers: Equatable {
        var snapshots: [TeamSnapshot] = []
        var journeys: [[String: [ContactTouch]]] = []
        var listings: [SellerListing] = []
        var unmatched: [String] = []
        var quarantine: [QuarantinedRow] = []
        var counts = ""

        init(_ store: any Workspace) throws {
            let config = WorkspaceConfig()
            for week in ["2026-W44", "2026-W45", "2026-W46", "2025-W45", "2025-W46", "2025-W50"] {
                let week = try #require(ISOWeek(week))
                let snapshot = try store.snapshot(week: week, config: config)
                snapshots.append(snapshot)
                journeys.append(
                    try store.journeys(
                        of: Set(snapshot.sellers.map(\.email)), from: week.monday.adding(days: -28), to: week.monday))
            }
            listings = try store.sellerListings()
            unmatched = try store.unmatchedOwners().map { "\($0.name) \($0.rows)" }
            quarantine = try store.quarantine()
            counts = "\(try store.counts())"
        }

        /// Records what differs from `expected`, part by part, so that a failure says where.
        func expect(equals expected: Answers, sourceLocation: SourceLocation = #_sourceLocation) {
            for (index, (actual, wanted)) in zip(snapshots, expected.snapshots).enumerated() where actual != wanted {
                for (name, same) in [
                    ("sellers", actual.sellers == wanted.sellers), ("timeOff", actual.timeOff == wanted.timeOff),
                    ("tallies", actual.tallies == wanted.tallies), ("deals", actual.deals == wanted.deals),
                    ("dealsImported", actual.dealsImported == wanted.dealsImported),
                    ("logging", actual.logging == wanted.logging), ("coaching", actual.coaching == wanted.coaching),
                ] where !same {
                    Issue.record("snapshot \(index): \(name) differs", sourceLocation: sourceLocation)
                }
            }
            for (index, (actual, wanted)) in zip(journeys, expected.journeys).enumerated() where actual != wanted {
                let sellers = Set(actual.keys).union(wanted.keys).filter { actual[$0] != wanted[$0] }.sorted()
                Issue.record("journeys \(index) differ for \(sellers)", sourceLocation: sourceLocation)
            }
            #expect(listings == expected.listings, sourceLocation: sourceLocation)
            #expect(unmatched == expected.unmatched, sourceLocation: sourceLocation)
            #expect(quarantine == expected.quarantine, sourceLocation: sourceLocation)
            #expect(counts == expected.counts, sourceLocation: sourceLocation)
            #expect(snapshots.count == expected.snapshots.count, sourceLocation: sourceLocation)
        }
    }

    @Test func theGenericFixturesAndAChangedExportGiveTheSameCountsAndAnswers() throws {
        try TestPostgres.withDatabase { location in
            let postgres = try PostgresStore(location: location)
            let sqlite = try Store.inMemory()
            for name in ["roster", "time-off", "deals", "activities", "activities"] {
                let url = fixture("generic/\(name).csv")
                #expect(try counts(importFile(postgres, url)) == counts(importFile(sqlite, url)), "\(name)")
            }
            // The order tests' export, with repeated keys, then the same records changed: updated, unchanged and
            // moved to other days, in no date order.
            let orders = ImportOrderTests()
            for order in ["shuffled", "newest-first"] {
                let text = orders.file(order)
                #expect(try counts(importText(postgres, text)) == counts(importText(sqlite, text)), "\(order)")
            }
            let changed = orders.file("grouped").replacingOccurrences(of: ",connected,", with: ",no-answer,")
                .replacingOccurrences(of: "T0", with: "T2")
            #expect(try counts(importText(postgres, changed)) == counts(importText(sqlite, changed)))
            try Answers(postgres).expect(equals: try Answers(sqlite))
            #expect(try postgres.imports().map(\.added) == sqlite.imports().map(\.added))
        }
    }

    /// Into an empty workspace an import copies its rows straight into the table, holding back those whose key it
    /// may have met already, which it merges once the table's indexes are back; more held back than the limit, and
    /// the rest of the file is merged too. Either way the counts and answers are SQLite's.
    @Test(arguments: [16_384, 40])
    func aFirstImportCopiedStraightInGivesTheSameCountsAndAnswers(maximumHeldRows: Int) throws {
        try TestPostgres.withDatabase { location in
            let postgres = try PostgresStore(location: location, maximumHeldRows: maximumHeldRows)
            let sqlite = try Store.inMemory()
            let roster = fixture("generic/roster.csv")
            #expect(try counts(importFile(postgres, roster)) == counts(importFile(sqlite, roster)))
            // The order tests' export repeats keys, exactly and with changed values; then the same rows again.
            let orders = ImportOrderTests()
            for order in ["shuffled", "newest-first"] {
                let text = orders.file(order)
                #expect(try counts(importText(postgres, text)) == counts(importText(sqlite, text)), "\(order)")
            }
            try Answers(postgres).expect(equals: try Answers(sqlite))
        }
    }

    /// The daily tallies the imports keep give the snapshots that grouping the activities gives, and SQLite's:
    /// after an import straight in (rows held back and merged), a merge that adds, updates and moves rows to other
    /// days, and imports under other thresholds, after which every day is counted again. With a key sieve of 64 bits,
    /// nearly every key may have been given before: the merge then puts nearly every row in key order, and the
    /// counts and answers are the same.
    @Test(arguments: [256 << 20, 64])
    func theDailyTalliesGiveWhatTheActivitiesGive(maximumSieveBits: Int) throws {
        try TestPostgres.withDatabase { location in
            let postgres = try PostgresStore(
                location: location, maximumHeldRows: 40, maximumSieveBits: maximumSieveBits)
            let sqlite = try Store.inMemory()
            let roster = fixture("generic/roster.csv")
            #expect(try counts(importFile(postgres, roster)) == counts(importFile(sqlite, roster)))
            let basis = TallyBasis(WorkspaceConfig())
            let other = TallyBasis(minimumCallSeconds: basis.minimumCallSeconds + 60, shortCallSeconds: 3)
            let orders = ImportOrderTests()
            let changed = orders.file("grouped").replacingOccurrences(of: ",connected,", with: ",no-answer,")
                .replacingOccurrences(of: "T0", with: "T2")
            for (text, thresholds) in [
                (orders.file("shuffled"), basis), (changed, basis), (orders.file("newest-first"), other),
                (orders.file("shuffled"), basis),
            ] {
                #expect(
                    try counts(importText(postgres, text, tallyBasis: thresholds))
                        == counts(importText(sqlite, text, tallyBasis: thresholds)))
                let tallied = try Answers(postgres)
                let groups = try postgres.run { connection in
                    try await connection.query("SELECT count(*) FROM activity_tally", logger: postgres.logger)
                        .collect().first?.decode(Int64.self)
                }
                #expect(groups ?? 0 > 100)
                // Group for group, what counting every activity again gives (no group left at 0).
                let recount = """
                    SELECT a.local_day, a.owner_id, a.kind, a.direction, a.outcome,
                      \(PostgresTallies.countsSQL(thresholds, "a"))
                    FROM activity a WHERE a.done GROUP BY a.local_day, a.owner_id, a.kind, a.direction, a.outcome
                    """
                let differing = try postgres.run { connection in
                    try await connection.query(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT count(*) FROM ((SELECT * FROM activity_tally EXCEPT \(recount))
                                  UNION ALL (\(recount) EXCEPT SELECT * FROM activity_tally)) d
                                """), logger: postgres.logger
                    ).collect().first?.decode(Int64.self)
                }
                #expect(differing == 0)
                if thresholds == basis {
                    tallied.expect(equals: try Answers(sqlite))
                    // Without a basis on record, snapshots group the activities themselves.
                    let stored = try postgres.run { connection in
                        try await connection.query(
                            "DELETE FROM tally_basis RETURNING min_call_seconds", logger: postgres.logger
                        ).collect().count
                    }
                    #expect(stored == 1)
                    try Answers(postgres).expect(equals: tallied)
                    try postgres.run { connection in
                        _ = try await connection.query(
                            "INSERT INTO tally_basis VALUES (\(basis.minimumCallSeconds), \(basis.shortCallSeconds))",
                            logger: postgres.logger
                        ).collect()
                    }
                }
            }
        }
    }

    /// The bad inputs of a megabyte or less: the larger ones test the reader, which both workspaces share.
    static let badInputs = BadImport.all.filter { ($0.bytes?().count ?? 0) <= 1 << 20 }

    @Test(arguments: badInputs)
    func aBadFileIsRefusedOrSetAsideAsInSQLite(_ input: BadImport) throws {
        try TestPostgres.withDatabase { location in
            let postgres = try PostgresStore(location: location)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bad-pg-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for name in ["roster", "time-off", "deals", "activities"] {
                try importFile(postgres, fixture("generic/\(name).csv"))
            }
            let before = try Answers(postgres)
            try BadImportTests.check(input, in: postgres, folder: folder)
            if case .refused = input.outcome { try Answers(postgres).expect(equals: before) }
        }
    }

    @Test func manyUnreadableRowsAreQuarantinedWholeAsInSQLite() throws {
        // Every third row's date cannot be read, and the rows hold what COPY's text format escapes (a backslash, a
        // tab, a line break inside a quoted cell, a carriage return): with 512 bytes held in memory, most of them
        // go through the temporary file.
        var lines = ["id,owner,kind,direction,outcome,timestamp,duration,subject,contact,company,status"]
        for index in 0..<3_000 {
            let day = index % 3 == 0 ? "someday \\ soon" : "2026-11-\(10 + index % 5)T09:\(10 + index % 50):00+01:00"
            let subject = ["Plain", "Back\\slash", "Tab\there", "\"Two\nlines\"", "\"Carriage\rreturn\""][index % 5]
            lines.append("q\(index),ben@example.com,call,outbound,connected,\(day),60,\(subject),Lea Martin,Acme,")
        }
        let text = lines.joined(separator: "\n") + "\n"
        try TestPostgres.withDatabase { location in
            let postgres = try PostgresStore(location: location, maximumHeldRows: 65_536, quarantineMemoryBytes: 512)
            let sqlite = try Store.inMemory()
            for store in [postgres, sqlite] as [any Workspace] { try importFile(store, fixture("generic/roster.csv")) }
            let first = try importText(postgres, text, name: "calls.csv")
            #expect(counts(first) == counts(try importText(sqlite, text, name: "calls.csv")))
            #expect(first.quarantined == 1_000 && first.problems.count == 20)
            // Imported again, the rows quarantined stay as the first import set them aside.
            #expect(
                counts(try importText(postgres, text, name: "calls.csv")).first
                    == counts(try importText(sqlite, text, name: "calls.csv")).first)
            let quarantined = try postgres.quarantine()
            #expect(quarantined.count == 1_000)
            #expect(quarantined == (try sqlite.quarantine()))
            for piece in ["someday \\ soon", "Back\\slash", "Tab\there", "Two\nlines", "Carriage\rreturn"] {
                #expect(quarantined.contains { $0.raw.contains(piece) }, "\(piece)")
            }
        }
    }

    @Test func aFileThatFailsHalfwayLeavesNothing() throws {
        try TestPostgres.withDatabase { location in
            let postgres = try PostgresStore(location: location)
            try importFile(postgres, fixture("generic/roster.csv"))
            let before = try Answers(postgres)
            // Thousands of good rows, then the file cannot be read further: the failure comes after the rows
            // were streamed into the staging table.
            let text = ImportOrderTests().file("shuffled")
            let reader = try ExportReader(name: "calls.csv", size: Int64(text.utf8.count + 1), options: ImportOptions())
            {
                FailingByteSource(text)
            }
            #expect(throws: (any Error).self) { try postgres.importFile(reader, path: "calls.csv") }
            try Answers(postgres).expect(equals: before)
            #expect(try postgres.imports().count == 1)
        }
    }

    @Test func twoImportsAtOnceBothLandEachRowOnce() throws {
        try TestPostgres.withDatabase { location in
            let setUp = try PostgresStore(location: location)
            try importFile(setUp, fixture("generic/roster.csv"))
            // Two sales-ops people import overlapping exports at the same moment, each on their own connection.
            let orders = ImportOrderTests()
            let files = ["shuffled", "newest-first"].map { (name: "\($0).csv", text: orders.file($0)) }
            let results = Results()
            let threads = files.enumerated().map { index, file in
                Thread {
                    results.set(
                        index,
                        Result { try importText(try PostgresStore(location: location), file.text, name: file.name) })
                }
            }
            threads.forEach { $0.start() }
            try results.wait(for: 2)
            let summaries = try results.all.map { try $0.get() }
            // The same files imported one after the other, in the order the two imports were merged (an import's
            // new rows take the next ids of their days in its file's order).
            let sqlite = try Store.inMemory()
            try importFile(sqlite, fixture("generic/roster.csv"))
            var added = 0
            for record in try setUp.imports().reversed().dropFirst() {
                let file = try #require(files.first { $0.name == record.file })
                added += try importText(sqlite, file.text, name: file.name).added
            }
            #expect(summaries.map(\.added).reduce(0, +) == added)
            #expect(added > 2_000)
            try Answers(setUp).expect(equals: try Answers(sqlite))
        }
    }

    @Test func anAddressIsReadAsLibpqReadsIt() throws {
        let tcp = try PostgresLocation("postgresql://ops:s%40cret@db.example.com:6543/sales")
        #expect(
            (tcp.user, tcp.password, tcp.host, tcp.port, tcp.database) == (
                "ops", "s@cret", "db.example.com", 6543, "sales"
            ))
        #expect(tcp.description == "postgres://ops@db.example.com:6543/sales")
        let socket = try PostgresLocation("postgres://pyramid@/org?host=/tmp/pg")
        #expect((socket.host, socket.socketFolder, socket.port) == (nil, "/tmp/pg", 5432))
        #expect(try PostgresLocation(socket.address) == socket)
        #expect(try PostgresLocation(tcp.address) == tcp)
        #expect(throws: PostgresStoreError.self) { try PostgresLocation("postgres://db.example.com/sales") }
        #expect(throws: PostgresStoreError.self) { try PostgresLocation("postgres://ops@db.example.com") }
        #expect(tcp.tlsMode == .prefer && tcp.rootCertificates == nil)
        let checked = try PostgresLocation(
            "postgres://ops@db.example.com/sales?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        #expect((checked.tlsMode, checked.rootCertificates) == (.verifyFull, "/etc/ca.pem"))
        #expect(
            checked.description
                == "postgres://ops@db.example.com:5432/sales?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        #expect(try PostgresLocation(checked.address) == checked)
        #expect(try PostgresLocation("postgres://ops@db/sales?sslmode=disable").tlsMode == .disable)
        #expect(throws: PostgresStoreError.self) { try PostgresLocation("postgres://ops@db/sales?sslmode=allow") }
        #expect(throws: PostgresStoreError.self) { try PostgresLocation("postgres://ops@db/sales?sslcert=/a.pem") }
        let message = "\(PostgresStoreError.badLocation("postgres://ops:hunter2@db", "x"))"
        #expect(!message.contains("hunter2"))
    }
}

/// A file that reads until its last line, then fails as a disk or network share does mid-file.
struct FailingByteSource: ByteSource {
    var inner: MemoryByteSource
    init(_ text: String) { inner = MemoryByteSource(text) }
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = try inner.read(into: buffer)
        if count == 0 { throw CocoaError(.fileReadUnknown) }
        return count
    }
}

/// The results of imports run on threads, by index.
final class Results: @unchecked Sendable {
    private let lock = NSCondition()
    private var results: [Int: Result<ImportSummary, any Error>] = [:]

    func set(_ index: Int, _ result: Result<ImportSummary, any Error>) {
        lock.lock()
        results[index] = result
        lock.broadcast()
        lock.unlock()
    }

    func wait(for count: Int) throws {
        lock.lock()
        defer { lock.unlock() }
        while results.count < count {
            guard lock.wait(until: Date().addingTimeInterval(120)) else { throw CocoaError(.executableLoad) }
        }
    }

    var all: [Result<ImportSummary, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results.keys.sorted().compactMap { results[$0] }
    }
}
