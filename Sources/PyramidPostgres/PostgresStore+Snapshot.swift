import Foundation
import Logging
import PostgresNIO
import PyramidCore
import PyramidStore

extension PostgresStore {
    /// Everything the model needs for `week`, as `Store.snapshot` reads it: one read-only transaction on one
    /// snapshot of the database, so an import committing meanwhile is wholly in or wholly out.
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
            for try await row in rows {
                var cells = CellReader(row)
                let owner = try cells.next(Int64.self), day = try cells.next(Int32.self)
                let kind = try cells.next(String.self), direction = try cells.next(String.self)
                let outcome = try cells.next(String.self), duration = try cells.next(Int64?.self)
                let contact = try cells.next(String.self), company = try cells.next(String.self)
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

    /// Per owner and day, the counts the model reads from `from` to `to`: the daily tallies when they were counted
    /// with the thresholds of `basis`, else grouped from the done activities with them (as the SQLite workspace's
    /// tallies count them: `TallyBasis.counts`). By day and owner, as `DayTallyBuilder` takes them.
    static func dayTallies(
        _ connection: PostgresConnection, owners: [Int64: String], from: LocalDate, to: LocalDate,
        basis: TallyBasis, logger: Logger
    ) async throws -> [DayTally] {
        let query: String
        if try await PostgresTallies.usable(connection, basis: basis, logger: logger) {
            query = """
                SELECT local_day, owner_id, kind, direction, outcome, count, long, short, untimed, without_contact,
                  from_words, borderline
                FROM activity_tally
                WHERE local_day BETWEEN \(from.daysSinceEpoch) AND \(to.daysSinceEpoch)
                ORDER BY local_day, owner_id
                """
        } else {
            let ids = ids(from: from, to: to)
            query = """
                SELECT a.local_day, a.owner_id, a.kind, a.direction, a.outcome, \(PostgresTallies.countsSQL(basis, "a"))
                FROM activity a
                WHERE a.id BETWEEN \(ids.lowerBound) AND \(ids.upperBound) AND a.done
                GROUP BY a.local_day, a.owner_id, a.kind, a.direction, a.outcome
                ORDER BY a.local_day, a.owner_id
                """
        }
        let rows = try await connection.query(PostgresQuery(unsafeSQL: query), logger: logger)
        var tallies = DayTallyBuilder(owners: owners, days: to.daysSinceEpoch - from.daysSinceEpoch + 1)
        for try await row in rows {
            var cells = CellReader(row)
            tallies.add(
                day: Int64(try cells.next(Int32.self)), owner: try cells.next(Int64.self),
                kind: ActivityKind(rawValue: try cells.next(String.self)),
                direction: Direction(rawValue: try cells.next(String.self)),
                outcome: Outcome(rawValue: try cells.next(String.self)), count: Int(try cells.next(Int64.self)),
                long: Int(try cells.next(Int64.self)), short: Int(try cells.next(Int64.self)),
                untimed: Int(try cells.next(Int64.self)),
                withoutContact: Int(try cells.next(Int64.self)), fromWords: Int(try cells.next(Int64.self)),
                borderline: Int(try cells.next(Int64.self)))
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
            var cells = CellReader(row)
            counter.add(
                id: try cells.next(Int64.self), owner: try cells.next(Int64.self),
                day: Int64(try cells.next(Int32.self)),
                occurredAt: try cells.next(Int64.self), loggedAt: try cells.next(Int64?.self),
                utcOffsetMinutes: Int64(try cells.next(Int32.self)),
                kind: ActivityKind(rawValue: try cells.next(String.self)),
                direction: Direction(rawValue: try cells.next(String.self)),
                outcome: Outcome(rawValue: try cells.next(String.self)),
                duration: try cells.next(Int64?.self))
        }
        return counter.patterns()
    }
}

/// Decodes a row's cells one after the other. A row decoded as a tuple of many types made those generic types
/// again for every row: most of a report's time at 10M activities (180,000 rows of tallies).
struct CellReader {
    private var cells: PostgresRow.Iterator

    init(_ row: PostgresRow) {
        cells = row.makeIterator()
    }

    mutating func next<Value: PostgresDecodable>(_: Value.Type) throws -> Value {
        guard let cell = cells.next() else { throw PostgresStoreError.server("a row has fewer values than asked for") }
        return try cell.decode(Value.self)
    }
}
