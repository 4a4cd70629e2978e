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
    /// daily tallies (reports count from the activities), so `tallyBasis` changes nothing here.
    public func importFile(
        _ reader: ExportReader, path: String, dryRun: Bool = false, now: Date = Date(),
        tallyBasis: TallyBasis? = nil, progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        let job = ImportJob(
            reader: reader, path: path, dryRun: dryRun, startedAt: ISO8601DateFormatter().string(from: now),
            progress: progress, logger: logger)
        return try transaction(dryRun ? .dryRun : .write) { connection in try await job.run(on: connection) }
    }
}

/// One file's import inside its transaction. Used from one task at a time (the reader is not shared).
private final class ImportJob: @unchecked Sendable {
    let reader: ExportReader
    let path: String
    let dryRun: Bool
    let startedAt: String
    let progress: ((ImportProgress) -> Void)?
    let logger: Logger
    var summary: ImportSummary
    /// The owner names the file uses, in the order first met (owner rows are numbered in that order).
    var ownerNames: [String] = []
    var ownerSeen: Set<String> = []
    var records: [ImportedRecord] = []

    /// The advisory lock an import holds from its merge to its commit (any number, the same in every process).
    static let mergeLock: Int64 = 0x5059_5241_4D49_4402

    init(
        reader: ExportReader, path: String, dryRun: Bool, startedAt: String,
        progress: ((ImportProgress) -> Void)?, logger: Logger
    ) {
        self.reader = reader
        self.path = path
        self.dryRun = dryRun
        self.startedAt = startedAt
        self.progress = progress
        self.logger = logger
        summary = ImportSummary(reader: reader, dryRun: dryRun)
    }

    func run(on connection: PostgresConnection) async throws -> ImportSummary {
        let activities = reader.dialect.holds == .activities
        if activities {
            // The merge sorts the file's rows by key and by day: with the server's default 4 MB a sort of a large
            // file spills to disk in many small runs. This transaction's own setting, gone at its end.
            try await connection.query("SET LOCAL work_mem = '256MB'", logger: logger)
            try await connection.query(
                """
                CREATE TEMP TABLE staged_activity (
                  seq bigint NOT NULL, key text COLLATE "C" NOT NULL, owner_name text COLLATE "C" NOT NULL,
                  local_day integer NOT NULL, kind text NOT NULL, direction text NOT NULL, outcome text NOT NULL,
                  done boolean NOT NULL, duration bigint, occurred_at bigint NOT NULL, utc_offset integer NOT NULL,
                  logged_at bigint, outcome_text text NOT NULL, subject text NOT NULL, contact text NOT NULL,
                  company text NOT NULL, outcome_from_words boolean NOT NULL, digest bigint NOT NULL
                ) ON COMMIT DROP
                """, logger: logger)
            try await connection.copyFrom(table: "staged_activity", columns: ActivityCopy.columns, logger: logger) {
                writer in
                var rows = ActivityCopy()
                var seq = 0
                while let row = try reader.next() {
                    guard case .record(.activity(let activity), _) = row else {
                        take(row)
                        continue
                    }
                    summary.rowsRead += 1
                    if activity.outcomeSource == .words { summary.outcomesFromWords += 1 }
                    noteOwner(activity.owner)
                    rows.append(activity, seq: seq)
                    seq += 1
                    if rows.isFull { try await writer.write(rows.take()) }
                    reportProgress()
                }
                if rows.buffer.readableBytes > 0 { try await writer.write(rows.take()) }
            }
        } else {
            while let row = try reader.next() {
                take(row)
                reportProgress()
            }
        }
        // From here to the commit, one import at a time: ids, owner rows and keys are settled against what the
        // other imports committed.
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.mergeLock))", logger: logger)
        let importID =
            try await connection.query("SELECT coalesce(max(id), 0) + 1 FROM import_run", logger: logger)
            .collect().first?.decode(Int64.self) ?? 1
        var owners = try await OwnerRows(connection: connection, logger: logger)
        for name in ownerNames { _ = try await owners.id(of: name) }
        if activities {
            let merge = ActivityMerge(connection: connection, importID: importID, logger: logger)
            let counts = try await merge.run()
            summary.added += counts.added
            summary.updated += counts.updated
            summary.unchanged += counts.unchanged
        }
        let store = RecordStore(connection: connection, importID: importID, logger: logger)
        for record in records {
            let change: RecordStore.Change
            switch record {
            case .activity: preconditionFailure("activities are staged")
            case .deal(let deal): change = try await store.store(deal, owner: try await owners.id(of: deal.owner))
            case .seller(let seller): change = try await store.store(seller)
            case .timeOff(let timeOff): change = try await store.store(timeOff)
            }
            switch change {
            case .added: summary.added += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.unchanged += 1
            }
        }
        if reader.dialect.holds == .roster { try await owners.resolve() }
        summary.sha256 = reader.sha256()
        summary.encoding = reader.encoding.rawValue
        summary.unmatchedOwners = owners.unmatched(among: Set(ownerNames))
        summary.importID = dryRun ? nil : importID
        try await logImport(importID, on: connection)
        return summary
    }

    /// Counts or keeps a row that is not an activity (or an activity file's footer or quarantined row).
    private func take(_ row: ExportRow) {
        switch row {
        case .footer:
            summary.footerLines += 1
        case .quarantined(let problem):
            summary.rowsRead += 1
            summary.quarantined += 1
            summary.problems.append(problem)
        case .record(let record, _):
            summary.rowsRead += 1
            switch record {
            case .deal(let deal): noteOwner(deal.owner)
            case .activity(let activity): noteOwner(activity.owner)
            case .seller, .timeOff: break
            }
            records.append(record)
        }
    }

    private func noteOwner(_ name: String) {
        if ownerSeen.insert(name).inserted { ownerNames.append(name) }
    }

    private var nextProgress = 50_000

    private func reportProgress() {
        guard let progress, summary.rowsRead >= nextProgress else { return }
        nextProgress += 50_000
        progress(ImportProgress(rows: summary.rowsRead, bytes: reader.bytesRead, totalBytes: reader.fileSize))
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
        guard !summary.problems.isEmpty else { return }
        let lines = summary.problems.map { Int64($0.line) }
        let reasons = summary.problems.map(\.reason)
        let raws = summary.problems.map(\.raw)
        try await connection.query(
            """
            INSERT INTO quarantine (import_id, file, sha256, line, reason, raw)
            SELECT \(importID), \(reader.fileName), \(sha256), line, reason, raw
            FROM unnest(\(lines)::bigint[], \(reasons)::text[], \(raws)::text[]) AS p(line, reason, raw)
            ON CONFLICT (sha256, line) DO NOTHING
            """, logger: logger)
        // The terminal shows the first problems; all are in the quarantine.
        summary.problems = Array(summary.problems.prefix(20))
    }
}
