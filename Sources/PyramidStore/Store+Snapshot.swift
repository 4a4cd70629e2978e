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
                week: week, allOwners: loggingOf == nil)
            return TeamSnapshot(
                week: week, sellers: sellers, timeOff: timeOff, tallies: tallies, deals: deals,
                dealsImported: dealsImported, logging: logging, coaching: coaching)
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
                    SELECT local_day, owner_id, kind, direction, outcome, n, long_calls, short_calls
                    FROM activity_tally WHERE local_day BETWEEN ? AND ?
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
        let kinds = VocabularyText<ActivityKind>()
        let directions = VocabularyText<Direction>()
        let outcomes = VocabularyText<Outcome>()
        var tallies: [DayTally] = []
        var current: DayTally?
        var currentKey: (day: Int64, owner: Int64) = (-1, -1)
        try rows.forEachRow { row in
            let day = row.int64(0)
            let owner = row.int64(1)
            guard let email = owners[owner] else { return }
            if day != currentKey.day || owner != currentKey.owner {
                if let done = current { tallies.append(done) }
                current = DayTally(email: email, day: LocalDate(daysSinceEpoch: Int(day)))
                currentKey = (day, owner)
            }
            guard let kind = kinds.value(row.text(2)), let direction = directions.value(row.text(3)),
                let outcome = outcomes.value(row.text(4))
            else { return }
            current?.count(
                kind: kind, direction: direction, outcome: outcome, count: Int(row.int64(5)),
                longEnough: Int(row.int64(6)), short: Int(row.int64(7)))
        }
        if let last = current { tallies.append(last) }
        return tallies
    }

    /// Per seller for the week: the most activities in one minute, the most entered on one later day, and
    /// the longest run of rejected calls over the last two weeks. Of the sellers of `owners` only, unless
    /// `allOwners`.
    private func loggingPatterns(_ db: Database, owners: [Int64: String], week: ISOWeek, allOwners: Bool) throws
        -> [String: LoggingPattern]
    {
        var patterns: [String: LoggingPattern] = [:]
        if owners.isEmpty { return patterns }
        // The owner filter, as bound parameters after the id range.
        let ownerIDs = allOwners ? [] : Array(owners.keys)
        let ownerFilter =
            ownerIDs.isEmpty
            ? "" : "AND owner_id IN (\(Array(repeating: "?", count: ownerIDs.count).joined(separator: ", ")))"
        func arguments(_ ids: ClosedRange<Int64>) -> StatementArguments {
            StatementArguments([ids.lowerBound, ids.upperBound] + ownerIDs)
        }
        let monday = week.monday.daysSinceEpoch
        let sunday = monday + 6
        let weekIDs = ActivityID.range(fromDay: monday, toDay: sunday)
        let fortnightIDs = ActivityID.range(fromDay: sunday - 13, toDay: sunday)
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT owner_id, max(n) FROM (
                  SELECT owner_id, occurred_at / 60 AS minute, count(*) AS n FROM activity
                  WHERE id BETWEEN ? AND ? \(ownerFilter) AND done = 1 GROUP BY owner_id, minute)
                GROUP BY owner_id
                """, arguments: arguments(weekIDs))
        {
            guard let email = owners[row[0]] else { continue }
            patterns[email, default: LoggingPattern()].mostInOneMinute = max(
                patterns[email]?.mostInOneMinute ?? 0, row[1])
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT owner_id, (logged_at + utc_offset * 60) / 86400 AS logged_day, count(*) AS n FROM activity
                WHERE id BETWEEN ? AND ? \(ownerFilter) AND done = 1 AND logged_at IS NOT NULL
                  AND (logged_at + utc_offset * 60) / 86400 > local_day
                GROUP BY owner_id, logged_day
                """, arguments: arguments(weekIDs))
        {
            guard let email = owners[row[0]] else { continue }
            let count: Int = row[2]
            if count > patterns[email]?.mostLoggedLaterOnOneDay ?? 0 {
                patterns[email, default: LoggingPattern()].mostLoggedLaterOnOneDay = count
                patterns[email, default: LoggingPattern()].loggedLaterDay = LocalDate(daysSinceEpoch: row[1])
            }
        }
        var runs: [String: (current: Int, longest: Int)] = [:]
        let calls = try Row.fetchCursor(
            db,
            sql: """
                SELECT owner_id, outcome FROM activity
                WHERE id BETWEEN ? AND ? \(ownerFilter) AND done = 1 AND kind = 'call' AND direction = 'outbound'
                  AND outcome IN ('not-interested', 'connected')
                ORDER BY owner_id, occurred_at
                """, arguments: arguments(fortnightIDs))
        while let row = try calls.next() {
            guard let email = owners[row[0]] else { continue }
            var run = runs[email] ?? (0, 0)
            if (row[1] as String) == Outcome.notInterested.rawValue {
                run.current += 1
                run.longest = max(run.longest, run.current)
            } else if (row[1] as String) == Outcome.connected.rawValue {
                run.current = 0
            }
            runs[email] = run
        }
        for (email, run) in runs where run.longest > 0 {
            patterns[email, default: LoggingPattern()].recentRejectionRun = run.longest
        }
        return patterns
    }
}
