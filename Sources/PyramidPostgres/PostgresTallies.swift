import Logging
import PostgresNIO
import PyramidCore
import PyramidStore

/// The daily tallies of the PostgreSQL workspace, as the SQLite workspace keeps them: per day, owner, kind,
/// direction and outcome, the counts of done activities a report reads (`TallyBasis`), counted with the thresholds
/// recorded in `tally_basis`. Reports read them when those are the thresholds in force, else they count from the
/// activities (`PostgresSnapshot.dayTallies`): at 10M activities, a report's thirteen weeks of them took 3.7 s to
/// group.
///
/// An import keeps them in step within its transaction: an import straight into the empty table counts its rows as
/// it copies them (`Counter`); a merge takes from the groups the rows it changed as they were, and adds the rows it
/// changed or added as they are (`tally_change`); an import that finds them counted with other thresholds counts
/// them all again.
enum PostgresTallies {
    /// Counts the done activities an import copies straight into the table, per day and group code
    /// (`TallyGroupCode`: owner row, kind, direction and outcome), as the SQLite workspace's import counts them.
    struct Counter {
        let basis: TallyBasis
        private(set) var groups: [Group: TallyCounts] = [:]

        struct Group: Hashable {
            var day: Int
            var code: Int64
        }

        init(basis: TallyBasis) {
            self.basis = basis
        }

        mutating func add(_ row: ActivityBatch.Row, owner: Int64) {
            guard row.done else { return }
            let group = Group(
                day: row.day, code: TallyGroupCode.code(owner: owner, row.kind, row.direction, row.outcome))
            groups[group, default: TallyCounts()].add(row, basis: basis)
        }
    }

    /// Whether the stored tallies were counted with `basis`.
    static func usable(_ connection: PostgresConnection, basis: TallyBasis, logger: Logger) async throws -> Bool {
        let stored = try await connection.query(
            "SELECT min_call_seconds, short_call_seconds FROM tally_basis", logger: logger
        ).collect().first?.decode((Int, Int).self)
        return stored.map { TallyBasis(minimumCallSeconds: $0.0, shortCallSeconds: $0.1) } == basis
    }

    /// After an activities import: adds what `counter` counted and what a merge changed (`tally_change`, when
    /// `merged`); or recounts everything when `recountAll`. Records `basis`; without one, marks the tallies unusable
    /// (reports then count from the activities).
    static func finish(
        _ connection: PostgresConnection, basis: TallyBasis?, counter: Counter?, merged: Bool, recountAll: Bool,
        logger: Logger
    ) async throws {
        try await connection.query("DELETE FROM tally_basis", logger: logger)
        guard let basis else { return }
        if recountAll {
            try await connection.query("DELETE FROM activity_tally", logger: logger)
            try await connection.query(
                PostgresQuery(unsafeSQL: insertSQL(basis, from: "activity a", where: "a.done")), logger: logger)
        } else {
            if let counter, !counter.groups.isEmpty { try await copy(counter, to: connection, logger: logger) }
            if merged { try await addMerged(connection, basis: basis, logger: logger) }
        }
        try await connection.query(
            """
            INSERT INTO tally_basis (min_call_seconds, short_call_seconds)
            VALUES (\(basis.minimumCallSeconds), \(basis.shortCallSeconds))
            """, logger: logger)
    }

    /// Adds to each group what the merge's changes bring it (`tally_change`: less each changed row as it was, plus
    /// each changed or added row as it is), and drops the groups left with no activity. (Counting again the days a
    /// merge changed took 32-39 s for 303K rows changed all over a 10M-row year.)
    private static func addMerged(_ connection: PostgresConnection, basis: TallyBasis, logger: Logger) async throws {
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO activity_tally
                    SELECT a.local_day, a.owner_id, a.kind, a.direction, a.outcome, \(countsSQL(basis, "a", signed: true))
                    FROM tally_change a
                    WHERE a.done
                    GROUP BY a.local_day, a.owner_id, a.kind, a.direction, a.outcome
                    ON CONFLICT (local_day, owner_id, kind, direction, outcome) DO UPDATE SET
                      count = activity_tally.count + excluded.count, long = activity_tally.long + excluded.long,
                      short = activity_tally.short + excluded.short, untimed = activity_tally.untimed + excluded.untimed,
                      without_contact = activity_tally.without_contact + excluded.without_contact,
                      from_words = activity_tally.from_words + excluded.from_words,
                      borderline = activity_tally.borderline + excluded.borderline
                    """), logger: logger)
        // A group's other counts are counts of some of its activities: none left, all are 0.
        try await connection.query("DELETE FROM activity_tally WHERE count = 0", logger: logger)
    }

    /// The statement counting the activities `from` (aliased `a`) that match `filter` into `activity_tally`.
    private static func insertSQL(_ basis: TallyBasis, from: String, where filter: String) -> String {
        """
        INSERT INTO activity_tally
        SELECT a.local_day, a.owner_id, a.kind, a.direction, a.outcome, \(countsSQL(basis, "a"))
        FROM \(from)
        WHERE \(filter)
        GROUP BY a.local_day, a.owner_id, a.kind, a.direction, a.outcome
        """
    }

    /// The counts of a group of activities (`activity` aliased `alias`) in SQL, in `activity_tally`'s column order:
    /// all, long enough to be a conversation (or of unknown length), few-second, of unknown length, without a
    /// contact, with an outcome read from words, and of a borderline length (`TallyBasis.counts`). Each activity
    /// counts one; `signed`, it counts its column `sign` (1 or -1).
    static func countsSQL(_ basis: TallyBasis, _ alias: String, signed: Bool = false) -> String {
        let minimum = basis.minimumCallSeconds, short = basis.shortCallSeconds
        let duration = "\(alias).duration"
        let borderline = "(\(duration) % 60 = 0 AND \(duration) - 30 < \(minimum) AND \(duration) + 30 > \(minimum))"
        let all = signed ? "sum(\(alias).sign)" : "count(*)"
        func counted(_ condition: String) -> String {
            signed
                ? "coalesce(sum(\(alias).sign) FILTER (WHERE \(condition)), 0)" : "count(*) FILTER (WHERE \(condition))"
        }
        return [
            all, counted("\(duration) IS NULL OR (\(duration) >= \(minimum) AND NOT \(borderline))"),
            counted("\(duration) <= \(short)"), counted("\(duration) IS NULL"), counted("\(alias).contact = ''"),
            counted("\(alias).outcome_from_words"), counted(borderline),
        ].joined(separator: ",\n  ")
    }

    /// Writes the counted groups to `activity_tally` through `COPY`, by day and owner (as reports read them, so
    /// that a report's weeks lie together in the table).
    private static func copy(_ counter: Counter, to connection: PostgresConnection, logger: Logger) async throws {
        let columns = [
            "local_day", "owner_id", "kind", "direction", "outcome", "count", "long", "short", "untimed",
            "without_contact", "from_words", "borderline",
        ]
        // Codes sort by owner row within a day. The groups' keys are sorted, not the groups with their counts: a
        // 10M-row import's 723K groups peaked at 204 MB that way, 192 MB this way.
        let groups = counter.groups
        let keys = groups.keys.sorted { ($0.day, $0.code) < ($1.day, $1.code) }
        try await connection.copyFrom(table: "activity_tally", columns: columns, logger: logger) { writer in
            var rows = CopyText()
            for group in keys {
                guard let counts = groups[group] else { continue }
                let (owner, kind, direction, outcome) = TallyGroupCode.parts(group.code)
                rows.reserve(9 * 21)
                rows.number(Int64(group.day))
                rows.number(owner)
                rows.text(kind.rawValue)
                rows.text(direction.rawValue)
                rows.text(outcome.rawValue)
                rows.number(Int64(counts.all))
                rows.number(Int64(counts.long))
                rows.number(Int64(counts.short))
                rows.number(Int64(counts.untimed))
                rows.number(Int64(counts.withoutContact))
                rows.number(Int64(counts.fromWords))
                rows.last(Int64(counts.borderline))
                if rows.isFull { try await writer.write(rows.take()) }
            }
            if !rows.isEmpty { try await writer.write(rows.take()) }
        }
    }
}
