import GRDB
import PyramidCore

/// Reading sellers back as values.
enum SellerQueries {
    static func all(_ db: Database) throws -> [Seller] {
        // Columns read by position: by name, GRDB looks each one up in the row for every seller.
        try Row.fetchAll(
            db,
            sql: """
                SELECT email, name, team, manager, role, start_date, end_date, crm_id, active
                FROM seller ORDER BY team, name
                """
        ).map { row in
            Seller(
                email: row[0], name: row[1], team: row[2], manager: row[3], role: row[4],
                startDate: (row[5] as String?).flatMap(LocalDate.init(iso:)),
                endDate: (row[6] as String?).flatMap(LocalDate.init(iso:)), crmID: row[7], active: row[8])
        }
    }
}
