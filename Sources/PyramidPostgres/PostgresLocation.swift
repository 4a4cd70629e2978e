import Foundation
import PostgresNIO
import PyramidStore

/// Where a PostgreSQL workspace is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or `postgresql://`), with
/// the server's Unix-socket folder as `?host=/path` (then HOST may be left out, as libpq allows), and how a
/// connection over the network is encrypted, as libpq reads it: `?sslmode=` (`prefer` when not given) and
/// `?sslrootcert=` (the certificate authorities to trust, a PEM file; the system's when not given).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String?
    /// A host name or address; nil when the server is reached through `socketFolder`.
    public var host: String?
    public var port: Int
    /// The folder holding the server's socket (`.s.PGSQL.PORT`), as libpq's `host=/path`.
    public var socketFolder: String?
    public var database: String
    /// Whether a connection over the network is encrypted and what is checked of the server's certificate.
    public var tlsMode: TLSMode
    /// The PEM file of the certificate authorities the server's certificate is checked against (libpq's
    /// `sslrootcert`); nil for the system's.
    public var rootCertificates: String?

    /// libpq's `sslmode`, but `allow` (which tries without TLS first, and which postgres-nio cannot do). Over a
    /// Unix socket nothing is encrypted, whatever the mode, as with libpq.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never encrypted.
        case disable
        /// Encrypted when the server offers TLS, in the clear when it does not; the certificate is not checked
        /// (libpq's default).
        case prefer
        /// Encrypted, or no connection; the certificate is checked only against `rootCertificates` when given
        /// (as libpq does when its root certificate file exists).
        case require
        /// Encrypted, and the certificate signed by a trusted authority.
        case verifyCA = "verify-ca"
        /// Encrypted, the certificate signed by a trusted authority and made out to the host connected to.
        case verifyFull = "verify-full"
    }

    /// Reads a `postgres://` address; throws saying what is missing or wrong.
    public init(_ text: String) throws {
        guard WorkspaceAddress.isPostgres(text), let parts = URLComponents(string: text) else {
            throw PostgresStoreError.badLocation(text, "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        guard let user = parts.user?.removingPercentEncoding, !user.isEmpty else {
            throw PostgresStoreError.badLocation(text, "it names no user (postgres://USER@HOST/DATABASE)")
        }
        let database = String(parts.path.drop(while: { $0 == "/" })).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresStoreError.badLocation(text, "it names no database (postgres://USER@HOST/DATABASE)")
        }
        var socketFolder: String?
        var tlsMode = TLSMode.prefer
        var rootCertificates: String?
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "host":
                guard let value = item.value, value.hasPrefix("/") else {
                    throw PostgresStoreError.badLocation(text, "?host= takes the socket's folder, as /path")
                }
                socketFolder = value
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw PostgresStoreError.badLocation(
                        text, "sslmode '\(item.value ?? "")' is not one Pyramid knows (\(modes))")
                }
                tlsMode = mode
            case "sslrootcert":
                guard let value = item.value, !value.isEmpty else {
                    throw PostgresStoreError.badLocation(text, "?sslrootcert= takes a PEM file's path")
                }
                rootCertificates = value
            default:
                throw PostgresStoreError.badLocation(
                    text, "'\(item.name)' is not a setting Pyramid reads (?host=, ?sslmode=, ?sslrootcert=)")
            }
        }
        let host = parts.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        guard host != nil || socketFolder != nil else {
            throw PostgresStoreError.badLocation(
                text, "it names no host (postgres://USER@HOST/DATABASE or ?host=/path)")
        }
        self.user = user
        self.password = parts.password?.removingPercentEncoding
        self.host = socketFolder == nil ? host : nil
        self.port = parts.port ?? 5432
        self.socketFolder = socketFolder
        self.database = database
        self.tlsMode = tlsMode
        self.rootCertificates = rootCertificates
    }

    /// The settings after the path, as the address writes them.
    private var settings: String {
        var items: [String] = []
        if let socketFolder { items.append("host=\(socketFolder)") }
        if tlsMode != .prefer { items.append("sslmode=\(tlsMode.rawValue)") }
        if let rootCertificates {
            let encoded = rootCertificates.addingPercentEncoding(
                withAllowedCharacters: .urlQueryAllowed.subtracting(.init(charactersIn: "&=+")))
            items.append("sslrootcert=\(encoded ?? rootCertificates)")
        }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    /// The address, password included, to hand to another command (`--db`); never for a message.
    public var address: String {
        func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(.init(charactersIn: ":@")))
                ?? text
        }
        let secret = password.map { ":" + encoded($0) } ?? ""
        return "postgres://\(encoded(user))\(secret)@\(host ?? "localhost"):\(port)/\(encoded(database))\(settings)"
    }

    /// The address without its password, for messages.
    public var description: String {
        "postgres://\(user)@\(host ?? ""):\(port)/\(database)\(settings)"
    }

    /// How postgres-nio connects; throws when `rootCertificates` cannot be read.
    func configuration() throws -> PostgresConnection.Configuration {
        if let socketFolder {
            return .init(
                unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        }
        return .init(
            host: host ?? "localhost", port: port, username: user, password: password, database: database,
            tls: try tls())
    }

    /// What `tlsMode` and `rootCertificates` ask of a connection over the network.
    private func tls() throws -> PostgresConnection.Configuration.TLS {
        if tlsMode == .disable { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tlsMode {
        case .disable, .prefer: configuration.certificateVerification = .none
        case .require:
            configuration.certificateVerification = rootCertificates == nil ? .none : .noHostnameVerification
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let rootCertificates {
            guard FileManager.default.isReadableFile(atPath: rootCertificates) else {
                throw PostgresStoreError.badLocation(description, "sslrootcert \(rootCertificates) cannot be read")
            }
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(rootCertificates)
            } catch {
                throw PostgresStoreError.badLocation(
                    description, "sslrootcert \(rootCertificates) holds no certificate in PEM form")
            }
            guard !certificates.isEmpty else {
                throw PostgresStoreError.badLocation(
                    description, "sslrootcert \(rootCertificates) holds no certificate in PEM form")
            }
            configuration.trustRoots = .certificates(certificates)
        }
        let context = try NIOSSLContext(configuration: configuration)
        return tlsMode == .prefer ? .prefer(context) : .require(context)
    }
}
