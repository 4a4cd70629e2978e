import Foundation
import PostgresNIO
import PyramidStore

/// Where a PostgreSQL workspace is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or `postgresql://`), with
/// the server's Unix-socket folder as `?host=/path` (then HOST may be left out, as libpq allows).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String?
    /// A host name or address; nil when the server is reached through `socketFolder`.
    public var host: String?
    public var port: Int
    /// The folder holding the server's socket (`.s.PGSQL.PORT`), as libpq's `host=/path`.
    public var socketFolder: String?
    public var database: String

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
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "host":
                guard let value = item.value, value.hasPrefix("/") else {
                    throw PostgresStoreError.badLocation(text, "?host= takes the socket's folder, as /path")
                }
                socketFolder = value
            default:
                throw PostgresStoreError.badLocation(
                    text, "'\(item.name)' is not a setting Pyramid reads (only ?host=)")
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
    }

    /// The address, password included, to hand to another command (`--db`); never for a message.
    public var address: String {
        func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(.init(charactersIn: ":@")))
                ?? text
        }
        let secret = password.map { ":" + encoded($0) } ?? ""
        let place = socketFolder.map { "?host=\($0)" } ?? ""
        return "postgres://\(encoded(user))\(secret)@\(host ?? "localhost"):\(port)/\(encoded(database))\(place)"
    }

    /// The address without its password, for messages.
    public var description: String {
        let place = socketFolder.map { "?host=\($0)" } ?? ""
        return "postgres://\(user)@\(host ?? ""):\(port)/\(database)\(place)"
    }

    var configuration: PostgresConnection.Configuration {
        if let socketFolder {
            return .init(
                unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        }
        return .init(
            host: host ?? "localhost", port: port, username: user, password: password, database: database, tls: .disable
        )
    }
}
