/// The pyramid model: from a team's snapshot to each seller's pattern, beliefs and evidence. Pure: plain
/// values in, plain values out.
public enum PyramidModel {
    /// Diagnoses every seller employed during the snapshot's week; with `only`, just those sellers (for one
    /// agenda): each is judged against the whole team exactly as in a full run, but the team-wide figures
    /// (funnel, channel mix, standards health, bright spots, experiments) are then not the team's and must not
    /// be shown.
    public static func diagnose(_ snapshot: TeamSnapshot, config: WorkspaceConfig, only: Set<String>? = nil)
        -> TeamDiagnosis
    {
        Diagnoser(snapshot: snapshot, config: config).run(only: only)
    }

    /// The sellers of `diagnosis` whose channel beliefs are judged on contact journeys: the snapshot must hold
    /// their journeys (`TeamSnapshot.journeys`) for a verdict on them.
    public static func sellersNeedingJourneys(_ diagnosis: TeamDiagnosis) -> Set<String> {
        Set(
            diagnosis.sellers.filter { seller in
                seller.beliefs.contains { ChannelBelief.ids.contains($0.id) }
                    || seller.coaching.experiments.contains { ChannelBelief.ids.contains($0.belief?.id ?? "") }
            }.map(\.seller.email))
    }

    /// A first diagnosis (without journeys) for one agenda: of the sellers of `only` and of the teammates who may
    /// teach them this week, which names the teammates whose journeys a diagnosis of `only` needs
    /// (`teachersNeeded`). The snapshot's histories are built once for both (each build groups the whole team's
    /// daily tallies).
    public static func diagnoseWithTeachers(_ snapshot: TeamSnapshot, config: WorkspaceConfig, of only: Set<String>)
        -> TeamDiagnosis
    {
        let diagnoser = Diagnoser(snapshot: snapshot, config: config)
        return diagnoser.run(only: only.union(diagnoser.mayTeach))
    }

    /// The sellers whose journeys (and logging patterns) a diagnosis of `only` needs besides their own, read from
    /// `team`, a first diagnosis of them (`diagnoseWithTeachers`): the teammates whose way could work on a belief the
    /// sellers of `only` hold, so that their lessons are the ones a whole team's run gives them.
    public static func teachersNeeded(_ team: TeamDiagnosis, for only: Set<String>) -> Set<String> {
        PeerLessons.possibleTeachers(in: team, for: only)
    }
}

/// One run of the model over a snapshot.
private struct Diagnoser {
    let snapshot: TeamSnapshot
    let config: WorkspaceConfig
    let rules: DiagnosisRules
    let week: ISOWeek
    let sunday: LocalDate
    let lookbackStart: LocalDate
    let quarter: QuarterProgress
    let histories: [String: SellerHistory]
    let active: [Seller]
    let coaching: [String: [CoachingEntry]]
    /// Every deal by seller; deals won by the week's end, everyone's and by seller.
    let dealsByEmail: [String: [DealFact]]
    let won: [DealFact]
    let wonByEmail: [String: [DealFact]]

    init(snapshot: TeamSnapshot, config: WorkspaceConfig) {
        self.snapshot = snapshot
        self.config = config
        rules = config.rules
        week = snapshot.week
        sunday = snapshot.week.monday.adding(days: 6)
        lookbackStart = snapshot.week.monday.adding(days: -7 * config.rules.lookbackWeeks)
        quarter = QuarterProgress(week: snapshot.week, config: config)
        let byEmail = Dictionary(grouping: snapshot.tallies, by: \.email)
        var histories: [String: SellerHistory] = [:]
        for seller in snapshot.sellers {
            let calendar = SellerCalendar(seller: seller, config: config, timeOff: snapshot.timeOff)
            histories[seller.email] = SellerHistory(
                seller: seller, calendar: calendar, tallies: byEmail[seller.email] ?? [])
        }
        self.histories = histories
        coaching = Dictionary(grouping: snapshot.coaching, by: \.email)
        let sunday = self.sunday
        dealsByEmail = Dictionary(grouping: snapshot.deals, by: \.email)
        won = snapshot.deals.filter { deal in
            deal.status == .won && (deal.closeDate.map { $0 <= sunday } ?? false)
        }
        wonByEmail = Dictionary(grouping: won, by: \.email)
        let monday = snapshot.week.monday
        active = snapshot.sellers.filter { seller in
            if let end = seller.endDate, end < monday { return false }
            if let start = seller.startDate, start > sunday { return false }
            if !seller.active && seller.endDate == nil {
                // Inactive in the CRM with no end date: shown only while their activity still runs.
                return histories[seller.email]?.tally(in: snapshot.week).activities ?? 0 > 0
            }
            return true
        }.sorted { ($0.team, $0.name) < ($1.team, $1.name) }
    }

    func run(only: Set<String>?) -> TeamDiagnosis {
        let teamWindow = active.reduce(into: DayTally(email: "", day: lookbackStart)) { sum, seller in
            if let history = histories[seller.email] { sum.add(history.tally(from: lookbackStart, to: sunday)) }
        }
        let teamExperience = Experiences.of(
            teamWindow, wonDeals: wonDeals(nil, from: lookbackStart).count, rejectionRun: 0, rules: rules)
        let weeksMet = standardWeeks()
        // Every seller-week judged against the main standard in this run, and how many met it.
        let teamWeeks = weeksMet.values.reduce(into: (met: 0, all: 0)) { sum, list in
            sum.met += list.filter(\.met).count
            sum.all += list.count
        }
        let peerValues = peerDistribution()
        // For one agenda, its sellers and every teammate who may teach them (a teammate's way that works is a
        // lesson for the seller).
        let scope = only.map { $0.union(mayTeach) }
        var everyone: [SellerDiagnosis] = []
        for seller in active where scope?.contains(seller.email) ?? true {
            guard let history = histories[seller.email] else { continue }
            everyone.append(
                diagnose(
                    seller, history: history, team: teamExperience, weeks: weeksMet, teamWeeks: teamWeeks,
                    peers: peerValues))
        }
        var sellers = everyone.filter { only?.contains($0.seller.email) ?? true }
        let offers = PeerLessons.offers(in: everyone)
        for index in sellers.indices {
            sellers[index].peerLessons = PeerLessons.lessons(for: sellers[index], from: offers)
        }
        let working = sellers.filter { $0.actions.workingDays > 0 }
        var funnel = TeamFunnel()
        var mix: [String: Int] = ["calls": 0, "emails": 0, "linkedin": 0, "meetings": 0]
        for seller in working {
            guard let tally = histories[seller.seller.email]?.tally(in: week) else { continue }
            funnel.calls += tally.outboundCalls
            funnel.connects += tally.connectedCalls
            funnel.conversations += MetricCount.conversations(tally, rules: rules)
            funnel.meetings += MetricCount.meetingsHeld(tally, rules: rules)
            mix["calls", default: 0] += tally.outboundCalls
            mix["emails", default: 0] += tally.outboundEmails
            mix["linkedin", default: 0] += tally.linkedinTouches
            mix["meetings", default: 0] += tally.meetingsHeld + tally.meetingsUnknown + tally.meetingsNoShow
        }
        let activeEmails = Set(active.map(\.email))
        let wonThisWeek = wonDeals(nil, from: week.monday).filter { activeEmails.contains($0.email) }
        funnel.won = wonThisWeek.count
        funnel.wonAmount = snapshot.dealsImported ? wonThisWeek.map(\.amount).reduce(0, +) : nil
        var health: [StandardsHealth] = []
        if let main = mainStandard(for: nil) {
            health.append(
                StandardsHealthRules.health(
                    metric: main.metric, weeks: weeksMet.values.flatMap { $0 }.map { ($0.met, $0.conversationsPerDay) },
                    rules: rules))
        }
        let brightSpots = sellers.compactMap { brightSpot($0, team: sellers) }
        var coaching = TeamCoaching()
        for seller in sellers {
            for experiment in seller.coaching.experiments {
                var entry = TeamExperiment(seller: seller.seller, followThrough: experiment)
                if experiment.verdict == .doneAndWorking, let belief = experiment.experiment.belief {
                    entry.couldHelp = Self.learners(of: belief, besides: seller, in: sellers)
                }
                if experiment.finished { coaching.finished.append(entry) } else { coaching.open.append(entry) }
            }
        }
        return TeamDiagnosis(
            week: week, sellers: sellers, funnel: funnel, standardsHealth: health, brightSpots: brightSpots,
            channelMix: mix, coaching: coaching, coverage: CoverageRules.of(teamWindow, whose: "The", rules: rules))
    }

    /// The sellers who may teach a teammate this week (`PeerLessons`): those who touched buyers by email or on
    /// LinkedIn (a different way that works is a channel substitution), or have a coaching log (an experiment
    /// that worked).
    var mayTeach: Set<String> {
        Set(
            active.filter { seller in
                let week = histories[seller.email]?.tally(in: week)
                return (week?.outboundEmails ?? 0) + (week?.linkedinTouches ?? 0) > 0 || coaching[seller.email] != nil
            }.map(\.email))
    }

    // MARK: - One seller

    private func diagnose(
        _ seller: Seller, history: SellerHistory, team: ChannelExperience,
        weeks: [String: [(week: ISOWeek, met: Bool, value: Double, conversationsPerDay: Double)]],
        teamWeeks: (met: Int, all: Int), peers: [PeerView.Distribution]
    ) -> SellerDiagnosis {
        let calendar = history.calendar
        let workingDays = calendar.workingDays(in: week)
        let ramp = calendar.rampShare(in: week)
        let tally = history.tally(in: week)
        let standards = StandardBook.standards(for: seller, in: config)
        let results = resultsView(for: seller, ramp: ramp)
        let evaluation = StandardEvaluation(rules: rules, config: config, quarter: quarter)
        let quarterToDate = history.tally(from: quarter.start, to: sunday)
        let evaluated = standards.compactMap {
            evaluation.evaluate(
                $0, week: tally, quarterToDate: quarterToDate, wonThisQuarter: results.wonThisQuarter,
                workingDays: workingDays, rampShare: ramp)
        }
        let main = StandardBook.mainChannelStandard(standards)
        let mainResult = main.flatMap { m in evaluated.first { $0.metric == m.metric && $0.per == m.per } }
        let ownWeeks = weeks[seller.email] ?? []
        let baseline = ownWeeks.filter { $0.week < week }.suffix(rules.fadingBaselineWeeks).map(\.value)
        let thisWeekPerDay =
            main.map { MetricCount.count($0.metric, in: tally, rules: rules) / Double(max(1, workingDays)) } ?? 0
        let facts = PatternFacts(
            workingDays: workingDays, hasActivityThisWeek: tally.activities > 0,
            hasActivityBefore: history.hasActivity(before: week.monday), isRamping: calendar.isRamping(in: week),
            weeksSinceRampEnded: calendar.weeksSinceRampEnded(at: week), week: tally, standards: evaluated,
            mainStandard: main, mainResult: mainResult, baselinePerDay: Array(baseline),
            thisWeekPerDay: thisWeekPerDay, pace: results.pace)
        let (pattern, secondary, reasons, substitute) = PatternRules.classify(facts, rules: rules)
        let window = history.tally(from: lookbackStart, to: sunday)
        let own = Experiences.of(
            window, wonDeals: wonDeals(seller.email, from: lookbackStart).count,
            rejectionRun: snapshot.logging[seller.email]?.recentRejectionRun ?? 0,
            rejectionsRecorded: snapshot.logging[seller.email].map { logging in
                Double(logging.recentCallsWithOutcome) >= rules.minimumRecordedShare * Double(logging.recentCalls)
            } ?? true, rules: rules)
        let judged = ownWeeks.filter { $0.week <= week }
        let beliefFacts = BeliefFacts(
            pattern: pattern, secondary: secondary, substitute: substitute, mainStandard: main,
            mainChannel: main.flatMap { Channel($0.metric) }, own: own, team: team,
            // The team's seller-weeks without this seller's own: the run's totals minus theirs.
            teamWeeksMet: teamWeeks.met - ownWeeks.filter(\.met).count, teamWeeks: teamWeeks.all - ownWeeks.count,
            ownWeeksMet: judged.filter(\.met).count, ownWeeks: judged.count,
            ownBest: judged.map(\.value).max() ?? 0,
            conversationsMet: evaluated.first { $0.metric == .conversations }?.met ?? true, results: results,
            lookbackWeeks: rules.lookbackWeeks,
            journeys: journeys(of: seller, history: history, channel: substitute))
        let beliefs = BeliefRules.assess(beliefFacts, rules: rules)
        let averageDeal = { (email: String?) -> Double? in
            let amounts = wonDeals(email, from: LocalDate(daysSinceEpoch: 0)).map(\.amount)
            return amounts.isEmpty ? nil : amounts.reduce(0, +) / Double(amounts.count)
        }
        var diagnosis = SellerDiagnosis(
            seller: SellerRef(seller), pattern: pattern,
            secondaryPatterns: secondary,
            actions: WeekActions(
                outboundCalls: tally.outboundCalls, emails: tally.outboundEmails, linkedin: tally.linkedinTouches,
                meetings: tally.meetingsHeld + tally.meetingsUnknown + tally.meetingsNoShow,
                conversations: MetricCount.conversations(tally, rules: rules), workingDays: workingDays),
            standards: evaluated, results: results, beliefs: beliefs,
            managerView: ManagerView.line(pattern: pattern, standards: evaluated, results: results, reasons: reasons),
            reasons: reasons,
            dataQuality: DataQualityRules.flags(
                week: week, history: history, logging: snapshot.logging[seller.email], rules: rules),
            trailing: PeerView.trailing(email: seller.email, distributions: peers),
            reverseFunnel: ReverseFunnelRules.funnel(
                results: results, quarter: quarter, own: own, team: team, ownAverageDeal: averageDeal(seller.email),
                teamAverageDeal: averageDeal(nil), workingDaysPerWeek: config.workingDays.count, rules: rules),
            experience: own, differentWayWorks: false,
            history: weekPoints(of: seller, main: main))
        diagnosis.differentWayWorks = diagnosis.wayMayWork && beliefs.first?.verdict == .supported
        diagnosis.strengths = Strengths.of(diagnosis, team: team, rules: rules)
        diagnosis.coverage = CoverageRules.of(window, whose: "Your", rules: rules)
        diagnosis.coaching = FollowThroughRules.coaching(
            coaching[seller.email] ?? [],
            context: FollowThroughContext(
                history: history, config: config, week: week, beliefs: beliefFacts,
                ownWeeks: ownWeeks.map { ($0.week, $0.met, $0.value) },
                deals: dealsByEmail[seller.email] ?? [], dealsImported: snapshot.dealsImported))
        return diagnosis
    }

    /// The seller's contact journeys when they were read and a channel belief may be judged on them.
    private func journeys(of seller: Seller, history: SellerHistory, channel: Channel?) -> SellerJourneys? {
        guard let touches = snapshot.journeys[seller.email] else { return nil }
        // The channel the seller moved to; for a coached seller with no such pattern now, the one of their
        // experiment's belief.
        let entries: [CoachingEntry] = self.coaching[seller.email] ?? []
        let targeted = entries.compactMap { $0.experiment?.belief }.last { ChannelBelief.ids.contains($0) }
        guard let channel = channel ?? targeted.map(ChannelBelief.channel(of:)), channel != .calls else {
            return nil
        }
        let weekly = (0...rules.lookbackWeeks).reversed().map { back in
            let w = week.adding(weeks: -back)
            return (week: w, tally: history.tally(in: w))
        }
        return SellerJourneys(
            touches, channel: channel, weekly: weekly, from: lookbackStart, to: sunday,
            minimumCallSeconds: config.conversationMinCallSeconds, rules: rules)
    }

    /// The main channel standard over the report week and the five before it, from the seller's own days
    /// (ramping weeks included, against their ramped target).
    private func weekPoints(of seller: Seller, main: Standard?) -> [WeekPoint] {
        guard let main, let history = histories[seller.email] else { return [] }
        let evaluation = StandardEvaluation(rules: rules, config: config, quarter: quarter)
        return (0..<6).reversed().map { back in
            let w = week.adding(weeks: -back)
            let days = history.calendar.workingDays(in: w)
            let tally = history.tally(in: w)
            let ramp = history.calendar.rampShare(in: w)
            guard
                let result = evaluation.evaluate(
                    main, week: tally, quarterToDate: tally, wonThisQuarter: nil, workingDays: days, rampShare: ramp)
            else { return WeekPoint(week: w, value: nil, target: nil) }
            return WeekPoint(week: w, value: result.actual, target: result.target)
        }
    }

    // MARK: - Results and deals

    private func resultsView(for seller: Seller, ramp: Double) -> ResultsView {
        let target = StandardBook.standards(for: seller, in: config)
            .first { $0.metric == .wonAmount && $0.per == .quarter }.map { $0.target * ramp }
        guard snapshot.dealsImported else { return ResultsView(quarterTarget: target) }
        let won = wonDeals(seller.email, from: quarter.start)
        let amount = won.map(\.amount).reduce(0, +)
        let pace = target.flatMap { t in t > 0 && quarter.elapsedShare > 0 ? amount / (t * quarter.elapsedShare) : nil }
        let open = (dealsByEmail[seller.email] ?? []).filter { $0.status == .open }.map(\.amount)
        return ResultsView(
            wonThisQuarter: amount, quarterTarget: target, pace: pace, dealsWon: won.count,
            openPipeline: open.reduce(0, +))
    }

    /// Won deals of `email` (everyone's when nil) closed from `start` to the week's end.
    private func wonDeals(_ email: String?, from start: LocalDate) -> [DealFact] {
        let candidates = email.map { wonByEmail[$0] ?? [] } ?? won
        return candidates.filter { deal in deal.closeDate.map { $0 >= start } ?? false }
    }

    // MARK: - Team distributions

    private func mainStandard(for seller: Seller?) -> Standard? {
        let standards =
            seller.map { StandardBook.standards(for: $0, in: config) }
            ?? config.standards.filter {
                $0.team == nil && $0.role == nil
            }
        return StandardBook.mainChannelStandard(standards)
    }

    /// Every seller-week in the lookback and the report week with working days: was the main standard met,
    /// its value per period, and conversations per working day. Ramping weeks are left out.
    private func standardWeeks() -> [String: [(week: ISOWeek, met: Bool, value: Double, conversationsPerDay: Double)]] {
        var result: [String: [(week: ISOWeek, met: Bool, value: Double, conversationsPerDay: Double)]] = [:]
        let evaluation = StandardEvaluation(rules: rules, config: config, quarter: quarter)
        for seller in active {
            guard let history = histories[seller.email], let main = mainStandard(for: seller) else { continue }
            for back in (0...rules.lookbackWeeks).reversed() {
                let w = week.adding(weeks: -back)
                let days = history.calendar.workingDays(in: w)
                guard days > 0, !history.calendar.isRamping(in: w) else { continue }
                let tally = history.tally(in: w)
                guard back == 0 || tally.activities > 0 || history.hasActivity(before: w.monday) else { continue }
                guard
                    let evaluated = evaluation.evaluate(
                        main, week: tally, quarterToDate: tally, wonThisQuarter: nil, workingDays: days, rampShare: 1)
                else { continue }
                let conversations = Double(MetricCount.conversations(tally, rules: rules)) / Double(days)
                result[seller.email, default: []].append((w, evaluated.met, evaluated.actual, conversations))
            }
        }
        return result
    }

    /// This week's values per seller for the peer view (sellers at work, not ramping).
    private func peerDistribution() -> [PeerView.Distribution] {
        var callsPerDay: [String: Double] = [:]
        var conversationsPerWeek: [String: Double] = [:]
        var conversationRate: [String: Double] = [:]
        for seller in active {
            guard let history = histories[seller.email], !history.calendar.isRamping(in: week) else { continue }
            let days = history.calendar.workingDays(in: week)
            guard days > 0 else { continue }
            let tally = history.tally(in: week)
            callsPerDay[seller.email] = Double(tally.outboundCalls) / Double(days)
            conversationsPerWeek[seller.email] =
                Double(MetricCount.conversations(tally, rules: rules)) * Double(config.workingDays.count) / Double(days)
            let window = history.tally(from: lookbackStart, to: sunday)
            if window.outboundCalls >= rules.minimumSample {
                conversationRate[seller.email] = 100 * Double(window.callConversations) / Double(window.outboundCalls)
            }
        }
        return [
            .init(metric: "outbound calls a day", byEmail: callsPerDay),
            .init(metric: "conversations a week", byEmail: conversationsPerWeek),
            .init(metric: "% of calls that become conversations", byEmail: conversationRate),
        ]
    }

    private func brightSpot(_ seller: SellerDiagnosis, team: [SellerDiagnosis]) -> String? {
        guard seller.differentWayWorks, let belief = seller.beliefs.first else { return nil }
        let learners = Self.learners(of: belief.id, besides: seller, in: team)
        return "\(seller.seller.name): \(belief.statement) Their numbers back it: "
            + belief.evidence.prefix(2).joined(separator: " ")
            + (learners.isEmpty
                ? "" : " Who could learn it from them: \(learners.map(\.name).joined(separator: ", ")).")
    }

    /// The teammates of `teacher` who hold `belief` this week without their own numbers backing it (contradicted
    /// or inconclusive): who could learn a way that works from the teacher.
    private static func learners(of belief: String, besides teacher: SellerDiagnosis, in team: [SellerDiagnosis])
        -> [SellerRef]
    {
        team.filter { seller in
            seller.seller.email != teacher.seller.email
                && seller.beliefs.contains { $0.id == belief && $0.verdict != .supported }
        }.map(\.seller)
    }
}
