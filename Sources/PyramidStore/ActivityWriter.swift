import Foundation
import GRDB
import GRDBSQLite
import PyramidCore
import PyramidIngest

/// Writes an import's activities, 32 rows to a statement: SQLite's cost of running a statement (opening its
/// cursors, seeking from the root, resetting) was over half of its cost per row when each row had its own.
///
/// Each row is inserted under a new id of its day (see `ActivityID`), or updates the stored row with the same
/// key when any value differs (moving it to the new id when its day changed), or leaves it alone. Whether a
/// value differs is told by the rows' digests (`ActivityDigest`).
///
/// Rows are first tried as new, with a plain `INSERT`: SQLite writes new rows that way a quarter faster than
/// through the upsert, whose `RETURNING` (one result row per row written) is most of the difference. When a
/// key already exists the `INSERT` fails and SQLite undoes what the statement had written. The writer then
/// looks the keys' stored digests up, in one statement, and a row stored with the same digest is left alone
/// without writing anything (the upsert cost over twice as much even when it changed nothing). The other rows
/// are inserted when all are new, else written through the upsert, whose rows come back with their version (0
/// when added), so the counts stay exact. A statement's worth with the same key twice goes through the upsert
/// whole, which writes them in order. The writer looks keys up until a statement's worth is all new (a
/// re-import is all known keys).
///
/// An import into an empty activity table whose rows do not come in id order (as its first run of rows
/// tells) puts them in id order first (`SortedRuns`) and sets the key index aside (`setKeyIndexAside`) until they
/// are in: appended in id order, each row starts or fills the table's last page, and built from all keys at once,
/// the index is one sort. Written as they came, a row took a random place in the key index, soon larger than
/// SQLite's cache, and split a page in the middle of the table, which SQLite balanced with its neighbours: every
/// row read and wrote pages (a 1M-row file in no date order took 18 s, 3.2 s oldest row first). Meanwhile a row
/// whose key the import may have written already (`KeySieve`) is held back; the held rows are written, in file
/// order, once the index is back, as any import writes them. More held rows than `maximumHeld` (a file repeating
/// many keys) bring the index back at once.
///
/// Each row is stored with the digest of the record it was read from (`ActivityDigest.source`). Once a statement's
/// worth of rows turns out stored from the very records read, the writer asks for records instead of activities
/// (`wantsRecords`, see `ActivitySink.takesRecords`): the reading thread then reads a record no further than its
/// key and owner, which halves its work (a 1M-row re-import: 2.3 -> 1.25 s of its CPU), and the writer leaves
/// alone each record whose digest is stored with its key. A record that is not, it reads whole
/// (`ActivityRecordReader`) and writes as any other activity; when more than a quarter of a statement's worth are
/// not, it asks for activities again.
///
/// Records are looked up a statement's worth at a time, in file order, as long as their pages are mostly in
/// SQLite's cache, as they are when the file lists its rows by date (a day's rows lie together in the table and,
/// their keys following the days, in the key index). In a file in no date order, each key's page of the index
/// and of the table lay anywhere in files far larger than the cache: a 1M-row re-import read 1.3M pages, and a
/// 4M-row one spent 28 of its 43 s copying them from the OS. From the first statement's worth that reads more than
/// half a page per key, records are looked up a window at a time (`RecordLookup`), in key order: a window's keys
/// then read each page once (0.14 pages per key at 1M rows), and the reader reads a window ahead meanwhile.
struct ActivityWriter {
    static let rowsPerStatement = 32
    /// The number values bound per row, before the text values.
    private static let numberColumns: Int32 = 12
    private static let columns = numberColumns + Int32(ActivityBatch.textFields)

    private let db: Database
    private let importID: Int64
    /// The rows queued for the next statement, with their owner row and the id each is written under.
    private let pending = ActivityBatch()
    private var pendingOwners: [Int64] = []
    private var pendingIDs: [Int64] = []
    /// The records queued to be looked up, with their owner rows.
    private let records = ActivityBatch()
    private var recordOwners: [Int64] = []
    /// Reads the records that are not stored as they stand, into `recordActivity`.
    private var recordReader: ActivityRecordReader
    private let recordActivity = ActivityBatch()
    /// The digest of the interpretation the import reads its records under (see `ActivityDigest.source`).
    private let sourceSeed: UInt64
    /// The queued rows to write (by their place in `pending`), reused from statement to statement.
    private var selected: [Int] = []
    /// Per number of rows, the statement inserting them as new, and the upsert (prepared when first needed: it
    /// cannot be while the key index is set aside).
    private var inserts: [Int: FastStatement] = [:]
    private var upserts: [Int: FastStatement] = [:]
    /// Per thing looked up and number of keys, the statement looking it up.
    private var lookups: [Lookup: [Int: FastStatement]] = [:]
    /// The row stored with each looked-up key, in queue order; nil for a key not stored.
    private var stored: [(id: Int64, digest: Int64, source: Int64?)?] = []
    /// The record digest stored with each looked-up record's key, in queue order.
    private var storedSources: [Int64?] = []
    /// Whether each looked-up record's key is another's in its window too.
    private var repeated: [Bool] = []
    private var sourceUpdate: FastStatement?
    /// Whether the next rows are likely new (then a plain `INSERT` is tried first).
    private var expectNew = true
    /// Whether the import should hand activities over as records (see the type's description).
    private(set) var wantsRecords = false
    /// The records that turned out not to be activities, in file order, with why: the import quarantines them
    /// (`takeProblems`).
    private var problems: [RowProblem] = []
    /// Per local day, the id the next activity written to it gets.
    private var nextIDs: [Int: Int64] = [:]
    /// The keys written while the key index is set aside; nil while it is there.
    private var sieve: KeySieve?
    /// While the key index is set aside, the rows to write, put in id order (written once the file is read).
    private var sorted: SortedRuns?
    /// The rows held back while the key index is set aside, with their owner rows.
    private let held = ActivityBatch()
    private var heldOwners: [Int64] = []
    static let maximumHeld = 16_384
    /// How records are looked up, a window at a time.
    private let recordLookup: RecordLookup
    /// The records looked up together: a statement's worth, in file order, until a statement's worth misses
    /// SQLite's cache; from then on `recordLookup.window`, in key order (see the type's description).
    private(set) var recordWindow = rowsPerStatement
    /// The rows the writer would have read ahead of it: a window of records while it asks for records.
    var readAhead: Int { wantsRecords ? recordWindow : 0 }
    /// The done activities added, counted for the daily tallies; nil when they must be recounted (from the
    /// first update on: an update may move a row to another day).
    private(set) var tallies: TallyCounter?
    private(set) var added = 0
    private(set) var updated = 0
    private(set) var unchanged = 0
    /// Activities read whole whose call outcome was read from words in their subject or notes.
    private(set) var outcomesFromWords = 0

    /// A writer for the import `importID`, whose records read under the interpretation digested in `sourceSeed`
    /// are read again by `recordReader` when they are not stored as they stand.
    init(
        db: Database, importID: Int64, tallies: TallyCounter?, recordReader: ActivityRecordReader,
        sourceSeed: UInt64, recordLookup: RecordLookup = RecordLookup()
    ) {
        self.db = db
        self.recordLookup = recordLookup
        self.importID = importID
        self.tallies = tallies
        self.recordReader = recordReader
        self.sourceSeed = sourceSeed
    }

    /// Queues the activities and records of `batch`, whose owners' rows are `owners` (in the order the import met
    /// them); writes each statement's worth, and settles each statement's worth of records.
    mutating func add(_ batch: ActivityBatch, owners: [Int64]) throws {
        for row in batch.rows {
            if row.isRecord {
                records.append(row, of: batch)
                recordOwners.append(owners[row.owner])
                if records.count == recordWindow { try settleRecords() }
            } else {
                try settleRecords()
                try queue(row, of: batch, owner: owners[row.owner])
            }
        }
    }

    /// Writes what is queued (and builds the key index again when it was set aside).
    mutating func flush() throws {
        try settleRecords()
        try writePending()
        try restoreKeyIndex()
        try writePending()
    }

    /// Sets the key index aside until `flush`, for an import into an empty activity table of a file of about
    /// `expectedRows` rows, whose rows are put in id order `runRows` at a time (see the type's description).
    mutating func setKeyIndexAside(expectedRows: Int, runRows: Int) throws {
        precondition(sieve == nil && pending.isEmpty, "the key index is set aside before the first row")
        try db.execute(sql: "DROP INDEX activity_key")
        sieve = KeySieve(expectedKeys: expectedRows)
        sorted = SortedRuns(runRows: runRows)
    }

    /// Writes the rows put in id order, builds the key index again, then writes the held rows as any import does.
    private mutating func restoreKeyIndex() throws {
        guard sieve != nil else { return }
        // No row is sieved from here on; its memory (up to 6 MiB) is given back before the runs are merged.
        sieve = nil
        if let rows = sorted {
            sorted = nil
            try rows.drain { row, batch, owner, id in try enqueue(row, of: batch, owner: owner, id: id) }
        }
        try writePending()
        try db.execute(sql: "CREATE UNIQUE INDEX activity_key ON activity(key)")
        defer {
            held.removeAll()
            heldOwners.removeAll()
        }
        for (index, row) in held.rows.enumerated() { try queue(row, of: held, owner: heldOwners[index]) }
    }

    /// While the key index is set aside, holds `row` back when the import may have written its key already.
    private mutating func holdsBack(_ row: ActivityBatch.Row, of batch: ActivityBatch, owner: Int64) throws -> Bool {
        guard sieve?.insert(ActivityDigest.of(batch.text(0, of: row))) == true else { return false }
        held.append(row, of: batch)
        heldOwners.append(owner)
        if held.count >= Self.maximumHeld { try restoreKeyIndex() }
        return true
    }

    /// The records that turned out not to be activities since the last call, in file order.
    mutating func takeProblems() -> [RowProblem] {
        defer { problems.removeAll() }
        return problems
    }

    private mutating func queue(_ row: ActivityBatch.Row, of batch: ActivityBatch, owner: Int64) throws {
        if sieve != nil, try holdsBack(row, of: batch, owner: owner) { return }
        if row.outcomeSource == .words { outcomesFromWords += 1 }
        let id = try nextID(day: row.day)
        nextIDs[row.day] = id + 1
        guard let sorted else { return try enqueue(row, of: batch, owner: owner, id: id) }
        try sorted.add(row, of: batch, owner: owner, id: id)
        // A file whose first run of rows came in id order (oldest first) is written as it comes, with the key index
        // back: its rows are appended to the table, as they would be from the sorted runs, while the file is read.
        if sorted.count == sorted.runRows && sorted.inOrder { try restoreKeyIndex() }
    }

    /// Queues `row` of `batch` to be written under `id`; writes a statement's worth.
    private mutating func enqueue(_ row: ActivityBatch.Row, of batch: ActivityBatch, owner: Int64, id: Int64) throws {
        pending.append(row, of: batch)
        pendingOwners.append(owner)
        pendingIDs.append(id)
        if pending.count == Self.rowsPerStatement { try writePending() }
    }

    /// Leaves alone the queued records stored as they stand under their key; reads the others whole and queues
    /// them as activities (or keeps why one is not).
    private mutating func settleRecords() throws {
        guard !records.isEmpty else { return }
        defer {
            records.removeAll()
            recordOwners.removeAll(keepingCapacity: true)
        }
        // The rows queued before are written first: one may have the key of a record.
        try writePending()
        // A window is looked up in key order (see the type's description); a statement's worth in file order,
        // which for a file in date order is the order of the rows' ids, the one SQLite follows fastest.
        let inKeyOrder = keyOrder(records)
        let order = records.count > Self.rowsPerStatement ? inKeyOrder : Array(records.rows.indices)
        markRepeatedKeys(records, inKeyOrder: inKeyOrder)
        storedSources.removeAll(keepingCapacity: true)
        storedSources.append(contentsOf: repeatElement(nil, count: records.count))
        let missesBefore = cacheMisses()
        defer {
            let misses = Double(cacheMisses() - missesBefore) / Double(records.count)
            if misses >= recordLookup.missesPerKey { recordWindow = recordLookup.window }
        }
        var start = 0
        while start < order.count {
            let end = min(start + Self.rowsPerStatement, order.count)
            try lookUpSources(records, at: order[start..<end])
            start = end
        }
        var readWhole = 0
        let activity = recordActivity, seed = sourceSeed
        // A record always has its digest: a key stored without one (or not stored) does not match it.
        for (index, row) in records.rows.enumerated() where repeated[index] || storedSources[index] != row.sourceDigest
        {
            readWhole += 1
            activity.removeAll()
            let problem = try recordReader.activity(record: records.text(1, of: row), line: row.line) {
                activity.append($0, owner: row.owner, sourceSeed: seed)
            }
            if let problem {
                problems.append(problem)
                continue
            }
            try queue(activity.rows[0], of: activity, owner: recordOwners[index])
        }
        unchanged += records.count - readWhole
        if readWhole * 4 > records.count { wantsRecords = false }
    }

    /// Writes the queued activities: new and changed ones (see the type's description).
    private mutating func writePending() throws {
        guard !pending.isEmpty else { return }
        defer { clear() }
        selected.append(contentsOf: pending.rows.indices)
        if expectNew {
            if try insertSelected() { return }
            expectNew = false
        }
        guard !repeatsAKey(pending) else { return try upsertSelected() }
        // Only the new and the changed rows are written.
        try lookUp(pending)
        selected.removeAll(keepingCapacity: true)
        var noneChanged = true
        var allStoredAsRead = pending.count == Self.rowsPerStatement
        for (index, row) in pending.rows.enumerated() {
            guard let found = stored[index], found.digest == digest(index) else {
                selected.append(index)
                noneChanged = noneChanged && stored[index] == nil
                allStoredAsRead = false
                continue
            }
            unchanged += 1
            if found.source != row.sourceDigest { allStoredAsRead = false }
            if let source = row.sourceDigest, found.source != source { try storeSource(source, id: found.id) }
        }
        if allStoredAsRead { wantsRecords = true }
        if noneChanged, try insertSelected() {
            expectNew = selected.count == pending.count
        } else {
            try upsertSelected()
        }
    }

    /// Stores the digest of the record an unchanged row was read from this time (the record was written otherwise,
    /// or the row was stored before source digests were).
    private mutating func storeSource(_ source: Int64, id: Int64) throws {
        let statement: FastStatement
        if let prepared = sourceUpdate {
            statement = prepared
        } else {
            statement = try FastStatement(db, sql: "UPDATE activity SET source_digest = ? WHERE id = ?")
            sourceUpdate = statement
        }
        statement.bind(1, source)
        statement.bind(2, id)
        try statement.run()
    }

    private mutating func clear() {
        pending.removeAll()
        pendingOwners.removeAll(keepingCapacity: true)
        pendingIDs.removeAll(keepingCapacity: true)
        selected.removeAll(keepingCapacity: true)
    }

    /// Inserts the selected rows as new; false (nothing written) when a key is already stored.
    private mutating func insertSelected() throws -> Bool {
        guard !selected.isEmpty else { return true }
        do {
            let insert = try statement(rows: selected.count, upsert: false)
            bindSelected(to: insert)
            try insert.run()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            return false
        }
        added += selected.count
        for index in selected {
            let row = pending.rows[index], owner = pendingOwners[index]
            try tallies?.add(row, owner: owner)
        }
        return true
    }

    /// Writes the selected rows through the upsert, counting what it did.
    private mutating func upsertSelected() throws {
        guard !selected.isEmpty else { return }
        var returned: [(id: Int64, version: Int64)] = []
        let upsert = try statement(rows: selected.count, upsert: true)
        bindSelected(to: upsert)
        try upsert.rows { returned.append(($0, $1)) }
        unchanged += selected.count - returned.count
        for (id, version) in returned {
            if version > 0 {
                updated += 1
                continue
            }
            added += 1
            guard tallies != nil else { continue }
            // An added row comes back under the new id it was given, which no other row had.
            guard let index = selected.first(where: { pendingIDs[$0] == id }) else {
                preconditionFailure("activity \(id) was added but not written by this statement")
            }
            let row = pending.rows[index], owner = pendingOwners[index]
            try tallies?.add(row, owner: owner)
        }
        if updated > 0 { tallies = nil }
    }

    /// Whether two of `rows` have the same key (told apart by the keys' digests, so rarely a false alarm, which
    /// only costs the upsert, or reading records whole).
    private func repeatsAKey(_ rows: ActivityBatch) -> Bool {
        let keys = rows.rows.map { ActivityDigest.of(rows.text(0, of: $0)) }
        for (index, key) in keys.enumerated() where keys[(index + 1)...].contains(key) { return true }
        return false
    }

    /// The digest queued row `index` is stored with.
    private func digest(_ index: Int) -> Int64 {
        ActivityDigest.stored(content: pending.rows[index].contentDigest, owner: pendingOwners[index])
    }

    /// Looks up the row stored with the key of each of `rows`, into `stored`.
    private mutating func lookUp(_ rows: ActivityBatch) throws {
        stored.removeAll(keepingCapacity: true)
        stored.append(contentsOf: repeatElement(nil, count: rows.count))
        try lookUp(.rows, of: rows).forEachRow { row in
            guard let id = row.optionalInt64(1) else { return }
            stored[Int(row.int64(0))] = (id, row.int64(2), row.optionalInt64(3))
        }
    }

    /// Looks up the record digest stored with the key of `rows`' rows at `indices`, into `storedSources` at those
    /// places (nil for a key not stored or stored without one): all a record is compared by, read without the rest
    /// of the row's. Each place gets its own answer, whatever other places have the same key.
    private mutating func lookUpSources(_ rows: ActivityBatch, at indices: ArraySlice<Int>) throws {
        let statement = try lookUp(.sources, keys: indices.count)
        for (position, index) in indices.enumerated() {
            statement.bind(Int32(position + 1), text: rows.text(0, of: rows.rows[index]))
        }
        try statement.forEachRow { row in
            storedSources[indices[indices.startIndex + Int(row.int64(0))]] = row.optionalInt64(1)
        }
    }

    /// Marks in `repeated` each of `rows` whose key another of them has too, found as neighbours in the rows' key
    /// order (`inKeyOrder`): two records with one key are both read, as the first may change what the second is
    /// compared with.
    private mutating func markRepeatedKeys(_ rows: ActivityBatch, inKeyOrder: [Int]) {
        repeated.removeAll(keepingCapacity: true)
        repeated.append(contentsOf: repeatElement(false, count: rows.count))
        for (previous, next) in zip(inKeyOrder, inKeyOrder.dropFirst())
        where Self.compare(rows.text(0, of: rows.rows[previous]), rows.text(0, of: rows.rows[next])) == 0 {
            repeated[previous] = true
            repeated[next] = true
        }
    }

    /// The pages SQLite has read from the file on this connection so far.
    private func cacheMisses() -> Int64 {
        var current: Int32 = 0, highest: Int32 = 0
        sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_MISS, &current, &highest, 0)
        return Int64(current)
    }

    /// The places of `rows`' rows in the order of their keys, as the key index orders them (SQLite's `BINARY`:
    /// bytes, then length). Keys often begin alike ("hubspot:4000…"), so they are sorted by the 8 bytes after
    /// what all of them begin with, and only keys equal in those are compared whole.
    private func keyOrder(_ rows: ActivityBatch) -> [Int] {
        guard let first = rows.rows.first else { return [] }
        let firstKey = rows.text(0, of: first)
        var common = firstKey.count
        for row in rows.rows {
            let key = rows.text(0, of: row)
            var length = 0
            while length < min(common, key.count) && key[length] == firstKey[length] { length += 1 }
            common = length
        }
        var sortKeys = rows.rows.indices.map { index -> (prefix: UInt64, index: Int) in
            let key = rows.text(0, of: rows.rows[index])
            var prefix: UInt64 = 0
            for byte in common..<common + 8 { prefix = prefix << 8 | (byte < key.count ? UInt64(key[byte]) : 0) }
            return (prefix, index)
        }
        sortKeys.sort { left, right in
            if left.prefix != right.prefix { return left.prefix < right.prefix }
            return Self.compare(rows.text(0, of: rows.rows[left.index]), rows.text(0, of: rows.rows[right.index])) < 0
        }
        return sortKeys.map(\.index)
    }

    /// -1, 0 or 1 as `left` comes before, with or after `right` in SQLite's `BINARY` order.
    private static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        if let leftBytes = left.baseAddress, let rightBytes = right.baseAddress {
            let compared = memcmp(leftBytes, rightBytes, min(left.count, right.count))
            if compared != 0 { return compared < 0 ? -1 : 1 }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    /// What is looked up of the rows stored with a statement's worth of keys.
    private enum Lookup: String {
        case rows = "activity.id, activity.digest, activity.source_digest"
        case sources = "activity.source_digest"
    }

    /// The statement looking `what` up for the keys of `rows`, bound: one statement for them all, as a re-import
    /// looks every key up and one statement per key cost twice as much; prepared once per number of keys. The keys
    /// are all different (see `repeatsAKey`), so each matches at most one row. Its rows are each key's place in
    /// `rows`, then what is looked up.
    private mutating func lookUp(_ what: Lookup, of rows: ActivityBatch) throws -> FastStatement {
        let statement = try lookUp(what, keys: rows.count)
        for index in rows.rows.indices {
            statement.bind(Int32(index + 1), text: rows.text(0, of: rows.rows[index]))
        }
        return statement
    }

    /// The statement looking `what` up for `keys` keys, to bind.
    private mutating func lookUp(_ what: Lookup, keys: Int) throws -> FastStatement {
        let statement: FastStatement
        if let prepared = lookups[what]?[keys] {
            statement = prepared
        } else {
            let values = (0..<keys).map { "(\($0), ?)" }.joined(separator: ", ")
            statement = try FastStatement(
                db,
                sql: """
                    SELECT queued.column1, \(what.rawValue)
                    FROM (VALUES \(values)) AS queued LEFT JOIN activity ON activity.key = queued.column2
                    """)
            lookups[what, default: [:]][keys] = statement
        }
        return statement
    }

    /// Binds the selected rows to `statement`. The text is bound in place: `pending` is not changed until the
    /// statement has run.
    private func bindSelected(to statement: FastStatement) {
        let text = pending.textBytes
        for (position, index) in selected.enumerated() {
            let row = pending.rows[index]
            let offset = Int32(position) * Self.columns
            statement.bind(offset + 1, pendingIDs[index])
            statement.bind(offset + 2, pendingOwners[index])
            statement.bind(offset + 3, Int64(row.day))
            statement.bind(offset + 4, row.done)
            statement.bind(offset + 5, row.duration)
            statement.bind(offset + 6, row.occurredAt)
            statement.bind(offset + 7, Int64(row.utcOffsetMinutes))
            statement.bind(offset + 8, row.loggedAt)
            statement.bind(offset + 9, importID)
            statement.bind(offset + 10, digest(index))
            statement.bind(offset + 11, row.sourceDigest)
            statement.bind(offset + 12, row.outcomeSource == .words)
            for field in 0..<ActivityBatch.textFields {
                statement.bind(
                    offset + Self.numberColumns + 1 + Int32(field),
                    text: UnsafeBufferPointer(rebasing: text[row.text(field)]))
            }
        }
    }

    /// The id for the next activity of `day`: one past the day's last.
    private mutating func nextID(day: Int) throws -> Int64 {
        if let next = nextIDs[day] { return next }
        let ids = ActivityID.range(fromDay: day, toDay: day)
        let last = try Int64.fetchOne(
            db, sql: "SELECT max(id) FROM activity WHERE id BETWEEN ? AND ?",
            arguments: [ids.lowerBound, ids.upperBound])
        return last.map { $0 + 1 } ?? ids.lowerBound
    }

    /// The statement writing `rows` rows, as new rows or as an upsert, prepared once per size.
    private mutating func statement(rows: Int, upsert: Bool) throws -> FastStatement {
        if let prepared = upsert ? upserts[rows] : inserts[rows] { return prepared }
        let values = Array(
            repeating: "(" + Array(repeating: "?", count: Int(Self.columns)).joined(separator: ", ") + ")",
            count: rows
        ).joined(separator: ",\n")
        let insert = """
            INSERT INTO activity (id, owner_id, local_day, done, duration, occurred_at, utc_offset, logged_at,
              import_id, digest, source_digest, outcome_from_words, key, kind, direction, outcome, outcome_text, subject, contact,
              company)
            VALUES \(values)
            """
        guard upsert else {
            let prepared = try FastStatement(db, sql: insert)
            inserts[rows] = prepared
            return prepared
        }
        let prepared = try FastStatement(
            db,
            sql: """
                \(insert)
                ON CONFLICT (key) DO UPDATE SET
                  id = CASE WHEN local_day = excluded.local_day THEN id ELSE excluded.id END,
                  owner_id = excluded.owner_id, local_day = excluded.local_day,
                  kind = excluded.kind, direction = excluded.direction, outcome = excluded.outcome,
                  done = excluded.done, duration = excluded.duration, occurred_at = excluded.occurred_at,
                  utc_offset = excluded.utc_offset, logged_at = excluded.logged_at,
                  outcome_text = excluded.outcome_text, subject = excluded.subject, contact = excluded.contact,
                  company = excluded.company, import_id = excluded.import_id, digest = excluded.digest,
                  source_digest = excluded.source_digest, outcome_from_words = excluded.outcome_from_words,
                  version = version + 1
                WHERE digest IS NOT excluded.digest
                RETURNING id, version
                """)
        upserts[rows] = prepared
        return prepared
    }
}

/// How an import looks up the records of a re-import (see `ActivityWriter`).
struct RecordLookup {
    /// The records looked up at once, in key order, once looking them up in file order misses the cache.
    var window = 16_384
    /// The pages read from the file per key, looking a statement's worth of records up in file order, from which
    /// on they are looked up a window at a time (0: from the first statement's worth).
    var missesPerKey = 0.5
}
