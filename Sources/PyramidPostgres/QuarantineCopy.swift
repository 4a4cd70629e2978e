import Foundation
import Logging
import PostgresNIO
import PyramidIngest
import PyramidStore

/// An import's quarantined rows on their way to the `quarantine` table, as rows of `COPY`'s text format
/// (`CopyText`): in memory up to `memoryBytes`, then in a temporary file, so that a file whose millions of rows
/// are all unreadable (a date format not understood) costs no more memory than one with a few.
///
/// They are written at the end of the import (`write`): while the activities stream to the server the connection
/// takes nothing else, and each quarantined row's key holds the file's SHA-256, known once it is read. Held until
/// then, every row and its reason in memory and bound at once to one statement, a 10M-row file of unreadable rows
/// would have taken gigabytes, past the gigabyte PostgreSQL takes in one message.
struct QuarantineCopy {
    /// The bytes held in memory before they go to the temporary file.
    static let defaultMemoryBytes = 1 << 20
    let memoryBytes: Int
    private var rows = CopyText()
    private var file: FileHandle?

    init(memoryBytes: Int = defaultMemoryBytes) {
        self.memoryBytes = memoryBytes
    }

    /// Adds `problem`'s row: its line, reason and text, each escaped.
    mutating func add(_ problem: RowProblem) throws {
        rows.reserve(21)
        rows.number(Int64(problem.line))
        rows.text(problem.reason)
        rows.text(problem.raw)
        rows.endRow()
        if rows.byteCount >= memoryBytes {
            if file == nil { file = try TemporaryFile.unlinked(prefix: "pyramid-quarantine") }
            try file?.write(contentsOf: Data(rows.take().readableBytesView))
        }
    }

    /// Writes the rows into `quarantine` as the import `importID`'s, of the file named `fileName` whose SHA-256
    /// is `sha256`: a row an earlier import of the same bytes quarantined stays, and this import's copy goes.
    mutating func write(
        importID: Int64, fileName: String, sha256: String, on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard file != nil || !rows.isEmpty else { return }
        try await connection.query(
            """
            CREATE TEMP TABLE staged_quarantine (line bigint NOT NULL, reason text NOT NULL, raw text NOT NULL)
              ON COMMIT DROP
            """, logger: logger)
        // The rows still in memory are taken out here: a copy of a `CopyText` would share its buffer.
        let (file, rows) = (self.file, self.rows.isEmpty ? nil : self.rows.take())
        try await connection.copyFrom(table: "staged_quarantine", columns: ["line", "reason", "raw"], logger: logger) {
            writer in
            if let file {
                try file.seek(toOffset: 0)
                while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
            }
            if let rows { try await writer.write(rows) }
        }
        try await connection.query(
            """
            INSERT INTO quarantine (import_id, file, sha256, line, reason, raw)
            SELECT \(importID), \(fileName), \(sha256), line, reason, raw FROM staged_quarantine ORDER BY line
            ON CONFLICT (sha256, line) DO NOTHING
            """, logger: logger)
    }
}
