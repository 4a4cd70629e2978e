import Foundation
import GRDB
import PyramidCore

extension Store {
    /// Everything the model needs for `week`: sellers, time off, daily tallies from the start of the lookback
    /// (or of the quarter, or of the baselines of the experiments followed, whichever is earliest), deals,
    /// logging patterns (of the sellers in `loggingOf` only, when given) and the coaching log up to the week.
    /// One read transaction, so an import running at the same time is either wholly in or wholly out.
    public func snapshot(week: ISOWeek, config: WorkspaceConfig, loggingOf: Set<String>? = nil) throws
        -> TeamSnapshot
    {
        let to = week.monday.adding(days: 6)
        return try writer.read { db in
            let coaching = try CoachingQueries.entries(db, where: "week <= ?", [week.description])
            let from = TeamSnapshot.firstDay(week: week, config: config, coaching: coaching)
            let owners = try ownerEmails(db)
            let sellers = try SellerQueries.all(db)
            let timeOff = try Row.fetchAll(db, sql: #"SELECT email, start, "end" FROM time_off"#).compactMap { row in
                guard let start = LocalDate(iso: row["start"]), let end = LocalDate(iso: row["end"]) else {
                    return nil as TimeOff?
                }
                return TimeOff(email: row["email"], start: start, end: end)
            }
            let tallies = try dailyTallies(db, owners: owners, from: from, to: to, config: config)
            let deals = try Row.fetchAll(
                db, sql: "SELECT owner_id, status, amount_cents, close_date, created_date FROM deal"
            ).compactMap { row -> DealFact? in
                guard let email = owners[row["owner_id"]], let status = DealStatus(rawValue: row["status"]) else {
                    return nil
                }
                return DealFact(
                    email: email, status: status, amount: Double(row["amount_cents"] as Int64? ?? 0) / 100,
                    closeDate: (row["close_date"] as String?).flatMap(LocalDate.init(iso:)),
                    createdDate: (row["created_date"] as String?).flatMap(LocalDate.init(iso:)))
            }
            let dealsImported = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM deal)") ?? false
            let logging = try loggingPatterns(
                db, owners: loggingOf.map { emails in owners.filter { emails.contains($0.value) } } ?? owners,
                week: week, allOwners: loggingOf == nil, minimumCallSeconds: config.conversationMinCallSeconds)
            return TeamSnapshot(
                week: week, sellers: sellers, timeOff: timeOff, tallies: tallies, deals: deals,
                dealsImported: dealsImported, logging: logging, coaching: coaching)
        }
    }

    /// The logging patterns of the sellers in `emails` for `week`, as `snapshot(week:config:loggingOf:)` reads them.
    public func logging(of emails: Set<String>, week: ISOWeek, config: WorkspaceConfig) throws
        -> [String: LoggingPattern]
    {
        try writer.read { db in
            try loggingPatterns(
                db, owners: try ownerEmails(db).filter { emails.contains($0.value) }, week: week, allOwners: false,
                minimumCallSeconds: config.conversationMinCallSeconds)
        }
    }

    private func ownerEmails(_ db: Database) throws -> [Int64: String] {
        var owners: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, seller_email FROM owner WHERE seller_email IS NOT NULL") {
            owners[row["id"]] = row["seller_email"]
        }
        return owners
    }

    /// Per owner and day: the counts the model reads, from the daily tallies (or the days' activities, one
    /// range of the table), in (day, owner) order. Read through SQLite's C API: a quarter of a large team is
    /// hundreds of thousands of rows, each read as a GRDB `Row` cost more than the query.
    private func dailyTallies(
        _ db: Database, owners: [Int64: String], from: LocalDate, to: LocalDate, config: WorkspaceConfig
    ) throws -> [DayTally] {
        let basis = TallyBasis(config)
        // The tallies kept by imports when they were counted with today's thresholds, else the activities.
        let rows: FastStatement
        if try DailyTallies.usable(db, basis: basis) {
            rows = try FastStatement(
                db,
                sql: """
                    SELECT local_day, owner_id, kind, direction, outcome, n, long_calls, short_calls, untimed,
                      without_contact, from_words, borderline
                    FROM activity_tally WHERE local_day BETWEEN ? AND ? ORDER BY local_day, owner_id
                    """)
            rows.bind(1, from.daysSinceEpoch)
            rows.bind(2, to.daysSinceEpoch)
        } else {
            rows = try FastStatement(
                db,
                sql: """
                    SELECT local_day, owner_id, kind, direction, outcome, \(TallyBasis.countsSQL)
                    FROM activity
                    WHERE id BETWEEN ? AND ? AND done = 1
                    GROUP BY local_day, owner_id, kind, direction, outcome
                    ORDER BY local_day, owner_id
                    """)
            let ids = ActivityID.range(fromDay: from.daysSinceEpoch, toDay: to.daysSinceEpoch)
            rows.bind(1, basis.minimumCallSeconds)
            rows.bind(2, basis.shortCallSeconds)
            rows.bind(3, ids.lowerBound)
            rows.bind(4, ids.upperBound)
        }
        let kinds = Vocabularies.kinds
        let directions = Vocabularies.directions
        let outcomes = Vocabularies.outcomes
        var tallies = DayTallyBuilder(owners: owners, days: to.daysSinceEpoch - from.daysSinceEpoch + 1)
        try rows.forEachRow { row in
            tallies.add(
                day: row.int64(0), owner: row.int64(1), kind: kinds.value(row.text(2)),
                direction: directions.value(row.text(3)), outcome: outcomes.value(row.text(4)),
                count: Int(row.int64(5)), long: Int(row.int64(6)), short: Int(row.int64(7)),
                untimed: Int(row.int64(8)), withoutContact: Int(row.int64(9)), fromWords: Int(row.int64(10)),
                borderline: Int(row.int64(11)))
        }
        return tallies.finish()
    }

    /// Per seller for the week: the most activities in one minute, the most entered on one later day, and
    /// the longest run of rejected calls over the last two weeks. Of the sellers of `owners` only, unless
    /// `allOwners`.
    ///
    /// One pass over the fortnight's activities, counted here: grouping them in SQL sorted them three times,
    /// a third of a team report's time.
    private func loggingPatterns(
        _ db: Database, owners: [Int64: String], week: ISOWeek, allOwners: Bool, minimumCallSeconds: Int
    ) throws
        -> [String: LoggingPattern]
    {
        if owners.isEmpty { return [:] }
        var counter = LoggingPatternCounter(owners: owners, week: week, minimumCallSeconds: minimumCallSeconds)
        let rows = try Self.doneActivities(
            db,
            columns: "id, owner_id, local_day, occurred_at, logged_at, utc_offset, kind, direction, outcome, duration",
            days: counter.days, of: allOwners ? nil : Array(owners.keys))
        let kinds = Vocabularies.kinds
        let directions = Vocabularies.directions
        let outcomes = Vocabularies.outcomes
        try rows.forEachRow { row in
            counter.add(
                id: row.int64(0), owner: row.int64(1), day: row.int64(2), occurredAt: row.int64(3),
                loggedAt: row.optionalInt64(4), utcOffsetMinutes: row.int64(5), kind: kinds.value(row.text(6)),
                direction: directions.value(row.text(7)), outcome: outcomes.value(row.text(8)),
                duration: row.optionalInt64(9))
        }
        return counter.patterns()
    }
}
