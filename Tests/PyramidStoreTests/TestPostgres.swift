import Foundation
import PyramidPostgres
import Testing

/// The PostgreSQL server of the tests: `$PYRAMID_TEST_POSTGRES`, which `.ci/run` always sets (after starting a
/// throwaway server with Scripts/postgres-dev) and a developer sets with `eval "$(Scripts/postgres-dev start)"`.
enum TestPostgres {
    static let server = ProcessInfo.processInfo.environment["PYRAMID_TEST_POSTGRES"]
    static let skipped: Comment = "PYRAMID_TEST_POSTGRES is not set: eval \"$(Scripts/postgres-dev start)\" to run it"
    /// The same server over the loopback address with TLS, its certificate as `sslrootcert`.
    static let tlsServer = ProcessInfo.processInfo.environment["PYRAMID_TEST_POSTGRES_TLS"]
    static let tlsSkipped: Comment =
        "PYRAMID_TEST_POSTGRES_TLS is not set: eval \"$(Scripts/postgres-dev start)\" to run it"

    /// A new, empty database on the test server, dropped when `body` returns.
    static func withDatabase<T>(_ body: (PostgresLocation) throws -> T) throws -> T {
        let server = try PostgresLocation(try #require(server))
        let database = try PostgresAdmin.scratchDatabase(on: server)
        defer { try? PostgresAdmin.dropDatabase(database.database, on: server) }
        return try body(database)
    }
}
