/// What the belief rules look at for one seller.
struct BeliefFacts {
    var pattern: Pattern
    var secondary: [Pattern]
    var substitute: Channel?
    var mainStandard: Standard?
    var mainChannel: Channel?
    var own: ChannelExperience
    var team: ChannelExperience
    /// Team seller-weeks in the lookback that met the main standard, and all of them.
    var teamWeeksMet: Int
    var teamWeeks: Int
    /// The seller's own weeks that met it, all their weeks with working days, and their best week's value.
    var ownWeeksMet: Int
    var ownWeeks: Int
    var ownBest: Double
    var conversationsMet: Bool
    var results: ResultsView
    var lookbackWeeks: Int
    /// How the evidence names the window it was counted over; "the last N weeks" when nil.
    var window: String? = nil
    /// The seller's contact journeys, for the channel beliefs; nil when they were not read.
    var journeys: SellerJourneys? = nil
}

/// The belief hypotheses each pattern suggests, each judged from the seller's own numbers against the standard
/// channel and the team.
enum BeliefRules {
    static func assess(_ facts: BeliefFacts, rules: DiagnosisRules) -> [BeliefAssessment] {
        var ids: [String] = []
        let patterns = [facts.pattern] + facts.secondary
        for pattern in patterns {
            switch pattern {
            case .channelSubstitution:
                ids.append(facts.substitute == .emails ? "email-beats-calls" : "social-beats-calls")
                ids.append("standard-unrealistic")
            case .underActivity:
                ids.append("standard-unrealistic")
                // A run of rejections the export may hide (no call outcomes) is asked about, never assumed away.
                if facts.own.recentRejectionRun >= rules.rejectionRun || !facts.own.rejectionsRecorded {
                    ids.append("calls-dont-work-after-rejections")
                }
                ids.append("quality-over-quantity")
            case .activityWithoutConversations:
                ids.append("volume-is-enough")
            case .conversationsWithoutResults:
                ids.append("buyers-not-ready")
            case .fading:
                ids.append("pipeline-is-enough")
                if facts.own.recentRejectionRun >= rules.rejectionRun || !facts.own.rejectionsRecorded {
                    ids.append("calls-dont-work-after-rejections")
                }
            case .ramping:
                ids.append("still-learning")
            case .onStandard, .onLeave, .insufficientData:
                break
            }
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.compactMap { assess(id: $0, facts, rules: rules) }
    }

    static func assess(id: String, _ f: BeliefFacts, rules: DiagnosisRules) -> BeliefAssessment? {
        let window = f.window ?? "the last \(f.lookbackWeeks + 1) weeks"
        switch id {
        case "social-beats-calls", "email-beats-calls":
            return ChannelBelief.assess(id: id, f, window: window, rules: rules)
        case "standard-unrealistic":
            guard let standard = f.mainStandard else { return nil }
            let target = "\(Numbers.format(standard.target)) \(standard.metric.phrase) a \(standard.per.rawValue)"
            let share = f.teamWeeks > 0 ? Double(f.teamWeeksMet) / Double(f.teamWeeks) : 0
            var evidence = [
                "The team met \(target) in \(f.teamWeeksMet) of \(f.teamWeeks) seller-weeks over \(window) "
                    + "(\(Percent.format(share)))."
            ]
            if f.ownWeeks > 0 {
                evidence.append(
                    "You met it in \(f.ownWeeksMet) of your \(f.ownWeeks) weeks; your best week: "
                        + "\(Numbers.format(f.ownBest)) a \(standard.per.rawValue).")
            }
            let verdict: Verdict
            if f.ownWeeksMet >= 2 || (f.teamWeeks >= rules.minimumSample / 2 && share >= rules.achievableFromShare) {
                verdict = .contradicted
            } else if f.teamWeeks >= rules.minimumSample / 2 && share < rules.unrealisticBelowShare {
                verdict = .supported
                evidence.append("Few on the team reach it: the standard itself may need another look.")
            } else {
                verdict = .inconclusive
            }
            var facts = ["target": target, "team_share_met": Percent.format(share), "own_weeks": "\(f.ownWeeks)"]
            if f.ownWeeksMet > 0 {
                // Only then can wording ask about "the weeks you reached it".
                facts["own_weeks_met"] = "\(f.ownWeeksMet)"
                facts["best_week"] = Numbers.format(f.ownBest)
            }
            return BeliefAssessment(
                id: id,
                statement: "\(target.prefix(1).uppercased() + target.dropFirst()) isn't doable with "
                    + "everything else on my plate.",
                verdict: verdict, evidence: evidence, facts: facts)
        case "calls-dont-work-after-rejections", "quality-over-quantity", "volume-is-enough", "still-learning":
            return callRateBelief(id: id, f, window: window, rules: rules)
        case "buyers-not-ready":
            let own = f.own.meetingsPerConversation
            let team = f.team.meetingsPerConversation
            let comparison = own.compared(
                to: team, minimumSample: rules.minimumSample, minimumRecordedShare: rules.minimumRecordedShare)
            let verdict: Verdict =
                switch comparison {
                case .lower: .contradicted
                case .higher: .supported
                default: .inconclusive
                }
            return BeliefAssessment(
                id: id, statement: "The conversations are good; the buyers just aren't ready yet.", verdict: verdict,
                evidence: [
                    "Your conversations over \(window): \(own.phrase) led to a meeting.",
                    "The team's: \(team.phrase).",
                    "Won deals per conversation: yours \(f.own.wonPerConversation.phrase), "
                        + "the team's \(f.team.wonPerConversation.phrase).",
                ],
                facts: ["meeting_rate": Percent.format(own.value), "team_meeting_rate": Percent.format(team.value)])
        case "pipeline-is-enough":
            let verdict: Verdict
            var evidence: [String] = []
            if let pace = f.results.pace, let won = f.results.wonThisQuarter, let target = f.results.quarterTarget {
                evidence.append(
                    "Won \(Numbers.money(won)) of \(Numbers.money(target)) this quarter: \(Percent.format(pace)) of pace."
                )
                if let open = f.results.openPipeline {
                    evidence.append("Open pipeline: \(Numbers.money(open)).")
                }
                let remaining = max(0, target - won)
                if pace >= 1 && (f.results.openPipeline ?? 0) >= remaining {
                    verdict = .supported
                } else if pace < rules.resultsPaceFloor {
                    verdict = .contradicted
                } else {
                    verdict = .inconclusive
                }
            } else {
                verdict = .inconclusive
                evidence.append("Results unknown: no deals imported.")
            }
            return BeliefAssessment(
                id: id, statement: "My pipeline is healthy enough to ease off prospecting for now.", verdict: verdict,
                evidence: evidence,
                facts: ["pace": f.results.pace.map { Percent.format($0) } ?? "unknown"])
        default:
            return nil
        }
    }

    /// Beliefs judged by the seller's call-to-conversation rate against the team's.
    private static func callRateBelief(id: String, _ f: BeliefFacts, window: String, rules: DiagnosisRules)
        -> BeliefAssessment
    {
        let own = f.own.callConversations
        let team = f.team.callConversations
        let comparison = own.compared(
            to: team, minimumSample: rules.minimumSample, minimumRecordedShare: rules.minimumRecordedShare)
        var evidence = [
            own.isRecorded(minimumShare: rules.minimumRecordedShare)
                ? "Your calls over \(window): \(own.phrase) became a conversation."
                : unrecordedCalls(own, source: "your calls over \(window)"),
            "The team's calls: \(team.phrase).",
        ]
        let statement: String
        let verdict: Verdict
        switch id {
        case "calls-dont-work-after-rejections":
            statement = "After a run of rejections, more calls just bring more rejections."
            if f.own.rejectionsRecorded {
                evidence.insert("Your latest run: \(f.own.recentRejectionRun) rejected calls in a row.", at: 0)
                verdict =
                    switch comparison {
                    case .lower: .supported
                    case .higher, .indistinguishable: .contradicted
                    case .tooFewToTell, .unrecorded: .inconclusive
                    }
            } else {
                evidence.insert(
                    "The export records no outcome for most of your recent calls, so runs of rejections are unknown.",
                    at: 0)
                verdict = .inconclusive
            }
        case "quality-over-quantity":
            statement = "Fewer, better-prepared calls get me more conversations."
            verdict =
                switch comparison {
                case .higher: .supported
                case .lower: .contradicted
                default: .inconclusive
                }
        case "volume-is-enough":
            statement = "If I hit my numbers, the conversations will come."
            verdict =
                switch comparison {
                case .lower: .contradicted
                case .higher, .indistinguishable: .supported
                case .tooFewToTell, .unrecorded: .inconclusive
                }
        default:
            statement = "I need to know the product better before I can call more."
            verdict =
                switch comparison {
                case .lower: .supported
                case .higher, .indistinguishable: .contradicted
                case .tooFewToTell, .unrecorded: .inconclusive
                }
        }
        if comparison == .tooFewToTell {
            evidence.append("Too few calls to tell (at least \(rules.minimumSample) are needed).")
        }
        var facts: [String: String] = [:]
        if f.own.rejectionsRecorded { facts["rejection_run"] = "\(f.own.recentRejectionRun)" }
        if comparison != .unrecorded {
            facts["call_rate"] = Percent.format(own.value)
            facts["team_call_rate"] = Percent.format(team.value)
            facts["window_calls"] = "\(own.attempts)"
            facts["window_conversations"] = "\(own.hits)"
        } else {
            evidence.append("Unknown is not zero: without outcomes or durations, this belief cannot be judged.")
        }
        return BeliefAssessment(id: id, statement: statement, verdict: verdict, evidence: evidence, facts: facts)
    }

    /// "The export records neither an outcome nor a duration for 120 of your 140 calls: their conversations are
    /// unknown."
    static func unrecordedCalls(_ calls: Rate, source: String) -> String {
        "\(source.prefix(1).uppercased() + source.dropFirst()): the export records neither an outcome nor a "
            + "duration for \(calls.unrecorded) of \(calls.attempts + calls.unrecorded) calls, so their "
            + "conversations are unknown."
    }
}
