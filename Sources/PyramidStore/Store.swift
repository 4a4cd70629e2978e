import CPyramidSQLite
import Foundation
import GRDB
import Logging
import PyramidCore

/// The workspace database: the only place Pyramid talks SQL.
///
/// Each imported file is one transaction: a file that fails, or a process killed while importing, leaves the
/// database as it was. A file database keeps SQLite's rollback journal (`journal_mode = DELETE`), not the
/// write-ahead log: an import of a year of activity is one transaction of hundreds of megabytes, which WAL
/// writes twice (into the log, then into the database when it is checkpointed at the end) and reads back twice
/// more (to rewrite the log's checksums at commit, then to checkpoint), where the rollback journal writes new
/// pages once and journals only the pages that were already there (`Scripts/bench`, medians of three: a 4M-row
/// import 12.3 s under WAL, 9.0 s now; 1M rows 2.7 s, 2.2 s). The price: a command that reads the workspace
/// while an import writes it waits for the import to commit (up to the busy timeout) instead of reading the state
/// before it.
public struct Store: Sendable {
    let writer: any DatabaseWriter
    let logger: Logger
    /// How much an import appends between two hand-overs of its pages to the disk (see `AppendedPages`).
    var appendedPagesStep = AppendedPages.defaultStep
    /// How many rows an import's reading thread hands over at a time (see `RowPipeline`).
    var importBatchRows = 2048
    /// How many rows an import into an empty table sorts in memory at a time (see `SortedRuns`).
    var importRunRows = SortedRuns.defaultRunRows
    /// How an import looks up the records of a re-import (see `ActivityWriter`).
    var recordLookup = RecordLookup()

    /// SQLite's settings for the whole process, made once, before the first database is opened. Made later
    /// (after a connection given to `init(writer:)`, as tests do), they change nothing and SQLite keeps its
    /// defaults: a matter of speed only.
    private static let configureSQLite: Void = {
        // A statement's journal kept in memory, whatever its size. Each of the import's 32-row inserts journals
        // the pages it changes, over 64 KiB of 16 KiB pages: past SQLite's 64 KiB they went to a temporary file,
        // 1.9 GB of writes for a 1M-row import (7.6 GB for 4M rows). It must never spill past more than 128 KiB
        // either: SQLite 3.40 (Debian 12's) writes a journal's memory to the file one spill-sized piece at a time,
        // and its Unix layer writes at most 128 KiB at once, so the statement failed with "database or disk is
        // full". Spilling at 8 MiB, an import changing one row of a workspace of 4.6M activities failed so, as it
        // recounted the daily tallies (a journal of every tally page). In memory, a statement's journal holds the
        // pages it changes that its transaction changed before it: at most the daily tallies (that recount: peak
        // RSS 72 MB, against 43 MB spilling 64 KiB at a time).
        _ = pyramid_sqlite_set_statement_journal_spill(-1)
        _ = pyramid_sqlite_disable_memory_statistics()
    }()

    /// Opens (creating if needed) the workspace at `url` and brings its schema up to date. `busyTimeout` is how
    /// long a command waits for another that holds the workspace (an import) before it gives up.
    public init(url: URL, busyTimeout: TimeInterval = 30, logger: Logger = Logger(label: "pyramid.store")) throws {
        Self.configureSQLite
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // Before the first table of a new workspace only; an existing one keeps its size. Larger pages mean
            // fewer pages to split and write: a 1M-row import ran 10–15% faster.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // A workspace made by an earlier version is in WAL mode, and leaves it here unless another process
            // has it open (it then stays in WAL mode for now, which is as safe, and tries again next time).
            do {
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {}
            // The rollback journal is synced before a page it holds is overwritten, and the database before the
            // journal goes: a power cut mid-import cannot tear the workspace.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        var attempt = 0
        while true {
            let started = Date()
            do {
                let queue = try DatabaseQueue(path: url.path, configuration: configuration)
                try Schema.migrator.migrate(queue)
                self.init(migrated: queue, logger: logger)
                return
            } catch let error as DatabaseError {
                // Two processes opening a new (or older) workspace at once both find migrations to run: GRDB
                // reads which are applied before it takes the write lock, so the one that loses the race fails
                // on the other's work (a table that already exists, a migration already recorded) and rolls
                // back. Tried again, it finds them applied. A failure that took long (the busy timeout) is not
                // that race and is not tried again.
                if error.resultCode == .SQLITE_BUSY, Date().timeIntervalSince(started) >= busyTimeout {
                    throw StoreError.workspaceBusy(path: url.path, seconds: Int(busyTimeout.rounded()))
                }
                attempt += 1
                guard attempt < 6, Date().timeIntervalSince(started) < 5 else {
                    throw StoreError.cannotOpen(path: url.path, reason: error.message ?? "\(error.resultCode)")
                }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// Wraps an existing connection (tests use an in-memory `DatabaseQueue`).
    public init(writer: any DatabaseWriter, logger: Logger = Logger(label: "pyramid.store")) throws {
        do {
            try Schema.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: writer.path, reason: error.message ?? "\(error.resultCode)")
        }
        self.init(migrated: writer, logger: logger)
    }

    private init(migrated writer: any DatabaseWriter, logger: Logger) {
        self.writer = writer
        self.logger = logger
    }

    /// An empty workspace in memory, for tests and dry runs.
    public static func inMemory() throws -> Store {
        try Store(writer: DatabaseQueue())
    }
}

/// Why the workspace could not be used.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The database file could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// A seller named on the command line is not known.
    case unknownSeller(String)
    /// Another process kept the workspace locked for longer than the busy timeout while importing `file`.
    case busy(file: String)
    /// Another process kept the workspace locked for longer than the busy timeout (`seconds`) while it was being
    /// opened.
    case workspaceBusy(path: String, seconds: Int)
    /// A coaching log entry named by id does not exist.
    case unknownCoachingEntry(Int64)
    /// A stored coaching entry cannot be read back (a value no version of Pyramid writes).
    case unreadableCoachingEntry(id: Int64, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the workspace database: \(reason)"
        case .unknownSeller(let name): "'\(name)' is not a seller on the roster (see `pyramid sellers`)"
        case .busy(let file):
            "\(file): another import kept the workspace busy for over 30 seconds; nothing from this file was "
                + "imported, run it again when the other import has finished"
        case .workspaceBusy(let path, let seconds):
            "\(path): another pyramid command (an import) kept the workspace busy for over \(seconds) seconds; run "
                + "this one again when it has finished"
        case .unknownCoachingEntry(let id):
            "there is no coaching entry \(id) (see `pyramid coach SELLER --list` for the ids)"
        case .unreadableCoachingEntry(let id, let reason): "coaching entry \(id) cannot be read: \(reason)"
        }
    }
}
