/// Flags activity that looks logged rather than done, with the numbers, for the manager's eye.
enum DataQualityRules {
    static func flags(week: ISOWeek, history: SellerHistory, logging: LoggingPattern?, rules: DiagnosisRules)
        -> [DataQualityFlag]
    {
        var flags: [DataQualityFlag] = []
        for day in week.days {
            guard let tally = history.tally(on: day), tally.shortCalls >= rules.shortCallBurst else { continue }
            flags.append(
                DataQualityFlag(
                    id: "short-calls",
                    detail: "\(tally.shortCalls) calls of \(rules.shortCallSeconds) seconds or less on \(day) "
                        + "(of \(tally.outboundCalls) that day): dialled, or logged?"))
        }
        if let logging {
            if logging.mostInOneMinute >= rules.sameMinuteBurst {
                flags.append(
                    DataQualityFlag(
                        id: "same-minute",
                        detail: "\(logging.mostInOneMinute) activities stamped within one minute"))
            }
            if logging.mostLoggedLaterOnOneDay >= rules.bulkLoggingMinimum, let day = logging.loggedLaterDay {
                flags.append(
                    DataQualityFlag(
                        id: "logged-at-once",
                        detail: "\(logging.mostLoggedLaterOnOneDay) activities dated earlier were entered on \(day)"))
            }
        }
        return flags
    }
}

/// Where a seller trails the team most, by the team's distribution rather than only the standard.
enum PeerView {
    /// One metric's values across the team (by email), sorted once for every seller's look-up.
    struct Distribution {
        let metric: String
        let byEmail: [String: Double]
        let sorted: [Double]

        init(metric: String, byEmail: [String: Double]) {
            self.metric = metric
            self.byEmail = byEmail
            sorted = byEmail.values.sorted()
        }

        /// How many values are below `value`, and how many equal it.
        func rank(of value: Double) -> (below: Int, equal: Int) {
            let below = firstIndex { $0 >= value }
            return (below, firstIndex { $0 > value } - below)
        }

        private func firstIndex(where isPast: (Double) -> Bool) -> Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if isPast(sorted[middle]) { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }

    /// The one or two metrics where `email` sits lowest among the others, when below the team's median.
    static func trailing(email: String, distributions: [Distribution]) -> [PeerGap] {
        var gaps: [PeerGap] = []
        for distribution in distributions {
            let sorted = distribution.sorted
            guard let mine = distribution.byEmail[email], sorted.count >= 3 else { continue }
            let rank = distribution.rank(of: mine)
            // Among the others: `mine` itself is one of the equal values.
            let percentile = (Double(rank.below) + Double(rank.equal - 1) / 2) / Double(sorted.count - 1)
            let median =
                sorted.count % 2 == 1
                ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            guard mine < median else { continue }
            gaps.append(
                PeerGap(metric: distribution.metric, actual: mine, teamMedian: median, percentile: percentile))
        }
        return Array(gaps.sorted { $0.percentile < $1.percentile }.prefix(2))
    }
}

/// Works back from the quarter target to the conversations and calls this seller needs.
enum ReverseFunnelRules {
    static func funnel(
        results: ResultsView, quarter: QuarterProgress, own: ChannelExperience, team: ChannelExperience,
        ownAverageDeal: Double?, teamAverageDeal: Double?, workingDaysPerWeek: Int, rules: DiagnosisRules
    ) -> ReverseFunnel? {
        guard let target = results.quarterTarget, let won = results.wonThisQuarter, quarter.workingDaysLeft > 0,
            workingDaysPerWeek > 0
        else { return nil }
        let useOwn =
            own.wonPerConversation.hits >= 2 && own.callConversations.attempts >= rules.minimumSample
            && ownAverageDeal != nil
        let experience = useOwn ? own : team
        // Rates the export does not record well enough are unknown: no funnel is built on them.
        guard let averageDeal = useOwn ? ownAverageDeal : teamAverageDeal, averageDeal > 0,
            experience.wonPerConversation.hits > 0, experience.callConversations.hits > 0,
            experience.callConversations.isRecorded(minimumShare: rules.minimumRecordedShare),
            experience.wonPerConversation.isRecorded(minimumShare: rules.minimumRecordedShare)
        else { return nil }
        let remaining = max(0, target - won)
        let dealsNeeded = remaining / averageDeal
        let conversationsPerDeal = 1 / experience.wonPerConversation.value
        let callsPerConversation = 1 / experience.callConversations.value
        let weeksLeft = Double(quarter.workingDaysLeft) / Double(workingDaysPerWeek)
        let perWeek = dealsNeeded * conversationsPerDeal / weeksLeft
        let callsPerDay = perWeek * callsPerConversation / Double(workingDaysPerWeek)
        return ReverseFunnel(
            remainingAmount: remaining, averageDealSize: averageDeal, dealsNeeded: dealsNeeded,
            conversationsPerDeal: conversationsPerDeal, callsPerConversation: callsPerConversation,
            weeksLeft: weeksLeft, conversationsPerWeekNeeded: perWeek,
            callsPerDayNeeded: callsPerDay, rateSource: useOwn ? "own" : "team",
            activityCanClose: callsPerDay <= Double(rules.reachableCallsPerDay))
    }
}

/// Does meeting the activity standard go with more conversations in this team's data?
enum StandardsHealthRules {
    /// `weeks` holds, per seller-week, whether the standard was met and the conversations per working day.
    static func health(metric: Metric, weeks: [(met: Bool, conversationsPerDay: Double)], rules: DiagnosisRules)
        -> StandardsHealth
    {
        let met = weeks.filter(\.met).map(\.conversationsPerDay)
        let missed = weeks.filter { !$0.met }.map(\.conversationsPerDay)
        func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }
        func variance(_ v: [Double]) -> Double {
            guard v.count > 1 else { return 0 }
            let m = mean(v)
            return v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count - 1)
        }
        let days = 5.0
        let meanMet = mean(met) * days
        let meanMissed = mean(missed) * days
        let verdict: Verdict
        let minimum = 5
        if met.count >= minimum && missed.count >= minimum {
            let se = (variance(met) / Double(met.count) + variance(missed) / Double(missed.count)).squareRoot() * days
            let t = se > 0 ? (meanMet - meanMissed) / se : (meanMet > meanMissed ? .infinity : 0)
            verdict = t >= rules.confidenceZ ? .supported : (meanMet <= meanMissed ? .contradicted : .inconclusive)
        } else {
            verdict = .inconclusive
        }
        let summary: String
        switch verdict {
        case .supported:
            summary =
                "Weeks at the \(metric.phrase) standard averaged \(Numbers.format(meanMet)) conversations against "
                + "\(Numbers.format(meanMissed)) in weeks below it: in this team, the standard goes with conversations."
        case .contradicted:
            summary =
                "Weeks at the \(metric.phrase) standard averaged \(Numbers.format(meanMet)) conversations, no more "
                + "than the \(Numbers.format(meanMissed)) of weeks below it: the standard may not be what drives "
                + "conversations here."
        case .inconclusive:
            summary =
                "Weeks at the \(metric.phrase) standard: \(met.count), averaging \(Numbers.format(meanMet)) "
                + "conversations; below it: \(missed.count), averaging \(Numbers.format(meanMissed)). Not enough to tell."
        }
        return StandardsHealth(
            metric: metric, weeksMet: met.count, conversationsWhenMet: meanMet, weeksMissed: missed.count,
            conversationsWhenMissed: meanMissed, verdict: verdict, summary: summary)
    }
}
