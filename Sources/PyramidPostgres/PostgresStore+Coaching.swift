import Foundation
import Logging
import PostgresNIO
import PyramidCore
import PyramidStore

extension PostgresStore {
    /// Records a one-to-one in the coaching log and returns it with its id.
    @discardableResult
    public func recordCoaching(_ entry: CoachingEntry, now: Date = Date()) throws -> CoachingEntry {
        let logger = self.logger
        let recordedAt = ISO8601DateFormatter().string(from: now)
        return try transaction { connection in
            let c = CoachingColumns(entry)
            let id = try await connection.query(
                """
                INSERT INTO coaching_entry (seller_email, manager, week, note, experiment, belief, measure_metric,
                  measure_per, measure_target, measure_weekdays, last_week, recorded_at)
                VALUES (\(c.sellerEmail), \(c.manager), \(c.week), \(c.note), \(c.experiment), \(c.belief),
                  \(c.measureMetric), \(c.measurePer), \(c.measureTarget), \(c.measureWeekdays), \(c.lastWeek),
                  \(recordedAt))
                RETURNING id
                """, logger: logger
            ).collect().first?.decode(Int64.self)
            var stored = entry
            stored.id = id ?? 0
            try await PostgresCoaching.writeAgreements(stored, connection, logger: logger)
            return stored
        }
    }

    /// Replaces the stored entry with `entry.id` by `entry` (agreements included).
    ///
    /// - Throws: `StoreError.unknownCoachingEntry` when no entry has that id.
    public func updateCoaching(_ entry: CoachingEntry, now: Date = Date()) throws {
        let logger = self.logger
        let updatedAt = ISO8601DateFormatter().string(from: now)
        try transaction { connection in
            let c = CoachingColumns(entry)
            let found = try await connection.query(
                """
                UPDATE coaching_entry SET seller_email = \(c.sellerEmail), manager = \(c.manager), week = \(c.week),
                  note = \(c.note), experiment = \(c.experiment), belief = \(c.belief),
                  measure_metric = \(c.measureMetric), measure_per = \(c.measurePer),
                  measure_target = \(c.measureTarget), measure_weekdays = \(c.measureWeekdays),
                  last_week = \(c.lastWeek), updated_at = \(updatedAt)
                WHERE id = \(entry.id)
                RETURNING id
                """, logger: logger
            ).collect()
            guard !found.isEmpty else { throw StoreError.unknownCoachingEntry(entry.id) }
            try await connection.query("DELETE FROM coaching_agreement WHERE entry_id = \(entry.id)", logger: logger)
            try await PostgresCoaching.writeAgreements(entry, connection, logger: logger)
        }
    }

    /// Deletes the entry with `id` and (by the schema's `ON DELETE CASCADE`) its agreements.
    ///
    /// - Throws: `StoreError.unknownCoachingEntry` when no entry has that id.
    public func deleteCoaching(id: Int64) throws {
        let logger = self.logger
        try transaction { connection in
            let found = try await connection.query(
                "DELETE FROM coaching_entry WHERE id = \(id) RETURNING id", logger: logger
            ).collect()
            guard !found.isEmpty else { throw StoreError.unknownCoachingEntry(id) }
        }
    }

    /// The entry with `id`.
    ///
    /// - Throws: `StoreError.unknownCoachingEntry` when no entry has that id.
    public func coachingEntry(id: Int64) throws -> CoachingEntry {
        let logger = self.logger
        return try transaction(.read) { connection in
            guard
                let entry = try await PostgresCoaching.entries(connection, where: "id = $1", [id], logger: logger)
                    .first
            else { throw StoreError.unknownCoachingEntry(id) }
            return entry
        }
    }

    /// The coaching log, oldest first: one seller's when `email` is given, everyone's otherwise.
    public func coachingLog(email: String? = nil) throws -> [CoachingEntry] {
        let logger = self.logger
        return try transaction(.read) { connection in
            if let email {
                return try await PostgresCoaching.entries(
                    connection, where: "seller_email = $1", [email], logger: logger)
            }
            return try await PostgresCoaching.entries(connection, where: "true", [], logger: logger)
        }
    }
}

/// The coaching log's rows as values.
enum PostgresCoaching {
    /// Entries matching `condition` (with `$1` bound to `argument`'s one value, if any), oldest week first, with
    /// their agreements.
    static func entries(
        _ connection: PostgresConnection, where condition: String, _ arguments: [any PostgresEncodable & Sendable],
        logger: Logger
    ) async throws -> [CoachingEntry] {
        var bindings = PostgresBindings()
        for argument in arguments { try bindings.append(argument) }
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT id, seller_email, manager, week, note, experiment, belief, measure_metric, measure_per,
                      measure_target, measure_weekdays, last_week
                    FROM coaching_entry WHERE \(condition) ORDER BY week, id
                    """, binds: bindings), logger: logger
        ).collect()
        var agreements: [Int64: [String]] = [:]
        for row in try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT entry_id, text FROM coaching_agreement
                    WHERE entry_id IN (SELECT id FROM coaching_entry WHERE \(condition))
                    ORDER BY entry_id, position
                    """, binds: bindings), logger: logger
        ).collect() {
            let (id, text) = try row.decode((Int64, String).self)
            agreements[id, default: []].append(text)
        }
        return try rows.map { row in
            let v = try row.decode(
                (
                    Int64, String, String, String, String, String?, String?, String?, String?, Double?, String?,
                    String?
                ).self)
            return try CoachingColumns(
                id: v.0, sellerEmail: v.1, manager: v.2, week: v.3, note: v.4, experiment: v.5, belief: v.6,
                measureMetric: v.7, measurePer: v.8, measureTarget: v.9, measureWeekdays: v.10, lastWeek: v.11
            ).entry(agreements: agreements[v.0] ?? [])
        }
    }

    static func writeAgreements(_ entry: CoachingEntry, _ connection: PostgresConnection, logger: Logger)
        async throws
    {
        for (position, text) in entry.agreements.enumerated() {
            try await connection.query(
                """
                INSERT INTO coaching_agreement (entry_id, position, text) VALUES (\(entry.id), \(position), \(text))
                """, logger: logger)
        }
    }
}
