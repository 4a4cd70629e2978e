import Foundation
import PostgresNIO
import Testing

@testable import PyramidPostgres

/// A workspace on a server reached over the network: the connection is encrypted as `?sslmode=` asks, and the
/// server's certificate checked against `?sslrootcert=` (the test server's own, made out to localhost).
@Suite(.serialized, .enabled(if: TestPostgres.tlsServer != nil, TestPostgres.tlsSkipped))
struct PostgresTLSTests {
    /// The test server over the loopback address, with `settings` after the path instead of its own.
    func server(host: String = "localhost", _ settings: String) throws -> PostgresLocation {
        let address = try #require(TestPostgres.tlsServer)
        var parts = try #require(URLComponents(string: address))
        parts.host = host
        parts.percentEncodedQuery = settings.isEmpty ? nil : settings
        let text = try #require(parts.string)
        return try PostgresLocation(text)
    }

    var rootCertificate: String {
        get throws {
            let address = try #require(TestPostgres.tlsServer)
            let parts = try #require(URLComponents(string: address))
            return try #require(parts.queryItems?.first { $0.name == "sslrootcert" }?.value)
        }
    }

    /// Whether the store's connection is encrypted, as the server sees it.
    func encrypted(_ store: PostgresStore) throws -> Bool {
        let logger = store.logger
        return try store.run { connection in
            let rows = try await connection.query(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: logger
            ).collect()
            return try rows.first?.decode(Bool.self) ?? false
        }
    }

    @Test func aWorkspaceOverTheNetworkIsEncryptedAndItsServerChecked() throws {
        let root = try rootCertificate
        let full = try server("sslmode=verify-full&sslrootcert=\(root)")
        let database = try PostgresAdmin.scratchDatabase(on: full)
        defer { try? PostgresAdmin.dropDatabase(database.database, on: full) }
        let store = try PostgresStore(location: database)
        #expect(try encrypted(store))
        #expect(try store.counts().activities == 0)
        var location = database
        for settings in ["", "sslmode=require", "sslmode=verify-ca&sslrootcert=\(root)"] {
            location = try server(settings)
            location.database = database.database
            #expect(try encrypted(PostgresStore(location: location)), "\(settings)")
        }
        location = try server("sslmode=disable")
        location.database = database.database
        #expect(try !encrypted(PostgresStore(location: location)))
        // The certificate is made out to localhost: signed by the authority trusted, but not the address's.
        location = try server(host: "127.0.0.1", "sslmode=verify-ca&sslrootcert=\(root)")
        location.database = database.database
        #expect(try encrypted(PostgresStore(location: location)))
    }

    @Test func aServerWhoseCertificateIsNotTrustedIsNotConnectedTo() throws {
        let root = try rootCertificate
        // Another address than the certificate's, and the system's authorities, which did not sign it.
        for location in [
            try server(host: "127.0.0.1", "sslmode=verify-full&sslrootcert=\(root)"),
            try server("sslmode=verify-full"),
        ] {
            let error = try #require(throws: PostgresStoreError.self) { try PostgresStore(location: location) }
            let message = "\(error)"
            #expect(message.contains("cannot connect"), "\(message)")
            #expect(message.contains("certificate"), "\(message)")
            let password = try #require(location.password)
            #expect(!message.contains(password), "\(message)")
        }
    }

    @Test func anUnreadableAuthorityFileIsNamed() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-root.crt").path
        let location = try server("sslmode=verify-full&sslrootcert=\(missing)")
        let error = try #require(throws: PostgresStoreError.self) { try PostgresStore(location: location) }
        #expect("\(error)".contains("sslrootcert \(missing) cannot be read"))
        let notPEM = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-certificate.crt")
        try Data("not a certificate\n".utf8).write(to: notPEM)
        defer { try? FileManager.default.removeItem(at: notPEM) }
        let garbled = try server("sslmode=verify-full&sslrootcert=\(notPEM.path)")
        let second = try #require(throws: PostgresStoreError.self) { try PostgresStore(location: garbled) }
        #expect("\(second)".contains("holds no certificate in PEM form"))
    }
}
