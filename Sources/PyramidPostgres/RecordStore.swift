import Logging
import PostgresNIO
import PyramidCore

/// Writes the rows of a deals, roster or time-off file one at a time, as the SQLite workspace's import does:
/// each is added, updated (a value differs) or left unchanged.
struct RecordStore {
    let connection: PostgresConnection
    let importID: Int64
    let logger: Logger

    enum Change { case added, updated, unchanged }

    func store(_ deal: Deal, owner: Int64) async throws -> Change {
        let version = try await connection.query(
            """
            INSERT INTO deal (key, owner_id, name, amount_cents, currency, stage, status, close_date, created_date,
              import_id)
            VALUES (\(deal.key), \(owner), \(deal.name), \(deal.amountCents), \(deal.currency), \(deal.stage),
              \(deal.status.rawValue), \(deal.closeDate?.description), \(deal.createdDate?.description), \(importID))
            ON CONFLICT (key) DO UPDATE SET owner_id = excluded.owner_id, name = excluded.name,
              amount_cents = excluded.amount_cents, currency = excluded.currency, stage = excluded.stage,
              status = excluded.status, close_date = excluded.close_date, created_date = excluded.created_date,
              import_id = excluded.import_id, version = deal.version + 1
            WHERE (deal.owner_id, deal.name, deal.amount_cents, deal.currency, deal.stage, deal.status,
              deal.close_date, deal.created_date)
              IS DISTINCT FROM (excluded.owner_id, excluded.name, excluded.amount_cents, excluded.currency,
              excluded.stage, excluded.status, excluded.close_date, excluded.created_date)
            RETURNING version
            """, logger: logger
        ).collect().first?.decode(Int.self)
        return change(version)
    }

    func store(_ seller: Seller) async throws -> Change {
        let version = try await connection.query(
            """
            INSERT INTO seller (email, name, team, manager, role, start_date, end_date, crm_id, active)
            VALUES (\(seller.email), \(seller.name), \(seller.team), \(seller.manager), \(seller.role),
              \(seller.startDate?.description), \(seller.endDate?.description), \(seller.crmID), \(seller.active))
            ON CONFLICT (email) DO UPDATE SET name = excluded.name,
              team = CASE WHEN excluded.team = '' THEN seller.team ELSE excluded.team END,
              manager = CASE WHEN excluded.manager = '' THEN seller.manager ELSE excluded.manager END,
              role = CASE WHEN excluded.role = '' THEN seller.role ELSE excluded.role END,
              start_date = coalesce(excluded.start_date, seller.start_date),
              end_date = coalesce(excluded.end_date, seller.end_date),
              crm_id = CASE WHEN excluded.crm_id = '' THEN seller.crm_id ELSE excluded.crm_id END,
              active = excluded.active, version = seller.version + 1
            WHERE (seller.name, seller.team, seller.manager, seller.role, seller.start_date, seller.end_date,
              seller.crm_id, seller.active)
              IS DISTINCT FROM (excluded.name,
              CASE WHEN excluded.team = '' THEN seller.team ELSE excluded.team END,
              CASE WHEN excluded.manager = '' THEN seller.manager ELSE excluded.manager END,
              CASE WHEN excluded.role = '' THEN seller.role ELSE excluded.role END,
              coalesce(excluded.start_date, seller.start_date), coalesce(excluded.end_date, seller.end_date),
              CASE WHEN excluded.crm_id = '' THEN seller.crm_id ELSE excluded.crm_id END, excluded.active)
            RETURNING version
            """, logger: logger
        ).collect().first?.decode(Int.self)
        return change(version)
    }

    func store(_ timeOff: TimeOff) async throws -> Change {
        let added = try await connection.query(
            """
            INSERT INTO time_off (email, start, "end", import_id)
            VALUES (\(timeOff.email), \(timeOff.start.description), \(timeOff.end.description), \(importID))
            ON CONFLICT DO NOTHING
            RETURNING 1
            """, logger: logger
        ).collect().first?.decode(Int.self)
        return added == nil ? .unchanged : .added
    }

    private func change(_ version: Int?) -> Change {
        guard let version else { return .unchanged }
        return version == 0 ? .added : .updated
    }
}
