import Foundation
import PyramidCore

/// A canonical field that a column of an export can fill.
///
/// The raw values are the names used in `--mapping` files.
public enum Field: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    // Activities
    case id, owner, kind, subtype, subject, timestamp, date, time, created, duration, direction, outcome, status
    case answeredAt = "answered_at", completedAt = "completed_at", contact, company
    // Deals
    case name, amount, currency, stage, won, closed
    case closeDate = "close_date", createdDate = "created_date"
    // Roster and time off
    case email, firstName = "first_name", lastName = "last_name", team, manager, role
    case startDate = "start_date", endDate = "end_date", crmID = "crm_id", active, start, end
    // Activities again: free text read only for what it says of a call's outcome
    case notes

    public static func < (lhs: Field, rhs: Field) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How slashed dates such as `03/04/2026` are ordered.
public enum DateOrder: String, Sendable, Hashable, Codable, CaseIterable {
    /// Decide from the file: a first number over 12 means day-first, a second one over 12 month-first.
    case auto
    /// `MM/DD/YYYY`, as US-locale exports write it.
    case monthFirst = "month-first"
    /// `DD/MM/YYYY`, as most other locales write it.
    case dayFirst = "day-first"
}

/// What a bare number in a duration column counts.
public enum DurationUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case seconds, milliseconds, minutes
}

/// What `01:30` means in a duration column.
public enum TwoPartDuration: String, Sendable, Hashable, Codable, CaseIterable {
    /// One minute thirty seconds (Zoho, most call logs).
    case minutesSeconds = "minutes-seconds"
    /// One hour thirty minutes (Pipedrive).
    case hoursMinutes = "hours-minutes"
}

/// One CRM export layout, as a value: how to recognise it, where each field is, how its values read.
///
/// Adding a CRM is adding one of these and a fixture. `--mapping` files load the same type.
public struct Dialect: Sendable, Hashable, Codable {
    /// A stable identifier such as `hubspot-calls`.
    public var id: String
    /// The CRM, as `--crm` names it: `salesforce`, `hubspot`, `pipedrive`, …
    public var crm: String
    /// A human title such as "HubSpot calls export".
    public var title: String
    /// What the file holds.
    public var holds: ExportKind
    /// Header names that must all be present for the layout to be recognised (case-insensitive).
    public var signature: [String]
    /// For each field, the header names that may hold it, in order of preference.
    public var columns: [Field: [String]]
    /// The fields a row cannot do without; a file whose header lacks one fails.
    public var required: [Field]
    /// How slashed dates are ordered.
    public var dateOrder: DateOrder
    /// What a bare number in the duration column counts.
    public var durationUnit: DurationUnit
    /// What `01:30` means in the duration column.
    public var twoPartDuration: TwoPartDuration
    /// Whether the amount column counts minor units (Close writes `$12,000` as `1200000`).
    public var amountInCents: Bool
    /// Whether times written without an offset are UTC rather than the workspace's local time (Salesforce's
    /// API-name exports: the weekly Data Export writes `2023-01-18 15:00:00` in UTC).
    public var timesInUTC: Bool
    /// The kind of every row when the export holds one kind only (a calls export).
    public var fixedKind: ActivityKind?
    /// Whether a filled call direction, result or duration makes a row a call (Salesforce tasks).
    public var callFieldsImplyCall: Bool
    /// Extra value maps (keys lowercased) tried before the shared ones.
    public var kinds: [String: ActivityKind]
    /// Extra direction values (keys lowercased).
    public var directions: [String: Direction]
    /// Extra outcome values (keys lowercased).
    public var outcomes: [String: Outcome]
    /// Prefixed to record ids so two CRMs' ids never collide.
    public var keyPrefix: String
    /// Whether the export lists a buyer's reply as a row of its own (HubSpot's `INCOMING_EMAIL`), so that an
    /// outbound email or LinkedIn touch without an outcome was sent and not answered by a row of this export;
    /// elsewhere such a touch's outcome is `unknown` (nothing records whether the buyer replied).
    public var repliesAreRows = false
    /// Cell values this CRM writes to mean "empty" (Salesforce's Data Export writes `000000000000000AAA` for
    /// an empty lookup); they are read as no value.
    public var emptyMarkers: Set<String> = []

    /// Creates a layout.
    public init(
        id: String, crm: String, title: String, holds: ExportKind, signature: [String], columns: [Field: [String]],
        required: [Field]? = nil, dateOrder: DateOrder = .auto, durationUnit: DurationUnit = .seconds,
        twoPartDuration: TwoPartDuration = .minutesSeconds, amountInCents: Bool = false, timesInUTC: Bool = false,
        fixedKind: ActivityKind? = nil, callFieldsImplyCall: Bool = false, kinds: [String: ActivityKind] = [:],
        directions: [String: Direction] = [:], outcomes: [String: Outcome] = [:], repliesAreRows: Bool = false,
        keyPrefix: String? = nil
    ) {
        self.id = id
        self.crm = crm
        self.title = title
        self.holds = holds
        self.signature = signature
        self.columns = columns
        self.required = required ?? Dialect.defaultRequired(holds)
        self.dateOrder = dateOrder
        self.durationUnit = durationUnit
        self.twoPartDuration = twoPartDuration
        self.amountInCents = amountInCents
        self.timesInUTC = timesInUTC
        self.fixedKind = fixedKind
        self.callFieldsImplyCall = callFieldsImplyCall
        self.kinds = kinds
        self.directions = directions
        self.outcomes = outcomes
        self.repliesAreRows = repliesAreRows
        self.keyPrefix = keyPrefix ?? crm
    }

    /// This layout, reading `markers` as empty cells.
    public func emptying(_ markers: Set<String>) -> Dialect {
        var dialect = self
        dialect.emptyMarkers = markers
        return dialect
    }

    /// The fields a file of `kind` cannot do without.
    public static func defaultRequired(_ kind: ExportKind) -> [Field] {
        switch kind {
        case .activities: [.owner, .timestamp]
        case .deals: [.owner]
        case .roster: [.email]
        case .timeOff: [.email, .start, .end]
        }
    }
}

/// The header of a file, with lookups that forgive case, spacing and a stray BOM.
public struct Header: Sendable {
    /// The header cells as they stood.
    public let names: [String]
    private let index: [String: Int]

    /// Wraps the header cells.
    public init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[Header.fold(name)] == nil {
            index[Header.fold(name)] = i
        }
        self.index = index
    }

    /// The position of the first column named `name`.
    public func position(of name: String) -> Int? { index[Header.fold(name)] }

    /// Whether every name in `names` is present.
    public func contains(all names: [String]) -> Bool { names.allSatisfy { position(of: $0) != nil } }

    /// Folds a header name so that `Owner Email`, `owner_email`, `Owner.Email` and `OwnerEmail` meet:
    /// letters and digits only, lowercased.
    static func fold(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }
}
