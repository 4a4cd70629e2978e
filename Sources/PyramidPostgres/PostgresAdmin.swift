import Foundation
import Logging
import PostgresNIO

/// Databases made and dropped on a server, for setting an organisation's workspace up and for tests that each
/// want a database of their own. The role in `server` must be allowed to create databases.
public enum PostgresAdmin {
    /// Creates the database `name` on the server of `server` (connecting to `server`'s own database to do it) and
    /// returns its address.
    public static func createDatabase(_ name: String, on server: PostgresLocation) throws -> PostgresLocation {
        try execute("CREATE DATABASE \(quoted(name))", on: server)
        var location = server
        location.database = name
        return location
    }

    /// A new, empty database on the server of `server`, named `pyramid_scratch_` and a random suffix: for tests,
    /// and for trying Pyramid without touching a workspace in use.
    public static func scratchDatabase(on server: PostgresLocation) throws -> PostgresLocation {
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        return try createDatabase("pyramid_scratch_\(suffix)", on: server)
    }

    /// Drops the database `name` on the server of `server`, closing its other connections first.
    public static func dropDatabase(_ name: String, on server: PostgresLocation) throws {
        try execute("DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)", on: server)
    }

    /// Runs `sql` (no parameters: `CREATE DATABASE` takes none) on `server`'s database, outside any transaction.
    static func execute(_ sql: String, on server: PostgresLocation) throws {
        let logger = Logger(label: "pyramid.postgres.admin")
        let executor = BlockingExecutor(label: "pyramid.postgres.admin")
        let configuration = try server.configuration()
        do {
            try executor.run {
                let connection = try await PostgresConnection.connect(
                    configuration: configuration, id: 1, logger: logger)
                do {
                    _ = try await connection.simpleQuery(sql).get()
                } catch {
                    try? await connection.close()
                    throw error
                }
                try await connection.close()
            }
        } catch {
            throw PostgresStoreError.server(PostgresStore.reason(error))
        }
    }

    /// `name` as an SQL identifier.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
