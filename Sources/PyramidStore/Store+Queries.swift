import Foundation
import GRDB
import PyramidCore

/// One line of the import log.
public struct ImportRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var file: String
    public var path: String
    public var sha256: String
    public var bytes: Int64
    public var dialect: String
    public var kind: String
    public var encoding: String
    public var startedAt: String
    public var rowsRead: Int
    public var added: Int
    public var updated: Int
    public var unchanged: Int
    public var quarantined: Int
    public var footerLines: Int
    public var unmatchedOwners: Int

    /// A line of the import log.
    public init(
        id: Int64, file: String, path: String, sha256: String, bytes: Int64, dialect: String, kind: String,
        encoding: String, startedAt: String, rowsRead: Int, added: Int, updated: Int, unchanged: Int,
        quarantined: Int, footerLines: Int, unmatchedOwners: Int
    ) {
        self.id = id
        self.file = file
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.dialect = dialect
        self.kind = kind
        self.encoding = encoding
        self.startedAt = startedAt
        self.rowsRead = rowsRead
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.quarantined = quarantined
        self.footerLines = footerLines
        self.unmatchedOwners = unmatchedOwners
    }
}

/// A row set aside, as `pyramid quarantine` lists it.
public struct QuarantinedRow: Sendable, Hashable, Codable {
    public var importID: Int64
    public var file: String
    public var line: Int
    public var reason: String
    public var raw: String

    /// A quarantined row.
    public init(importID: Int64, file: String, line: Int, reason: String, raw: String) {
        self.importID = importID
        self.file = file
        self.line = line
        self.reason = reason
        self.raw = raw
    }
}

/// A seller with what the workspace knows of them.
public struct SellerListing: Sendable, Hashable, Codable {
    public var seller: Seller
    /// How exports name this seller (emails, names, CRM ids).
    public var knownAs: [String]
    /// Activities stored for this seller.
    public var activities: Int

    /// A seller's listing.
    public init(seller: Seller, knownAs: [String], activities: Int) {
        self.seller = seller
        self.knownAs = knownAs
        self.activities = activities
    }
}

extension Store {
    /// The import log, newest first.
    public func imports() throws -> [ImportRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM import_run ORDER BY id DESC").map { row in
                ImportRecord(
                    id: row["id"], file: row["file"], path: row["path"], sha256: row["sha256"], bytes: row["bytes"],
                    dialect: row["dialect"], kind: row["kind"], encoding: row["encoding"],
                    startedAt: row["started_at"], rowsRead: row["rows_read"], added: row["added"],
                    updated: row["updated"], unchanged: row["unchanged"], quarantined: row["quarantined"],
                    footerLines: row["footer_lines"], unmatchedOwners: row["unmatched_owners"])
            }
        }
    }

    /// Every quarantined row, by file and line.
    public func quarantine() throws -> [QuarantinedRow] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM quarantine ORDER BY import_id, line").map { row in
                QuarantinedRow(
                    importID: row["import_id"], file: row["file"], line: row["line"], reason: row["reason"],
                    raw: row["raw"])
            }
        }
    }

    /// Every seller on the roster, by team and name.
    public func sellers() throws -> [Seller] {
        try writer.read { db in try SellerQueries.all(db) }
    }

    /// Every seller, with the names exports use for them and their activity count.
    public func sellerListings() throws -> [SellerListing] {
        try writer.read { db in
            let counts = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db,
                    sql: """
                        SELECT o.seller_email AS email, count(a.id) AS n FROM owner o
                        JOIN activity a ON a.owner_id = o.id WHERE o.seller_email IS NOT NULL
                        GROUP BY o.seller_email
                        """
                ).map { ($0["email"] as String, $0["n"] as Int) })
            var names: [String: [String]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT seller_email, name FROM owner WHERE seller_email IS NOT NULL ORDER BY name")
            {
                names[row["seller_email"], default: []].append(row["name"])
            }
            return try SellerQueries.all(db).map { seller in
                SellerListing(seller: seller, knownAs: names[seller.email] ?? [], activities: counts[seller.email] ?? 0)
            }
        }
    }

    /// Owner names that match nobody on the roster, with how many activities and deals they hold.
    public func unmatchedOwners() throws -> [(name: String, rows: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.name, coalesce(a.n, 0) + coalesce(d.n, 0) AS n
                    FROM owner o
                    LEFT JOIN (SELECT owner_id, count(*) AS n FROM activity GROUP BY owner_id) a ON a.owner_id = o.id
                    LEFT JOIN (SELECT owner_id, count(*) AS n FROM deal GROUP BY owner_id) d ON d.owner_id = o.id
                    WHERE o.seller_email IS NULL ORDER BY o.name
                    """
            ).map { ($0["name"], $0["n"]) }
        }
    }

    /// Counts of stored rows, for tests and the demo.
    public func counts() throws -> (activities: Int, deals: Int, sellers: Int, timeOff: Int, quarantined: Int) {
        try writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM activity") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM deal") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM seller") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM time_off") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine") ?? 0
            )
        }
    }
}
