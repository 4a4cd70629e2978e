import Foundation
import GRDB
import PyramidCore

extension Store {
    /// Records a one-to-one in the coaching log and returns it with its id.
    ///
    /// - Parameter now: the clock, for the log's `recorded_at`.
    @discardableResult
    public func recordCoaching(_ entry: CoachingEntry, now: Date = Date()) throws -> CoachingEntry {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO coaching_entry (seller_email, manager, week, note, experiment, belief, measure_metric,
                      measure_per, measure_target, measure_weekdays, last_week, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: CoachingQueries.values(entry) + [ISO8601DateFormatter().string(from: now)])
            var stored = entry
            stored.id = db.lastInsertedRowID
            try CoachingQueries.writeAgreements(stored, db)
            return stored
        }
    }

    /// Replaces the stored entry with `entry.id` by `entry` (agreements included).
    ///
    /// - Throws: `StoreError.unknownCoachingEntry` when no entry has that id.
    public func updateCoaching(_ entry: CoachingEntry, now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE coaching_entry SET seller_email = ?, manager = ?, week = ?, note = ?, experiment = ?,
                      belief = ?, measure_metric = ?, measure_per = ?, measure_target = ?, measure_weekdays = ?,
                      last_week = ?, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: CoachingQueries.values(entry) + [ISO8601DateFormatter().string(from: now), entry.id])
            guard db.changesCount > 0 else { throw StoreError.unknownCoachingEntry(entry.id) }
            try db.execute(sql: "DELETE FROM coaching_agreement WHERE entry_id = ?", arguments: [entry.id])
            try CoachingQueries.writeAgreements(entry, db)
        }
    }

    /// Deletes the entry with `id` and (by the schema's `ON DELETE CASCADE`) its agreements.
    ///
    /// - Throws: `StoreError.unknownCoachingEntry` when no entry has that id.
    public func deleteCoaching(id: Int64) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM coaching_entry WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { throw StoreError.unknownCoachingEntry(id) }
        }
    }

    /// The entry with `id`.
    ///
    /// - Throws: `StoreError.unknownCoachingEntry` when no entry has that id.
    public func coachingEntry(id: Int64) throws -> CoachingEntry {
        try writer.read { db in
            guard let entry = try CoachingQueries.entries(db, where: "id = ?", [id]).first else {
                throw StoreError.unknownCoachingEntry(id)
            }
            return entry
        }
    }

    /// The coaching log, oldest first: one seller's when `email` is given, everyone's otherwise.
    public func coachingLog(email: String? = nil) throws -> [CoachingEntry] {
        try writer.read { db in
            if let email { return try CoachingQueries.entries(db, where: "seller_email = ?", [email]) }
            return try CoachingQueries.entries(db, where: "1", [])
        }
    }
}

/// The coaching log's rows as values.
enum CoachingQueries {
    /// Entries matching `condition`, oldest week first, with their agreements.
    static func entries(_ db: Database, where condition: String, _ arguments: StatementArguments) throws
        -> [CoachingEntry]
    {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM coaching_entry WHERE \(condition) ORDER BY week, id", arguments: arguments)
        var agreements: [Int64: [String]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT entry_id, text FROM coaching_agreement
                WHERE entry_id IN (SELECT id FROM coaching_entry WHERE \(condition))
                ORDER BY entry_id, position
                """, arguments: arguments)
        {
            agreements[row["entry_id"], default: []].append(row["text"])
        }
        return try rows.map { try entry($0, agreements: agreements[$0["id"]] ?? []) }
    }

    /// The bound values of `entry`, in the column order the INSERT and UPDATE statements use.
    static func values(_ entry: CoachingEntry) -> StatementArguments {
        let columns = CoachingColumns(entry)
        return [
            columns.sellerEmail, columns.manager, columns.week, columns.note, columns.experiment, columns.belief,
            columns.measureMetric, columns.measurePer, columns.measureTarget, columns.measureWeekdays,
            columns.lastWeek,
        ]
    }

    static func writeAgreements(_ entry: CoachingEntry, _ db: Database) throws {
        for (position, text) in entry.agreements.enumerated() {
            try db.execute(
                sql: "INSERT INTO coaching_agreement (entry_id, position, text) VALUES (?, ?, ?)",
                arguments: [entry.id, position, text])
        }
    }

    static func entry(_ row: Row, agreements: [String]) throws -> CoachingEntry {
        try CoachingColumns(
            id: row["id"], sellerEmail: row["seller_email"], manager: row["manager"], week: row["week"],
            note: row["note"], experiment: row["experiment"], belief: row["belief"],
            measureMetric: row["measure_metric"], measurePer: row["measure_per"], measureTarget: row["measure_target"],
            measureWeekdays: row["measure_weekdays"], lastWeek: row["last_week"]
        ).entry(agreements: agreements)
    }
}

/// A coaching entry as the coaching log's columns hold it, in whichever database.
public struct CoachingColumns: Sendable, Hashable {
    public var id: Int64
    public var sellerEmail: String
    public var manager: String
    public var week: String
    public var note: String
    public var experiment: String?
    public var belief: String?
    public var measureMetric: String?
    public var measurePer: String?
    public var measureTarget: Double?
    public var measureWeekdays: String?
    public var lastWeek: String?

    /// The columns as read.
    public init(
        id: Int64, sellerEmail: String, manager: String, week: String, note: String, experiment: String?,
        belief: String?, measureMetric: String?, measurePer: String?, measureTarget: Double?,
        measureWeekdays: String?, lastWeek: String?
    ) {
        self.id = id
        self.sellerEmail = sellerEmail
        self.manager = manager
        self.week = week
        self.note = note
        self.experiment = experiment
        self.belief = belief
        self.measureMetric = measureMetric
        self.measurePer = measurePer
        self.measureTarget = measureTarget
        self.measureWeekdays = measureWeekdays
        self.lastWeek = lastWeek
    }

    /// The columns to write for `entry`.
    public init(_ entry: CoachingEntry) {
        let experiment = entry.experiment
        let measure = experiment?.measure
        self.init(
            id: entry.id, sellerEmail: entry.email, manager: entry.manager, week: entry.week.description,
            note: entry.note, experiment: experiment?.name, belief: experiment?.belief,
            measureMetric: measure?.metric.rawValue, measurePer: measure?.per.rawValue, measureTarget: measure?.target,
            measureWeekdays: measure.map { $0.weekdays.map(String.init).joined(separator: ",") },
            lastWeek: experiment?.lastWeek.description)
    }

    /// The entry these columns hold, with its `agreements`.
    ///
    /// - Throws: `StoreError.unreadableCoachingEntry` for a value no version of Pyramid writes.
    public func entry(agreements: [String]) throws -> CoachingEntry {
        func fail(_ reason: String) -> StoreError { .unreadableCoachingEntry(id: id, reason: reason) }
        guard let isoWeek = ISOWeek(week) else { throw fail("'\(week)' is not an ISO week") }
        var experiment: Experiment?
        if let name = self.experiment {
            let lastText = lastWeek ?? ""
            guard let lastWeek = ISOWeek(lastText) else { throw fail("'\(lastText)' is not an ISO week") }
            var measure: ExperimentMeasure?
            if let metricText = measureMetric {
                guard let metric = Metric(rawValue: metricText), let per = Period(rawValue: measurePer ?? ""),
                    let target = measureTarget
                else { throw fail("the measure '\(metricText)' is incomplete") }
                let days = (measureWeekdays ?? "").split(separator: ",").compactMap { Int($0) }
                do {
                    measure = try ExperimentMeasure(metric: metric, per: per, target: target, weekdays: days)
                } catch {
                    throw fail(error.description)
                }
            }
            experiment = Experiment(name: name, belief: belief, measure: measure, lastWeek: lastWeek)
        }
        return CoachingEntry(
            id: id, email: sellerEmail, manager: manager, week: isoWeek, note: note, agreements: agreements,
            experiment: experiment)
    }
}
