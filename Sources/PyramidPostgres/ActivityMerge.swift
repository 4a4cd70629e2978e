import Logging
import PostgresNIO

/// Merges an import's staged activities (`staged_activity`, in file order by `seq`, their owner rows in
/// `staged_owner`, each saying whether the file may have given its key before: `maybe_repeat`) into `activity`,
/// with the counts the SQLite workspace's import gives for the same rows: each row, in file order, is added (its key
/// is new), updated (its values differ from the key's stored row, or from the key's previous row in the file), or
/// unchanged. A key's last row in the file is what stays. A new row, and one moved to another day, gets the next id
/// of its day (`day × 2³² + n`), in file order, as in SQLite.
struct ActivityMerge {
    let connection: PostgresConnection
    let importID: Int64
    let logger: Logger

    func run() async throws -> (added: Int, updated: Int, unchanged: Int) {
        // Which row of a key comes before which matters only for the keys the file may give more than once (the
        // rows staged say so: `maybe_repeat`); only their rows are put in key order. All of them were: for a 10M-row
        // file, that sort and the window over it took 35 s of a count that took 73 s.
        try await connection.query(
            """
            CREATE TEMP TABLE repeated_key ON COMMIT DROP AS
            SELECT DISTINCT key FROM staged_activity WHERE maybe_repeat
            """, logger: logger)
        let countRow = try await connection.query(
            """
            SELECT count(*) FILTER (WHERE s.previous IS NULL AND a.key IS NULL),
              count(*) FILTER (WHERE (s.previous IS NOT NULL OR a.key IS NOT NULL)
                AND s.digest IS DISTINCT FROM coalesce(s.previous, a.digest)),
              count(*)
            FROM (SELECT key, digest, lag(digest) OVER (PARTITION BY key ORDER BY seq) AS previous
                  FROM staged_activity s WHERE EXISTS (SELECT 1 FROM repeated_key r WHERE r.key = s.key)
                  UNION ALL
                  SELECT key, digest, NULL
                  FROM staged_activity s WHERE NOT EXISTS (SELECT 1 FROM repeated_key r WHERE r.key = s.key)) s
            LEFT JOIN activity a ON \(unescaped: PostgresSchema.keyMatch("a", "s"))
            """, logger: logger
        ).collect().first
        let counts: (Int64, Int64, Int64) = try countRow?.decode((Int64, Int64, Int64).self) ?? (0, 0, 0)
        let (added, updated, all) = counts
        // A file imported again as it was changes nothing: the rest would only find that out again.
        guard added > 0 || updated > 0 else { return (0, 0, Int(all)) }
        // The file's last row of each key, and the stored row of each key it gives: the one pass over the stored
        // rows' keys; what follows joins these with each other. (Each step joined the file's rows with all the
        // stored ones: 786K rows changing 303K of 10M took 105 s, 71 s this way.)
        try await connection.execute(
            script: """
                CREATE TEMP TABLE merged_activity ON COMMIT DROP AS
                SELECT s.*, o.owner_id, s.seq AS first_seq
                FROM staged_activity s JOIN staged_owner o ON o.number = s.owner_number
                WHERE NOT EXISTS (SELECT 1 FROM repeated_key r WHERE r.key = s.key)
                UNION ALL
                (SELECT DISTINCT ON (s.key) s.*, o.owner_id, min(s.seq) OVER (PARTITION BY s.key) AS first_seq
                 FROM staged_activity s JOIN staged_owner o ON o.number = s.owner_number
                 WHERE EXISTS (SELECT 1 FROM repeated_key r WHERE r.key = s.key)
                 ORDER BY s.key, s.seq DESC);
                ANALYZE merged_activity;
                CREATE TEMP TABLE stored_match ON COMMIT DROP AS
                SELECT a.key, a.id, a.digest <> m.digest AS changed, a.local_day, a.owner_id, a.kind, a.direction,
                  a.outcome, a.done, a.duration, a.contact, a.outcome_from_words
                FROM merged_activity m JOIN activity a ON \(PostgresSchema.keyMatch("a", "m"));
                ANALYZE stored_match;
                CREATE TEMP TABLE activity_new_id ON COMMIT DROP AS
                WITH needing AS (
                  SELECT m.key, m.local_day, CASE WHEN s.key IS NULL THEN m.first_seq ELSE m.seq END AS at
                  FROM merged_activity m LEFT JOIN stored_match s ON s.key = m.key
                  WHERE s.key IS NULL OR (s.changed AND s.local_day <> m.local_day)),
                first_ids AS (
                  SELECT d.local_day, coalesce(
                    (SELECT max(id) + 1 FROM activity
                     WHERE id BETWEEN d.local_day::bigint * 4294967296 AND d.local_day::bigint * 4294967296 + 4294967295),
                    d.local_day::bigint * 4294967296) AS id
                  FROM (SELECT DISTINCT local_day FROM needing) d)
                SELECT n.key, f.id + row_number() OVER (PARTITION BY n.local_day ORDER BY n.at) - 1 AS id
                FROM needing n JOIN first_ids f USING (local_day);
                """, logger: logger)
        // For the daily tallies (`PostgresTallies`): what each changed row took away from its group, and what each
        // changed or added row brings to its own.
        try await connection.query(
            """
            CREATE TEMP TABLE tally_change ON COMMIT DROP AS
            SELECT -1 AS sign, local_day, owner_id, kind, direction, outcome, done, duration, contact,
              outcome_from_words
            FROM stored_match WHERE changed
            UNION ALL
            SELECT 1, m.local_day, m.owner_id, m.kind, m.direction, m.outcome, m.done, m.duration, m.contact,
              m.outcome_from_words
            FROM merged_activity m LEFT JOIN stored_match s ON s.key = m.key
            WHERE s.key IS NULL OR s.changed
            """, logger: logger)
        // Joined with the file's rows by key. By id through `stored_match`, the server chose a hash join reading the
        // whole table, and 303K changed rows of 10M took 48 s instead of 25-30 s.
        try await connection.query(
            """
            UPDATE activity a SET id = coalesce(n.id, a.id), owner_id = m.owner_id, local_day = m.local_day,
              kind = m.kind, direction = m.direction, outcome = m.outcome, done = m.done, duration = m.duration,
              occurred_at = m.occurred_at, utc_offset = m.utc_offset, logged_at = m.logged_at,
              outcome_text = m.outcome_text, subject = m.subject, contact = m.contact, company = m.company,
              outcome_from_words = m.outcome_from_words, digest = m.digest, import_id = \(importID),
              version = a.version + 1
            FROM merged_activity m LEFT JOIN activity_new_id n ON n.key = m.key
            WHERE \(unescaped: PostgresSchema.keyMatch("a", "m")) AND a.digest <> m.digest
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO activity (id, key, owner_id, local_day, kind, direction, outcome, done, duration,
              occurred_at, utc_offset, logged_at, outcome_text, subject, contact, company, outcome_from_words,
              digest, import_id)
            SELECT n.id, m.key, m.owner_id, m.local_day, m.kind, m.direction, m.outcome, m.done, m.duration,
              m.occurred_at, m.utc_offset, m.logged_at, m.outcome_text, m.subject, m.contact, m.company,
              m.outcome_from_words, m.digest, \(importID)
            FROM merged_activity m JOIN activity_new_id n ON n.key = m.key
            WHERE NOT EXISTS (SELECT 1 FROM stored_match s WHERE s.key = m.key)
            ORDER BY n.id
            """, logger: logger)
        return (Int(added), Int(updated), Int(all - added - updated))
    }
}
