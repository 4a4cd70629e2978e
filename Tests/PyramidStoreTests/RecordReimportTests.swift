import Foundation
import GRDB
import PyramidCore
import PyramidDemo
import PyramidIngest
import Testing

@testable import PyramidStore

/// A re-import reads a record no further than its key when the row stored under that key was read from the same
/// record under the same interpretation (`ActivityDigest.source`); any other record is read whole.
struct RecordReimportTests {
    static let header = "id,owner,kind,direction,outcome,timestamp,duration,contact\n"
    /// Rows past the ones read ahead to tell the date order (1,000), where records can be taken as read.
    static let rows = 1_500

    /// Row `index` of the export, with `outcome` and `timestamp` as given.
    static func row(_ index: Int, outcome: String = "no-answer", timestamp: String? = nil, contact: String? = nil)
        -> String
    {
        let time = timestamp ?? "2026-11-\(10 + index % 5) 09:\(String(format: "%02d", index % 60))"
        return "r\(index),seller\(index % 7)@example.com,call,outbound,\(outcome),\(time),\(index % 400),"
            + "\(contact ?? "Contact \(index)")\n"
    }

    static func export(_ rows: Range<Int> = 0..<rows, changing row: (Int) -> String? = { _ in nil }) -> String {
        header + rows.map { row($0) ?? Self.row($0) }.joined()
    }

    /// How a workspace's imports look records up: a statement's worth at a time in file order (what a file in date
    /// order gets), or a window at a time (100 records) in key order from the first (what a file in no date order gets, once its
    /// lookups miss SQLite's cache; a workspace in memory never does).
    enum Lookups: CaseIterable { case inFileOrder, inKeyOrder }

    /// A workspace whose import hands rows over 16 at a time, so that the writer's wish for records reaches the
    /// reader within a few rows, and looks records up as `lookups` says.
    func store(_ lookups: Lookups = .inFileOrder, window: Int = 100) throws -> Store {
        var store = try Store.inMemory()
        store.importBatchRows = 16
        if lookups == .inKeyOrder { store.recordLookup = RecordLookup(window: window, missesPerKey: 0) }
        return store
    }

    func execute(_ store: Store, _ sql: String) throws {
        try store.writer.write { try $0.execute(sql: sql) }
    }

    func digest(_ store: Store, _ key: String) throws -> Int64? {
        try store.writer.read {
            try Int64.fetchOne($0, sql: "SELECT digest FROM activity WHERE key = ?", arguments: [key])
        }
    }

    /// Every stored activity's values, by key, without the columns each import numbers its own way.
    func activities(_ store: Store) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT activity.key || '|' || owner.name || '|' || local_day || '|' || kind || '|' || direction
                      || '|' || outcome || '|' || done || '|' || ifnull(duration, '') || '|' || occurred_at || '|'
                      || utc_offset || '|' || ifnull(logged_at, '') || '|' || outcome_text || '|' || subject || '|'
                      || contact || '|' || company || '|' || digest || '|' || ifnull(source_digest, 'none')
                    FROM activity JOIN owner ON owner.id = activity.owner_id ORDER BY activity.key
                    """)
        }
    }

    @Test(arguments: Lookups.allCases) func aRowStoredFromTheSameRecordIsLeftAloneUnread(lookups: Lookups) throws {
        // Given an export imported once, and two stored rows whose value digests are then spoiled: one read ahead
        // (where rows always come read whole), one past that
        let store = try store(lookups)
        try importText(store, Self.export())
        try execute(store, "UPDATE activity SET digest = 0 WHERE key IN ('generic:r10', 'generic:r1400')")
        // When the same export is imported again
        let again = try importText(store, Self.export())
        // Then the row read whole is compared by its values and written again; the record past the rows read ahead
        // is found stored as it stands and not read further, so its spoiled digest stays
        #expect((again.added, again.updated, again.unchanged) == (0, 1, Self.rows - 1))
        #expect(try digest(store, "generic:r10") != 0)
        #expect(try digest(store, "generic:r1400") == 0)
    }

    @Test(arguments: Lookups.allCases) func changedNewAndUnreadableRecordsAreReadWhole(lookups: Lookups) throws {
        // Given an export imported once
        let store = try store(lookups)
        try importText(store, Self.export())
        // When a later export changes one record, spoils the date of another and adds one
        let later =
            Self.export { index -> String? in
                if index == 1_300 { return Self.row(index, outcome: "connected") }
                if index == 1_200 { return Self.row(index, timestamp: "not a date") }
                return nil
            } + Self.row(Self.rows)
        let summary = try importText(store, later)
        // Then each is read whole: updated, quarantined with its line, added; the rest are unchanged
        #expect((summary.rowsRead, summary.added, summary.updated) == (Self.rows + 1, 1, 1))
        #expect((summary.unchanged, summary.quarantined) == (Self.rows - 2, 1))
        #expect(summary.problems.map(\.line) == [1_202])
        #expect(summary.problems.first?.reason.hasPrefix("line 1202: 'not a date' in 'timestamp'") == true)
        #expect(try store.quarantine().map(\.raw) == [Self.row(1_200, timestamp: "not a date")])
        // And the workspace holds what a workspace given only the later export holds, but the row it kept
        let fresh = try Store.inMemory()
        try importText(fresh, later)
        let kept = try activities(store).filter { !$0.hasPrefix("generic:r1200|") }
        #expect(kept == (try activities(fresh)))
        #expect(kept.count == Self.rows)
    }

    @Test(arguments: Lookups.allCases) func aRecordChangedThenChangedBackInOneFileIsUpdatedTwice(lookups: Lookups)
        throws
    {
        // Given an export imported once
        let store = try store(lookups)
        try importText(store, Self.export())
        // When a later export ends by changing a stored record and then listing it as stored
        let summary = try importText(store, Self.export() + Self.row(1_400, outcome: "connected") + Self.row(1_400))
        // Then both count as updates, in file order, and the row ends as the file's last line says
        #expect((summary.added, summary.updated, summary.unchanged) == (0, 2, Self.rows))
        let stored = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT outcome, version FROM activity WHERE key = 'generic:r1400'")
        }
        #expect(stored?[0] == "no-answer")
        #expect(stored?[1] == 2)
    }

    @Test(arguments: Lookups.allCases) func recordsReadUnderAnotherTimeZoneAreReadWhole(lookups: Lookups) throws {
        // Given an export imported in UTC whose first 1,100 times are written in UTC and the others with no offset
        let store = try store(lookups)
        let export = Self.export { $0 < 1_100 ? Self.row($0, timestamp: "2026-11-10T09:00:00Z") : nil }
        try importText(store, export)
        // When it is imported again with the workspace in Paris
        let paris = ImportOptions(timeZone: try #require(TimeZone(identifier: "Europe/Paris")))
        let again = try importText(store, export, options: paris)
        // Then the records are not taken as read, though the first ones give the same activities: the others are
        // read whole, and move by Paris's offset
        #expect((again.added, again.updated, again.unchanged) == (0, 400, 1_100))
        let offsets = try store.writer.read {
            try Int.fetchAll($0, sql: "SELECT DISTINCT utc_offset FROM activity ORDER BY 1")
        }
        #expect(offsets == [0, 60])
    }

    @Test(arguments: Lookups.allCases) func rowsStoredBeforeSourceDigestsGetThem(lookups: Lookups) throws {
        // Given rows stored without the digest of their record, as a workspace from before digests holds them
        let store = try store(lookups)
        try importText(store, Self.export())
        try execute(store, "UPDATE activity SET source_digest = NULL")
        // When the export is imported again
        let again = try importText(store, Self.export())
        // Then nothing changes but the digests, which every row now has, the same as a first import gives
        #expect((again.added, again.updated, again.unchanged) == (0, 0, Self.rows))
        let fresh = try Store.inMemory()
        try importText(fresh, Self.export())
        #expect(try activities(store) == (try activities(fresh)))
        #expect(try activities(store).allSatisfy { !$0.hasSuffix("|none") })
    }

    @Test(arguments: Lookups.allCases) func recordsWithACellReadAsWindows1252AreAlwaysReadWhole(lookups: Lookups) throws
    {
        // Given an export in which every tenth record names its contact with an accent in UTF-8, and the one five
        // records on in Windows-1252, imported once; and three spoiled value digests past the rows read ahead
        var export = Array(Self.header.utf8)
        for index in 0..<Self.rows {
            switch index % 10 {
            case 0: export += Self.row(index, contact: "José \(index)").utf8
            case 5: export += Array(Self.row(index, contact: "Jos").utf8.dropLast()) + [0xE9] + Array("\n".utf8)
            default: export += Self.row(index).utf8
            }
        }
        let store = try store(lookups)
        try importBytes(store, export)
        try execute(
            store, "UPDATE activity SET digest = 0 WHERE key IN ('generic:r1300', 'generic:r1301', 'generic:r1305')")
        // When it is imported again
        let again = try importBytes(store, export)
        // Then the Windows-1252 record is read whole and written again, and the import still names the encoding;
        // the UTF-8 ones, accented or not, are left alone
        #expect((again.updated, again.unchanged) == (1, Self.rows - 1))
        #expect(again.encoding == TextEncoding.windows1252.rawValue)
        #expect(try digest(store, "generic:r1305") != 0)
        #expect(try digest(store, "generic:r1300") == 0)
        #expect(try digest(store, "generic:r1301") == 0)
        #expect(try activities(store).filter { $0.hasSuffix("|none") }.count == Self.rows / 10)
        #expect(try activities(store).contains { $0.hasPrefix("generic:r1305|") && $0.contains("|José|") })
    }

    @discardableResult
    func importBytes(_ store: Store, _ bytes: [UInt8]) throws -> ImportSummary {
        let reader = try ExportReader(name: "export.csv", size: Int64(bytes.count), options: ImportOptions()) {
            MemoryByteSource(bytes)
        }
        return try store.importFile(reader, path: "export.csv")
    }

    @Test func aShuffledReimportLookedUpInKeyOrderStoresWhatOneInFileOrderDoes() throws {
        // Given an export imported once, and a later one whose rows past the first 1,000 (which are read whole
        // anyway) come in no order, with a record changed, a date spoilt, a record changed and restated further on,
        // and a record added
        var rows = (0..<Self.rows).map { Self.row($0) }
        rows[1_300] = Self.row(1_300, outcome: "connected")
        rows[1_200] = Self.row(1_200, timestamp: "not a date")
        var rng = SplitMix(seed: 3)
        var tail = Array(rows[1_000...]).filter { $0 != Self.row(1_100) }.shuffled(using: &rng)
        tail.insert(Self.row(1_100, outcome: "voicemail"), at: 100)
        tail.insert(Self.row(1_100), at: 400)
        tail.append(Self.row(Self.rows))
        let file = Self.header + (rows[..<1_000] + tail).joined()
        var results: [[String]] = []
        for lookups in Lookups.allCases {
            // When it is imported with records looked up in file order, and in key order, all in one window
            let store = try store(lookups, window: 1_000)
            try importText(store, Self.export())
            let summary = try importText(store, file)
            // Then both count and store the same: the restated record as it was, as the file's later line says
            #expect(
                (summary.added, summary.updated, summary.unchanged, summary.quarantined) == (1, 3, Self.rows - 3, 1))
            results.append(try activities(store))
        }
        #expect(results[0].count == results[1].count && zip(results[0], results[1]).first { $0 != $1 } == nil)
        #expect(results[0].contains { $0.hasPrefix("generic:r1100|") && $0.contains("|no-answer|") })
    }
}
