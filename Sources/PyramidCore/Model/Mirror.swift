/// The manager's mirror: their own balance of managing (short range, compliance, authority) and leading (long
/// range, commitment, experiences), read from the coaching log against the sellers' weeks. Only what can be
/// counted honestly, each figure with what it counts and out of how many.
public struct ManagerMirror: Sendable, Hashable, Codable {
    /// The manager the mirror is for; empty for every one-to-one of the workspace.
    public var manager: String
    /// The weeks read, first and last (the report week).
    public var from: ISOWeek
    public var to: ISOWeek
    /// The sellers whose weeks were read.
    public var sellers: Int
    /// The one-to-ones recorded with them in those weeks.
    public var oneToOnes: Int
    /// The figures, managing first.
    public var figures: [MirrorFigure]
    /// How to start a coaching log, when none is recorded for these sellers.
    public var start: String?
}

/// One figure of the mirror.
public struct MirrorFigure: Sendable, Hashable, Codable {
    /// Which side of the contrast the figure shows.
    public enum Side: String, Sendable, Hashable, Codable {
        case managing, leading
    }

    /// A stable name: `drifting-without-one-to-one`, `one-to-ones-on-beliefs`, `one-to-ones-without-experiment`,
    /// `experiments-followed-up`, `experiments-done`, `experiments-working`, `patterns-changed-after-coaching`,
    /// `weeks-to-first-conversation`.
    public var id: String
    public var side: Side
    /// How many of `sample` the figure counts.
    public var count: Int
    /// Out of how many.
    public var sample: Int
    /// The figure in a sentence: what it counts, the count and the sample.
    public var text: String
    /// Who or what, one line each.
    public var details: [String]
}

/// One week of the manager's sellers, as the mirror reads it.
public struct MirrorWeek: Sendable, Hashable {
    public var week: ISOWeek
    public var sellers: [MirrorSeller]

    /// A week by hand.
    public init(week: ISOWeek, sellers: [MirrorSeller]) {
        self.week = week
        self.sellers = sellers
    }

    /// The week of a diagnosis.
    public init(_ diagnosis: TeamDiagnosis) {
        self.init(week: diagnosis.week, sellers: diagnosis.sellers.map(MirrorSeller.init))
    }
}

/// One seller's week, as the mirror reads it.
public struct MirrorSeller: Sendable, Hashable {
    public var seller: SellerRef
    public var pattern: Pattern
    /// Whether the week is one of a drift: a pattern to act on (`MirrorSeller.isDrift`).
    public var drifting: Bool
    /// The verdicts of the seller's experiments judged that week, by coaching entry id.
    public var experiments: [Int64: ExperimentVerdict]

    /// A seller's week by hand.
    public init(
        seller: SellerRef, pattern: Pattern, drifting: Bool, experiments: [Int64: ExperimentVerdict] = [:]
    ) {
        self.seller = seller
        self.pattern = pattern
        self.drifting = drifting
        self.experiments = experiments
    }

    /// A seller's week of a diagnosis.
    public init(_ d: SellerDiagnosis) {
        self.init(
            seller: d.seller, pattern: d.pattern, drifting: Self.isDrift(d),
            experiments: Dictionary(
                d.coaching.experiments.map { ($0.entry.id, $0.verdict) }, uniquingKeysWith: { first, _ in first }))
    }

    /// A pattern a manager should act on: not on standard, on leave, ramping or unknown, and not a channel
    /// substitution that has the conversations the standard asks for (the channel is then the seller's choice;
    /// its belief is not judged here).
    static func isDrift(_ d: SellerDiagnosis) -> Bool {
        switch d.pattern {
        case .onStandard, .ramping, .onLeave, .insufficientData: false
        case .channelSubstitution: !(d.standards.first { $0.metric == .conversations }?.met ?? true)
        case .underActivity, .activityWithoutConversations, .conversationsWithoutResults, .fading: true
        }
    }
}

/// The mirror from a run of weeks and the coaching log.
public enum MirrorRules {
    /// The mirror over `weeks` (the manager's sellers, oldest first, the last the report week) and `entries`
    /// (their one-to-ones up to the report week).
    public static func mirror(manager: String, weeks: [MirrorWeek], entries: [CoachingEntry]) -> ManagerMirror? {
        guard let from = weeks.first?.week, let to = weeks.last?.week else { return nil }
        let inWindow = entries.filter { $0.week >= from && $0.week <= to }.sorted {
            ($0.week, $0.id) < ($1.week, $1.id)
        }
        let reader = MirrorReader(weeks: weeks, entries: inWindow)
        var figures = [reader.driftingWithoutOneToOne()]
        figures += reader.oneToOneKinds()
        figures += reader.experiments()
        figures.append(reader.patternsChanged())
        figures.append(reader.weeksToFirstConversation())
        let sellers = Set(weeks.flatMap { $0.sellers.map(\.seller.email) })
        return ManagerMirror(
            manager: manager, from: from, to: to, sellers: sellers.count, oneToOnes: inWindow.count,
            figures: figures.filter { $0.side == .managing } + figures.filter { $0.side == .leading },
            start: inWindow.isEmpty
                ? "No one-to-one is recorded for these sellers from \(from) to \(to). To start the log: before a "
                    + "one-to-one, `pyramid agenda SELLER`; after it, `pyramid coach SELLER --accept 1 --agree \"…\"`."
                : nil)
    }
}

/// A seller's run of consecutive weeks in a drift pattern.
struct DriftRun {
    var email: String
    var name: String
    var first: ISOWeek
    var last: ISOWeek
    var weeks: Int
    /// The pattern of its last week.
    var pattern: Pattern
}

/// Reads the figures from the weeks and the one-to-ones of the window.
private struct MirrorReader {
    let weeks: [MirrorWeek]
    let entries: [CoachingEntry]
    let runs: [DriftRun]
    let byEmail: [String: [CoachingEntry]]
    let report: ISOWeek

    init(weeks: [MirrorWeek], entries: [CoachingEntry]) {
        self.weeks = weeks
        self.entries = entries
        byEmail = Dictionary(grouping: entries, by: \.email)
        report = weeks.last?.week ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 0))
        var runs: [DriftRun] = []
        var open: [String: DriftRun] = [:]
        for week in weeks {
            var seen = Set<String>()
            for seller in week.sellers where seller.drifting {
                seen.insert(seller.seller.email)
                if var run = open[seller.seller.email], run.last.adding(weeks: 1) == week.week {
                    run.last = week.week
                    run.weeks += 1
                    run.pattern = seller.pattern
                    open[seller.seller.email] = run
                } else {
                    if let ended = open[seller.seller.email] { runs.append(ended) }
                    open[seller.seller.email] = DriftRun(
                        email: seller.seller.email, name: seller.seller.name, first: week.week, last: week.week,
                        weeks: 1, pattern: seller.pattern)
                }
            }
            for (email, run) in open where !seen.contains(email) {
                runs.append(run)
                open[email] = nil
            }
        }
        self.runs = (runs + open.values).sorted { ($0.name, $0.first) < ($1.name, $1.first) }
    }

    /// The one-to-ones with the seller of `run` during it or in the week after (an agenda reads the week before).
    func conversations(about run: DriftRun) -> [CoachingEntry] {
        (byEmail[run.email] ?? []).filter { $0.week >= run.first && $0.week <= run.last.adding(weeks: 1) }
    }

    func driftingWithoutOneToOne() -> MirrorFigure {
        let long = runs.filter { $0.weeks >= 2 }
        let alone = long.filter { conversations(about: $0).isEmpty }
        let sellers = Set(long.map(\.email)).count
        let aloneSellers = Set(alone.map(\.email)).count
        return MirrorFigure(
            id: "drifting-without-one-to-one", side: .managing, count: aloneSellers, sample: sellers,
            text: sellers == 0
                ? "No seller was in a drift pattern for two weeks or more in a row."
                : "\(aloneSellers) of the \(sellers) sellers in a drift pattern for two weeks or more in a row had no "
                    + "one-to-one recorded during it.",
            details: alone.map { run in
                "\(run.name): \(run.pattern.rawValue), \(run.weeks) weeks from \(run.first)\(earlier(run))"
                    + (run.last == report ? ", still" : " to \(run.last)")
            })
    }

    func oneToOneKinds() -> [MirrorFigure] {
        let onBelief = entries.filter { $0.experiment?.belief != nil }
        let without = entries.filter { $0.experiment == nil }
        let other = entries.count - onBelief.count - without.count
        return [
            MirrorFigure(
                id: "one-to-ones-on-beliefs", side: .leading, count: onBelief.count, sample: entries.count,
                text: entries.isEmpty
                    ? "No one-to-one recorded, so none set an experiment on the seller's own belief."
                    : "\(onBelief.count) of the \(entries.count) one-to-ones set an experiment on the seller's own "
                        + "belief" + (other > 0 ? " (\(other) more set one without naming a belief)." : "."),
                details: onBelief.map { "\($0.week), \(name($0.email)): \($0.experiment?.name ?? "")" }),
            MirrorFigure(
                id: "one-to-ones-without-experiment", side: .managing, count: without.count, sample: entries.count,
                text: entries.isEmpty
                    ? "No one-to-one recorded."
                    : "\(without.count) of the \(entries.count) one-to-ones set no experiment: as far as the log "
                        + "tells, they restated the standard.",
                details: without.map { "\($0.week), \(name($0.email))" }),
        ]
    }

    /// Follow-up, done, done and working: the experiments agreed in the window that ended by the report week,
    /// judged as the agenda judged them in their last week.
    func experiments() -> [MirrorFigure] {
        var ended: [(entry: CoachingEntry, verdict: ExperimentVerdict)] = []
        for entry in entries {
            guard let experiment = entry.experiment, experiment.lastWeek <= report else { continue }
            let week = weeks.first { $0.week == experiment.lastWeek }
            let verdict = week?.sellers.first { $0.seller.email == entry.email }?.experiments[entry.id]
            ended.append((entry, verdict ?? .inconclusive))
        }
        let due = ended.filter { $0.entry.experiment.map { $0.lastWeek < report } ?? false }
        let followed = due.filter { item in
            (byEmail[item.entry.email] ?? []).contains { later in
                later.id != item.entry.id && later.week >= (item.entry.experiment?.lastWeek ?? later.week)
            }
        }
        let done = ended.filter { $0.verdict == .doneAndWorking || $0.verdict == .doneNotWorking }
        let working = ended.filter { $0.verdict == .doneAndWorking }
        let describe = { (item: (entry: CoachingEntry, verdict: ExperimentVerdict)) in
            "\(self.name(item.entry.email)): \(item.entry.experiment?.name ?? "") (\(item.verdict.rawValue))"
        }
        let waiting = ended.count - due.count
        return [
            MirrorFigure(
                id: "experiments-followed-up", side: .leading, count: followed.count, sample: due.count,
                text: (due.isEmpty
                    ? "No experiment ended before \(report), so none was due a follow-up"
                    : "\(followed.count) of the \(due.count) experiments that ended before \(report) were followed "
                        + "up in a later one-to-one")
                    + (waiting > 0 ? " (\(waiting) ended in \(report) itself)." : "."),
                details: due.filter { item in !followed.contains { $0.entry.id == item.entry.id } }.map {
                    "Not followed up: " + describe($0)
                }),
            MirrorFigure(
                id: "experiments-done", side: .leading, count: done.count, sample: ended.count,
                text: ended.isEmpty
                    ? "No experiment agreed in these weeks has ended yet."
                    : "\(done.count) of the \(ended.count) experiments that ended were done as agreed.",
                details: ended.map(describe)),
            MirrorFigure(
                id: "experiments-working", side: .leading, count: working.count, sample: ended.count,
                text: ended.isEmpty
                    ? "No experiment agreed in these weeks has ended yet, so none is known to work."
                    : "\(working.count) of the \(ended.count) experiments that ended were done and working: clearly "
                        + "more conversations (or held meetings) than the seller's own weeks before.",
                details: working.map(describe)),
        ]
    }

    /// Sellers coached while in a drift pattern (a one-to-one before the report week), out of it in the report week.
    func patternsChanged() -> MirrorFigure {
        var coached: [String: (name: String, before: Pattern)] = [:]
        for entry in entries where entry.week < report {
            guard let seller = seller(entry.email, in: entry.week), seller.drifting,
                coached[entry.email] == nil
            else { continue }
            coached[entry.email] = (seller.seller.name, seller.pattern)
        }
        var changed: [String] = []
        for (email, before) in coached.sorted(by: { $0.value.name < $1.value.name }) {
            guard let now = seller(email, in: report), !now.drifting else { continue }
            changed.append(
                "\(before.name): \(before.before.rawValue) when coached, \(now.pattern.rawValue) in \(report)")
        }
        return MirrorFigure(
            id: "patterns-changed-after-coaching", side: .leading, count: changed.count, sample: coached.count,
            text: coached.isEmpty
                ? "No seller was coached while in a drift pattern before \(report)."
                : "\(changed.count) of the \(coached.count) sellers coached while in a drift pattern were out of it "
                    + "in \(report).",
            details: changed)
    }

    /// Weeks from a drift's first week (two weeks or more in a row) to the first one-to-one about it.
    func weeksToFirstConversation() -> MirrorFigure {
        let drifts = runs.filter { $0.weeks >= 2 }
        var waits: [Int] = []
        var details: [String] = []
        for run in drifts {
            let earlier = earlier(run)
            if let first = conversations(about: run).first {
                let wait = max(0, first.week.monday.daysSinceEpoch - run.first.monday.daysSinceEpoch) / 7
                waits.append(wait)
                details.append(
                    "\(run.name): drift from \(run.first)\(earlier), first one-to-one \(first.week): \(wait) "
                        + (wait == 1 ? "week" : "weeks"))
            } else {
                details.append(
                    "\(run.name): drift from \(run.first)\(earlier)"
                        + (run.last == report ? ", no one-to-one yet" : " to \(run.last), no one-to-one"))
            }
        }
        let sorted = waits.sorted()
        let text: String
        if drifts.isEmpty {
            text = "No drift of two weeks or more in a row in these weeks."
        } else if sorted.isEmpty {
            text = "None of the \(drifts.count) drifts of two weeks or more had a one-to-one about them."
        } else {
            let median = Double(sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
            text =
                "\(sorted.count) of the \(drifts.count) drifts of two weeks or more had a one-to-one about them, a "
                + "median of \(Numbers.format(median)) weeks after their first week."
        }
        return MirrorFigure(
            id: "weeks-to-first-conversation", side: .leading, count: sorted.count, sample: drifts.count, text: text,
            details: details)
    }

    /// " (or earlier)" for a run that starts in the first week read.
    private func earlier(_ run: DriftRun) -> String { run.first == weeks.first?.week ? " (or earlier)" : "" }

    /// The week of the seller with `email`, nil when they were not read that week.
    private func seller(_ email: String, in week: ISOWeek) -> MirrorSeller? {
        weeks.first { $0.week == week }?.sellers.first { $0.seller.email == email }
    }

    private func name(_ email: String) -> String {
        for week in weeks.reversed() {
            if let seller = week.sellers.first(where: { $0.seller.email == email }) { return seller.seller.name }
        }
        return email
    }
}
