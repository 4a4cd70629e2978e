import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API: the import's hot path, where GRDB's
/// per-call conveniences (argument arrays of existentials, statement-cache lookups by SQL text) cost more than
/// the insert itself, and where reports read the daily tallies, whose rows cost more as GRDB `Row`s than the
/// query does. Used only inside one transaction, on the connection that prepared it.
struct FastStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    /// Bytes that live as long as the program, for empty text bound in place.
    private static var empty: UnsafePointer<UInt8> { ("" as StaticString).utf8Start }

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Binds UTF-8 `text` in place, without SQLite copying it: the caller keeps the bytes where they are until
    /// the statement has run (see `rows`).
    func bind(_ index: Int32, text: UnsafeBufferPointer<UInt8>) {
        let bytes = text.isEmpty ? Self.empty : text.baseAddress ?? Self.empty
        bytes.withMemoryRebound(to: CChar.self, capacity: text.count) {
            _ = sqlite3_bind_text(handle, index, $0, Int32(text.count), nil)
        }
    }

    /// Binds `text`, which SQLite copies.
    func bind(_ index: Int32, copying text: String) {
        _ = sqlite3_bind_text(handle, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }

    /// Runs a statement that returns no rows.
    func run() throws {
        try step { false }
    }

    /// Runs the statement, calling `body` with the first two columns of each row it returns (`RETURNING`).
    func rows(_ body: (Int64, Int64) -> Void) throws {
        try forEachRow { row in body(row.int64(0), row.int64(1)) }
    }

    /// Runs the statement, calling `body` with each row it returns.
    func forEachRow(_ body: (Columns) throws -> Void) throws {
        let columns = Columns(handle: handle)
        try step {
            try body(columns)
            return true
        }
    }

    /// The columns of the row a statement stands on.
    struct Columns {
        fileprivate let handle: OpaquePointer

        /// Column `index` as an integer (0 for NULL).
        func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

        /// Column `index` as an integer; nil for NULL.
        func optionalInt64(_ index: Int32) -> Int64? {
            sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
        }

        /// Column `index` as UTF-8 text, valid until the statement moves on.
        func text(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
            // The text first, then its length, as SQLite asks.
            let bytes = sqlite3_column_text(handle, index)
            return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index)))
        }
    }

    /// Steps the statement, calling `row` at each row it returns until `row` says to stop; then resets it.
    private func step(_ row: () throws -> Bool) throws {
        defer {
            sqlite3_reset(handle)
            // Text was bound in place: let go of it before its bytes move or go.
            sqlite3_clear_bindings(handle)
        }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW: if try !row() { return }
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
