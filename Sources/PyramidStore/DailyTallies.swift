import GRDB

/// The thresholds the daily tallies count with: a connected call from `minimumCallSeconds` is a conversation,
/// a call of `shortCallSeconds` or less is a few-second call.
public struct TallyBasis: Sendable, Hashable {
    public var minimumCallSeconds: Int
    public var shortCallSeconds: Int

    /// Creates a basis.
    public init(minimumCallSeconds: Int, shortCallSeconds: Int) {
        self.minimumCallSeconds = minimumCallSeconds
        self.shortCallSeconds = shortCallSeconds
    }
}

/// Keeps `activity_tally` in step with `activity`, inside the import's transaction.
enum DailyTallies {
    /// After an activities import: recounts the days it added to, or everything when rows were updated (an
    /// update may move a row to another day) or the thresholds changed; without a basis, marks the tallies
    /// unusable so reports count from the activities.
    static func refresh(_ db: Database, basis: TallyBasis?, days: ClosedRange<Int>?, rebuild: Bool) throws {
        guard let basis else {
            try db.execute(sql: "DELETE FROM tally_basis")
            return
        }
        let stored = try Row.fetchOne(db, sql: "SELECT min_call_seconds, short_call_seconds FROM tally_basis")
        let sameBasis =
            stored.map { TallyBasis(minimumCallSeconds: $0[0], shortCallSeconds: $0[1]) == basis } ?? false
        if sameBasis && !rebuild {
            guard let days else { return }
            try db.execute(
                sql: "DELETE FROM activity_tally WHERE local_day BETWEEN ? AND ?",
                arguments: [days.lowerBound, days.upperBound])
            try count(db, basis: basis, days: days)
            return
        }
        try db.execute(sql: "DELETE FROM activity_tally")
        try count(db, basis: basis, days: nil)
        try db.execute(sql: "DELETE FROM tally_basis")
        try db.execute(
            sql: "INSERT INTO tally_basis (min_call_seconds, short_call_seconds) VALUES (?, ?)",
            arguments: [basis.minimumCallSeconds, basis.shortCallSeconds])
    }

    /// Whether the stored tallies were counted with `basis`.
    static func usable(_ db: Database, basis: TallyBasis) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: "SELECT min_call_seconds, short_call_seconds FROM tally_basis")
        else { return false }
        return TallyBasis(minimumCallSeconds: row[0], shortCallSeconds: row[1]) == basis
    }

    private static func count(_ db: Database, basis: TallyBasis, days: ClosedRange<Int>?) throws {
        var arguments: StatementArguments = [basis.minimumCallSeconds, basis.shortCallSeconds]
        var range = ""
        if let days {
            range = "AND local_day BETWEEN ? AND ?"
            arguments += [days.lowerBound, days.upperBound]
        }
        try db.execute(
            sql: """
                INSERT INTO activity_tally
                SELECT local_day, owner_id, kind, direction, outcome, count(*),
                  sum(duration IS NULL OR duration >= ?), sum(duration IS NOT NULL AND duration <= ?)
                FROM activity
                WHERE done = 1 \(range)
                GROUP BY local_day, owner_id, kind, direction, outcome
                """, arguments: arguments)
    }
}
