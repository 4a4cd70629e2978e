import Logging
import PostgresNIO
import PyramidCore
import PyramidStore

/// Reads shared by the store's lists and its import.
enum PostgresQueries {
    /// Every seller on the roster, by team and name.
    static func sellers(_ connection: PostgresConnection, logger: Logger) async throws -> [Seller] {
        try await connection.query(
            """
            SELECT email, name, team, manager, role, start_date, end_date, crm_id, active
            FROM seller ORDER BY team, name
            """, logger: logger
        ).collect().map { row in
            let (email, name, team, manager, role, start, end, crmID, active) = try row.decode(
                (String, String, String, String, String, String?, String?, String, Bool).self)
            return Seller(
                email: email, name: name, team: team, manager: manager, role: role,
                startDate: start.flatMap(LocalDate.init(iso:)), endDate: end.flatMap(LocalDate.init(iso:)),
                crmID: crmID, active: active)
        }
    }
}

extension PostgresStore {
    /// The import log, newest first.
    public func imports() throws -> [ImportRecord] {
        let logger = self.logger
        return try run { connection in
            try await connection.query(
                """
                SELECT id, file, path, sha256, bytes, dialect, kind, encoding, started_at, rows_read, added, updated,
                  unchanged, quarantined, footer_lines, unmatched_owners
                FROM import_run ORDER BY id DESC
                """, logger: logger
            ).collect().map { row in
                let values = try row.decode(
                    (
                        Int64, String, String, String, Int64, String, String, String, String, Int64, Int64, Int64,
                        Int64, Int64, Int64, Int64
                    ).self)
                return ImportRecord(
                    id: values.0, file: values.1, path: values.2, sha256: values.3, bytes: values.4,
                    dialect: values.5, kind: values.6, encoding: values.7, startedAt: values.8,
                    rowsRead: Int(values.9), added: Int(values.10), updated: Int(values.11),
                    unchanged: Int(values.12), quarantined: Int(values.13), footerLines: Int(values.14),
                    unmatchedOwners: Int(values.15))
            }
        }
    }

    /// Every quarantined row, by file and line.
    public func quarantine() throws -> [QuarantinedRow] {
        let logger = self.logger
        return try run { connection in
            try await connection.query(
                "SELECT import_id, file, line, reason, raw FROM quarantine ORDER BY import_id, line", logger: logger
            ).collect().map { row in
                let (importID, file, line, reason, raw) = try row.decode((Int64, String, Int64, String, String).self)
                return QuarantinedRow(importID: importID, file: file, line: Int(line), reason: reason, raw: raw)
            }
        }
    }

    /// Every seller on the roster, by team and name.
    public func sellers() throws -> [Seller] {
        let logger = self.logger
        return try run { connection in try await PostgresQueries.sellers(connection, logger: logger) }
    }

    /// Every seller, with the names exports use for them and their activity count.
    public func sellerListings() throws -> [SellerListing] {
        let logger = self.logger
        return try run { connection in
            var counts: [String: Int] = [:]
            for row in try await connection.query(
                """
                SELECT o.seller_email, count(a.id) FROM owner o JOIN activity a ON a.owner_id = o.id
                WHERE o.seller_email IS NOT NULL GROUP BY o.seller_email
                """, logger: logger
            ).collect() {
                let (email, count) = try row.decode((String, Int64).self)
                counts[email] = Int(count)
            }
            var names: [String: [String]] = [:]
            for row in try await connection.query(
                "SELECT seller_email, name FROM owner WHERE seller_email IS NOT NULL ORDER BY name", logger: logger
            ).collect() {
                let (email, name) = try row.decode((String, String).self)
                names[email, default: []].append(name)
            }
            return try await PostgresQueries.sellers(connection, logger: logger).map { seller in
                SellerListing(seller: seller, knownAs: names[seller.email] ?? [], activities: counts[seller.email] ?? 0)
            }
        }
    }

    /// Owner names that match nobody on the roster, with how many activities and deals they hold.
    public func unmatchedOwners() throws -> [(name: String, rows: Int)] {
        let logger = self.logger
        let rows = try run { connection in
            try await connection.query(
                """
                SELECT o.name, coalesce(a.n, 0) + coalesce(d.n, 0)
                FROM owner o
                LEFT JOIN (SELECT owner_id, count(*) AS n FROM activity GROUP BY owner_id) a ON a.owner_id = o.id
                LEFT JOIN (SELECT owner_id, count(*) AS n FROM deal GROUP BY owner_id) d ON d.owner_id = o.id
                WHERE o.seller_email IS NULL ORDER BY o.name
                """, logger: logger
            ).collect().map { row in try row.decode((String, Int64).self) }
        }
        return rows.map { (name: $0.0, rows: Int($0.1)) }
    }

    /// Counts of stored rows, for tests and the demo.
    public func counts() throws -> (activities: Int, deals: Int, sellers: Int, timeOff: Int, quarantined: Int) {
        let logger = self.logger
        let row: (Int64, Int64, Int64, Int64, Int64)? = try run { connection in
            try await connection.query(
                """
                SELECT (SELECT count(*) FROM activity), (SELECT count(*) FROM deal), (SELECT count(*) FROM seller),
                  (SELECT count(*) FROM time_off), (SELECT count(*) FROM quarantine)
                """, logger: logger
            ).collect().first?.decode((Int64, Int64, Int64, Int64, Int64).self)
        }
        guard let row else { return (0, 0, 0, 0, 0) }
        return (Int(row.0), Int(row.1), Int(row.2), Int(row.3), Int(row.4))
    }
}
