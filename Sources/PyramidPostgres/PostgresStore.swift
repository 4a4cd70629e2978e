import Foundation
import Logging
import PostgresNIO
import PyramidStore

/// A workspace on PostgreSQL: the tables of the SQLite workspace, for an organisation whose managers and
/// sales-ops people share one server. One connection per store; every call waits for its answer, as `Store`'s do.
///
/// Each imported file is one transaction; a failed import, or a process killed while importing, leaves the
/// workspace as it was.
public final class PostgresStore: Sendable {
    public let location: PostgresLocation
    let connection: PostgresConnection
    let logger: Logger
    private let executor: BlockingExecutor
    /// The most activities an import into an empty workspace holds back before it merges the rest of its file
    /// (see `ImportJob.copyStraightIn`).
    let maximumHeldRows: Int
    /// The most bits of the filter an import sieves its keys with, to tell the keys its file certainly gives once
    /// (`KeySieve`): 32 MiB, as a row of an export takes 100 bytes or more (at SQLite's 6 MiB, a first import of 10M
    /// rows held back more than `maximumHeldRows`).
    let maximumSieveBits: Int
    /// The bytes of quarantined rows an import holds in memory before it writes them to a temporary file (see
    /// `QuarantineCopy`).
    let quarantineMemoryBytes: Int

    /// Connects to the workspace at `location` and brings its tables up to date.
    public convenience init(location: PostgresLocation, logger: Logger = Logger(label: "pyramid.postgres")) throws {
        try self.init(location: location, logger: logger, maximumHeldRows: 65_536)
    }

    init(
        location: PostgresLocation, logger: Logger = Logger(label: "pyramid.postgres"), maximumHeldRows: Int,
        maximumSieveBits: Int = 256 << 20, quarantineMemoryBytes: Int = QuarantineCopy.defaultMemoryBytes
    ) throws {
        self.maximumSieveBits = maximumSieveBits
        self.location = location
        self.logger = logger
        self.maximumHeldRows = maximumHeldRows
        self.quarantineMemoryBytes = quarantineMemoryBytes
        let executor = BlockingExecutor(label: "pyramid.postgres")
        self.executor = executor
        let configuration = try location.configuration()
        do {
            connection = try executor.run {
                try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            }
        } catch {
            throw PostgresStoreError.cannotConnect(location.description, Self.reason(error))
        }
        try migrate()
    }

    deinit {
        try? connection.close().wait()
    }

    /// Runs `body` on the connection and waits for it; a server error comes back with the server's words.
    func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
        let connection = self.connection
        do {
            return try executor.run { try await body(connection) }
        } catch let error as PSQLError {
            throw PostgresStoreError.server(Self.reason(error))
        }
    }

    /// How a transaction begins and ends.
    enum TransactionKind {
        /// Reads and writes, committed when its body returns.
        case write
        /// Reads and writes, rolled back even when its body returns (a dry run).
        case dryRun
        /// Reads only, all from one snapshot of the database.
        case read

        var begin: PostgresQuery {
            self == .read ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN"
        }
    }

    /// Runs `body` in one transaction: committed when it returns (unless `kind` is a dry run), rolled back when it
    /// throws.
    func transaction<T: Sendable>(
        _ kind: TransactionKind = .write, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) throws -> T {
        let logger = self.logger
        return try run { connection in
            try await connection.query(kind.begin, logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query(kind == .dryRun ? "ROLLBACK" : "COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Applies the migrations not yet applied, in order, in one transaction; a second process opening the workspace
    /// at the same time waits for the first (an advisory lock) and then finds them applied. A role that only reads
    /// (a manager's) finds them all applied and writes nothing.
    private func migrate() throws {
        let logger = self.logger
        let applied: @Sendable (PostgresConnection) async throws -> Set<String> = { connection in
            let exists = try await connection.query(
                "SELECT to_regclass('pyramid_migration') IS NOT NULL", logger: logger
            ).collect().first?.decode(Bool.self)
            guard exists == true else { return [] }
            var names: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM pyramid_migration", logger: logger)
                .decode(String.self)
            {
                names.insert(name)
            }
            return names
        }
        let done = try run { connection in try await applied(connection) }
        guard PostgresSchema.migrations.contains(where: { !done.contains($0.name) }) else { return }
        try transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS pyramid_migration (
                  name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            let done = try await applied(connection)
            for migration in PostgresSchema.migrations where !done.contains(migration.name) {
                try await connection.execute(script: migration.sql, logger: logger)
                try await connection.query(
                    "INSERT INTO pyramid_migration (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }

    /// The advisory lock taken while migrating (any number, the same in every process).
    private static let migrationLock: Int64 = 0x5059_5241_4D49_4401

    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let detail = error.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return message + detail
            }
            if error.code == .sslUnsupported {
                return "the server does not offer TLS (sslmode=prefer connects without it when it must)"
            }
            if let underlying = error.underlying { return tlsReason(underlying) ?? "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// Why the server's TLS certificate was refused, in words; nil for another error.
    private static func tlsReason(_ error: any Error) -> String? {
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return "the server's TLS certificate is not made out to the host the address names "
                + "(sslmode=verify-ca checks only who signed it)"
        }
        guard case NIOSSLError.handshakeFailed(let failure) = error else { return nil }
        if "\(failure)".contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's TLS certificate is not signed by an authority trusted here (name the authority's "
                + "certificate file with ?sslrootcert=, or encrypt without checking with sslmode=require)"
        }
        return "the TLS handshake failed: \(failure)"
    }
}

/// Why the PostgreSQL workspace could not be used.
public enum PostgresStoreError: Error, Equatable, CustomStringConvertible {
    /// The `postgres://` address cannot be read.
    case badLocation(String, String)
    /// The server could not be reached or refused the connection.
    case cannotConnect(String, String)
    /// The server refused a statement.
    case server(String)
    /// `pyramid grant` named a database role that does not exist.
    case unknownRole(String)

    public var description: String {
        switch self {
        case .badLocation(let text, let reason):
            "'\(WorkspaceAddress.withoutPassword(text))' is not a PostgreSQL workspace address: \(reason)"
        case .cannotConnect(let location, let reason): "\(location): cannot connect to the workspace: \(reason)"
        case .server(let reason): "the PostgreSQL workspace refused: \(reason)"
        case .unknownRole(let role):
            "there is no database role '\(role)': create it first (CREATE ROLE \"\(role)\" LOGIN PASSWORD '…')"
        }
    }
}

extension PostgresStore: Workspace {}

extension PostgresConnection {
    /// Runs the statements of `script` one after the other: PostgresNIO sends each query as one prepared
    /// statement, which holds one command. Statements end with `;` at the end of a line (none of Pyramid's has
    /// one inside a string or comment).
    func execute(script: String, logger: Logger) async throws {
        for statement in script.components(separatedBy: ";\n") {
            let sql = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !sql.isEmpty else { continue }
            try await query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }
}
