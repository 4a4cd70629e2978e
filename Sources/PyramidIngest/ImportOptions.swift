import Foundation
import PyramidCore

/// What the person asked for when importing: forced layouts and the workspace's reading conventions.
public struct ImportOptions: Sendable {
    /// `--crm NAME`: only this CRM's layouts are considered.
    public var crm: String?
    /// `--as KIND`: only layouts holding this kind are considered.
    public var kind: ExportKind?
    /// `--mapping FILE`, already loaded: this layout is used and no other.
    public var mapping: Dialect?
    /// Overrides every layout's date order (`--date-order`, or `import.date_order` in pyramid.yml).
    public var dateOrder: DateOrder?
    /// The workspace time zone, for times written without an offset.
    public var timeZone: TimeZone
    /// Stage names that mean won, beyond the ones that contain "won".
    public var wonStages: [String]
    /// Stage names that mean lost, beyond the ones that contain "lost".
    public var lostStages: [String]
    /// The words read as a call's outcome in its subject or notes when the export records none; nil when
    /// outcomes are never read from words (`import.outcomes_from_words: false`).
    public var outcomeWords: OutcomeWords?

    /// Creates options.
    public init(
        crm: String? = nil, kind: ExportKind? = nil, mapping: Dialect? = nil, dateOrder: DateOrder? = nil,
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, wonStages: [String] = [],
        lostStages: [String] = [], outcomeWords: OutcomeWords? = OutcomeWords()
    ) {
        self.crm = crm
        self.kind = kind
        self.mapping = mapping
        self.dateOrder = dateOrder
        self.timeZone = timeZone
        self.wonStages = wonStages
        self.lostStages = lostStages
        self.outcomeWords = outcomeWords
    }
}

/// One row of an export, read and normalized.
public enum ImportedRecord: Sendable, Hashable {
    case activity(Activity)
    case deal(Deal)
    case seller(Seller)
    case timeOff(TimeOff)
}

/// A row that could not be read: it goes to the quarantine with its line and raw text.
public struct RowProblem: Sendable, Hashable, Codable {
    /// The physical line on which the row starts.
    public var line: Int
    /// Why, with the column and value: `'tomorrow' in 'Due Date' is not a date`.
    public var reason: String
    /// The row exactly as it stood in the file.
    public var raw: String

    /// Creates a problem.
    public init(line: Int, reason: String, raw: String) {
        self.line = line
        self.reason = reason
        self.raw = raw
    }
}

/// What reading the next row produced.
public enum ExportRow: Sendable, Hashable {
    /// A row that was read.
    case record(ImportedRecord, line: Int)
    /// A row that was set aside.
    case quarantined(RowProblem)
    /// A footer or totals line that is not data.
    case footer(line: Int)
}
