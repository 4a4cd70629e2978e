import PyramidCore

/// Builds the model's day tallies from grouped activity counts, whichever database counted them: rows come by day
/// and owner (several per pair, one per kind, direction and outcome), and the owners that are not a seller's are
/// left out.
public struct DayTallyBuilder {
    private let owners: [Int64: String]
    private var tallies: [DayTally] = []
    private var current: DayTally?
    private var currentKey: (day: Int64, owner: Int64) = (-1, -1)
    /// Whether `current` is a seller's, kept apart: asking the optional `current` would copy it for every row.
    private var currentIsASeller = false

    /// A builder for the owner rows `owners` (id → seller email), for `days` days at most.
    public init(owners: [Int64: String], days: Int) {
        self.owners = owners
        // At most one tally per seller's owner and day: room made once, as each time the array grew it was copied
        // into memory new to the process (a quarter of a large team is megabytes of tallies).
        tallies.reserveCapacity(min(owners.count * max(days, 1), 1 << 20))
    }

    /// Counts one group: `count` done activities of `owner` on `day` of a kind, direction and outcome (nil when
    /// the stored text is not one Pyramid knows), `long` of them long enough for a conversation, and so on.
    public mutating func add(
        day: Int64, owner: Int64, kind: ActivityKind?, direction: Direction?, outcome: Outcome?, count: Int,
        long: Int, short: Int, untimed: Int, withoutContact: Int, fromWords: Int, borderline: Int
    ) {
        // The owner is looked up once per run of a day's and owner's rows.
        if day != currentKey.day || owner != currentKey.owner {
            if let done = current { tallies.append(done) }
            current = owners[owner].map { DayTally(email: $0, day: LocalDate(daysSinceEpoch: Int(day))) }
            currentKey = (day, owner)
            currentIsASeller = current != nil
        }
        guard currentIsASeller, let kind, let direction, let outcome else { return }
        current?.count(
            kind: kind, direction: direction, outcome: outcome, count: count, longEnough: long, short: short,
            untimed: untimed, withoutContact: withoutContact, fromWords: fromWords, borderline: borderline)
    }

    /// The tallies, in (day, owner) order.
    public mutating func finish() -> [DayTally] {
        if let last = current { tallies.append(last) }
        current = nil
        return tallies
    }
}

/// Counts a seller's logging patterns for a week from the done activities of the fortnight ending with it, in any
/// order, whichever database read them: the most activities in one minute, the most entered on one later day, the
/// longest run of rejected calls over the two weeks, and how many calls have an outcome.
public struct LoggingPatternCounter {
    private let owners: [Int64: String]
    private let monday: Int64
    private let minimumCallSeconds: Int
    private var perMinute: [OwnerCount: Int] = [:]
    private var loggedLater: [OwnerCount: Int] = [:]
    private var calls: [Int64: [(at: Int64, id: Int64, rejected: Bool)]] = [:]
    private var recorded: [Int64: (calls: Int, withOutcome: Int)] = [:]

    /// A counter for the owner rows `owners` (id → seller email) and `week`.
    public init(owners: [Int64: String], week: ISOWeek, minimumCallSeconds: Int) {
        self.owners = owners
        monday = Int64(week.monday.daysSinceEpoch)
        self.minimumCallSeconds = minimumCallSeconds
    }

    /// The first day of the fortnight whose activities are counted (days since 1970-01-01), and the last.
    public var days: ClosedRange<Int> { Int(monday) - 7...Int(monday) + 6 }

    /// Counts one done activity (`kind`, `direction`, `outcome` nil when the stored text is not one Pyramid knows).
    public mutating func add(
        id: Int64, owner: Int64, day: Int64, occurredAt: Int64, loggedAt: Int64?, utcOffsetMinutes: Int64,
        kind: ActivityKind?, direction: Direction?, outcome: Outcome?, duration: Int64?
    ) {
        if kind == .call, direction == .outbound, let outcome {
            recorded[owner, default: (0, 0)].calls += 1
            if outcome != .unknown { recorded[owner, default: (0, 0)].withOutcome += 1 }
            // A call without an outcome that lasted long enough was answered: it ends a run of rejections too.
            let answered =
                outcome == .unknown
                && CallLength(seconds: duration.map(Int.init), minimum: minimumCallSeconds) == .long
            if outcome == .notInterested || outcome == .connected || answered {
                calls[owner, default: []].append((occurredAt, id, outcome == .notInterested))
            }
        }
        guard day >= monday else { return }
        perMinute[OwnerCount(owner: owner, value: occurredAt / 60), default: 0] += 1
        guard let loggedAt else { return }
        let loggedDay = (loggedAt + utcOffsetMinutes * 60) / 86_400
        if loggedDay > day { loggedLater[OwnerCount(owner: owner, value: loggedDay), default: 0] += 1 }
    }

    /// The patterns counted, by seller email.
    public func patterns() -> [String: LoggingPattern] {
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
