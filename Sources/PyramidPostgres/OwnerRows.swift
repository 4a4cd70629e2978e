import Logging
import PostgresNIO
import PyramidCore

/// The owner rows an import reads and writes: how exports name owners, matched to the roster on first sight, as
/// the SQLite workspace's import does. Used under the import's merge lock.
struct OwnerRows {
    let connection: PostgresConnection
    let logger: Logger
    private var known: [String: (id: Int64, seller: String?)] = [:]
    private var matcher: OwnerMatcher
    private var nextID: Int64

    init(connection: PostgresConnection, logger: Logger) async throws {
        self.connection = connection
        self.logger = logger
        var known: [String: (id: Int64, seller: String?)] = [:]
        var nextID: Int64 = 1
        for try await (id, name, seller) in try await connection.query(
            "SELECT id, name, seller_email FROM owner", logger: logger
        ).decode((Int64, String, String?).self) {
            known[name] = (id, seller)
            nextID = max(nextID, id + 1)
        }
        self.known = known
        self.nextID = nextID
        matcher = OwnerMatcher(sellers: try await PostgresQueries.sellers(connection, logger: logger))
    }

    /// The owner row for `name`, created (and matched to the roster, or made a seller when it is an email) on
    /// first sight.
    mutating func id(of name: String) async throws -> Int64 {
        if let owner = known[name] { return owner.id }
        var seller = matcher.match(name)
        if seller == nil, name.contains("@") {
            let email = name.lowercased()
            seller = email
            try await connection.query(
                """
                INSERT INTO seller (email, name) VALUES (\(email), \(Seller.name(fromEmail: name)))
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        let id = nextID
        nextID += 1
        try await connection.query(
            "INSERT INTO owner (id, name, seller_email) VALUES (\(id), \(name), \(seller))", logger: logger)
        known[name] = (id, seller)
        return id
    }

    /// After a roster import: matches every owner name again.
    mutating func resolve() async throws {
        matcher = OwnerMatcher(sellers: try await PostgresQueries.sellers(connection, logger: logger))
        for (name, owner) in known {
            let seller = matcher.match(name) ?? owner.seller
            guard seller != owner.seller else { continue }
            try await connection.query(
                "UPDATE owner SET seller_email = \(seller) WHERE id = \(owner.id)", logger: logger)
            known[name] = (owner.id, seller)
        }
    }

    /// Of the owner names `names`, those that match nobody on the roster, sorted.
    func unmatched(among names: Set<String>) -> [String] {
        names.filter { known[$0].map { $0.seller == nil } ?? false }.sorted()
    }
}
