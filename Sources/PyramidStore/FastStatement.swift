import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API: the import's hot path, where GRDB's
/// per-call conveniences (argument arrays of existentials, statement-cache lookups by SQL text) cost more than
/// the insert itself. Used only inside one write transaction, on the connection that prepared it.
struct FastStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    private let arena = TextArena()
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// Bytes that live as long as the program, for empty text bound in place.
    private static var empty: UnsafePointer<UInt8> { ("" as StaticString).utf8Start }

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Starts binding values whose text takes up to `textBytes` bytes of UTF-8 together: it is copied into one
    /// buffer SQLite reads in place, instead of SQLite copying each value into memory of its own.
    func startBinding(textBytes: Int) { arena.reset(capacity: textBytes) }

    func bind(_ index: Int32, _ text: String) {
        if text.isEmpty {
            Self.empty.withMemoryRebound(to: CChar.self, capacity: 1) {
                _ = sqlite3_bind_text(handle, index, $0, 0, nil)
            }
            return
        }
        var text = text
        text.withUTF8 { bytes in
            guard let source = bytes.baseAddress else { preconditionFailure("non-empty text has bytes") }
            if let copy = arena.take(bytes.count) {
                copy.initialize(from: source, count: bytes.count)
                // Static: the arena keeps the bytes until the statement has run (see `rows`).
                copy.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), nil)
                }
            } else {
                source.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.transient)
                }
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }

    /// Runs the statement, calling `body` with the first two columns of each row it returns (`RETURNING`).
    func rows(_ body: (Int64, Int64) -> Void) throws {
        defer {
            sqlite3_reset(handle)
            // The text was bound in place: let go of it before the arena is reused or freed.
            sqlite3_clear_bindings(handle)
        }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW: body(sqlite3_column_int64(handle, 0), sqlite3_column_int64(handle, 1))
            case SQLITE_DONE: return
            default: throw error(code)
            }
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = connection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}

/// The bytes of one statement's text values, bound without copying. Only grows, between statements.
private final class TextArena {
    private var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    private var used = 0

    deinit { base?.deallocate() }

    /// Forgets the last values' bytes and makes room for `capacity` bytes.
    func reset(capacity needed: Int) {
        used = 0
        guard needed > capacity else { return }
        base?.deallocate()
        capacity = max(needed, 2 * capacity, 1024)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    /// Room for `count` more bytes, or nil when the binding was started smaller.
    func take(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
        guard let base, used + count <= capacity else { return nil }
        defer { used += count }
        return base + used
    }
}
