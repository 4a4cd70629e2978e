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
        workspace: WorkspaceOptions, week: ISOWeek?, team: String?, only: Set<String>? = nil,
        store: (any Workspace)? = nil,
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
    /// patterns of the manager's sellers (`managedSellers`), without contact journeys, against their
    /// one-to-ones.
    static func mirror(
        workspace: WorkspaceOptions, week: ISOWeek?, weeks: Int, manager: String?, today: Date = Date()
    ) throws -> ManagerMirror {
        let config = try workspace.loadConfig()
        let store = try workspace.openStore()
        let zone = TimeZone(identifier: config.timeZone) ?? .gmt
        let last = week ?? lastCompleteWeek(today: today, timeZone: zone)
        let (name, emails) = try managedSellers(manager, sellers: try store.sellers())
        var diagnoses: [MirrorWeek] = []
        var entries: [CoachingEntry] = []
        for back in (0..<max(1, weeks)).reversed() {
            let snapshot = try store.snapshot(week: last.adding(weeks: -back), config: config, loggingOf: [])
            var diagnosis = PyramidModel.diagnose(snapshot, config: config)
            diagnosis.sellers = diagnosis.sellers.filter { emails.contains($0.seller.email) }
            diagnoses.append(MirrorWeek(diagnosis))
            // The report week's snapshot holds every one-to-one up to it.
            if back == 0 { entries = snapshot.coaching.filter { emails.contains($0.email) } }
        }
        guard let mirror = MirrorRules.mirror(manager: name, weeks: diagnoses, entries: entries) else {
            throw ValidationError("no weeks to read")
        }
        return mirror
    }

    /// The manager named by `name` on the roster and their sellers' emails; the roster's only manager when
    /// `name` is nil, or everyone (an empty name) when it names several or none.
    static func managedSellers(_ name: String?, sellers: [Seller]) throws -> (manager: String, emails: Set<String>) {
        let managers = Set(sellers.map(\.manager).filter { !$0.isEmpty })
        guard let name else {
            if managers.count == 1, let only = managers.first {
                return (only, Set(sellers.filter { $0.manager == only }.map(\.email)))
            }
            return ("", Set(sellers.map(\.email)))
        }
        let wanted = OwnerMatcher.foldName(name)
        let matches = { (manager: String) in
            OwnerMatcher.foldName(manager) == wanted
                || OwnerMatcher.foldName(manager.split(separator: "@").first ?? "") == wanted
        }
        guard let found = managers.sorted().first(where: matches) else {
            let known = managers.sorted().joined(separator: ", ")
            throw ValidationError(
                "'\(name)' is not a manager on the roster ("
                    + (known.isEmpty ? "the roster names no managers" : "known: \(known)")
                    + ")")
        }
        return (found, Set(sellers.filter { $0.manager == found }.map(\.email)))
    }

    /// The ISO week before the one holding `today` in `timeZone`.
    static func lastCompleteWeek(today: Date, timeZone: TimeZone) -> ISOWeek {
        let day = LocalDate(
            epochSeconds: Int64(today.timeIntervalSince1970.rounded(.down)),
            offsetSeconds: timeZone.secondsFromGMT(for: today))
        return ISOWeek(containing: day).previous
    }
}
