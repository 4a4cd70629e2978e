import ArgumentParser
import Foundation
import PyramidCore
import PyramidStore

/// Turns `pyramid coach`'s options into a coaching entry: a new one, or a stored one with the options given
/// replacing what was recorded.
struct CoachEntryBuilder {
    let options: CoachCommand
    /// The open workspace, for the agenda `--accept` takes its suggestion from.
    let store: any Workspace
    /// The seller the entry is for, whose standards give a measure's period when `--per` is not given.
    var person: Seller?

    /// The period a measure of `metric` takes without `--per`: the one of the team's standard for it, else a week.
    func defaultPeriod(of metric: Metric) throws -> Period {
        guard let person else { return .week }
        return try options.workspace.loadConfig().standardPeriod(of: metric, for: person) ?? .week
    }

    /// What `pyramid coach` says when it chose a measure's period itself.
    func periodNote(_ entry: CoachingEntry) throws -> String? {
        guard options.per == nil, let metric = options.measureMetric, let measure = entry.experiment?.measure,
            measure.metric == metric, let person
        else { return nil }
        let standard = try options.workspace.loadConfig().standardPeriod(of: metric, for: person)
        return standard.map {
            "note: no --per given: the measure is per \($0.rawValue), as the team's \(metric.rawValue) standard is"
        }
            ?? "note: no --per given and no standard counts \(metric.rawValue): the measure is per week"
    }

    /// A new entry for `person`; with `--accept N`, the agenda's suggested experience N and its measure.
    func newEntry(for person: Seller) throws -> CoachingEntry {
        let week =
            try options.week
            ?? Weekly.lastCompleteWeek(
                today: Date(), timeZone: TimeZone(identifier: options.workspace.loadConfig().timeZone) ?? .gmt)
        let lastWeek = options.lastWeek ?? week.adding(weeks: Experiment.defaultWeeks)
        var experiment: Experiment?
        if let number = options.accept {
            let suggestion = try suggestion(number, for: person, week: week)
            experiment = Experiment(
                name: suggestion.text, belief: options.belief ?? suggestion.belief,
                measure: try measure(base: suggestion.measure), lastWeek: lastWeek)
        } else if let name = options.experiment {
            experiment = Experiment(
                name: name, belief: options.belief, measure: try measure(base: nil), lastWeek: lastWeek)
        }
        return try validated(
            CoachingEntry(
                email: person.email, manager: options.byManager ?? person.manager, week: week,
                note: options.note ?? "", agreements: options.agree, experiment: experiment))
    }

    /// `entry` with the options given replacing what was recorded.
    func changing(_ entry: CoachingEntry) throws -> CoachingEntry {
        var changed = entry
        if let week = options.week { changed.week = week }
        if let note = options.note { changed.note = note }
        if !options.agree.isEmpty { changed.agreements = options.agree }
        if let manager = options.byManager { changed.manager = manager }
        if let name = options.experiment {
            changed.experiment = Experiment(
                name: name, belief: entry.experiment?.belief, measure: entry.experiment?.measure,
                lastWeek: entry.experiment?.lastWeek ?? changed.week.adding(weeks: Experiment.defaultWeeks))
        }
        let describesExperiment =
            options.belief != nil || options.lastWeek != nil || options.measureMetric != nil || options.target != nil
            || options.per != nil || options.on != nil
        if describesExperiment {
            guard var experiment = changed.experiment else {
                throw ValidationError("coaching entry \(entry.id) has no experiment to change; add --experiment NAME")
            }
            if let belief = options.belief { experiment.belief = belief }
            if let lastWeek = options.lastWeek { experiment.lastWeek = lastWeek }
            experiment.measure = try measure(base: experiment.measure)
            changed.experiment = experiment
        }
        return try validated(changed)
    }

    /// The agenda's suggested experience `number` for `person` in `week`.
    private func suggestion(_ number: Int, for person: Seller, week: ISOWeek) throws -> SuggestedExperiment {
        let diagnosis = try Weekly.diagnose(
            workspace: options.workspace, week: week, team: nil, only: [person.email], store: store)
        guard let agenda = diagnosis.sellers.first(where: { $0.seller.email == person.email }) else {
            throw ValidationError(
                "\(person.name) has no agenda in \(week), so there is no experience to accept; use --experiment NAME")
        }
        let suggestions = agenda.suggestedExperiments
        guard number <= suggestions.count else {
            throw ValidationError(
                suggestions.isEmpty
                    ? "the agenda of \(person.name) for \(week) suggests no experience; use --experiment NAME"
                    : "the agenda of \(person.name) for \(week) suggests \(suggestions.count) "
                        + (suggestions.count == 1 ? "experience" : "experiences") + "; "
                        + "--accept takes 1 to \(suggestions.count)")
        }
        return suggestions[number - 1]
    }

    /// `base` with the measure options given; a measure on another metric needs its own `--target`.
    private func measure(base: ExperimentMeasure?) throws -> ExperimentMeasure? {
        guard options.measureMetric != nil || options.target != nil || options.per != nil || options.on != nil else {
            return base
        }
        guard let metric = options.measureMetric ?? base?.metric else {
            throw ValidationError(
                "--target, --per and --on describe a measure: add --measure METRIC (e.g. connected-calls)")
        }
        let sameMetric = metric == base?.metric
        guard let target = options.target ?? (sameMetric ? base?.target : nil) else {
            throw ValidationError("--measure \(metric.rawValue) needs --target N, the least count per day or week")
        }
        let per = try options.per ?? (sameMetric ? base?.per : nil) ?? defaultPeriod(of: metric)
        do {
            let weekdays = try options.on.map(Weekdays.parse) ?? (sameMetric ? base?.weekdays : nil) ?? []
            return try ExperimentMeasure(metric: metric, per: per, target: target, weekdays: weekdays)
        } catch {
            throw ValidationError(error.description)
        }
    }

    private func validated(_ entry: CoachingEntry) throws -> CoachingEntry {
        do {
            return try entry.validated()
        } catch {
            throw ValidationError(error.description)
        }
    }
}
