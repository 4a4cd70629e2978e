import GRDB
import PyramidCore

/// The thresholds the daily tallies count with: a connected call from `minimumCallSeconds` is a conversation,
/// a call of `shortCallSeconds` or less is a few-second call.
public struct TallyBasis: Sendable, Hashable {
    public var minimumCallSeconds: Int
    public var shortCallSeconds: Int

    /// Creates a basis.
    public init(minimumCallSeconds: Int, shortCallSeconds: Int) {
        self.minimumCallSeconds = minimumCallSeconds
        self.shortCallSeconds = shortCallSeconds
    }

    /// The thresholds `config` sets.
    public init(_ config: WorkspaceConfig) {
        self.init(
            minimumCallSeconds: config.conversationMinCallSeconds, shortCallSeconds: config.rules.shortCallSeconds)
    }

    /// The tally's counts of a group of activities, in SQL, with its two arguments (`arguments`, as `?1` and
    /// `?2`): all, long enough to be a conversation (or of unknown length), few-second, of unknown length,
    /// without a contact, with an outcome read from words, and of a borderline length (`CallLength`).
    static let countsSQL = """
        count(*), sum(duration IS NULL OR (duration >= ?1 AND NOT \(borderlineSQL))),
          sum(duration IS NOT NULL AND duration <= ?2), sum(duration IS NULL), sum(contact = ''),
          sum(outcome_from_words), sum(duration IS NOT NULL AND \(borderlineSQL))
        """

    /// `CallLength.isBorderline` in SQL, against `?1`.
    private static let borderlineSQL = "(duration % 60 = 0 AND duration - 30 < ?1 AND duration + 30 > ?1)"

    /// The arguments of `countsSQL`.
    var arguments: [Int] { [minimumCallSeconds, shortCallSeconds] }

    /// Whether a done call of `duration` seconds (nil when unknown) counts as long enough, and as few-second;
    /// `countsSQL` says the same in SQL.
    package func counts(duration: Int?) -> (long: Bool, short: Bool, borderline: Bool) {
        let length = CallLength(seconds: duration, minimum: minimumCallSeconds)
        return (
            length == .long || length == .unknown, duration.map { $0 <= shortCallSeconds } ?? false,
            length == .borderline
        )
    }
}

/// Keeps `activity_tally` in step with `activity`, inside the import's transaction.
///
/// An import counts the done activities it adds as it goes (`TallyCounter`) when the stored tallies were
/// counted with the same thresholds, or there were no activities before; it recounts everything from the
/// activities when it updated a row (an update may move a row to another day) or the thresholds changed.
enum DailyTallies {
    /// Whether an import into `db` can add its counts to the stored tallies: they were counted with `basis`,
    /// or there is nothing to count yet (then the stale tallies, if any, are cleared).
    static func canCount(_ db: Database, basis: TallyBasis) throws -> Bool {
        if try usable(db, basis: basis) { return true }
        guard try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM activity)") ?? false) else { return false }
        // Only when there is something to clear: even an empty table's page would be written (see TallyCounter).
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM activity_tally)") ?? false {
            try db.execute(sql: "DELETE FROM activity_tally")
        }
        return true
    }

    /// After an activities import: adds what `counter` counted, or recounts everything without one (the
    /// import updated rows, or could not count); without a basis, marks the tallies unusable so reports count
    /// from the activities.
    static func finish(_ db: Database, basis: TallyBasis?, counter: TallyCounter?) throws {
        try db.execute(sql: "DELETE FROM tally_basis")
        guard let basis else { return }
        if var counter {
            try counter.finish(db)
        } else {
            try db.execute(sql: "DELETE FROM activity_tally")
            try db.execute(
                sql: """
                    INSERT INTO activity_tally
                    SELECT local_day, owner_id, kind, direction, outcome, \(TallyBasis.countsSQL)
                    FROM activity
                    WHERE done = 1
                    GROUP BY local_day, owner_id, kind, direction, outcome
                    """, arguments: StatementArguments(basis.arguments))
        }
        try db.execute(
            sql: "INSERT INTO tally_basis (min_call_seconds, short_call_seconds) VALUES (?, ?)",
            arguments: [basis.minimumCallSeconds, basis.shortCallSeconds])
    }

    /// Whether the stored tallies were counted with `basis`.
    static func usable(_ db: Database, basis: TallyBasis) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: "SELECT min_call_seconds, short_call_seconds FROM tally_basis")
        else { return false }
        return TallyBasis(minimumCallSeconds: row[0], shortCallSeconds: row[1]) == basis
    }
}

/// Counts the done activities an import adds, per day, owner, kind, direction and outcome; adds the counts to
/// `activity_tally` at the end.
///
/// While the activities come in day order (a file listing its oldest rows first, or rows put in id order), a day's
/// groups are complete once a later day's activity comes: they are added to `activity_tally` then, in its key
/// order, so each of its pages is written once. Summing them through the temporary table instead took a shuffled
/// 1M-row import 0.5 s after its key index was built (`perf record`), plus the temporary table's inserts.
///
/// Otherwise counts pile up in memory and move to a temporary table whenever they hold many groups (so memory
/// stays flat on a year of data), summed into `activity_tally` at the end; fewer are added one by one at the end.
/// Writing them to `activity_tally` as the import goes would keep changing its pages after SQLite had written
/// them out to make room in its cache, so each would be written many times. In the temporary table a group is two
/// integers (its day, and a `TallyGroupCode`), which SQLite sums by group over twice as fast as the five columns
/// of `activity_tally`, three of them text.
struct TallyCounter {
    /// A group: its day, and its owner, kind, direction and outcome as one `TallyGroupCode` (two integers
    /// hash several times faster than five fields).
    private struct Group: Hashable {
        var day: Int
        var code: Int64
    }

    private let basis: TallyBasis
    private var pending: [Group: TallyCounts] = [:]
    /// The groups held in memory before they move to the temporary table.
    static let flushAt = 16_384
    /// Appends groups' counts to the temporary table, and adds them to `activity_tally` (see the type's
    /// description): `groupsPerStatement` groups to a statement, and one, each prepared once (a year's import
    /// writes hundreds of thousands of groups). One group to a statement, writing the 158K groups of a shuffled
    /// 1M-row file took a quarter more of the writing thread (`perf record`: 360 samples against 290).
    private let append: GroupStatements
    private let add: GroupStatements
    static let groupsPerStatement = 32
    /// Whether every activity counted so far came in day order, and the day of the last.
    private var inDayOrder = true
    private var lastDay = Int.min
    /// Whether counts were moved to the temporary table.
    private var appended = false

    /// Starts counting for an import on `db`.
    init(db: Database, basis: TallyBasis) throws {
        self.basis = basis
        // A group may appear once per flush, summed at the end. The temporary database's cache is kept small:
        // it only appends, and with SQLite's default its memory grew with the import (7.5 MB at 4M rows).
        try db.execute(
            sql: """
                PRAGMA temp.cache_size = -512;
                CREATE TEMP TABLE IF NOT EXISTS tally_added (
                  local_day INTEGER NOT NULL, code INTEGER NOT NULL,
                  n INTEGER NOT NULL, long_calls INTEGER NOT NULL, short_calls INTEGER NOT NULL,
                  untimed INTEGER NOT NULL, without_contact INTEGER NOT NULL, from_words INTEGER NOT NULL,
                  borderline INTEGER NOT NULL);
                DELETE FROM temp.tally_added;
                """)
        append = try GroupStatements(db, insert: "INSERT INTO temp.tally_added") { first in
            (first..<first + 9).map { "?\($0)" }
        }
        // In `activity_tally`, a group's code gives its owner, kind, direction and outcome.
        let tallyValues = { (first: Int) in
            ["?\(first)", TallyGroupCode.columnsSQL("?\(first + 1)")] + (first + 2..<first + 9).map { "?\($0)" }
        }
        add = try GroupStatements(
            db, insert: "INSERT INTO activity_tally", upsert: "ON CONFLICT DO UPDATE SET \(Self.sums)",
            values: tallyValues)
    }

    /// What adds counts to a group's stored ones.
    private static let sums = """
        n = n + excluded.n, long_calls = long_calls + excluded.long_calls,
          short_calls = short_calls + excluded.short_calls, untimed = untimed + excluded.untimed,
          without_contact = without_contact + excluded.without_contact,
          from_words = from_words + excluded.from_words, borderline = borderline + excluded.borderline
        """

    /// Counts `activity`, stored for owner row `owner`, if it was done.
    mutating func add(_ activity: ActivityBatch.Row, owner: Int64) throws {
        guard activity.done else { return }
        if inDayOrder && activity.day != lastDay {
            if activity.day > lastDay {
                try addPending()
                lastDay = activity.day
            } else {
                inDayOrder = false
            }
        }
        let group = Group(
            day: activity.day,
            code: TallyGroupCode.code(owner: owner, activity.kind, activity.direction, activity.outcome))
        pending[group, default: TallyCounts()].add(activity, basis: basis)
        if pending.count >= Self.flushAt { try flush() }
    }

    /// Adds everything counted to `activity_tally`, in its key order.
    mutating func finish(_ db: Database) throws {
        // Counts that never went to the temporary table are of fewer groups than `flushAt`: added one by one, in
        // key order (a 4M-row file listed newest first left 6,159 groups of rows held back, spread over its year).
        guard appended else { return try addPending() }
        try flush()
        try db.execute(
            sql: """
                INSERT INTO activity_tally
                SELECT local_day, \(TallyGroupCode.columnsSQL("code")), sum(n), sum(long_calls), sum(short_calls),
                  sum(untimed), sum(without_contact), sum(from_words), sum(borderline)
                FROM temp.tally_added WHERE true
                GROUP BY local_day, code ORDER BY local_day, code
                ON CONFLICT DO UPDATE SET \(Self.sums);
                DELETE FROM temp.tally_added;
                """)
    }

    /// Adds the counts held in memory to `activity_tally`, in its key order: while activities come in day order,
    /// those of the days before the current one, which are complete; at the end, all that are left.
    private mutating func addPending() throws {
        try add.write(pending.sorted(by: { ($0.key.day, $0.key.code) < ($1.key.day, $1.key.code) }))
        pending.removeAll(keepingCapacity: true)
    }

    /// Moves the counts held in memory to the temporary table.
    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        appended = true
        try append.write(Array(pending))
        pending.removeAll(keepingCapacity: true)
    }

    /// A statement writing groups' days, codes and counts (nine values each), prepared for `groupsPerStatement`
    /// groups and for one.
    private struct GroupStatements {
        private let full: FastStatement
        private let one: FastStatement

        /// Prepares `insert`, then a group's values as `values` lists them (given the number of its first
        /// parameter), then `upsert`.
        init(_ db: Database, insert: String, upsert: String = "", values: (Int) -> [String]) throws {
            func statement(groups: Int) throws -> FastStatement {
                let rows = (0..<groups).map { "(" + values(1 + 9 * $0).joined(separator: ", ") + ")" }
                return try FastStatement(db, sql: "\(insert)\nVALUES \(rows.joined(separator: ",\n"))\n\(upsert)")
            }
            full = try statement(groups: TallyCounter.groupsPerStatement)
            one = try statement(groups: 1)
        }

        /// Writes `groups`, in their order.
        func write(_ groups: [(key: Group, value: TallyCounts)]) throws {
            var start = 0
            while start < groups.count {
                let count =
                    groups.count - start >= TallyCounter.groupsPerStatement ? TallyCounter.groupsPerStatement : 1
                let statement = count == 1 ? one : full
                let end = start + count
                for (position, (group, counts)) in groups[start..<end].enumerated() {
                    let first = Int32(1 + 9 * position)
                    statement.bind(first, group.day)
                    statement.bind(first + 1, group.code)
                    statement.bind(first + 2, Int(counts.all))
                    statement.bind(first + 3, Int(counts.long))
                    statement.bind(first + 4, Int(counts.short))
                    statement.bind(first + 5, Int(counts.untimed))
                    statement.bind(first + 6, Int(counts.withoutContact))
                    statement.bind(first + 7, Int(counts.fromWords))
                    statement.bind(first + 8, Int(counts.borderline))
                }
                try statement.run()
                start = end
            }
        }
    }
}

/// The counts of one tally group (a day, owner, kind, direction and outcome): its done activities, and of them
/// those long enough for a conversation (or of unknown length), few-second, of unknown length, without a contact,
/// with an outcome read from words, and of a borderline length (`TallyBasis.counts`).
///
/// 32 bits each: a group is one seller's activities of a kind on a day. The PostgreSQL workspace's first import
/// holds every group of its file (723K for 10M rows), at 28 bytes of counts each instead of 56.
package struct TallyCounts {
    package var all: Int32 = 0
    package var long: Int32 = 0
    package var short: Int32 = 0
    package var untimed: Int32 = 0
    package var withoutContact: Int32 = 0
    package var fromWords: Int32 = 0
    package var borderline: Int32 = 0

    package init() {}

    /// Counts the done `activity` with the thresholds of `basis`.
    package mutating func add(_ activity: ActivityBatch.Row, basis: TallyBasis) {
        let counts = basis.counts(duration: activity.duration)
        all += 1
        if counts.borderline { borderline += 1 }
        if counts.long { long += 1 }
        if counts.short { short += 1 }
        if activity.duration == nil { untimed += 1 }
        if !activity.hasContact { withoutContact += 1 }
        if activity.outcomeSource == .words { fromWords += 1 }
    }
}

/// A tally group's owner, kind, direction and outcome in one integer: the owner's row shifted left by 8, and
/// below it the kind (3 bits), direction (1 bit) and outcome (4 bits), each as its place among its type's
/// values in text order, so that codes sort as `activity_tally`'s key does.
package enum TallyGroupCode {
    private static let ownerShift = 8
    private static let kinds = Field<ActivityKind>(shift: 5, bits: 3)
    private static let directions = Field<Direction>(shift: 4, bits: 1)
    private static let outcomes = Field<Outcome>(shift: 0, bits: 4)

    /// The code of a group.
    package static func code(owner: Int64, _ kind: ActivityKind, _ direction: Direction, _ outcome: Outcome) -> Int64 {
        precondition(owner >= 0 && owner < 1 << (63 - ownerShift), "owner row \(owner) does not fit a tally code")
        return owner << ownerShift | kinds.code(kind) | directions.code(direction) | outcomes.code(outcome)
    }

    /// The owner's row, kind, direction and outcome of `code`.
    package static func parts(_ code: Int64) -> (
        owner: Int64, kind: ActivityKind, direction: Direction, outcome: Outcome
    ) {
        (code >> ownerShift, kinds.value(code), directions.value(code), outcomes.value(code))
    }

    /// SQL giving, from the code in `column`, the owner's row, kind, direction and outcome (in that order, as
    /// `activity_tally` holds them).
    static func columnsSQL(_ column: String) -> String {
        ["\(column) >> \(ownerShift)", kinds.textSQL(column), directions.textSQL(column), outcomes.textSQL(column)]
            .joined(separator: ",\n  ")
    }

    /// Where one type's values sit in a code.
    private struct Field<Value: RawRepresentable & CaseIterable & Equatable & Sendable>: Sendable
    where Value.RawValue == String {
        let shift: Int
        let mask: Int64
        let values: [Value]

        init(shift: Int, bits: Int) {
            values = Value.allCases.sorted { $0.rawValue < $1.rawValue }
            precondition(values.count <= 1 << bits, "\(Value.self) has more values than \(bits) bits hold")
            self.shift = shift
            mask = (1 << bits) - 1
        }

        /// Found among a handful of values by comparing, which is cheaper than hashing.
        func code(_ value: Value) -> Int64 {
            guard let number = values.firstIndex(of: value) else {
                preconditionFailure("\(value) is not among \(Value.self)")
            }
            return Int64(number) << shift
        }

        /// The value in `code`.
        func value(_ code: Int64) -> Value {
            values[Int((code >> shift) & mask)]
        }

        /// SQL giving the text of the value in the code in `column`.
        func textSQL(_ column: String) -> String {
            let cases = values.enumerated().map { "WHEN \($0) THEN '\($1.rawValue)'" }
            return "CASE (\(column) >> \(shift)) & \(mask) \(cases.joined(separator: " ")) END"
        }
    }
}
