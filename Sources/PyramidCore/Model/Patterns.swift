/// The facts the pattern rules look at for one seller and week.
struct PatternFacts {
    var workingDays: Int
    var hasActivityThisWeek: Bool
    var hasActivityBefore: Bool
    var isRamping: Bool
    var weeksSinceRampEnded: Int?
    var week: DayTally
    var standards: [StandardResult]
    var mainStandard: Standard?
    var mainResult: StandardResult?
    /// The main channel per working day in the baseline weeks (oldest first), weeks with working days only.
    var baselinePerDay: [Double]
    var thisWeekPerDay: Double
    var pace: Double?
}

/// The pattern rules: one primary pattern and the secondary ones, with the reason for each.
enum PatternRules {
    static func classify(_ facts: PatternFacts, rules: DiagnosisRules) -> (
        primary: Pattern, secondary: [Pattern], reasons: [String], substitute: Channel?
    ) {
        if facts.workingDays == 0 {
            return (.onLeave, [], ["no working days this week (time off, holidays or not employed)"], nil)
        }
        if !facts.hasActivityThisWeek && !facts.hasActivityBefore {
            return (.insufficientData, [], ["no activity recorded for this seller yet"], nil)
        }
        var drifts: [Pattern] = []
        var reasons: [String] = []
        var substitute: Channel?
        let conversations = facts.standards.first { $0.metric == .conversations }
        let fading = isFading(facts, rules: rules)

        if let main = facts.mainResult, let standard = facts.mainStandard, let channel = Channel(standard.metric),
            !main.met
        {
            let touches = MetricCount.outboundTouches(facts.week)
            let volume = main.per == .day ? main.target * Double(facts.workingDays) : main.target
            let others = Channel.allCases.filter { $0 != channel }
            let biggest = others.max { $0.touches(facts.week) < $1.touches(facts.week) }
            let share = touches > 0 ? Double(biggest?.touches(facts.week) ?? 0) / Double(touches) : 0
            if Double(touches) >= rules.busyTouchesRatio * volume, share >= rules.substituteChannelShare,
                let biggest
            {
                drifts.append(.channelSubstitution)
                substitute = biggest
                reasons.append(
                    "\(channel.phrase) below standard while \(touches) outbound touches (at least "
                        + "\(Percent.format(rules.busyTouchesRatio)) of the standard's \(Numbers.format(volume))) "
                        + "went mostly (\(Percent.format(share))) to \(biggest.phrase)")
            } else if let fading {
                drifts.append(.fading)
                reasons.append(fading)
            } else {
                drifts.append(.underActivity)
                reasons.append(
                    "\(channel.phrase) below standard and \(touches) outbound touches on all channels, under "
                        + "\(Percent.format(rules.busyTouchesRatio)) of the standard's \(Numbers.format(volume))")
            }
        } else if let conversations, !conversations.met, let unknown = unrecordedConversations(facts.week, rules) {
            // A missed conversations standard on calls whose ends the export does not record is not a miss.
            drifts.append(.insufficientData)
            reasons.append(unknown)
        } else if let conversations, !conversations.met {
            drifts.append(.activityWithoutConversations)
            reasons.append(
                "activity at standard but \(Numbers.format(conversations.actual)) of "
                    + "\(Numbers.format(conversations.target)) conversations")
        } else if let pace = facts.pace, pace < rules.resultsPaceFloor {
            drifts.append(.conversationsWithoutResults)
            reasons.append(
                "conversations at standard but results at \(Percent.format(pace)) of pace (below "
                    + "\(Percent.format(rules.resultsPaceFloor)))")
        }
        if let fading, !drifts.contains(.fading) {
            drifts.append(.fading)
            reasons.append(fading)
        }
        if facts.isRamping {
            reasons.insert("new hire in the ramp, judged against ramped targets", at: 0)
            return (.ramping, drifts, reasons, substitute)
        }
        guard let primary = drifts.first else {
            return (.onStandard, [], ["every standard met"], nil)
        }
        if let weeks = facts.weeksSinceRampEnded, weeks <= rules.postOnboardingWeeks {
            reasons.append("drifting soon after onboarding: \(weeks) weeks after the ramp ended")
        }
        return (primary, Array(drifts.dropFirst()), reasons, substitute)
    }

    /// Why the week's conversations are unknown, or nil: the export records neither an outcome nor a duration
    /// for more of its outbound calls than `minimumRecordedShare` allows.
    static func unrecordedConversations(_ week: DayTally, _ rules: DiagnosisRules) -> String? {
        let calls = Rate(
            hits: 0, attempts: week.outboundCalls - week.callsUnobserved, unrecorded: week.callsUnobserved)
        guard !calls.isRecorded(minimumShare: rules.minimumRecordedShare) else { return nil }
        return "conversations unknown: the export records neither an outcome nor a duration for "
            + "\(week.callsUnobserved) of \(week.outboundCalls) calls"
    }

    /// Why the week counts as fading, or nil: the baseline was at standard and this week fell well below it,
    /// and below last week.
    static func isFading(_ facts: PatternFacts, rules: DiagnosisRules) -> String? {
        guard let standard = facts.mainStandard, standard.per == .day, facts.baselinePerDay.count >= 2,
            let lastWeek = facts.baselinePerDay.last
        else { return nil }
        let baseline = facts.baselinePerDay.reduce(0, +) / Double(facts.baselinePerDay.count)
        guard baseline >= rules.fadingBaselineRatio * standard.target,
            facts.thisWeekPerDay <= (1 - rules.fadingDrop) * baseline, facts.thisWeekPerDay < lastWeek
        else { return nil }
        return "\(Numbers.format(facts.thisWeekPerDay)) \(standard.metric.phrase) a day against an own baseline of "
            + "\(Numbers.format(baseline)) over \(facts.baselinePerDay.count) weeks (down "
            + "\(Percent.format(1 - facts.thisWeekPerDay / baseline)))"
    }
}
