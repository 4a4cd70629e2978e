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

    /// Runs the statement; returns the first column of the row it returned (`RETURNING`), or nil when it
    /// returned none.
    @discardableResult
    func run() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        var result: Int64?
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW:
                if result == nil { result = sqlite3_column_int64(handle, 0) }
            case SQLITE_DONE:
                return result
            default:
                let message = connection.map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
        }
    }
}
