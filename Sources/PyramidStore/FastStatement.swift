import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API: the import's hot path, where GRDB's
/// per-call conveniences (argument arrays of existentials, statement-cache lookups by SQL text) cost more than
/// the insert itself. Used only inside one write transaction, on the connection that prepared it.
struct FastStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    func bind(_ index: Int32, _ text: String) {
        if text.isEmpty {
            sqlite3_bind_text(handle, index, "", 0, nil)
            return
        }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                _ = sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), Self.transient)
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
