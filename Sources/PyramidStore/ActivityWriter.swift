import GRDB
import PyramidCore

/// Writes an import's activities, 32 rows to a statement: SQLite's cost of running a statement (opening its
/// cursors, seeking from the root, resetting) was over half of its cost per row when each row had its own.
///
/// Each row is inserted under a new id of its day (see `ActivityID`), or updates the stored row with the same
/// key when any value differs (moving it to the new id when its day changed), or leaves it alone. Whether a
/// value differs is told by the rows' digests (`ActivityDigest`).
///
/// Rows are first tried as new, with a plain `INSERT`: SQLite writes new rows that way a quarter faster than
/// through the upsert, whose `RETURNING` (one result row per row written) is most of the difference. When a
/// key already exists the `INSERT` fails and SQLite undoes what the statement had written. The writer then
/// looks the keys' stored digests up, in one statement, and a row stored with the same digest is left alone
/// without writing anything (the upsert cost over twice as much even when it changed nothing). The other rows
/// are inserted when all are new, else written through the upsert, whose rows come back with their version (0
/// when added), so the counts stay exact. A statement's worth with the same key twice goes through the upsert
/// whole, which writes them in order. The writer looks keys up until a statement's worth is all new (a
/// re-import is all known keys).
struct ActivityWriter {
    static let rowsPerStatement = 32
    /// The number values bound per row, before the text values.
    private static let numberColumns: Int32 = 10
    private static let columns = numberColumns + Int32(ActivityBatch.textFields)

    private let db: Database
    private let importID: Int64
    /// The rows queued for the next statement, with their owner row and the id each is written under.
    private let pending = ActivityBatch()
    private var pendingOwners: [Int64] = []
    private var pendingIDs: [Int64] = []
    /// The queued rows to write (by their place in `pending`), reused from statement to statement.
    private var selected: [Int] = []
    private var statements: [Int: (insert: FastStatement, upsert: FastStatement)] = [:]
    /// Per number of rows, the statement looking their keys' stored digests up.
    private var digestLookups: [Int: FastStatement] = [:]
    /// The digest stored with each queued row's key, in queue order; nil for a key not stored.
    private var storedDigests: [Int64?] = []
    /// Whether the next rows are likely new (then a plain `INSERT` is tried first).
    private var expectNew = true
    /// Per local day, the id the next activity written to it gets.
    private var nextIDs: [Int: Int64] = [:]
    /// The done activities added, counted for the daily tallies; nil when they must be recounted (from the
    /// first update on: an update may move a row to another day).
    private(set) var tallies: TallyCounter?
    private(set) var added = 0
    private(set) var updated = 0
    private(set) var unchanged = 0

    init(db: Database, importID: Int64, tallies: TallyCounter?) {
        self.db = db
        self.importID = importID
        self.tallies = tallies
    }

    /// Queues the activities of `batch`, whose owners' rows are `owners` (in the order the import met them);
    /// writes each statement's worth.
    mutating func add(_ batch: ActivityBatch, owners: [Int64]) throws {
        for row in batch.rows {
            let id = try nextID(day: row.day)
            nextIDs[row.day] = id + 1
            pending.append(row, of: batch)
            pendingOwners.append(owners[row.owner])
            pendingIDs.append(id)
            if pending.count == Self.rowsPerStatement { try flush() }
        }
    }

    /// Writes what is queued.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        defer { clear() }
        selected.append(contentsOf: pending.rows.indices)
        if expectNew {
            if try insertSelected() { return }
            expectNew = false
        }
        guard !repeatsAKey() else { return try upsertSelected() }
        // Only the new and the changed rows are written.
        try lookUpStoredDigests()
        selected.removeAll(keepingCapacity: true)
        var noneChanged = true
        for index in pending.rows.indices {
            switch storedDigests[index] {
            case nil: selected.append(index)
            case digest(index): unchanged += 1
            default:
                selected.append(index)
                noneChanged = false
            }
        }
        if noneChanged, try insertSelected() {
            expectNew = selected.count == pending.count
        } else {
            try upsertSelected()
        }
    }

    private mutating func clear() {
        pending.removeAll()
        pendingOwners.removeAll(keepingCapacity: true)
        pendingIDs.removeAll(keepingCapacity: true)
        selected.removeAll(keepingCapacity: true)
    }

    /// Inserts the selected rows as new; false (nothing written) when a key is already stored.
    private mutating func insertSelected() throws -> Bool {
        guard !selected.isEmpty else { return true }
        do {
            let insert = try statements(rows: selected.count).insert
            bindSelected(to: insert)
            try insert.run()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            return false
        }
        added += selected.count
        for index in selected { try tallies?.add(pending.rows[index], owner: pendingOwners[index]) }
        return true
    }

    /// Writes the selected rows through the upsert, counting what it did.
    private mutating func upsertSelected() throws {
        guard !selected.isEmpty else { return }
        var returned: [(id: Int64, version: Int64)] = []
        let upsert = try statements(rows: selected.count).upsert
        bindSelected(to: upsert)
        try upsert.rows { returned.append(($0, $1)) }
        unchanged += selected.count - returned.count
        for (id, version) in returned {
            if version > 0 {
                updated += 1
                continue
            }
            added += 1
            guard tallies != nil else { continue }
            // An added row comes back under the new id it was given, which no other row had.
            guard let index = selected.first(where: { pendingIDs[$0] == id }) else {
                preconditionFailure("activity \(id) was added but not written by this statement")
            }
            try tallies?.add(pending.rows[index], owner: pendingOwners[index])
        }
        if updated > 0 { tallies = nil }
    }

    /// Whether two queued rows have the same key (told apart by the keys' digests, so rarely a false alarm,
    /// which only costs the upsert).
    private func repeatsAKey() -> Bool {
        let keys = pending.rows.map { ActivityDigest.of(pending.text(0, of: $0)) }
        for (index, key) in keys.enumerated() where keys[(index + 1)...].contains(key) { return true }
        return false
    }

    /// The digest queued row `index` is stored with.
    private func digest(_ index: Int) -> Int64 {
        ActivityDigest.stored(content: pending.rows[index].contentDigest, owner: pendingOwners[index])
    }

    /// Looks up the digest stored with each queued row's key, into `storedDigests`: one statement for them
    /// all, as a re-import looks every key up and one statement per key cost twice as much. The queued keys are
    /// all different (see `repeatsAKey`), so each matches at most one row.
    private mutating func lookUpStoredDigests() throws {
        let rows = pending.count
        let statement: FastStatement
        if let prepared = digestLookups[rows] {
            statement = prepared
        } else {
            let values = (0..<rows).map { "(\($0), ?)" }.joined(separator: ", ")
            statement = try FastStatement(
                db,
                sql: """
                    SELECT queued.column1, activity.digest FROM (VALUES \(values)) AS queued
                    LEFT JOIN activity ON activity.key = queued.column2
                    """)
            digestLookups[rows] = statement
        }
        for index in pending.rows.indices {
            statement.bind(Int32(index + 1), text: pending.text(0, of: pending.rows[index]))
        }
        storedDigests.removeAll(keepingCapacity: true)
        storedDigests.append(contentsOf: repeatElement(nil, count: rows))
        try statement.forEachRow { row in storedDigests[Int(row.int64(0))] = row.optionalInt64(1) }
    }

    /// Binds the selected rows to `statement`. The text is bound in place: `pending` is not changed until the
    /// statement has run.
    private func bindSelected(to statement: FastStatement) {
        let text = pending.textBytes
        for (position, index) in selected.enumerated() {
            let row = pending.rows[index]
            let offset = Int32(position) * Self.columns
            statement.bind(offset + 1, pendingIDs[index])
            statement.bind(offset + 2, pendingOwners[index])
            statement.bind(offset + 3, Int64(row.day))
            statement.bind(offset + 4, row.done)
            statement.bind(offset + 5, row.duration)
            statement.bind(offset + 6, row.occurredAt)
            statement.bind(offset + 7, Int64(row.utcOffsetMinutes))
            statement.bind(offset + 8, row.loggedAt)
            statement.bind(offset + 9, importID)
            statement.bind(offset + 10, digest(index))
            for field in 0..<ActivityBatch.textFields {
                statement.bind(
                    offset + Self.numberColumns + 1 + Int32(field),
                    text: UnsafeBufferPointer(rebasing: text[row.text(field)]))
            }
        }
    }

    /// The id for the next activity of `day`: one past the day's last.
    private mutating func nextID(day: Int) throws -> Int64 {
        if let next = nextIDs[day] { return next }
        let ids = ActivityID.range(fromDay: day, toDay: day)
        let last = try Int64.fetchOne(
            db, sql: "SELECT max(id) FROM activity WHERE id BETWEEN ? AND ?",
            arguments: [ids.lowerBound, ids.upperBound])
        return last.map { $0 + 1 } ?? ids.lowerBound
    }

    /// The statements writing `rows` rows, as new rows and as an upsert, prepared once per size.
    private mutating func statements(rows: Int) throws -> (insert: FastStatement, upsert: FastStatement) {
        if let prepared = statements[rows] { return prepared }
        let values = Array(
            repeating: "(" + Array(repeating: "?", count: Int(Self.columns)).joined(separator: ", ") + ")",
            count: rows
        ).joined(separator: ",\n")
        let insert = """
            INSERT INTO activity (id, owner_id, local_day, done, duration, occurred_at, utc_offset, logged_at,
              import_id, digest, key, kind, direction, outcome, outcome_text, subject, contact, company)
            VALUES \(values)
            """
        let prepared = (
            insert: try FastStatement(db, sql: insert),
            upsert: try FastStatement(
                db,
                sql: """
                    \(insert)
                    ON CONFLICT (key) DO UPDATE SET
                      id = CASE WHEN local_day = excluded.local_day THEN id ELSE excluded.id END,
                      owner_id = excluded.owner_id, local_day = excluded.local_day,
                      kind = excluded.kind, direction = excluded.direction, outcome = excluded.outcome,
                      done = excluded.done, duration = excluded.duration, occurred_at = excluded.occurred_at,
                      utc_offset = excluded.utc_offset, logged_at = excluded.logged_at,
                      outcome_text = excluded.outcome_text, subject = excluded.subject, contact = excluded.contact,
                      company = excluded.company, import_id = excluded.import_id, digest = excluded.digest,
                      version = version + 1
                    WHERE digest IS NOT excluded.digest
                    RETURNING id, version
                    """)
        )
        statements[rows] = prepared
        return prepared
    }
}
