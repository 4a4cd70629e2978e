import ArgumentParser
import Foundation
import PyramidCore
import PyramidIngest
import PyramidStore

/// The weekly pipeline the report and agenda commands share: snapshot → model → coaching wording.
enum Weekly {
    /// The diagnosed and coached team for `week` (or the last complete week), restricted to `team` if given;
    /// only the sellers with the emails in `only` when given (one agenda: see `PyramidModel.diagnose`). Opens
    /// the workspace unless `store` is given.
    static func diagnose(
        workspace: WorkspaceOptions, week: ISOWeek?, team: String?, only: Set<String>? = nil, store: Store? = nil,
        today: Date = Date()
    ) throws -> TeamDiagnosis {
        let config = try workspace.loadConfig()
        let store = try store ?? workspace.openStore()
        let zone = TimeZone(identifier: config.timeZone) ?? .gmt
        let chosenWeek = week ?? lastCompleteWeek(today: today, timeZone: zone)
        let catalog = try CoachingFile.load(teamFile: config.promptsFile.map { URL(fileURLWithPath: $0) })
        var diagnosis = try store.diagnose(week: chosenWeek, config: config, only: only)
        if let team {
            diagnosis.sellers = diagnosis.sellers.filter { $0.seller.team.lowercased() == team.lowercased() }
        }
        diagnosis.sellers = diagnosis.sellers.map { Coach.coach($0, catalog: catalog, rules: config.rules) }
        return diagnosis
    }

    /// The manager's mirror over the `weeks` weeks ending with `week` (or the last complete week): each week's
    /// patterns of the manager's sellers (`MirrorCommand.scope`), without contact journeys, against their
    /// one-to-ones.
    static func mirror(
        workspace: WorkspaceOptions, week: ISOWeek?, weeks: Int, manager: String?, today: Date = Date()
    ) throws -> ManagerMirror {
        let config = try workspace.loadConfig()
        let store = try workspace.openStore()
        let zone = TimeZone(identifier: config.timeZone) ?? .gmt
        let last = week ?? lastCompleteWeek(today: today, timeZone: zone)
        let (name, emails) = try MirrorCommand.scope(manager, sellers: try store.sellers())
        var diagnoses: [MirrorWeek] = []
        var entries: [CoachingEntry] = []
        for back in (0..<max(1, weeks)).reversed() {
            let snapshot = try store.snapshot(week: last.adding(weeks: -back), config: config, loggingOf: [])
            var diagnosis = PyramidModel.diagnose(snapshot, config: config)
            diagnosis.sellers = diagnosis.sellers.filter { emails.contains($0.seller.email) }
            diagnoses.append(MirrorWeek(diagnosis))
            entries = snapshot.coaching.filter { emails.contains($0.email) }
        }
        guard let mirror = MirrorRules.mirror(manager: name, weeks: diagnoses, entries: entries) else {
            throw ValidationError("no weeks to read")
        }
        return mirror
    }

    /// The ISO week before the one holding `today` in `timeZone`.
    static func lastCompleteWeek(today: Date, timeZone: TimeZone) -> ISOWeek {
        let day = LocalDate(
            epochSeconds: Int64(today.timeIntervalSince1970.rounded(.down)),
            offsetSeconds: timeZone.secondsFromGMT(for: today))
        return ISOWeek(containing: day).previous
    }
}
