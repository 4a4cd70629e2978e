import Foundation
import GRDB
import PyramidCore

extension Store {
    /// A statement reading `columns` of the done activities of `days` (days since 1970-01-01: one range of the
    /// table), of the owner rows `owners` only, or everyone's when nil.
    static func doneActivities(_ db: Database, columns: String, days: ClosedRange<Int>, of owners: [Int64]?) throws
        -> FastStatement
    {
        let owners = owners ?? []
        let ownerFilter =
            owners.isEmpty
            ? "" : "AND owner_id IN (\(Array(repeating: "?", count: owners.count).joined(separator: ", ")))"
        let rows = try FastStatement(
            db, sql: "SELECT \(columns) FROM activity WHERE id BETWEEN ? AND ? AND done = 1 \(ownerFilter)")
        let ids = ActivityID.range(fromDay: days.lowerBound, toDay: days.upperBound)
        rows.bind(1, ids.lowerBound)
        rows.bind(2, ids.upperBound)
        for (index, owner) in owners.enumerated() { rows.bind(Int32(3 + index), owner) }
        return rows
    }

    /// The done activities of the sellers with the emails in `emails` from `from` to `to`, as contact touches
    /// (every seller named gets an entry, empty when they did nothing).
    public func journeys(of emails: Set<String>, from: LocalDate, to: LocalDate) throws -> [String: [ContactTouch]] {
        try writer.read { db in
            // Each seller's touches are gathered by the place of their email in `sellers`: an email hashed per
            // row cost more than reading the row.
            let sellers = emails.sorted()
            let places = Dictionary(uniqueKeysWithValues: sellers.enumerated().map { ($1, $0) })
            var owners: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, seller_email FROM owner WHERE seller_email IS NOT NULL") {
                if let place = places[row["seller_email"]] { owners[row["id"]] = place }
            }
            var touches = [[ContactTouch]](repeating: [], count: sellers.count)
            guard !owners.isEmpty else { return Dictionary(uniqueKeysWithValues: zip(sellers, touches)) }
            // The owners are filtered in SQL when they are a few of the team; for most of it, checking each row's
            // owner against hundreds of values costs SQLite more than skipping the others here.
            let allOwners = try Int.fetchOne(db, sql: "SELECT count(*) FROM owner") ?? 0
            let rows = try Self.doneActivities(
                db, columns: "owner_id, local_day, kind, direction, outcome, duration, contact, company",
                days: from.daysSinceEpoch...to.daysSinceEpoch,
                of: owners.count * 2 <= allOwners ? Array(owners.keys) : nil)
            let kinds = Vocabularies.kinds
            let directions = Vocabularies.directions
            let outcomes = Vocabularies.outcomes
            var scratch: [UInt8] = []
            try rows.forEachRow { row in
                guard let place = owners[row.int64(0)], let kind = kinds.value(row.text(2)),
                    let direction = directions.value(row.text(3)), let outcome = outcomes.value(row.text(4))
                else { return }
                let contact = ContactKey.number(contact: row.text(6), company: row.text(7), scratch: &scratch)
                touches[place].append(
                    ContactTouch(
                        contact: contact, day: LocalDate(daysSinceEpoch: Int(row.int64(1))), kind: kind,
                        direction: direction, outcome: outcome, durationSeconds: row.optionalInt64(5).map(Int.init)))
            }
            return Dictionary(uniqueKeysWithValues: zip(sellers, touches))
        }
    }
}
