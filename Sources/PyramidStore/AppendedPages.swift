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
/// reads on. Four interleaved runs on this project's 2-core VM: a 4M-row import 5.92 -> 5.48 s (median), 1M rows
/// 1.37 -> 1.33 s, re-imports unchanged. (Dropping the written pages from the cache as well made the 4M import a
/// little faster still, but a re-import right after it slower: 0.70 -> 0.79 s at 1M.)
///
/// Only a hint: pages reach the disk through SQLite's own writes and `fsync`, so the rollback journal's order of
/// writes and the workspace's durability are SQLite's as before. The pages that were in the file before the import
/// (changed ones included) are left alone, and so is an import that appends less than a step.
final class AppendedPages {
    /// How much the file grows between two hand-overs.
    static let defaultStep: Int64 = 32 << 20

    /// The workspace file, opened again for the hints (the page cache is the file's, whichever descriptor asks).
    private let descriptor: Int32
    private let step: Int64
    /// Writeback was asked for the pages up to here; at first, the file's size when the import began.
    private(set) var handedOver: Int64
    /// The ranges handed over so far (offset, length), for tests.
    private(set) var handOvers: [(offset: Int64, length: Int64)] = []

    /// Follows the file of `db`'s main database, inside the import's transaction; nil for a database in memory or
    /// a file that cannot be opened again.
    init?(db: Database, step: Int64 = defaultStep) {
        guard let name = sqlite3_db_filename(db.sqliteConnection, "main"), name.pointee != 0 else { return nil }
        let descriptor = open(name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let size = Self.size(descriptor) else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.step = step
        handedOver = size
    }

    deinit { close(descriptor) }

    /// Called as the import goes: once the file has grown a step past what was handed over, hands the rest over.
    func importWrote() {
        guard let size = Self.size(descriptor), size - handedOver >= step else { return }
        _ = pyramid_start_writeback(descriptor, handedOver, size - handedOver)
        handOvers.append((handedOver, size - handedOver))
        handedOver = size
    }

    private static func size(_ descriptor: Int32) -> Int64? {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int64(status.st_size) : nil
    }
}
