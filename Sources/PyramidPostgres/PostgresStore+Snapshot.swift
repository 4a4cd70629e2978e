import Foundation
import Logging
import PostgresNIO
import PyramidCore
import PyramidStore

extension PostgresStore {
    /// Everything the model needs for `week`, as `Store.snapshot` reads it: one read-only transaction on one
    /// snapshot of the database, so an import committing meanwhile is wholly in or wholly out. The daily counts
    /// are grouped from the activities themselves (PostgreSQL keeps no tallies).
    public func snapshot(week: ISOWeek, config: WorkspaceConfig, loggingOf: Set<String>? = nil) throws
        -> TeamSnapshot
    {
        let logger = self.logger
        return try transaction(.read) { connection in
            let coaching = try await PostgresCoaching.entries(
                connection, where: "week <= $1", [week.description], logger: logger)
            let from = TeamSnapshot.firstDay(week: week, config: config, coaching: coaching)
            let to = week.monday.adding(days: 6)
            let owners = try await PostgresSnapshot.ownerEmails(connection, logger: logger)
            let sellers = try await PostgresQueries.sellers(connection, logger: logger)
            let timeOff = try await connection.query(
                #"SELECT email, start, "end" FROM time_off ORDER BY id"#, logger: logger
            ).collect().compactMap { row -> TimeOff? in
                let (email, start, end) = try row.decode((String, String, String).self)
                guard let start = LocalDate(iso: start), let end = LocalDate(iso: end) else { return nil }
                return TimeOff(email: email, start: start, end: end)
            }
            let tallies = try await PostgresSnapshot.dayTallies(
                connection, owners: owners, from: from, to: to, basis: TallyBasis(config), logger: logger)
            let dealRows = try await connection.query(
                "SELECT owner_id, status, amount_cents, close_date, created_date FROM deal ORDER BY id",
                logger: logger
            ).collect()
            let deals = try dealRows.compactMap { row -> DealFact? in
                let (owner, status, cents, close, created) = try row.decode(
                    (Int64, String, Int64?, String?, String?).self)
                guard let email = owners[owner], let status = DealStatus(rawValue: status) else { return nil }
                return DealFact(
                    email: email, status: status, amount: Double(cents ?? 0) / 100,
                    closeDate: close.flatMap(LocalDate.init(iso:)), createdDate: created.flatMap(LocalDate.init(iso:)))
            }
            let logging = try await PostgresSnapshot.loggingPatterns(
                connection, owners: loggingOf.map { emails in owners.filter { emails.contains($0.value) } } ?? owners,
                week: week, allOwners: loggingOf == nil, minimumCallSeconds: config.conversationMinCallSeconds,
                logger: logger)
            return TeamSnapshot(
                week: week, sellers: sellers, timeOff: timeOff, tallies: tallies, deals: deals,
                dealsImported: !dealRows.isEmpty, logging: logging, coaching: coaching)
        }
    }

    /// The logging patterns of the sellers in `emails` for `week`, as `snapshot(week:config:loggingOf:)` reads them.
    public func logging(of emails: Set<String>, week: ISOWeek, config: WorkspaceConfig) throws
        -> [String: LoggingPattern]
    {
        let logger = self.logger
        return try transaction(.read) { connection in
            try await PostgresSnapshot.loggingPatterns(
                connection,
                owners: try await PostgresSnapshot.ownerEmails(connection, logger: logger).filter {
                    emails.contains($0.value)
                }, week: week, allOwners: false, minimumCallSeconds: config.conversationMinCallSeconds, logger: logger)
        }
    }

    /// The done activities of the sellers with the emails in `emails` from `from` to `to`, as contact touches
    /// (every seller named gets an entry, empty when they did nothing), in the order of their ids.
    public func journeys(of emails: Set<String>, from: LocalDate, to: LocalDate) throws -> [String: [ContactTouch]] {
        let logger = self.logger
        return try transaction(.read) { connection in
            var owners: [Int64: String] = [:]
            for (id, email) in try await PostgresSnapshot.ownerEmails(connection, logger: logger)
            where emails.contains(email) {
                owners[id] = email
            }
            var touches = Dictionary(uniqueKeysWithValues: emails.map { ($0, [ContactTouch]()) })
            guard !owners.isEmpty else { return touches }
            let ids = PostgresSnapshot.ids(from: from, to: to)
            let rows = try await connection.query(
                """
                SELECT owner_id, local_day, kind, direction, outcome, duration, contact, company FROM activity
                WHERE id BETWEEN \(ids.lowerBound) AND \(ids.upperBound) AND done AND owner_id = ANY(\(Array(owners.keys)))
                ORDER BY id
                """, logger: logger)
            for try await (owner, day, kind, direction, outcome, duration, contact, company) in rows.decode(
                (Int64, Int32, String, String, String, Int64?, String, String).self)
            {
                guard let email = owners[owner], let kind = ActivityKind(rawValue: kind),
                    let direction = Direction(rawValue: direction), let outcome = Outcome(rawValue: outcome)
                else { continue }
                touches[email, default: []].append(
                    ContactTouch(
                        contact: ContactKey.number(contact: contact, company: company),
                        day: LocalDate(daysSinceEpoch: Int(day)), kind: kind, direction: direction, outcome: outcome,
                        durationSeconds: duration.map(Int.init)))
            }
            return touches
        }
    }
}

/// The reads behind a snapshot.
enum PostgresSnapshot {
    /// The activity ids of the days `from` through `to` (`day × 2³² + n`).
    static func ids(from: LocalDate, to: LocalDate) -> ClosedRange<Int64> {
        (Int64(from.daysSinceEpoch) << 32)...((Int64(to.daysSinceEpoch + 1) << 32) - 1)
    }

    static func ownerEmails(_ connection: PostgresConnection, logger: Logger) async throws -> [Int64: String] {
        var owners: [Int64: String] = [:]
        for try await (id, email) in try await connection.query(
            "SELECT id, seller_email FROM owner WHERE seller_email IS NOT NULL", logger: logger
        ).decode((Int64, String).self) {
            owners[id] = email
        }
        return owners
    }

    /// Per owner and day, the counts the model reads, grouped from the done activities of `from` to `to` with the
    /// thresholds of `basis` (as the SQLite workspace's tallies count them: `TallyBasis.counts`).
    static func dayTallies(
        _ connection: PostgresConnection, owners: [Int64: String], from: LocalDate, to: LocalDate,
        basis: TallyBasis, logger: Logger
    ) async throws -> [DayTally] {
        let ids = ids(from: from, to: to)
        let minimum = Int64(basis.minimumCallSeconds)
        let short = Int64(basis.shortCallSeconds)
        let rows = try await connection.query(
            """
            SELECT local_day, owner_id, kind, direction, outcome, count(*),
              count(*) FILTER (WHERE duration IS NULL OR (duration >= \(minimum)
                AND NOT (duration % 60 = 0 AND duration - 30 < \(minimum) AND duration + 30 > \(minimum)))),
              count(*) FILTER (WHERE duration <= \(short)),
              count(*) FILTER (WHERE duration IS NULL),
              count(*) FILTER (WHERE contact = ''),
              count(*) FILTER (WHERE outcome_from_words),
              count(*) FILTER (WHERE duration % 60 = 0 AND duration - 30 < \(minimum) AND duration + 30 > \(minimum))
            FROM activity
            WHERE id BETWEEN \(ids.lowerBound) AND \(ids.upperBound) AND done
            GROUP BY local_day, owner_id, kind, direction, outcome
            ORDER BY local_day, owner_id
            """, logger: logger)
        var tallies = DayTallyBuilder(owners: owners, days: to.daysSinceEpoch - from.daysSinceEpoch + 1)
        for try await row in rows {
            let (day, owner, kind, direction, outcome) = try row.decode((Int32, Int64, String, String, String).self)
            let counts = try row.decode(
                (Int32, Int64, String, String, String, Int64, Int64, Int64, Int64, Int64, Int64, Int64).self)
            tallies.add(
                day: Int64(day), owner: owner, kind: ActivityKind(rawValue: kind),
                direction: Direction(rawValue: direction), outcome: Outcome(rawValue: outcome), count: Int(counts.5),
                long: Int(counts.6), short: Int(counts.7), untimed: Int(counts.8), withoutContact: Int(counts.9),
                fromWords: Int(counts.10), borderline: Int(counts.11))
        }
        return tallies.finish()
    }

    /// The logging patterns of the sellers of `owners` for `week` (of every owner's rows when `allOwners`).
    static func loggingPatterns(
        _ connection: PostgresConnection, owners: [Int64: String], week: ISOWeek, allOwners: Bool,
        minimumCallSeconds: Int, logger: Logger
    ) async throws -> [String: LoggingPattern] {
        if owners.isEmpty { return [:] }
        var counter = LoggingPatternCounter(owners: owners, week: week, minimumCallSeconds: minimumCallSeconds)
        let days = counter.days
        let ids = ids(from: LocalDate(daysSinceEpoch: days.lowerBound), to: LocalDate(daysSinceEpoch: days.upperBound))
        let only: [Int64] = allOwners ? [] : Array(owners.keys)
        let rows = try await connection.query(
            """
            SELECT id, owner_id, local_day, occurred_at, logged_at, utc_offset, kind, direction, outcome, duration
            FROM activity
            WHERE id BETWEEN \(ids.lowerBound) AND \(ids.upperBound) AND done
              AND (cardinality(\(only)::bigint[]) = 0 OR owner_id = ANY(\(only)))
            """, logger: logger)
        for try await row in rows {
            let (id, owner, day, occurredAt, loggedAt, offset, kind, direction, outcome, duration) = try row.decode(
                (Int64, Int64, Int32, Int64, Int64?, Int32, String, String, String, Int64?).self)
            counter.add(
                id: id, owner: owner, day: Int64(day), occurredAt: occurredAt, loggedAt: loggedAt,
                utcOffsetMinutes: Int64(offset), kind: ActivityKind(rawValue: kind),
                direction: Direction(rawValue: direction), outcome: Outcome(rawValue: outcome), duration: duration)
        }
        return counter.patterns()
    }
}
