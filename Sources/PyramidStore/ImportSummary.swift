import PyramidCore
import PyramidIngest

/// What importing one file did, for the terminal, `--format json` and the import log.
public struct ImportSummary: Sendable, Hashable, Codable {
    /// The file's name.
    public var file: String
    /// The SHA-256 of the file's bytes.
    public var sha256: String
    /// The layout's id, e.g. `hubspot-calls`.
    public var dialect: String
    /// The layout's title, e.g. "HubSpot calls export".
    public var layout: String
    /// What the file held.
    public var kind: ExportKind
    /// The encoding read.
    public var encoding: String
    /// The delimiter, as text (`,`, `;`, `tab`, `|`).
    public var delimiter: String
    /// Data rows read (footer lines and blank lines excluded).
    public var rowsRead = 0
    /// Rows stored for the first time.
    public var added = 0
    /// Rows that replaced a stored row with different values.
    public var updated = 0
    /// Rows already stored exactly so.
    public var unchanged = 0
    /// Rows set aside in the quarantine.
    public var quarantined = 0
    /// Call outcomes read from words in the subject or notes, as the export has no outcome for them (of the
    /// rows read whole: a re-import reads a record it holds unchanged no further than its key).
    public var outcomesFromWords = 0
    /// What the reader noticed about the layout: a near match, and the fields it has no column for, with what that
    /// means (`ExportReader.notes`).
    public var notes: [String] = []
    /// Footer and totals lines skipped.
    public var footerLines = 0
    /// Owners the file names that match nobody on the roster.
    public var unmatchedOwners: [String] = []
    /// The first problems (`problemsShown`), for the terminal (all are in the quarantine).
    public var problems: [RowProblem] = []
    /// How many problems a summary keeps.
    public static let problemsShown = 20
    /// True when nothing was written.
    public var dryRun = false
    /// The import's id in the log (nil for a dry run).
    public var importID: Int64?

    /// Counts `problem`'s row as quarantined, keeping the problem if it is among the first (`problemsShown`).
    package mutating func countQuarantined(_ problem: RowProblem) {
        quarantined += 1
        if problems.count < Self.problemsShown { problems.append(problem) }
    }

    /// The summary of an import of `reader`'s file, before any row is read: what the reader found out of its
    /// layout, encoding and delimiter.
    public init(reader: ExportReader, dryRun: Bool) {
        file = reader.fileName
        sha256 = ""
        dialect = reader.dialect.id
        layout = reader.dialect.title
        kind = reader.dialect.holds
        encoding = reader.encoding.rawValue
        delimiter = reader.delimiter == 9 ? "tab" : String(UnicodeScalar(reader.delimiter))
        notes = reader.notes
        self.dryRun = dryRun
    }
}

/// How far an import has got, for a progress line.
public struct ImportProgress: Sendable {
    /// Rows read so far.
    public var rows: Int
    /// Bytes read so far.
    public var bytes: Int64
    /// The file's size.
    public var totalBytes: Int64

    /// A progress report.
    public init(rows: Int, bytes: Int64, totalBytes: Int64) {
        self.rows = rows
        self.bytes = bytes
        self.totalBytes = totalBytes
    }
}
