#ifndef PYRAMID_SQLITE_H
#define PYRAMID_SQLITE_H

/// Keeps a statement's journal (the pages it changed, to undo the statement alone when it fails) in memory up
/// to `bytes` (-1: always), instead of SQLite's 64 KiB before it spills to a temporary file (see
/// `Store.configureSQLite` for why Pyramid passes -1). Must run before SQLite is initialized, that is before the
/// first database is opened; returns SQLite's result code (SQLITE_MISUSE, changing nothing, when it is too late).
/// `sqlite3_config` takes variable arguments, which Swift cannot call.
int pyramid_sqlite_set_statement_journal_spill(int bytes);

/// Stops SQLite counting the memory it allocates: with the count on (Debian's build), every allocation takes a
/// process-wide mutex to update it. Pyramid reads no such statistic and sets no soft heap limit, which needs it.
/// Must run before SQLite is initialized, like `pyramid_sqlite_set_statement_journal_spill`.
int pyramid_sqlite_disable_memory_statistics(void);

#endif
