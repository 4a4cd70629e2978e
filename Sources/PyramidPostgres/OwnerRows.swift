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
    /// The sellers and owner rows numbered and not written yet.
    private var newSellers: [(email: String, name: String)] = []
    private var newOwners: [(id: Int64, name: String, seller: String?)] = []

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

    /// The owner row for `name`: known, or numbered now (and matched to the roster, or made a seller when it is an
    /// email) and written by the next `write()`, so that an import streaming its rows can number owners meanwhile.
    mutating func id(of name: String) -> Int64 {
        if let owner = known[name] { return owner.id }
        var seller = matcher.match(name)
        if seller == nil, name.contains("@") {
            seller = name.lowercased()
            newSellers.append((name.lowercased(), Seller.name(fromEmail: name)))
        }
        let id = nextID
        nextID += 1
        newOwners.append((id, name, seller))
        known[name] = (id, seller)
        return id
    }

    /// Writes the owner rows (and sellers) numbered since the last call.
    mutating func write() async throws {
        if !newSellers.isEmpty {
            try await connection.query(
                """
                INSERT INTO seller (email, name)
                SELECT * FROM unnest(\(newSellers.map(\.email))::text[], \(newSellers.map(\.name))::text[])
                ON CONFLICT DO NOTHING
                """, logger: logger)
            newSellers.removeAll()
        }
        if !newOwners.isEmpty {
            try await connection.query(
                """
                INSERT INTO owner (id, name, seller_email)
                SELECT id, name, nullif(seller, '')
                FROM unnest(\(newOwners.map(\.id))::bigint[], \(newOwners.map(\.name))::text[],
                  \(newOwners.map { $0.seller ?? "" })::text[]) AS o(id, name, seller)
                """, logger: logger)
            newOwners.removeAll()
        }
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
