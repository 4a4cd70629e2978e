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
        // At most one tally per seller's owner and day: room made once, as each time the array grew it was copied
        // into memory new to the process (a quarter of a large team is megabytes of tallies).
        var tallies: [DayTally] = []
        tallies.reserveCapacity(min(owners.count * (to.daysSinceEpoch - from.daysSinceEpoch + 1), 1 << 20))
        var current: DayTally?
        var currentKey: (day: Int64, owner: Int64) = (-1, -1)
        var currentIsASeller = false
        try rows.forEachRow { row in
            let day = row.int64(0)
            let owner = row.int64(1)
            // Rows come by day and owner: the owner is looked up once per run of a day's and owner's rows. Whether
            // it is a seller is kept apart, as asking the optional `current` would copy it for every row.
            if day != currentKey.day || owner != currentKey.owner {
                if let done = current { tallies.append(done) }
                current = owners[owner].map { DayTally(email: $0, day: LocalDate(daysSinceEpoch: Int(day))) }
                currentKey = (day, owner)
                currentIsASeller = current != nil
            }
            guard currentIsASeller, let kind = kinds.value(row.text(2)), let direction = directions.value(row.text(3)),
                let outcome = outcomes.value(row.text(4))
            else { return }
            current?.count(
                kind: kind, direction: direction, outcome: outcome, count: Int(row.int64(5)),
                longEnough: Int(row.int64(6)), short: Int(row.int64(7)), untimed: Int(row.int64(8)),
                withoutContact: Int(row.int64(9)), fromWords: Int(row.int64(10)), borderline: Int(row.int64(11)))
        }
        if let last = current { tallies.append(last) }
        return tallies
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
        let monday = Int64(week.monday.daysSinceEpoch)
        let sunday = monday + 6
        let rows = try Self.doneActivities(
            db,
            columns: "id, owner_id, local_day, occurred_at, logged_at, utc_offset, kind, direction, outcome, duration",
            days: Int(sunday) - 13...Int(sunday), of: allOwners ? nil : Array(owners.keys))
        let kinds = Vocabularies.kinds
        let directions = Vocabularies.directions
        let outcomes = Vocabularies.outcomes
        var perMinute: [OwnerCount: Int] = [:]
        var loggedLater: [OwnerCount: Int] = [:]
        var calls: [Int64: [(at: Int64, id: Int64, rejected: Bool)]] = [:]
        var recorded: [Int64: (calls: Int, withOutcome: Int)] = [:]
        try rows.forEachRow { row in
            let owner = row.int64(1)
            let occurredAt = row.int64(3)
            if kinds.value(row.text(6)) == .call, directions.value(row.text(7)) == .outbound,
                let outcome = outcomes.value(row.text(8))
            {
                recorded[owner, default: (0, 0)].calls += 1
                if outcome != .unknown { recorded[owner, default: (0, 0)].withOutcome += 1 }
                // A call without an outcome that lasted long enough was answered: it ends a run of rejections too.
                let answered =
                    outcome == .unknown
                    && CallLength(seconds: row.optionalInt64(9).map(Int.init), minimum: minimumCallSeconds) == .long
                if outcome == .notInterested || outcome == .connected || answered {
                    calls[owner, default: []].append((occurredAt, row.int64(0), outcome == .notInterested))
                }
            }
            let day = row.int64(2)
            guard day >= monday else { return }
            perMinute[OwnerCount(owner: owner, value: occurredAt / 60), default: 0] += 1
            guard let loggedAt = row.optionalInt64(4) else { return }
            let loggedDay = (loggedAt + row.int64(5) * 60) / 86_400
            if loggedDay > day { loggedLater[OwnerCount(owner: owner, value: loggedDay), default: 0] += 1 }
        }
        var patterns: [String: LoggingPattern] = [:]
        for (key, count) in perMinute {
            guard let email = owners[key.owner] else { continue }
            patterns[email, default: LoggingPattern()].mostInOneMinute = max(
                patterns[email]?.mostInOneMinute ?? 0, count)
        }
        // By owner, then day: of a seller's busiest days, the one named is the earliest of the first owner name
        // (as the export names them) that has it.
        for (key, count) in loggedLater.sorted(by: { ($0.key.owner, $0.key.value) < ($1.key.owner, $1.key.value) }) {
            guard let email = owners[key.owner], count > patterns[email]?.mostLoggedLaterOnOneDay ?? 0 else {
                continue
            }
            patterns[email, default: LoggingPattern()].mostLoggedLaterOnOneDay = count
            patterns[email, default: LoggingPattern()].loggedLaterDay = LocalDate(daysSinceEpoch: Int(key.value))
        }
        // Each owner's calls in the order made; a seller's owners one after the other, as they are numbered.
        var runs: [String: (current: Int, longest: Int)] = [:]
        for (owner, ownerCalls) in calls.sorted(by: { $0.key < $1.key }) {
            guard let email = owners[owner] else { continue }
            var run = runs[email] ?? (0, 0)
            for call in ownerCalls.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) {
                if call.rejected {
                    run.current += 1
                    run.longest = max(run.longest, run.current)
                } else {
                    run.current = 0
                }
            }
            runs[email] = run
        }
        for (email, run) in runs where run.longest > 0 {
            patterns[email, default: LoggingPattern()].recentRejectionRun = run.longest
        }
        for (owner, count) in recorded {
            guard let email = owners[owner] else { continue }
            patterns[email, default: LoggingPattern()].recentCalls += count.calls
            patterns[email, default: LoggingPattern()].recentCallsWithOutcome += count.withOutcome
        }
        return patterns
    }

    /// A count's key: an owner and a minute or a day.
    private struct OwnerCount: Hashable {
        var owner: Int64
        var value: Int64
    }
}
