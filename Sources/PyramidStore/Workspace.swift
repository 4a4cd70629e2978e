import Foundation
import PyramidCore
import PyramidIngest

/// A workspace, whichever database holds it: the SQLite file of one team (`Store`) or an organisation's
/// PostgreSQL server (`PostgresStore`, in PyramidPostgres). Commands talk to this; both give the same answers.
public protocol Workspace: Sendable {
    /// Imports every row of `reader` in one transaction (see `Store.importFile`).
    func importFile(
        _ reader: ExportReader, path: String, dryRun: Bool, now: Date, tallyBasis: TallyBasis?,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary
    /// The import log, newest first.
    func imports() throws -> [ImportRecord]
    /// Every quarantined row, by file and line.
    func quarantine() throws -> [QuarantinedRow]
    /// Every seller on the roster, by team and name.
    func sellers() throws -> [Seller]
    /// Every seller, with the names exports use for them and their activity count.
    func sellerListings() throws -> [SellerListing]
    /// Owner names that match nobody on the roster, with how many activities and deals they hold.
    func unmatchedOwners() throws -> [(name: String, rows: Int)]
    /// Counts of stored rows.
    func counts() throws -> (activities: Int, deals: Int, sellers: Int, timeOff: Int, quarantined: Int)

    /// Everything the model needs for `week`, read at one moment (see `Store.snapshot`).
    func snapshot(week: ISOWeek, config: WorkspaceConfig, loggingOf: Set<String>?) throws -> TeamSnapshot
    /// The logging patterns of the sellers in `emails` for `week`, as `snapshot` reads them.
    func logging(of emails: Set<String>, week: ISOWeek, config: WorkspaceConfig) throws -> [String: LoggingPattern]
    /// The done activities of the sellers in `emails` from `from` to `to`, as contact touches (every seller named
    /// gets an entry, empty when they did nothing).
    func journeys(of emails: Set<String>, from: LocalDate, to: LocalDate) throws -> [String: [ContactTouch]]

    /// Records a one-to-one in the coaching log and returns it with its id.
    @discardableResult func recordCoaching(_ entry: CoachingEntry, now: Date) throws -> CoachingEntry
    /// Replaces the stored entry with `entry.id` by `entry`; `StoreError.unknownCoachingEntry` when there is none.
    func updateCoaching(_ entry: CoachingEntry, now: Date) throws
    /// Deletes the entry with `id`; `StoreError.unknownCoachingEntry` when there is none.
    func deleteCoaching(id: Int64) throws
    /// The entry with `id`; `StoreError.unknownCoachingEntry` when there is none.
    func coachingEntry(id: Int64) throws -> CoachingEntry
    /// The coaching log, oldest first: one seller's when `email` is given, everyone's otherwise.
    func coachingLog(email: String?) throws -> [CoachingEntry]
}

extension Workspace {
    /// The team for `week` diagnosed by the model, with the contact journeys of the sellers whose channel beliefs
    /// are judged on them (`PyramidModel.sellersNeedingJourneys`): their activities over the lookback are read
    /// only for them, after a first diagnosis has named them. Of the sellers in `only`, when given (see
    /// `PyramidModel.diagnose`): then the journeys and logging patterns read are theirs and those of the teammates
    /// they could learn from (`PyramidModel.teachersNeeded`), so that they are diagnosed as in the whole team.
    public func diagnose(week: ISOWeek, config: WorkspaceConfig, only: Set<String>? = nil) throws -> TeamDiagnosis {
        var snapshot = try self.snapshot(week: week, config: config, loggingOf: only)
        let first =
            only.map { PyramidModel.diagnoseWithTeachers(snapshot, config: config, of: $0) }
            ?? PyramidModel.diagnose(snapshot, config: config)
        var scope = only
        if let only {
            let teachers = PyramidModel.teachersNeeded(first, for: only).subtracting(only)
            if !teachers.isEmpty {
                snapshot.logging.merge(try logging(of: teachers, week: week, config: config)) { $1 }
                scope = only.union(teachers)
            }
        }
        let needed = PyramidModel.sellersNeedingJourneys(first).filter { scope?.contains($0) ?? true }
        guard !needed.isEmpty else {
            var diagnosis = first
            if let only { diagnosis.sellers = first.sellers.filter { only.contains($0.seller.email) } }
            return diagnosis
        }
        let from = TeamSnapshot.firstDay(week: week, config: config, coaching: snapshot.coaching)
        snapshot.journeys = try journeys(of: needed, from: from, to: week.monday.adding(days: 6))
        return PyramidModel.diagnose(snapshot, config: config, only: only)
    }

    /// Imports `reader` (see `importFile(_:path:dryRun:now:tallyBasis:progress:)`), now.
    public func importFile(
        _ reader: ExportReader, path: String, dryRun: Bool = false, tallyBasis: TallyBasis? = nil,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        try importFile(reader, path: path, dryRun: dryRun, now: Date(), tallyBasis: tallyBasis, progress: progress)
    }

    /// Records a one-to-one in the coaching log, now.
    @discardableResult public func recordCoaching(_ entry: CoachingEntry) throws -> CoachingEntry {
        try recordCoaching(entry, now: Date())
    }

    /// Replaces the stored entry with `entry.id` by `entry`, now.
    public func updateCoaching(_ entry: CoachingEntry) throws {
        try updateCoaching(entry, now: Date())
    }

    /// Everyone's coaching log, oldest first.
    public func coachingLog() throws -> [CoachingEntry] {
        try coachingLog(email: nil)
    }

    /// Everything the model needs for `week`, with every seller's logging patterns.
    public func snapshot(week: ISOWeek, config: WorkspaceConfig) throws -> TeamSnapshot {
        try snapshot(week: week, config: config, loggingOf: nil)
    }
}

extension Store: Workspace {}

/// A workspace whose readers are database roles, each reading only what it was granted: PostgreSQL's. (Whoever can
/// read a SQLite workspace's file reads all of it.)
public protocol RoleGrants {
    /// Lets `role` read the sellers the roster gives `manager` and what is theirs, or everything when `manager` is
    /// nil (sales ops).
    func grant(role: String, manager: String?) throws
    /// Takes back everything granted to `role`.
    func revoke(role: String) throws
}

/// What `--db` names: a SQLite file's path or a PostgreSQL workspace's `postgres://` address.
public enum WorkspaceAddress {
    /// Whether `text` names a PostgreSQL workspace (`postgres://` or `postgresql://`) rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// `text` with any password between `user:` and `@` left out, so that messages never print one.
    public static func withoutPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
            let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<colon]) + String(text[at...])
    }
}
