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
/// it copies them (`Counter`); a merge counts again the days whose rows it changed or moved (`touched_day`) and adds
/// the rows it added (`added_activity`); an import that finds them counted with other thresholds counts them all
/// again.
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

    /// After an activities import: adds what `counter` counted and what a merge added (`added_activity`, when
    /// `merged`), and recounts the days whose rows a merge changed or moved (`touched_day`); or recounts everything
    /// when `recountAll`. Records `basis`; without one, marks the tallies unusable (reports then count from the
    /// activities).
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

    /// Recounts the days in `touched_day` from the activities, then adds the rows in `added_activity` of the other
    /// days to their groups.
    private static func addMerged(_ connection: PostgresConnection, basis: TallyBasis, logger: Logger) async throws {
        let days =
            try await connection.query("SELECT count(*) FROM touched_day", logger: logger).collect().first?.decode(
                Int.self) ?? 0
        if days > 0 {
            try await connection.query(
                "DELETE FROM activity_tally WHERE local_day IN (SELECT local_day FROM touched_day)", logger: logger)
            // A few days are read by their ids' ranges; many, in one pass over the table (a range per day for a
            // year of days took a minute for 10M rows).
            let from =
                days <= 31
                ? """
                touched_day t JOIN activity a
                  ON a.id BETWEEN t.local_day::bigint << 32 AND ((t.local_day::bigint + 1) << 32) - 1
                """ : "activity a"
            let filter = days <= 31 ? "a.done" : "a.done AND a.local_day IN (SELECT local_day FROM touched_day)"
            try await connection.query(
                PostgresQuery(unsafeSQL: insertSQL(basis, from: from, where: filter)), logger: logger)
        }
        try await connection.query(
            PostgresQuery(
                unsafeSQL: insertSQL(
                    basis, from: "added_activity a",
                    where: "a.done AND a.local_day NOT IN (SELECT local_day FROM touched_day)")
                        + """

                        ON CONFLICT (local_day, owner_id, kind, direction, outcome) DO UPDATE SET
                          count = activity_tally.count + excluded.count, long = activity_tally.long + excluded.long,
                          short = activity_tally.short + excluded.short, untimed = activity_tally.untimed + excluded.untimed,
                          without_contact = activity_tally.without_contact + excluded.without_contact,
                          from_words = activity_tally.from_words + excluded.from_words,
                          borderline = activity_tally.borderline + excluded.borderline
                        """), logger: logger)
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
    /// contact, with an outcome read from words, and of a borderline length (`TallyBasis.counts`).
    static func countsSQL(_ basis: TallyBasis, _ alias: String) -> String {
        let minimum = basis.minimumCallSeconds, short = basis.shortCallSeconds
        let duration = "\(alias).duration"
        let borderline = "(\(duration) % 60 = 0 AND \(duration) - 30 < \(minimum) AND \(duration) + 30 > \(minimum))"
        return """
            count(*), count(*) FILTER (WHERE \(duration) IS NULL OR (\(duration) >= \(minimum) AND NOT \(borderline))),
              count(*) FILTER (WHERE \(duration) <= \(short)), count(*) FILTER (WHERE \(duration) IS NULL),
              count(*) FILTER (WHERE \(alias).contact = ''), count(*) FILTER (WHERE \(alias).outcome_from_words),
              count(*) FILTER (WHERE \(borderline))
            """
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
                rows.reserve(12 * 21 + 3 * 3 * 32)
                rows.number(Int64(group.day))
                rows.number(owner)
                for var name in [kind.rawValue, direction.rawValue, outcome.rawValue] {
                    name.withUTF8 { rows.text($0) }
                }
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
