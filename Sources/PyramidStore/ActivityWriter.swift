import GRDB
import PyramidCore

/// Writes an import's activities, 32 rows to a statement: SQLite's cost of running a statement (opening its
/// cursors, seeking from the root, resetting) was over half of its cost per row when each row had its own.
///
/// Each row is inserted under a new id of its day (see `ActivityID`), or updates the stored row with the same
/// key when any value differs (moving it to the new id when its day changed), or leaves it alone. The rows the
/// statement added or updated come back with their version (0 when added), so the counts stay exact, the same
/// key twice in one statement included.
struct ActivityWriter {
    static let rowsPerStatement = 32
    private static let columns: Int32 = 17

    private struct Pending {
        var activity: Activity
        var owner: Int64
        var id: Int64
    }

    private let db: Database
    private let importID: Int64
    private var pending: [Pending] = []
    private var statements: [Int: FastStatement] = [:]
    /// Per local day, the id the next activity written to it gets.
    private var nextIDs: [Int: Int64] = [:]
    /// The done activities added, counted for the daily tallies; nil when they must be recounted.
    private(set) var tallies: TallyCounter?
    private(set) var added = 0
    private(set) var updated = 0
    private(set) var unchanged = 0

    init(db: Database, importID: Int64, tallies: TallyCounter?) {
        self.db = db
        self.importID = importID
        self.tallies = tallies
        pending.reserveCapacity(Self.rowsPerStatement)
    }

    /// Queues `activity` of owner row `owner`; writes when a statement's worth is queued.
    mutating func add(_ activity: Activity, owner: Int64) throws {
        let day = activity.localDate.daysSinceEpoch
        let id = try nextID(day: day)
        nextIDs[day] = id + 1
        pending.append(Pending(activity: activity, owner: owner, id: id))
        if pending.count == Self.rowsPerStatement { try flush() }
    }

    /// Writes what is queued.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let statement = try self.statement(rows: pending.count)
        statement.startBinding(
            textBytes: pending.reduce(0) { total, row in
                let activity = row.activity
                return total + activity.key.utf8.count + activity.kind.rawValue.utf8.count
                    + activity.direction.rawValue.utf8.count + activity.outcome.rawValue.utf8.count
                    + activity.outcomeText.utf8.count + activity.subject.utf8.count + activity.contact.utf8.count
                    + activity.company.utf8.count
            })
        for (index, row) in pending.enumerated() {
            bind(row, to: statement, at: Int32(index) * Self.columns)
        }
        var returned: [(id: Int64, version: Int64)] = []
        try statement.rows { returned.append(($0, $1)) }
        unchanged += pending.count - returned.count
        for (id, version) in returned {
            if version > 0 {
                updated += 1
                continue
            }
            added += 1
            guard tallies != nil else { continue }
            // An added row comes back under the new id it was given, which no other row had.
            guard let row = pending.first(where: { $0.id == id }) else {
                preconditionFailure("activity \(id) was added but not written by this statement")
            }
            try tallies?.add(row.activity, owner: row.owner, db: db)
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func bind(_ row: Pending, to statement: FastStatement, at offset: Int32) {
        let activity = row.activity
        statement.bind(offset + 1, row.id)
        statement.bind(offset + 2, activity.key)
        statement.bind(offset + 3, row.owner)
        statement.bind(offset + 4, Int64(activity.localDate.daysSinceEpoch))
        statement.bind(offset + 5, activity.kind.rawValue)
        statement.bind(offset + 6, activity.direction.rawValue)
        statement.bind(offset + 7, activity.outcome.rawValue)
        statement.bind(offset + 8, activity.done)
        statement.bind(offset + 9, activity.durationSeconds)
        statement.bind(offset + 10, activity.occurredAt)
        statement.bind(offset + 11, Int64(activity.utcOffsetMinutes))
        statement.bind(offset + 12, activity.loggedAt)
        statement.bind(offset + 13, activity.outcomeText)
        statement.bind(offset + 14, activity.subject)
        statement.bind(offset + 15, activity.contact)
        statement.bind(offset + 16, activity.company)
        statement.bind(offset + 17, importID)
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

    /// The statement writing `rows` rows, prepared once per size.
    private mutating func statement(rows: Int) throws -> FastStatement {
        if let prepared = statements[rows] { return prepared }
        let values = Array(
            repeating: "(" + Array(repeating: "?", count: Int(Self.columns)).joined(separator: ", ") + ")",
            count: rows
        ).joined(separator: ",\n")
        let statement = try FastStatement(
            db,
            sql: """
                INSERT INTO activity (id, key, owner_id, local_day, kind, direction, outcome, done, duration,
                  occurred_at, utc_offset, logged_at, outcome_text, subject, contact, company, import_id)
                VALUES \(values)
                ON CONFLICT (key) DO UPDATE SET
                  id = CASE WHEN local_day = excluded.local_day THEN id ELSE excluded.id END,
                  owner_id = excluded.owner_id, local_day = excluded.local_day,
                  kind = excluded.kind, direction = excluded.direction, outcome = excluded.outcome,
                  done = excluded.done, duration = excluded.duration, occurred_at = excluded.occurred_at,
                  utc_offset = excluded.utc_offset, logged_at = excluded.logged_at,
                  outcome_text = excluded.outcome_text, subject = excluded.subject, contact = excluded.contact,
                  company = excluded.company, import_id = excluded.import_id, version = version + 1
                WHERE (owner_id, local_day, kind, direction, outcome, done, duration, occurred_at, utc_offset,
                  logged_at, outcome_text, subject, contact, company)
                  IS NOT (excluded.owner_id, excluded.local_day, excluded.kind, excluded.direction,
                  excluded.outcome, excluded.done, excluded.duration, excluded.occurred_at, excluded.utc_offset,
                  excluded.logged_at, excluded.outcome_text, excluded.subject, excluded.contact, excluded.company)
                RETURNING id, version
                """)
        statements[rows] = statement
        return statement
    }
}
