import GRDB
import PyramidCore
import Testing

@testable import PyramidStore

/// Each stored activity carries a digest of its values; a re-import compares digests to leave unchanged rows
/// alone.
struct ActivityDigestTests {
    let header = "id,owner,kind,direction,outcome,timestamp,duration\n"

    /// The digest of one set of values, with `texts` the seven text values.
    func digest(
        day: Int = 20_401, done: Bool = true, duration: Int? = 300, occurredAt: Int64 = 1_762_678_800,
        utcOffset: Int = 60, loggedAt: Int64? = nil,
        texts: [String] = ["call", "outbound", "connected", "Connected", "Call with Ada", "Ada Ng", "Acme"],
        owner: Int64 = 1
    ) -> Int64 {
        var bytes: [UInt8] = []
        var ends = SIMD8<Int32>()
        for (field, text) in texts.enumerated() {
            bytes += text.utf8
            ends[field] = Int32(bytes.count)
        }
        let content = bytes.withUnsafeBufferPointer {
            ActivityDigest.content(
                day: day, done: done, duration: duration, occurredAt: occurredAt, utcOffsetMinutes: utcOffset,
                loggedAt: loggedAt, texts: $0, ends: ends)
        }
        return ActivityDigest.stored(content: content, owner: owner)
    }

    @Test func theDigestIsStoredDataAndNeverChanges() {
        // Workspaces hold digests computed by earlier versions: this value must stay what it is. (It was worked
        // out apart from this code, by a short script following ActivityDigest's description.)
        #expect(digest() == 1_510_329_309_786_154_233)
    }

    @Test func theSourceDigestIsStoredDataAndNeverChanges() {
        // Worked out apart from this code, by the same script as the value digest.
        let seed = ActivityDigest.of(interpretation: "rules 1\nexample")
        #expect(seed == 3_544_338_630_307_637_580)
        let record = Array("r1,ben@example.com,call,2026-11-09 09:00\n".utf8)
        #expect(record.withUnsafeBufferPointer { ActivityDigest.source($0, seed: seed) } == 5_484_143_265_203_235_479)
    }

    @Test func everyValueChangesTheDigest() {
        let base = digest()
        var texts = ["call", "outbound", "connected", "Connected", "Call with Ada", "Ada Ng", "Acme"]
        let variants = [
            digest(day: 20_402), digest(done: false), digest(duration: nil), digest(duration: 301),
            digest(occurredAt: 1_762_678_801), digest(utcOffset: 0), digest(loggedAt: 1_762_678_800),
            digest(owner: 2),
            // Text moved from one value to the next, and a long text changed in its last byte
            digest(texts: ["cal", "loutbound", "connected", "Connected", "Call with Ada", "Ada Ng", "Acme"]),
            digest(texts: ["call", "outbound", "connected", "Connected", "Call with Ada!", "Ada Ng", "Acme"]),
            digest(texts: ["call", "outbound", "connected", "Connected", "Call with Adb", "Ada Ng", "Acme"]),
        ]
        for field in texts.indices {
            let kept = texts[field]
            texts[field] += "x"
            #expect(digest(texts: texts) != base, "text \(field)")
            texts[field] = kept
        }
        #expect(variants.allSatisfy { $0 != base })
        #expect(Set(variants).count == variants.count)
    }

    @Test func theMigrationGivesEarlierRowsTheDigestAnImportWould() throws {
        // Given rows imported by this version
        let export =
            header + "a1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00+01:00,300\n"
            + "a2,ben@example.com,email,outbound,sent,2026-11-09T11:00:00Z,\n"
            + "a3,ada@example.com,meeting,inbound,held,2026-11-10T16:30:00-05:00,1800\n"
        let imported = try Store.inMemory()
        try importText(imported, export)
        let columns = """
            id, key, owner_id, local_day, kind, direction, outcome, done, duration, occurred_at, utc_offset,
              logged_at, outcome_text, subject, contact, company, import_id, version
            """
        let rows = try imported.writer.read { db in try Row.fetchAll(db, sql: "SELECT \(columns) FROM activity") }
        let owners = try imported.writer.read { db in try Row.fetchAll(db, sql: "SELECT id, name FROM owner") }
        // And the same rows in a workspace at schema v4, from before digests
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v4: activities stored in day order")
        try queue.write { db in
            for owner in owners {
                try db.execute(sql: "INSERT INTO owner (id, name) VALUES (?, ?)", arguments: [owner[0], owner[1]])
            }
            for row in rows {
                try db.execute(
                    sql:
                        "INSERT INTO activity (\(columns)) VALUES (\(Array(repeating: "?", count: 18).joined(separator: ", ")))",
                    arguments: StatementArguments(row.databaseValues))
            }
        }
        // When that workspace is opened by this version
        let earlier = try Store(writer: queue)
        // Then each row has the digest the import gave it
        let digests = "SELECT key, digest FROM activity ORDER BY key"
        let expected = try imported.writer.read { db in try Row.fetchAll(db, sql: digests) }
        #expect(try earlier.writer.read { db in try Row.fetchAll(db, sql: digests) } == expected)
        #expect(expected.allSatisfy { ($0[1] as Int64) != 0 })
        // And importing the same rows again finds them unchanged
        let again = try importText(earlier, export)
        #expect((again.added, again.updated, again.unchanged) == (0, 0, 3))
    }

    @Test func anUnchangedRowIsNotWrittenAgain() throws {
        let store = try Store.inMemory()
        let first = try importText(
            store, header + "a1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,300\n")
        let again = try importText(
            store,
            header + "a1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,300\n"
                + "a2,ben@example.com,call,outbound,connected,2026-11-09T10:00:00Z,300\n")
        #expect((again.added, again.updated, again.unchanged) == (1, 0, 1))
        let a1 = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT import_id, version FROM activity WHERE key = 'generic:a1'")
        }
        #expect(a1?[0] == first.importID)
        #expect(a1?[1] == 0)
    }

    @Test func aKeyChangedThenChangedBackInOneFileIsUpdatedTwice() throws {
        // Given a stored row
        let store = try Store.inMemory()
        let row = "a1,ben@example.com,call,outbound,connected,2026-11-09T09:00:00Z,300\n"
        try importText(store, header + row)
        // When a file changes it and then lists it as stored (both in one statement's worth of rows)
        let summary = try importText(
            store, header + "a1,ben@example.com,call,outbound,no-answer,2026-11-09T09:00:00Z,0\n" + row)
        // Then both count as updates, in file order, and the row ends as the file's last line says
        #expect((summary.added, summary.updated, summary.unchanged) == (0, 2, 0))
        let stored = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT outcome, version FROM activity WHERE key = 'generic:a1'")
        }
        #expect(stored?[0] == "connected")
        #expect(stored?[1] == 2)
    }
}
