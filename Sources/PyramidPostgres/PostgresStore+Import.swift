import Foundation
import Logging
import PostgresNIO
import PyramidCore
import PyramidIngest
import PyramidStore

extension PostgresStore {
    /// Imports every row of `reader` in one transaction, as `Store.importFile` does: added, updated or left
    /// unchanged by key, counted exactly; unreadable rows quarantined. Throws (and writes nothing) when the file
    /// cannot be read to the end.
    ///
    /// An activity file's rows stream into a staging table through `COPY`; one statement then counts them against
    /// the stored rows and a few more merge them in. Two imports at once each stage their file side by side and
    /// merge one after the other (an advisory lock), so both land and each key is stored once. PostgreSQL keeps no
    /// daily tallies' counts are brought up to date with the thresholds `tallyBasis` (see `PostgresTallies`); without
    /// it they are marked unusable and reports count from the activities.
    public func importFile(
        _ reader: ExportReader, path: String, dryRun: Bool = false, now: Date = Date(),
        tallyBasis: TallyBasis? = nil, progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        let job = ImportJob(
            reader: reader, path: path, dryRun: dryRun, startedAt: ISO8601DateFormatter().string(from: now),
            tallyBasis: tallyBasis, progress: progress, maximumHeld: maximumHeldRows,
            maximumSieveBits: maximumSieveBits,
            quarantine: QuarantineCopy(memoryBytes: quarantineMemoryBytes), logger: logger)
        return try transaction(dryRun ? .dryRun : .write) { connection in try await job.run(on: connection) }
    }
}

/// One file's import inside its transaction. Used from one task at a time (the reader is not shared).
///
/// The reading thread (`RowPipeline`) hands activities over packed, which are copied to the server as they come:
/// - into an empty workspace, by the table's owner, straight into `activity` under their final ids, with the
///   table's indexes and owner reference set aside and built again from all rows at once (`copyStraightIn`); a row
///   whose key the file may have given already (`KeySieve`) is held back and merged as below;
/// - otherwise into a staging table, from which `ActivityMerge` counts and merges them.
private final class ImportJob: @unchecked Sendable {
    let reader: ExportReader
    let path: String
    let dryRun: Bool
    let startedAt: String
    let tallyBasis: TallyBasis?
    let progress: ((ImportProgress) -> Void)?
    let logger: Logger
    var summary: ImportSummary
    /// The names the file gives its activities' owners, numbered in the order the reading thread met them.
    var activityOwners: [String] = []
    /// The file's other records (deals, sellers, time off) in file order, and the owners its deals name.
    var records: [ImportedRecord] = []
    var recordOwners: [String] = []
    /// The rows quarantined, written at the end.
    var quarantine: QuarantineCopy
    /// Once the merge lock is held: the import's id and the owner rows.
    var settled: (importID: Int64, owners: OwnerRows)?

    /// The advisory lock an import holds from its merge to its commit (any number, the same in every process).
    static let mergeLock: Int64 = 0x5059_5241_4D49_4402
    /// The most rows held back from the straight copy before the rest of the file goes through the staging table.
    let maximumHeld: Int
    /// The most bits of a key sieve (`KeySieve`), sized for a key in every 100 bytes of the file.
    let maximumSieveBits: Int

    init(
        reader: ExportReader, path: String, dryRun: Bool, startedAt: String, tallyBasis: TallyBasis?,
        progress: ((ImportProgress) -> Void)?, maximumHeld: Int, maximumSieveBits: Int, quarantine: QuarantineCopy,
        logger: Logger
    ) {
        self.maximumSieveBits = maximumSieveBits
        self.quarantine = quarantine
        self.tallyBasis = tallyBasis
        self.maximumHeld = maximumHeld
        self.reader = reader
        self.path = path
        self.dryRun = dryRun
        self.startedAt = startedAt
        self.progress = progress
        self.logger = logger
        summary = ImportSummary(reader: reader, dryRun: dryRun)
    }

    func run(on connection: PostgresConnection) async throws -> ImportSummary {
        // The rows' digests are made as they are copied (`ActivityCopy`): the reading thread makes none.
        let pipeline = RowPipeline(reader: reader, sourceSeed: nil)
        pipeline.start()
        // Whatever happens here, the reading thread is done with the reader before this returns.
        defer { pipeline.cancelAndWait() }
        if reader.dialect.holds == .activities {
            try await importActivities(pipeline, on: connection)
        } else {
            while let batch = try pipeline.next() { try take(batch) }
        }
        let (importID, owners) = try await settle(on: connection)
        var ownerRows = owners
        for name in recordOwners { _ = ownerRows.id(of: name) }
        try await ownerRows.write()
        let store = RecordStore(connection: connection, importID: importID, logger: logger)
        for record in records {
            let change: RecordStore.Change
            switch record {
            case .activity: preconditionFailure("activities come packed")
            case .deal(let deal): change = try await store.store(deal, owner: ownerRows.id(of: deal.owner))
            case .seller(let seller): change = try await store.store(seller)
            case .timeOff(let timeOff): change = try await store.store(timeOff)
            }
            switch change {
            case .added: summary.added += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.unchanged += 1
            }
        }
        if reader.dialect.holds == .roster { try await ownerRows.resolve() }
        summary.sha256 = reader.sha256()
        summary.encoding = reader.encoding.rawValue
        summary.unmatchedOwners = ownerRows.unmatched(among: Set(activityOwners + recordOwners))
        summary.importID = dryRun ? nil : importID
        try await logImport(importID, on: connection)
        return summary
    }

    /// Copies the file's activities to the server and merges them (see the type's description), and brings the
    /// daily tallies up to date.
    private func importActivities(_ pipeline: RowPipeline, on connection: PostgresConnection) async throws {
        // The merge sorts the file's rows by key and by day: with the server's default 4 MB a sort of a large file
        // spills to disk in many small runs. This transaction's own setting, gone at its end.
        try await connection.query("SET LOCAL work_mem = '256MB'", logger: logger)
        var held = ActivityBatch()
        var readAll = false
        var counter: PostgresTallies.Counter?
        if try await canCopyStraightIn(connection, locked: false) {
            try await settle(on: connection)
            // Another import may have filled the table before the lock came.
            if try await canCopyStraightIn(connection, locked: true) {
                (held, readAll, counter) = try await copyStraightIn(pipeline, on: connection)
            }
        }
        var recountAll = false
        if counter == nil, let tallyBasis {
            // Counted with other thresholds (or before there were tallies), they are all counted again.
            try await settle(on: connection)
            recountAll = try await !PostgresTallies.usable(connection, basis: tallyBasis, logger: logger)
        }
        var merged = false
        if !readAll || !held.isEmpty {
            try await stage(held: held, then: readAll ? nil : pipeline, on: connection)
            merged = try await merge(on: connection)
        }
        try await PostgresTallies.finish(
            connection, basis: tallyBasis, counter: &counter, merged: merged, recountAll: recountAll, logger: logger)
    }

    /// Merges the staged rows (see `ActivityMerge`); whether it added or changed any (which it leaves in
    /// `tally_change` for the tallies).
    private func merge(on connection: PostgresConnection) async throws -> Bool {
        let (importID, settledOwners) = try await settle(on: connection)
        var owners = settledOwners
        let numbers = activityOwners.indices.map(Int64.init)
        let ids = activityOwners.map { owners.id(of: $0) }
        try await owners.write()
        settled?.owners = owners
        try await connection.query(
            """
            CREATE TEMP TABLE staged_owner ON COMMIT DROP AS
            SELECT * FROM unnest(\(numbers)::bigint[], \(ids)::bigint[]) AS o(number, owner_id)
            """, logger: logger)
        let counts = try await ActivityMerge(connection: connection, importID: importID, logger: logger).run()
        summary.added += counts.added
        summary.updated += counts.updated
        summary.unchanged += counts.unchanged
        return counts.added > 0 || counts.updated > 0
    }

    /// Takes the merge lock, if not yet taken: from then to the commit, one import at a time, so that ids, owner
    /// rows and keys are settled against what the other imports committed. Gives the import's id and owner rows.
    @discardableResult
    private func settle(on connection: PostgresConnection) async throws -> (importID: Int64, owners: OwnerRows) {
        if let settled { return settled }
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.mergeLock))", logger: logger)
        let importID =
            try await connection.query("SELECT coalesce(max(id), 0) + 1 FROM import_run", logger: logger)
            .collect().first?.decode(Int64.self) ?? 1
        let owners = try await OwnerRows(connection: connection, logger: logger)
        settled = (importID, owners)
        return (importID, owners)
    }

    /// Whether the activities can go straight into `activity`: it is empty, and this role owns it (only the owner
    /// may set its indexes aside; another role's import goes through the staging table).
    ///
    /// Reading a table locks it against `ALTER TABLE` until the transaction ends. Before the merge lock is
    /// `locked`, it is read in a subtransaction that is then rolled back, which lets that lock go: else an import
    /// waiting for the merge lock would hold it against the import holding the merge lock that sets the table's
    /// indexes aside, and each would wait for the other.
    private func canCopyStraightIn(_ connection: PostgresConnection, locked: Bool) async throws -> Bool {
        if !locked { try await connection.query("SAVEPOINT pyramid_look", logger: logger) }
        let can =
            try await connection.query(
                """
                SELECT NOT EXISTS (SELECT 1 FROM activity)
                  AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'activity'::regclass), 'MEMBER')
                """, logger: logger
            ).collect().first?.decode(Bool.self) ?? false
        if !locked {
            try await connection.query("ROLLBACK TO SAVEPOINT pyramid_look", logger: logger)
            try await connection.query("RELEASE SAVEPOINT pyramid_look", logger: logger)
        }
        return can
    }

    /// Copies the activities straight into the empty `activity` table, under the merge lock: each gets the next id
    /// of its day in file order, and every one is added. The table's key and id indexes and its owner reference
    /// are dropped first and made again at the end, each from all rows at once (a sort, where a million rows
    /// copied into the indexes took a random place each).
    ///
    /// A row whose key the file may have given before (`KeySieve`; certainly when it did) is held back, and so is
    /// every row after the `maximumHeld`th held back: the rows held back are merged through the staging table once
    /// the indexes are back. Gives them, and whether the file was read to the end.
    private func copyStraightIn(
        _ pipeline: RowPipeline, on connection: PostgresConnection
    ) async throws -> (held: ActivityBatch, readAll: Bool, counter: PostgresTallies.Counter?) {
        guard let importID = settled?.importID, var owners = settled?.owners else {
            preconditionFailure("the merge lock is taken first")
        }
        try await connection.execute(
            script: """
                SET LOCAL maintenance_work_mem = '1GB';
                DROP INDEX activity_key;
                ALTER TABLE activity DROP CONSTRAINT activity_pkey;
                ALTER TABLE activity DROP CONSTRAINT activity_owner_id_fkey;
                DELETE FROM activity_tally;
                """, logger: logger)
        let held = ActivityBatch()
        var counter = tallyBasis.map(PostgresTallies.Counter.init)
        var heldCount = 0
        var readAll = true
        var added = 0
        var sieve = keySieve()
        var repeats: [Bool] = []
        var copied: [Int] = []
        var nextIDs: [Int: Int64] = [:]
        var ownerIDs: [Int64] = []
        var ownerNames: [[UInt8]] = []
        let target = ActivityCopy.Target.activity(importID: importID)
        // The loop reads and writes locals only: each use of the job's own properties would be checked for
        // exclusive access.
        try await connection.copyFrom(table: "activity", columns: target.columns, logger: logger) { writer in
            var rows = ActivityCopy(target)
            while let batch = try pipeline.next() {
                try take(batch)
                for name in batch.newOwners {
                    ownerIDs.append(owners.id(of: name))
                    ownerNames.append(Array(name.utf8))
                }
                let activities = batch.activities
                Self.sieve(activities, in: &sieve, into: &repeats)
                copied.removeAll(keepingCapacity: true)
                for (index, row) in activities.rows.enumerated() {
                    guard heldCount < maximumHeld, !repeats[index] else {
                        held.append(row, of: activities)
                        heldCount += 1
                        continue
                    }
                    let id = Self.nextID(of: row.day, in: &nextIDs)
                    ownerNames[row.owner].withUnsafeBufferPointer { name in
                        rows.append(row, of: activities, first: id, owner: ownerIDs[row.owner], ownerName: name)
                    }
                    copied.append(index)
                    if rows.isFull { try await writer.write(rows.take()) }
                }
                added += copied.count
                counter?.add(activities, at: copied, owners: ownerIDs)
                if heldCount >= maximumHeld {
                    readAll = false
                    break
                }
            }
            if !rows.isEmpty { try await writer.write(rows.take()) }
        }
        summary.added += added
        try await owners.write()
        settled?.owners = owners
        // The owner reference is made without checking the rows: every owner id in them was given by `owners`,
        // whose rows are written just above (checking took a third of a second for a million rows). Rows written
        // later are checked.
        try await connection.execute(
            script: """
                ALTER TABLE activity ADD CONSTRAINT activity_pkey PRIMARY KEY (id);
                CREATE UNIQUE INDEX activity_key ON activity ((hashtextextended(key, 0)), key);
                ALTER TABLE activity ADD CONSTRAINT activity_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES owner(id)
                  NOT VALID;
                """, logger: logger)
        // The merge of the rows held back plans its joins by the table's statistics, which a table that was empty
        // has none of yet: it read all of it (10M rows: 2 s for a few hundred rows held back).
        if !held.isEmpty { try await connection.query("ANALYZE activity", logger: logger) }
        return (held, readAll, counter)
    }

    /// A filter of the file's keys (`KeySieve`), sized for a key in every 100 bytes of it.
    private func keySieve() -> KeySieve {
        KeySieve(expectedKeys: Int(reader.fileSize / 100), maximumBits: maximumSieveBits)
    }

    /// Whether the file may have given each key of `activities` before, as `sieve` says, adding them: into
    /// `repeats`. The batch's keys are sieved together, so that the filter's lines are fetched ahead (see
    /// `KeySieve.insert(contentsOf:into:)`). A key with a NUL always may repeat: it is stored with U+FFFD in the
    /// NUL's place, and may then equal another.
    private static func sieve(_ activities: ActivityBatch, in sieve: inout KeySieve, into repeats: inout [Bool]) {
        repeats.removeAll(keepingCapacity: true)
        sieve.insert(contentsOf: activities.rows.map { ActivityDigest.of(activities.text(0, of: $0)) }, into: &repeats)
        for (index, row) in activities.rows.enumerated() where activities.text(0, of: row).contains(0) {
            repeats[index] = true
        }
    }

    /// The next id of `day`, counted in `nextIDs` from the day's first (the table was empty).
    private static func nextID(of day: Int, in nextIDs: inout [Int: Int64]) -> Int64 {
        func take(_ next: inout Int64) -> Int64 {
            defer { next += 1 }
            return next
        }
        return take(&nextIDs[day, default: ActivityID.first(ofDay: day)])
    }

    /// Copies the rows `held`, then the rest of what `pipeline` reads, into the staging table, in file order. Each
    /// row says whether the file may have given its key before (`KeySieve`, as `copyStraightIn` sieves; certainly
    /// when it did): the merge puts only the rows of such keys in key order.
    private func stage(held: ActivityBatch, then pipeline: RowPipeline?, on connection: PostgresConnection) async throws
    {
        try await connection.query(
            """
            CREATE TEMP TABLE staged_activity (
              seq bigint NOT NULL, key text COLLATE "C" NOT NULL, owner_number bigint NOT NULL,
              local_day integer NOT NULL, kind text NOT NULL, direction text NOT NULL, outcome text NOT NULL,
              done boolean NOT NULL, duration bigint, occurred_at bigint NOT NULL, utc_offset integer NOT NULL,
              logged_at bigint, outcome_text text COLLATE "C" NOT NULL, subject text COLLATE "C" NOT NULL,
              contact text COLLATE "C" NOT NULL, company text COLLATE "C" NOT NULL, outcome_from_words boolean NOT NULL,
              digest bigint NOT NULL, maybe_repeat boolean NOT NULL
            ) ON COMMIT DROP
            """, logger: logger)
        let target = ActivityCopy.Target.staged
        try await connection.copyFrom(table: "staged_activity", columns: target.columns, logger: logger) { writer in
            var rows = ActivityCopy(target)
            var seq: Int64 = 0
            var sieve = keySieve()
            var repeats: [Bool] = []
            // The names' UTF-8 (part of each row's digest), kept locally as `copyStraightIn` keeps them.
            var ownerNames = activityOwners.map { Array($0.utf8) }
            func copy(_ activities: ActivityBatch) async throws {
                Self.sieve(activities, in: &sieve, into: &repeats)
                for (index, row) in activities.rows.enumerated() {
                    ownerNames[row.owner].withUnsafeBufferPointer { name in
                        rows.append(
                            row, of: activities, first: seq, owner: Int64(row.owner), ownerName: name,
                            maybeRepeat: repeats[index])
                    }
                    seq += 1
                    if rows.isFull { try await writer.write(rows.take()) }
                }
            }
            try await copy(held)
            while let batch = try pipeline?.next() {
                try take(batch)
                ownerNames.append(contentsOf: batch.newOwners.map { Array($0.utf8) })
                try await copy(batch.activities)
            }
            if !rows.isEmpty { try await writer.write(rows.take()) }
        }
    }

    /// Counts a batch of the reading thread's, keeps its owner names and the rows that are not activities.
    private func take(_ batch: RowPipeline.Batch) throws {
        activityOwners.append(contentsOf: batch.newOwners)
        summary.rowsRead += batch.activities.count
        for row in batch.activities.rows where row.outcomeSource == .words { summary.outcomesFromWords += 1 }
        for row in batch.rows { try take(row) }
        if let progress, summary.rowsRead >= nextProgress {
            nextProgress = summary.rowsRead + 50_000
            progress(ImportProgress(rows: summary.rowsRead, bytes: batch.bytesRead, totalBytes: reader.fileSize))
        }
    }

    private var nextProgress = 50_000

    /// Counts or keeps a row that is not an activity (or an activity file's footer or quarantined row).
    private func take(_ row: ExportRow) throws {
        switch row {
        case .footer:
            summary.footerLines += 1
        case .quarantined(let problem):
            summary.rowsRead += 1
            summary.countQuarantined(problem)
            try quarantine.add(problem)
        case .record(let record, _):
            summary.rowsRead += 1
            if case .deal(let deal) = record { recordOwners.append(deal.owner) }
            records.append(record)
        }
    }

    /// The import log's row and the quarantined rows; rows quarantined by an earlier import of the same bytes stay,
    /// this import's copies of them go.
    private func logImport(_ importID: Int64, on connection: PostgresConnection) async throws {
        let sha256 = summary.sha256
        try await connection.query(
            """
            INSERT INTO import_run (id, file, path, sha256, bytes, dialect, kind, encoding, started_at, rows_read,
              added, updated, unchanged, quarantined, footer_lines, unmatched_owners)
            VALUES (\(importID), \(reader.fileName), \(path), \(sha256), \(reader.fileSize), \(reader.dialect.id),
              \(reader.dialect.holds.rawValue), \(summary.encoding), \(startedAt), \(summary.rowsRead),
              \(summary.added), \(summary.updated), \(summary.unchanged), \(summary.quarantined),
              \(summary.footerLines), \(summary.unmatchedOwners.count))
            """, logger: logger)
        try await quarantine.write(
            importID: importID, fileName: reader.fileName, sha256: sha256, on: connection, logger: logger)
    }
}
