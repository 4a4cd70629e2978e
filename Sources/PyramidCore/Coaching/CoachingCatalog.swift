/// Coaching wording as data: questions and experiences keyed by pattern and by belief and verdict, with
/// `{placeholders}` filled from the seller's evidence. A team's own file adds to or replaces the built-in one.
public struct CoachingCatalog: Sendable, Hashable, Codable {
    /// Wording for one pattern or one belief verdict.
    public struct Wording: Sendable, Hashable, Codable {
        /// Open questions for the one-to-one.
        public var prompts: [String]
        /// Experiences to create together: what, when, with whom, and the measure to look at next week.
        public var experiences: [String]

        /// Creates wording.
        public init(prompts: [String] = [], experiences: [String] = []) {
            self.prompts = prompts
            self.experiences = experiences
        }
    }

    /// Wording per pattern (raw value).
    public var patterns: [String: Wording]
    /// Wording per belief id, then per verdict (raw value).
    public var beliefs: [String: [String: Wording]]
    /// Wording after an experiment has ended, per verdict (`ExperimentVerdict` raw values) and
    /// `back-to-old-way` (done and working, then the old way again): what a leader asks next.
    public var experiments: [String: Wording]

    /// Wording for learning from a teammate, per belief id (or `default`), then per `PeerLesson.Kind` (raw
    /// value).
    public var peers: [String: [String: Wording]]

    /// The `experiments` key for an experiment done and working whose seller is back to the old way.
    public static let backToOldWay = "back-to-old-way"
    /// The `peers` key for every belief without wording of its own.
    public static let anyBelief = "default"

    /// Creates a catalog.
    public init(
        patterns: [String: Wording] = [:], beliefs: [String: [String: Wording]] = [:],
        experiments: [String: Wording] = [:], peers: [String: [String: Wording]] = [:]
    ) {
        self.patterns = patterns
        self.beliefs = beliefs
        self.experiments = experiments
        self.peers = peers
    }

    /// This catalog with `other`'s wording added (its entries come first, so a team's own words lead).
    public func extended(with other: CoachingCatalog) -> CoachingCatalog {
        var merged = self
        for (key, wording) in other.patterns {
            let base = merged.patterns[key] ?? Wording()
            merged.patterns[key] = Wording(
                prompts: wording.prompts + base.prompts, experiences: wording.experiences + base.experiences)
        }
        for (key, wording) in other.experiments {
            let base = merged.experiments[key] ?? Wording()
            merged.experiments[key] = Wording(
                prompts: wording.prompts + base.prompts, experiences: wording.experiences + base.experiences)
        }
        for (belief, verdicts) in other.beliefs {
            for (verdict, wording) in verdicts {
                let base = merged.beliefs[belief]?[verdict] ?? Wording()
                merged.beliefs[belief, default: [:]][verdict] = Wording(
                    prompts: wording.prompts + base.prompts, experiences: wording.experiences + base.experiences)
            }
        }
        for (belief, kinds) in other.peers {
            for (kind, wording) in kinds {
                let base = merged.peers[belief]?[kind] ?? Wording()
                merged.peers[belief, default: [:]][kind] = Wording(
                    prompts: wording.prompts + base.prompts, experiences: wording.experiences + base.experiences)
            }
        }
        return merged
    }
}

/// Picks and fills the coaching wording for one seller's diagnosis.
public enum Coach {
    /// At most this many questions in one agenda.
    public static let maximumPrompts = 4
    /// At most this many suggested experiences (numbered in the agenda for `pyramid coach --accept N`).
    public static let maximumExperiences = 2

    /// Fills `diagnosis.prompts` and `diagnosis.experiences` from `catalog`: belief wording first (the
    /// leader's move), then the pattern's; never the same question twice; entries whose placeholders the
    /// evidence cannot fill are left out rather than printed half-filled.
    /// A rate whose outcomes the export records for less than `rules.minimumRecordedShare` of its attempts is not
    /// quoted.
    public static func coach(
        _ diagnosis: SellerDiagnosis, catalog: CoachingCatalog, rules: DiagnosisRules = DiagnosisRules()
    ) -> SellerDiagnosis {
        var coached = diagnosis
        var prompts: [String] = []
        var experiences: [(text: String, belief: String?, pattern: Pattern, measure: ExperimentMeasure?)] = []
        func take(
            _ wording: CoachingCatalog.Wording?, facts: [String: String], belief: String?, pattern: Pattern,
            measure: ExperimentMeasure? = nil
        ) {
            guard let wording else { return }
            for template in wording.prompts {
                if let text = fill(template, facts), !prompts.contains(text) { prompts.append(text) }
            }
            for template in wording.experiences {
                if let text = fill(template, facts), !experiences.contains(where: { $0.text == text }) {
                    experiences.append((text, belief, pattern, measure))
                }
            }
        }
        let base = facts(of: diagnosis, rules: rules)
        // After an experiment has ended, the leader's follow-up comes first; its belief's experiences are not
        // suggested again as if new (the follow-up proposes the next step).
        var tried = Set<String>()
        if let ended = diagnosis.coaching.experiments.first(where: \.finished) {
            let key = ended.backToOldWay ? CoachingCatalog.backToOldWay : ended.verdict.rawValue
            take(
                catalog.experiments[key], facts: base.merging(facts(of: ended)) { $1 }, belief: ended.experiment.belief,
                pattern: diagnosis.pattern, measure: ended.experiment.measure)
            if let belief = ended.experiment.belief, ended.verdict != .notDone { tried.insert(belief) }
        }
        // A teammate's way that works on a belief the seller holds: learning it from them by name.
        for lesson in diagnosis.peerLessons {
            let wording =
                catalog.peers[lesson.belief]?[lesson.kind.rawValue]
                ?? catalog.peers[CoachingCatalog.anyBelief]?[lesson.kind.rawValue]
            take(
                wording, facts: base.merging(lesson.facts) { $1 }, belief: lesson.belief, pattern: diagnosis.pattern)
        }
        for belief in diagnosis.beliefs {
            var wording = catalog.beliefs[belief.id]?[belief.verdict.rawValue]
            if tried.contains(belief.id) { wording?.experiences = [] }
            take(wording, facts: base.merging(belief.facts) { $1 }, belief: belief.id, pattern: diagnosis.pattern)
        }
        for pattern in [diagnosis.pattern] + diagnosis.secondaryPatterns {
            take(catalog.patterns[pattern.rawValue], facts: base, belief: nil, pattern: pattern)
        }
        coached.prompts = Array(prompts.prefix(maximumPrompts))
        let suggested = experiences.prefix(maximumExperiences)
        coached.experiences = suggested.map(\.text)
        coached.suggestedExperiments = suggested.map {
            SuggestedExperiment(
                text: $0.text, belief: $0.belief, pattern: $0.pattern,
                measure: $0.measure
                    ?? ExperimentMeasure.suggested(for: diagnosis, belief: $0.belief, pattern: $0.pattern))
        }
        return coached
    }

    /// The values a follow-up may quote: the experiment, its measure, and its numbers.
    static func facts(of f: ExperimentFollowThrough) -> [String: String] {
        let worked = f.weeks.filter { $0.workingDays > 0 }
        var facts = [
            "experiment": f.experiment.name, "done_weeks": "\(worked.filter { $0.done == true }.count)",
            "worked_weeks": "\(worked.count)",
        ]
        let outcome = f.outcome == "meetings-held" ? f.meetings : f.conversations
        if outcome.duringDays > 0, outcome.beforeDays > 0 {
            facts["per_day_during"] = Numbers.format(outcome.perDayDuring)
            facts["per_day_before"] = Numbers.format(outcome.perDayBefore)
            facts["outcome"] = f.outcome == "meetings-held" ? "held meetings" : "conversations"
        }
        if let measure = f.experiment.measure {
            facts["measure"] = measure.phrase
            if let actual = f.reportWeek?.actual { facts["this_week_actual"] = Numbers.format(actual) }
        }
        return facts
    }

    /// The seller-level values wording may quote.
    static func facts(of d: SellerDiagnosis, rules: DiagnosisRules) -> [String: String] {
        var facts: [String: String] = [
            "name": d.seller.name,
            "first_name": d.seller.name.split(separator: " ").first.map(String.init) ?? d.seller.name,
            "calls": "\(d.actions.outboundCalls)", "emails": "\(d.actions.emails)", "linkedin": "\(d.actions.linkedin)",
            "meetings": "\(d.actions.meetings)", "conversations": "\(d.actions.conversations)",
            "working_days": "\(d.actions.workingDays)",
        ]
        for standard in d.standards {
            let key = standard.metric.rawValue.replacingOccurrences(of: "-", with: "_")
            facts["\(key)_target"] = Numbers.format(standard.target)
            facts["\(key)_actual"] = Numbers.format(standard.actual)
            facts["\(key)_per"] = standard.per.rawValue
        }
        if let pace = d.results.pace { facts["pace"] = Percent.format(pace) }
        if let won = d.results.wonThisQuarter { facts["won"] = Numbers.money(won) }
        if let target = d.results.quarterTarget { facts["quarter_target"] = Numbers.money(target) }
        if let funnel = d.reverseFunnel {
            facts["needed_conversations_per_week"] = Numbers.format(funnel.conversationsPerWeekNeeded)
            facts["needed_calls_per_day"] = Numbers.format(funnel.callsPerDayNeeded)
        }
        if let gap = d.trailing.first {
            facts["trailing_metric"] = gap.metric
            facts["trailing_actual"] = Numbers.format(gap.actual)
            facts["trailing_median"] = Numbers.format(gap.teamMedian)
        }
        // A rate the export does not record is left out, so wording that quotes it is not used.
        if d.experience.callConversations.recordedShare >= rules.minimumRecordedShare {
            facts["call_rate"] = Percent.format(d.experience.callConversations.value)
        }
        if d.experience.linkedinReplies.recordedShare >= rules.minimumRecordedShare {
            facts["linkedin_reply_rate"] = Percent.format(d.experience.linkedinReplies.value)
        }
        facts["rejection_run"] = "\(d.experience.recentRejectionRun)"
        return facts
    }

    /// `template` with every `{key}` replaced, or nil when a key has no value.
    static func fill(_ template: String, _ facts: [String: String]) -> String? {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let key = String(rest[rest.index(after: open)..<close])
            guard let value = facts[key] else { return nil }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
