/// A seller's tallies by day, with the sums the model asks for.
struct SellerHistory {
    let seller: Seller
    let calendar: SellerCalendar
    /// The tallies of the days with any, one per day, in day order.
    private let tallies: [DayTally]
    /// Per day from `firstDay` (days since 1970-01-01), its place in `tallies`, or -1: reports sum weeks of
    /// days for every seller, and an index costs less than a dictionary lookup by date.
    private let places: [Int32]
    private let firstDay: Int
    /// The first day with any activity, to answer "was anything recorded before" without a scan.
    let firstActiveDay: LocalDate?

    init(seller: Seller, calendar: SellerCalendar, tallies: [DayTally]) {
        self.seller = seller
        self.calendar = calendar
        // The workspace gives tallies in day order already: they are sorted (a copy) only when they are not.
        let inOrder = zip(tallies, tallies.dropFirst()).allSatisfy { $0.day <= $1.day }
        let sorted = inOrder ? tallies : tallies.sorted { $0.day < $1.day }
        let first = sorted.first?.day.daysSinceEpoch ?? 0
        let last = sorted.last?.day.daysSinceEpoch ?? first - 1
        var sums: [DayTally] = []
        sums.reserveCapacity(sorted.count)
        var places = [Int32](repeating: -1, count: last - first + 1)
        for tally in sorted {
            if sums.last?.day != tally.day {
                places[tally.day.daysSinceEpoch - first] = Int32(sums.count)
                sums.append(DayTally(email: seller.email, day: tally.day))
            }
            sums[sums.count - 1].add(tally)
        }
        self.tallies = sums
        self.places = places
        firstDay = first
        firstActiveDay = sums.first { $0.activities > 0 }?.day
    }

    /// The tally of `day`; nil when it has none.
    func tally(on day: LocalDate) -> DayTally? {
        let offset = day.daysSinceEpoch - firstDay
        guard places.indices.contains(offset), places[offset] >= 0 else { return nil }
        return tallies[Int(places[offset])]
    }

    /// The sum of the days from `start` to `end`, inclusive.
    func tally(from start: LocalDate, to end: LocalDate) -> DayTally {
        var sum = DayTally(email: seller.email, day: start)
        let lower = max(start.daysSinceEpoch - firstDay, 0)
        let upper = min(end.daysSinceEpoch - firstDay, places.count - 1)
        if lower <= upper {
            for place in places[lower...upper] where place >= 0 { sum.add(tallies[Int(place)]) }
        }
        return sum
    }

    /// The sum of `week`.
    func tally(in week: ISOWeek) -> DayTally {
        tally(from: week.monday, to: week.monday.adding(days: 6))
    }

    /// Whether anything at all was recorded before `date`.
    func hasActivity(before date: LocalDate) -> Bool {
        firstActiveDay.map { $0 < date } ?? false
    }
}

/// Counting a metric in a tally.
enum MetricCount {
    static func count(_ metric: Metric, in tally: DayTally, rules: DiagnosisRules) -> Double {
        switch metric {
        case .outboundCalls: Double(tally.outboundCalls)
        case .connectedCalls: Double(tally.connectedCalls)
        case .conversations: Double(conversations(tally, rules: rules))
        case .outboundEmails: Double(tally.outboundEmails)
        case .linkedin: Double(tally.linkedinTouches)
        case .meetings: Double(tally.meetingsHeld + tally.meetingsUnknown + tally.meetingsNoShow)
        case .meetingsHeld: Double(meetingsHeld(tally, rules: rules))
        case .activities: Double(tally.activities)
        case .wonAmount: 0
        }
    }

    /// Connected calls over the threshold, plus held meetings.
    static func conversations(_ tally: DayTally, rules: DiagnosisRules) -> Int {
        tally.callConversations + meetingsHeld(tally, rules: rules)
    }

    static func meetingsHeld(_ tally: DayTally, rules: DiagnosisRules) -> Int {
        tally.meetingsHeld + (rules.unknownMeetingsCountAsHeld ? tally.meetingsUnknown : 0)
    }

    /// Outbound touches on the three prospecting channels.
    static func outboundTouches(_ tally: DayTally) -> Int {
        tally.outboundCalls + tally.outboundEmails + tally.linkedinTouches
    }
}

/// The standards that apply to one seller: for each metric and period, the most specific one
/// (team and role, then role, then team, then team-wide).
enum StandardBook {
    static func standards(for seller: Seller, in config: WorkspaceConfig) -> [Standard] {
        var chosen: [String: (Standard, Int)] = [:]
        var order: [String] = []
        for standard in config.standards {
            if let team = standard.team, team.lowercased() != seller.team.lowercased() { continue }
            if let role = standard.role, role.lowercased() != seller.role.lowercased() { continue }
            let specificity = (standard.role != nil ? 2 : 0) + (standard.team != nil ? 1 : 0)
            let key = standard.metric.rawValue + "/" + standard.per.rawValue
            if let existing = chosen[key], existing.1 > specificity { continue }
            if chosen[key] == nil { order.append(key) }
            chosen[key] = (standard, specificity)
        }
        return order.compactMap { chosen[$0]?.0 }
    }

    /// The activity standard on a prospecting channel that the pattern rules pivot on (calls by default).
    static func mainChannelStandard(_ standards: [Standard]) -> Standard? {
        standards.first { isMainChannel(metric: $0.metric, per: $0.per) }
    }

    /// Whether a standard of `metric` per `per` can be the main channel standard: a prospecting channel's
    /// activity per day or week.
    static func isMainChannel(metric: Metric, per: Period) -> Bool {
        Channel(metric) != nil && per != .quarter
    }
}

/// Standards evaluated for one seller and week.
struct StandardEvaluation {
    let rules: DiagnosisRules
    let config: WorkspaceConfig
    let quarter: QuarterProgress

    /// `standard` for a week of `tally` with `workingDays`, the ramp share and the quarter to date.
    func evaluate(
        _ standard: Standard, week tally: DayTally, quarterToDate: DayTally, wonThisQuarter: Double?,
        workingDays: Int, rampShare: Double
    ) -> StandardResult? {
        guard workingDays > 0 else { return nil }
        let ramp = rampShare < 1 ? rampShare : nil
        switch standard.per {
        case .day:
            let target = standard.target * rampShare
            let actual = MetricCount.count(standard.metric, in: tally, rules: rules) / Double(workingDays)
            return StandardResult(
                metric: standard.metric, per: .day, target: target, actual: actual,
                met: actual >= target * rules.metRatio, rampShare: ramp)
        case .week:
            let nominalDays = max(1, config.workingDays.count)
            let target = standard.target * rampShare * min(1, Double(workingDays) / Double(nominalDays))
            let actual = MetricCount.count(standard.metric, in: tally, rules: rules)
            return StandardResult(
                metric: standard.metric, per: .week, target: target, actual: actual,
                met: actual >= target * rules.metRatio, rampShare: ramp)
        case .quarter:
            let target = standard.target * rampShare
            let actual: Double
            if standard.metric == .wonAmount {
                guard let won = wonThisQuarter else { return nil }
                actual = won
            } else {
                actual = MetricCount.count(standard.metric, in: quarterToDate, rules: rules)
            }
            return StandardResult(
                metric: standard.metric, per: .quarter, target: target, actual: actual,
                met: actual >= target * quarter.elapsedShare * rules.metRatio, rampShare: ramp)
        }
    }
}
