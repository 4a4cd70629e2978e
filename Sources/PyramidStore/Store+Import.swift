import Foundation
import GRDB
import PyramidCore
import PyramidIngest

extension Store {
    /// Imports every row of `reader` in one transaction: added, updated or left unchanged by key; unreadable
    /// rows quarantined. Throws (and writes nothing) when the file cannot be read to the end.
    ///
    /// - Parameters:
    ///   - path: the path as given, for the import log.
    ///   - dryRun: read and count everything, then roll back.
    ///   - now: the clock, for the import log.
    ///   - tallyBasis: the conversation and few-second call thresholds in force; with them the daily tallies
    ///     reports read are brought up to date, without them they are marked unusable (reports then count
    ///     from the activities themselves).
    ///   - progress: called every 50,000 rows.
    public func importFile(
        _ reader: ExportReader, path: String, dryRun: Bool = false, now: Date = Date(),
        tallyBasis: TallyBasis? = nil, progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        var summary = ImportSummary(reader: reader, dryRun: dryRun)
        do {
            try writer.writeWithoutTransaction { db in
                // An activity file's rows reference their owner's row, which this import read or wrote itself
                // (`ImportBatch.owner`), and it deletes nothing: SQLite checking each row's owner anyway cost
                // about 1,400 instructions a row, 6% of the writing thread. Other files are small and keep the
                // checks. `PRAGMA foreign_keys` is a no-op inside a transaction, so it is set around it.
                let checkOwners = reader.dialect.holds != .activities
                if !checkOwners { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !checkOwners { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                try AppendedPages.following(db, step: appendedPagesStep) { appended in
                    try db.inTransaction(.immediate) {
                        appended?.importBegan()
                        var batch = try ImportBatch(
                            db: db, reader: reader, path: path, now: now, tallyBasis: tallyBasis,
                            batchRows: importBatchRows, runRows: importRunRows, recordLookup: recordLookup)
                        try batch.run(summary: &summary, appended: appended, progress: progress)
                        if reader.dialect.holds == .activities {
                            try DailyTallies.finish(db, basis: tallyBasis, counter: batch.activities.tallies)
                        }
                        return dryRun ? .rollback : .commit
                    }
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.busy(file: reader.fileName)
        }
        if dryRun { summary.importID = nil }
        return summary
    }
}

/// One file's import inside its transaction.
private struct ImportBatch {
    let db: Database
    let reader: ExportReader
    let importID: Int64
    let path: String
    let startedAt: String
    var owners: [String: (id: Int64, seller: String?)] = [:]
    /// The owner rows of the activities' owners, in the order the pipeline met their names.
    var activityOwners: [Int64] = []
    var matcher: OwnerMatcher
    var ownersUsed: Set<Int64> = []
    var activities: ActivityWriter
    /// The rows the reading thread hands over at a time.
    let batchRows: Int
    /// The digest of the interpretation the file's records are read under (see `ActivityDigest.source`).
    let sourceSeed: UInt64

    init(
        db: Database, reader: ExportReader, path: String, now: Date, tallyBasis: TallyBasis?, batchRows: Int,
        runRows: Int, recordLookup: RecordLookup
    ) throws {
        self.db = db
        self.reader = reader
        self.path = path
        self.batchRows = batchRows
        startedAt = ISO8601DateFormatter().string(from: now)
        // The import log's row is written at the end, under the id taken now (the write lock is held), once the
        // counts it holds are known.
        importID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM import_run") ?? 1
        for row in try Row.fetchAll(db, sql: "SELECT id, name, seller_email FROM owner") {
            owners[row["name"]] = (row["id"], row["seller_email"])
        }
        matcher = OwnerMatcher(sellers: try SellerQueries.all(db))
        var tallies: TallyCounter?
        if reader.dialect.holds == .activities, let tallyBasis, try DailyTallies.canCount(db, basis: tallyBasis) {
            tallies = try TallyCounter(db: db, basis: tallyBasis)
        }
        sourceSeed = ActivityDigest.of(interpretation: reader.interpretation)
        activities = ActivityWriter(
            db: db, importID: importID, tallies: tallies, recordReader: reader.recordReader(), sourceSeed: sourceSeed,
            recordLookup: recordLookup)
        // Into an empty table, rows that do not come in id order are put in it first, and the key index is built
        // once they are in (see ActivityWriter). A row of an export takes 100 bytes or more.
        if reader.dialect.holds == .activities,
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM activity)") ?? false
        {
            try activities.setKeyIndexAside(expectedRows: Int(reader.fileSize / 100), runRows: runRows)
        }
    }

    mutating func run(
        summary: inout ImportSummary, appended: AppendedPages?, progress: ((ImportProgress) -> Void)?
    ) throws {
        let pipeline = RowPipeline(reader: reader, sourceSeed: sourceSeed, batchSize: batchRows)
        pipeline.start()
        // Whatever happens here, the reading thread is done with the reader before this returns.
        defer { pipeline.cancelAndWait() }
        var nextProgress = 50_000
        while let batch = try pipeline.next() {
            for name in batch.newOwners { activityOwners.append(try owner(name)) }
            for row in batch.rows { try take(row, into: &summary) }
            summary.rowsRead += batch.activities.count
            try activities.add(batch.activities, owners: activityOwners)
            try quarantine(activities.takeProblems(), into: &summary)
            pipeline.wantRecords(activities.wantsRecords, readAhead: activities.readAhead)
            appended?.importWrote()
            if summary.rowsRead >= nextProgress, let progress {
                nextProgress += 50_000
                progress(ImportProgress(rows: summary.rowsRead, bytes: batch.bytesRead, totalBytes: reader.fileSize))
            }
        }
        try activities.flush()
        try quarantine(activities.takeProblems(), into: &summary)
        summary.added += activities.added
        summary.updated += activities.updated
        summary.unchanged += activities.unchanged
        summary.outcomesFromWords += activities.outcomesFromWords
        if reader.dialect.holds == .roster { try resolveOwners() }
        summary.encoding = reader.encoding.rawValue
        summary.sha256 = reader.sha256()
        summary.unmatchedOwners = owners.filter { ownersUsed.contains($0.value.id) && $0.value.seller == nil }
            .map(\.key).sorted()
        summary.importID = importID
        try db.execute(
            sql: """
                INSERT INTO import_run (id, file, path, sha256, bytes, dialect, kind, encoding, started_at, rows_read,
                  added, updated, unchanged, quarantined, footer_lines, unmatched_owners)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                importID, reader.fileName, path, summary.sha256, reader.fileSize, reader.dialect.id,
                reader.dialect.holds.rawValue, summary.encoding, startedAt, summary.rowsRead, summary.added,
                summary.updated, summary.unchanged, summary.quarantined, summary.footerLines,
                summary.unmatchedOwners.count,
            ])
        // Rows quarantined by an earlier import of the same bytes stay; this import's copies go.
        try db.execute(
            sql: "UPDATE OR IGNORE quarantine SET sha256 = ? WHERE import_id = ?",
            arguments: [summary.sha256, importID])
        try db.execute(
            sql: "DELETE FROM quarantine WHERE import_id = ? AND sha256 = ?",
            arguments: [importID, "import:\(importID)"])
    }

    private mutating func take(_ row: ExportRow, into summary: inout ImportSummary) throws {
        switch row {
        case .footer:
            summary.footerLines += 1
        case .quarantined(let problem):
            summary.rowsRead += 1
            try quarantine([problem], into: &summary)
        case .record(let record, _):
            summary.rowsRead += 1
            switch try store(record) {
            case .added: summary.added += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.unchanged += 1
            }
        }
    }

    enum Change { case added, updated, unchanged }

    /// Stores a deal, seller or time-off `record`. Activities come packed (see `RowPipeline`) and are written
    /// and counted by `activities`.
    private mutating func store(_ record: ImportedRecord) throws -> Change {
        switch record {
        case .activity: preconditionFailure("the pipeline hands activities over packed")
        case .deal(let deal): return try store(deal)
        case .seller(let seller): return try store(seller)
        case .timeOff(let timeOff): return try store(timeOff)
        }
    }

    private mutating func store(_ deal: Deal) throws -> Change {
        let ownerID = try owner(deal.owner)
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO deal (key, owner_id, name, amount_cents, currency, stage, status, close_date,
                  created_date, import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET owner_id = excluded.owner_id, name = excluded.name,
                  amount_cents = excluded.amount_cents, currency = excluded.currency, stage = excluded.stage,
                  status = excluded.status, close_date = excluded.close_date,
                  created_date = excluded.created_date, import_id = excluded.import_id, version = version + 1
                WHERE (owner_id, name, amount_cents, currency, stage, status, close_date, created_date)
                  IS NOT (excluded.owner_id, excluded.name, excluded.amount_cents, excluded.currency,
                  excluded.stage, excluded.status, excluded.close_date, excluded.created_date)
                RETURNING version
                """)
        statement.setUncheckedArguments([
            deal.key, ownerID, deal.name, deal.amountCents, deal.currency, deal.stage, deal.status.rawValue,
            deal.closeDate?.description, deal.createdDate?.description, importID,
        ])
        return change(try Int64.fetchOne(statement))
    }

    private mutating func store(_ seller: Seller) throws -> Change {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO seller (email, name, team, manager, role, start_date, end_date, crm_id, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (email) DO UPDATE SET name = excluded.name,
                  team = CASE WHEN excluded.team = '' THEN team ELSE excluded.team END,
                  manager = CASE WHEN excluded.manager = '' THEN manager ELSE excluded.manager END,
                  role = CASE WHEN excluded.role = '' THEN role ELSE excluded.role END,
                  start_date = coalesce(excluded.start_date, start_date),
                  end_date = coalesce(excluded.end_date, end_date),
                  crm_id = CASE WHEN excluded.crm_id = '' THEN crm_id ELSE excluded.crm_id END,
                  active = excluded.active, version = version + 1
                WHERE (name, team, manager, role, start_date, end_date, crm_id, active)
                  IS NOT (excluded.name,
                  CASE WHEN excluded.team = '' THEN team ELSE excluded.team END,
                  CASE WHEN excluded.manager = '' THEN manager ELSE excluded.manager END,
                  CASE WHEN excluded.role = '' THEN role ELSE excluded.role END,
                  coalesce(excluded.start_date, start_date), coalesce(excluded.end_date, end_date),
                  CASE WHEN excluded.crm_id = '' THEN crm_id ELSE excluded.crm_id END, excluded.active)
                RETURNING version
                """)
        statement.setUncheckedArguments([
            seller.email, seller.name, seller.team, seller.manager, seller.role, seller.startDate?.description,
            seller.endDate?.description, seller.crmID, seller.active,
        ])
        return change(try Int64.fetchOne(statement))
    }

    private mutating func store(_ timeOff: TimeOff) throws -> Change {
        try db.execute(
            sql: """
                INSERT INTO time_off (email, start, "end", import_id) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
            arguments: [timeOff.email, timeOff.start.description, timeOff.end.description, importID])
        return db.changesCount == 1 ? .added : .unchanged
    }

    private func change(_ version: Int64?) -> Change {
        guard let version else { return .unchanged }
        return version == 0 ? .added : .updated
    }

    /// Sets `problems` aside, rows already counted as read.
    private mutating func quarantine(_ problems: [RowProblem], into summary: inout ImportSummary) throws {
        for problem in problems {
            summary.countQuarantined(problem)
            try quarantine(problem)
        }
    }

    private mutating func quarantine(_ problem: RowProblem) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO quarantine (import_id, file, sha256, line, reason, raw) VALUES (?, ?, ?, ?, ?, ?)
                """)
        // The file's digest is known only at the end; rows are keyed by import until then.
        try statement.execute(arguments: [
            importID, reader.fileName, "import:\(importID)", problem.line, problem.reason, problem.raw,
        ])
    }

    /// The owner row for `name`, created (and matched to the roster) on first sight.
    private mutating func owner(_ name: String) throws -> Int64 {
        if let known = owners[name] {
            ownersUsed.insert(known.id)
            return known.id
        }
        var seller = matcher.match(name)
        if seller == nil, name.contains("@") {
            seller = name.lowercased()
            try db.execute(
                sql: "INSERT INTO seller (email, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [seller, Seller.name(fromEmail: name)])
        }
        try db.execute(sql: "INSERT INTO owner (name, seller_email) VALUES (?, ?)", arguments: [name, seller])
        let id = db.lastInsertedRowID
        owners[name] = (id, seller)
        ownersUsed.insert(id)
        return id
    }

    /// After a roster import: match every owner name again.
    private mutating func resolveOwners() throws {
        matcher = OwnerMatcher(sellers: try SellerQueries.all(db))
        for (name, known) in owners {
            let seller = matcher.match(name) ?? known.seller
            guard seller != known.seller else { continue }
            try db.execute(sql: "UPDATE owner SET seller_email = ? WHERE id = ?", arguments: [seller, known.id])
            owners[name] = (known.id, seller)
        }
    }
}
