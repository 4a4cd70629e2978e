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

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Starts binding a new row whose text values take up to `textBytes` bytes of UTF-8 together: they are
    /// copied into one buffer SQLite reads in place, instead of SQLite copying each into memory of its own.
    func startRow(textBytes: Int) { arena.reset(capacity: textBytes) }

    func bind(_ index: Int32, _ text: String) {
        if text.isEmpty {
            sqlite3_bind_text(handle, index, "", 0, nil)
            return
        }
        var text = text
        text.withUTF8 { bytes in
            guard let source = bytes.baseAddress else { return }
            if let copy = arena.take(bytes.count) {
                copy.initialize(from: source, count: bytes.count)
                // Static: the arena keeps the bytes until the next row's values are bound over them.
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

    func bind(_ index: Int32, _ text: String?) {
        if let text { bind(index, text) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }

    /// What one `INSERT … ON CONFLICT DO UPDATE … WHERE changed` did.
    enum UpsertOutcome { case inserted, updated, unchanged }

    /// Runs an upsert whose insert would create row `rowID` (never used before): inserted when SQLite's last
    /// inserted row id is now `rowID`, updated when it changed a row without inserting, unchanged when the
    /// `WHERE` of its `DO UPDATE` left the stored row alone. No `RETURNING`, which would make SQLite gather
    /// every statement's result in a temporary table.
    func upsert(rowID: Int64) throws -> UpsertOutcome {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
        if sqlite3_changes(connection) == 0 { return .unchanged }
        return sqlite3_last_insert_rowid(connection) == rowID ? .inserted : .updated
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = connection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}

/// The bytes of one row's text values, bound without copying. Only grows, between rows.
private final class TextArena {
    private var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    private var used = 0

    deinit { base?.deallocate() }

    /// Forgets the last row's bytes and makes room for `capacity` bytes.
    func reset(capacity needed: Int) {
        used = 0
        guard needed > capacity else { return }
        base?.deallocate()
        capacity = max(needed, 2 * capacity, 1024)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    /// Room for `count` more bytes of this row, or nil when the row was started smaller.
    func take(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
        guard let base, used + count <= capacity else { return nil }
        defer { used += count }
        return base + used
    }
}
