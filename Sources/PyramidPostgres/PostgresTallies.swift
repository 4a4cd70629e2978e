import CPyramidPageCache
import Logging
import PostgresNIO
import PyramidCore
import PyramidStore

/// The daily tallies of the PostgreSQL workspace, as the SQLite workspace keeps them: per day, owner, kind,
/// direction and outcome, the counts of done activities a report reads (`TallyBasis`), counted with the thresholds
/// recorded in `tally_basis`. Reports read them when those are the thresholds in force, else they count from the
/// activities (`PostgresSnapshot.dayTallies`): at 10M activities, a report's thirteen weeks of them took 3.7 s to
/// group.
///
/// An import keeps them in step within its transaction: an import straight into the empty table counts its rows as
/// it copies them (`Counter`); a merge takes from the groups the rows it changed as they were, and adds the rows it
/// changed or added as they are (`tally_change`); an import that finds them counted with other thresholds counts
/// them all again.
enum PostgresTallies {
    /// Counts the done activities an import copies straight into the table, per day and group code
    /// (`TallyGroupCode`: owner row, kind, direction and outcome), as the SQLite workspace's import counts them.
    ///
    /// A year's file in no date order spreads its rows over hundreds of thousands of groups (723K for 10M rows), so
    /// each row's group lies anywhere in memory, far outside the processor's cache. The groups are kept in one
    /// open-addressed table (linear probing, a multiplicative hash of day and code), where a group and its counts
    /// lie together and a row's place is known ahead, to be fetched while earlier rows are counted (see `add`). In a
    /// `Dictionary` the 10M rows' hashing and lookups took 11% of the import's CPU (3.6 s), as much as its CSV
    /// parsing; this way 1.2 s.
    struct Counter {
        let basis: TallyBasis
        /// Power-of-two many, at most three quarters used; an unused slot has code -1 (codes are not negative).
        private var slots: [Slot]
        /// The groups counted.
        private var count = 0

        /// A group and its counts: 40 bytes.
        struct Slot {
            var day: Int32
            var code: Int64
            var counts: TallyCounts
        }

        init(basis: TallyBasis) {
            self.basis = basis
            // Doubled as groups come (a small file's import grows it several times, which its tests then check).
            slots = Self.unused(16)
        }

        /// Counts the rows of `activities` at `indices` (the done ones), each of the owner row `owners` gives for
        /// its owner number. The slot of a row eight rows on is fetched into the processor's cache meanwhile
        /// (`pyramid_prefetch`), so that the rows do not each wait for their own (see the type's description).
        mutating func add(_ activities: ActivityBatch, at indices: [Int], owners: [Int64]) {
            let groups = indices.compactMap { index -> (day: Int32, code: Int64, row: Int)? in
                let row = activities.rows[index]
                guard row.done else { return nil }
                let code = TallyGroupCode.code(owner: owners[row.owner], row.kind, row.direction, row.outcome)
                return (Int32(row.day), code, index)
            }
            while (count + groups.count) * 4 >= slots.count * 3 { grow() }
            let basis = basis
            count += slots.withUnsafeMutableBufferPointer { slots in
                guard let base = slots.baseAddress else { return 0 }
                var added = 0
                for (position, group) in groups.enumerated() {
                    if position + 8 < groups.count {
                        let ahead = groups[position + 8]
                        pyramid_prefetch(base + Self.home(day: ahead.day, code: ahead.code, mask: slots.count - 1))
                    }
                    let slot = Self.place(day: group.day, code: group.code, in: slots)
                    if slots[slot].code < 0 {
                        slots[slot] = Slot(day: group.day, code: group.code, counts: TallyCounts())
                        added += 1
                    }
                    slots[slot].counts.add(activities.rows[group.row], basis: basis)
                }
                return added
            }
        }

        /// Takes the counted groups, by day, then code (owner row first), as `activity_tally`'s key orders them:
        /// sorted where they are, leaving the counter empty.
        mutating func takeSorted() -> [Slot] {
            var groups = slots
            slots = []
            count = 0
            var used = 0
            for index in groups.indices where groups[index].code >= 0 {
                groups.swapAt(used, index)
                used += 1
            }
            groups.removeLast(groups.count - used)
            groups.sort { ($0.day, $0.code) < ($1.day, $1.code) }
            return groups
        }

        /// The slot holding the group of `day` and `code`, or the unused one where it goes.
        private static func place(day: Int32, code: Int64, in slots: UnsafeMutableBufferPointer<Slot>) -> Int {
            let mask = slots.count - 1
            var slot = home(day: day, code: code, mask: mask)
            while slots[slot].code >= 0 && (slots[slot].code != code || slots[slot].day != day) {
                slot = (slot + 1) & mask
            }
            return slot
        }

        /// Where the search for the group of `day` and `code` starts, among `mask + 1` slots (a power of two).
        private static func home(day: Int32, code: Int64, mask: Int) -> Int {
            // Fibonacci hashing: the product's high bits, which every bit of day and code moves.
            let mixed =
                (UInt64(bitPattern: Int64(day)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: code))
                &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: mixed >> 32) & mask
        }

        private mutating func grow() {
            var larger = Self.unused(slots.count * 2)
            larger.withUnsafeMutableBufferPointer { larger in
                for slot in slots where slot.code >= 0 {
                    larger[Self.place(day: slot.day, code: slot.code, in: larger)] = slot
                }
            }
            slots = larger
        }

        private static func unused(_ count: Int) -> [Slot] {
            Array(repeating: Slot(day: 0, code: -1, counts: TallyCounts()), count: count)
        }
    }

    /// Whether the stored tallies were counted with `basis`.
    static func usable(_ connection: PostgresConnection, basis: TallyBasis, logger: Logger) async throws -> Bool {
        let stored = try await connection.query(
            "SELECT min_call_seconds, short_call_seconds FROM tally_basis", logger: logger
        ).collect().first?.decode((Int, Int).self)
        return stored.map { TallyBasis(minimumCallSeconds: $0.0, shortCallSeconds: $0.1) } == basis
    }

    /// After an activities import: adds what `counter` counted and what a merge changed (`tally_change`, when
    /// `merged`); or recounts everything when `recountAll`. Records `basis`; without one, marks the tallies unusable
    /// (reports then count from the activities).
    static func finish(
        _ connection: PostgresConnection, basis: TallyBasis?, counter: inout Counter?, merged: Bool, recountAll: Bool,
        logger: Logger
    ) async throws {
        try await connection.query("DELETE FROM tally_basis", logger: logger)
        guard let basis else { return }
        if recountAll {
            try await connection.query("DELETE FROM activity_tally", logger: logger)
            try await connection.query(
                PostgresQuery(unsafeSQL: insertSQL(basis, from: "activity a", where: "a.done")), logger: logger)
        } else {
            // Taken out of `counter` (in place, through the optional), the counts are sorted where they are.
            if let groups = counter?.takeSorted(), !groups.isEmpty {
                try await copy(groups, to: connection, logger: logger)
            }
            if merged { try await addMerged(connection, basis: basis, logger: logger) }
        }
        try await connection.query(
            """
            INSERT INTO tally_basis (min_call_seconds, short_call_seconds)
            VALUES (\(basis.minimumCallSeconds), \(basis.shortCallSeconds))
            """, logger: logger)
    }

    /// Adds to each group what the merge's changes bring it (`tally_change`: less each changed row as it was, plus
    /// each changed or added row as it is), and drops the groups left with no activity. (Counting again the days a
    /// merge changed took 32-39 s for 303K rows changed all over a 10M-row year.)
    private static func addMerged(_ connection: PostgresConnection, basis: TallyBasis, logger: Logger) async throws {
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO activity_tally
                    SELECT a.local_day, a.owner_id, a.kind, a.direction, a.outcome, \(countsSQL(basis, "a", signed: true))
                    FROM tally_change a
                    WHERE a.done
                    GROUP BY a.local_day, a.owner_id, a.kind, a.direction, a.outcome
                    ON CONFLICT (local_day, owner_id, kind, direction, outcome) DO UPDATE SET
                      count = activity_tally.count + excluded.count, long = activity_tally.long + excluded.long,
                      short = activity_tally.short + excluded.short, untimed = activity_tally.untimed + excluded.untimed,
                      without_contact = activity_tally.without_contact + excluded.without_contact,
                      from_words = activity_tally.from_words + excluded.from_words,
                      borderline = activity_tally.borderline + excluded.borderline
                    """), logger: logger)
        // A group's other counts are counts of some of its activities: none left, all are 0.
        try await connection.query("DELETE FROM activity_tally WHERE count = 0", logger: logger)
    }

    /// The statement counting the activities `from` (aliased `a`) that match `filter` into `activity_tally`.
    private static func insertSQL(_ basis: TallyBasis, from: String, where filter: String) -> String {
        """
        INSERT INTO activity_tally
        SELECT a.local_day, a.owner_id, a.kind, a.direction, a.outcome, \(countsSQL(basis, "a"))
        FROM \(from)
        WHERE \(filter)
        GROUP BY a.local_day, a.owner_id, a.kind, a.direction, a.outcome
        """
    }

    /// The counts of a group of activities (`activity` aliased `alias`) in SQL, in `activity_tally`'s column order:
    /// all, long enough to be a conversation (or of unknown length), few-second, of unknown length, without a
    /// contact, with an outcome read from words, and of a borderline length (`TallyBasis.counts`). Each activity
    /// counts one; `signed`, it counts its column `sign` (1 or -1).
    static func countsSQL(_ basis: TallyBasis, _ alias: String, signed: Bool = false) -> String {
        let minimum = basis.minimumCallSeconds, short = basis.shortCallSeconds
        let duration = "\(alias).duration"
        let borderline = "(\(duration) % 60 = 0 AND \(duration) - 30 < \(minimum) AND \(duration) + 30 > \(minimum))"
        let all = signed ? "sum(\(alias).sign)" : "count(*)"
        func counted(_ condition: String) -> String {
            signed
                ? "coalesce(sum(\(alias).sign) FILTER (WHERE \(condition)), 0)" : "count(*) FILTER (WHERE \(condition))"
        }
        return [
            all, counted("\(duration) IS NULL OR (\(duration) >= \(minimum) AND NOT \(borderline))"),
            counted("\(duration) <= \(short)"), counted("\(duration) IS NULL"), counted("\(alias).contact = ''"),
            counted("\(alias).outcome_from_words"), counted(borderline),
        ].joined(separator: ",\n  ")
    }

    /// Writes the counted `groups` to `activity_tally` through `COPY`, by day and owner (as reports read them, so
    /// that a report's weeks lie together in the table).
    private static func copy(_ groups: [Counter.Slot], to connection: PostgresConnection, logger: Logger) async throws {
        let columns = [
            "local_day", "owner_id", "kind", "direction", "outcome", "count", "long", "short", "untimed",
            "without_contact", "from_words", "borderline",
        ]
        try await connection.copyFrom(table: "activity_tally", columns: columns, logger: logger) { writer in
            var rows = CopyText()
            for group in groups {
                let counts = group.counts
                let (owner, kind, direction, outcome) = TallyGroupCode.parts(group.code)
                rows.reserve(9 * 21)
                rows.number(Int64(group.day))
                rows.number(owner)
                rows.text(kind.rawValue)
                rows.text(direction.rawValue)
                rows.text(outcome.rawValue)
                rows.number(Int64(counts.all))
                rows.number(Int64(counts.long))
                rows.number(Int64(counts.short))
                rows.number(Int64(counts.untimed))
                rows.number(Int64(counts.withoutContact))
                rows.number(Int64(counts.fromWords))
                rows.last(Int64(counts.borderline))
                if rows.isFull { try await writer.write(rows.take()) }
            }
            if !rows.isEmpty { try await writer.write(rows.take()) }
        }
    }
}
