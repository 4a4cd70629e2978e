import Foundation
import GRDB
import PyramidCore

extension Store {
    /// The team for `week` diagnosed by the model, with the contact journeys of the sellers whose channel beliefs
    /// are judged on them (`PyramidModel.sellersNeedingJourneys`): their activities over the lookback are read
    /// only for them, after a first diagnosis has named them. Of the sellers in `only`, when given (see
    /// `PyramidModel.diagnose`).
    public func diagnose(week: ISOWeek, config: WorkspaceConfig, only: Set<String>? = nil) throws -> TeamDiagnosis {
        var snapshot = try self.snapshot(week: week, config: config, loggingOf: only)
        let first = PyramidModel.diagnose(snapshot, config: config, only: only)
        let needed = PyramidModel.sellersNeedingJourneys(first)
        guard !needed.isEmpty else { return first }
        let from = TeamSnapshot.firstDay(week: week, config: config, coaching: snapshot.coaching)
        snapshot.journeys = try journeys(of: needed, from: from, to: week.monday.adding(days: 6))
        return PyramidModel.diagnose(snapshot, config: config, only: only)
    }

    /// The done activities of the sellers with the emails in `emails` from `from` to `to`, as contact touches
    /// (every seller named gets an entry, empty when they did nothing).
    public func journeys(of emails: Set<String>, from: LocalDate, to: LocalDate) throws -> [String: [ContactTouch]] {
        try writer.read { db in
            var owners: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, seller_email FROM owner WHERE seller_email IS NOT NULL")
            where emails.contains(row["seller_email"]) {
                owners[row["id"]] = row["seller_email"]
            }
            var journeys: [String: [ContactTouch]] = [:]
            for email in emails { journeys[email] = [] }
            guard !owners.isEmpty else { return journeys }
            let ownerIDs = Array(owners.keys)
            let ids = ActivityID.range(fromDay: from.daysSinceEpoch, toDay: to.daysSinceEpoch)
            let rows = try FastStatement(
                db,
                sql: """
                    SELECT owner_id, local_day, kind, direction, outcome, duration, contact, company
                    FROM activity WHERE id BETWEEN ? AND ? AND done = 1
                      AND owner_id IN (\(Array(repeating: "?", count: ownerIDs.count).joined(separator: ", ")))
                    """)
            rows.bind(1, ids.lowerBound)
            rows.bind(2, ids.upperBound)
            for (index, owner) in ownerIDs.enumerated() { rows.bind(Int32(3 + index), owner) }
            let kinds = Vocabularies.kinds
            let directions = Vocabularies.directions
            let outcomes = Vocabularies.outcomes
            try rows.forEachRow { row in
                guard let email = owners[row.int64(0)], let kind = kinds.value(row.text(2)),
                    let direction = directions.value(row.text(3)), let outcome = outcomes.value(row.text(4))
                else { return }
                let contact = ContactKey.of(
                    contact: String(decoding: row.text(6), as: UTF8.self),
                    company: String(decoding: row.text(7), as: UTF8.self))
                journeys[email, default: []].append(
                    ContactTouch(
                        contact: contact, day: LocalDate(daysSinceEpoch: Int(row.int64(1))), kind: kind,
                        direction: direction, outcome: outcome, durationSeconds: row.optionalInt64(5).map(Int.init)))
            }
            return journeys
        }
    }
}
