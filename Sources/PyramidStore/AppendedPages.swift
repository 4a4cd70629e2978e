import CPyramidPageCache
import Foundation
import GRDB
import GRDBSQLite

/// The pages a large import appends to the workspace file, handed to the disk as the import goes: every `step`
/// the file grows, the OS is asked to start writing what was appended since the last time, without waiting for
/// it (PostgreSQL does the same for its bulk writes, `backend_flush_after`).
///
/// A year of activity appends hundreds of megabytes. Left to the OS, nearly all of it would stay dirty in the page
/// cache until the commit's `fsync` wrote it in one go; handed over as it goes, the disk writes while the import
/// reads on. Four interleaved runs on this project's 2-core VM, of a first version that handed the whole file over
/// every 32 MiB read: a 4M-row import 5.92 -> 5.48 s (median), 1M rows 1.37 -> 1.33 s, re-imports unchanged.
/// (Dropping the written pages from the cache as well made the 4M import a little faster still, but a re-import
/// right after it slower: 0.70 -> 0.79 s at 1M.)
///
/// Only a hint: pages reach the disk through SQLite's own writes and `fsync`, so the rollback journal's order of
/// writes and the workspace's durability are SQLite's as before. The pages that were in the file before the import
/// (changed ones included) are left alone, and so is an import that appends less than a step.
///
/// The file is opened again for the hints, and closing a descriptor of a file drops every POSIX lock the process
/// holds on it, SQLite's included: another process could then write the workspace in the middle of this one's
/// transaction (two imports at once failed with "disk I/O error" when it was closed inside it). So it is only had
/// through `following`, which opens it before the import's transaction and closes it after, when SQLite holds no
/// lock.
final class AppendedPages {
    /// How much the file grows between two hand-overs.
    static let defaultStep: Int64 = 32 << 20

    /// The workspace file, opened again for the hints (the page cache is the file's, whichever descriptor asks).
    private let descriptor: Int32
    private let step: Int64
    /// Writeback was asked for the pages up to here; at first, the file's size when the import began.
    private(set) var handedOver: Int64 = 0
    /// The ranges handed over so far (offset, length), for tests.
    private(set) var handOvers: [(offset: Int64, length: Int64)] = []

    /// Runs `body`, which holds an import's whole transaction, with the pages of `db`'s main database followed;
    /// nil for a database in memory or a file that cannot be opened again. The file is opened before `body` and
    /// closed after it.
    static func following<R>(_ db: Database, step: Int64 = defaultStep, _ body: (AppendedPages?) throws -> R)
        rethrows -> R
    {
        let pages = AppendedPages(db: db, step: step)
        defer { pages?.close() }
        return try body(pages)
    }

    private init?(db: Database, step: Int64) {
        guard let name = sqlite3_db_filename(db.sqliteConnection, "main"), name.pointee != 0 else { return nil }
        let descriptor = open(name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.step = step
    }

    /// Called at the start of the import's transaction (the write lock held): the appended pages start here.
    func importBegan() {
        // (a file whose size cannot be read is left alone: nothing is ever a step past Int64.max)
        handedOver = Self.size(descriptor) ?? Int64.max
    }

    /// Called as the import goes: once the file has grown a step past what was handed over, hands the rest over.
    func importWrote() {
        guard let size = Self.size(descriptor), size - handedOver >= step else { return }
        _ = pyramid_start_writeback(descriptor, handedOver, size - handedOver)
        handOvers.append((handedOver, size - handedOver))
        handedOver = size
    }

    private func close() { _ = Foundation.close(descriptor) }

    private static func size(_ descriptor: Int32) -> Int64? {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int64(status.st_size) : nil
    }
}
