import GRDB
import PyramidCore

/// Reading sellers back as values.
enum SellerQueries {
    static func all(_ db: Database) throws -> [Seller] {
        try Row.fetchAll(db, sql: "SELECT * FROM seller ORDER BY team, name").map(seller)
    }

    static func seller(_ row: Row) -> Seller {
        Seller(
            email: row["email"], name: row["name"], team: row["team"], manager: row["manager"], role: row["role"],
            startDate: (row["start_date"] as String?).flatMap(LocalDate.init(iso:)),
            endDate: (row["end_date"] as String?).flatMap(LocalDate.init(iso:)), crmID: row["crm_id"],
            active: row["active"])
    }

    /// `ben.carter@example.com` → `Ben Carter`, for owners known only by email.
    static func nameFromEmail(_ email: String) -> String {
        let local = email.split(separator: "@").first.map(String.init) ?? email
        return local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
