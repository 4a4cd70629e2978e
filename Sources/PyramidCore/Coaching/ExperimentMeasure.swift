/// The measure that tells whether an experiment's agreed action was done: a metric counted per working day
/// or per week, at least a target, optionally only on some weekdays.
///
/// `connected-calls per week >= 8` or `outbound-calls per day >= 12 on Tue/Thu`. A per-day measure is the
/// count on the days it covers divided by the seller's working days among them; a per-week measure's target is
/// pro-rated by those working days, as a per-week standard is.
public struct ExperimentMeasure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What is counted (any activity metric; `won-amount` is a result, not an action).
    public let metric: Metric
    /// Per working day or per week.
    public let per: Period
    /// The least count per period that means the action was done.
    public let target: Double
    /// ISO weekdays (1 = Monday) the measure covers, ascending; empty means every working day.
    public let weekdays: [Int]

    /// Creates a measure; throws when the metric is not an action, the period is a quarter, the target is
    /// negative or a weekday is not 1–7.
    public init(metric: Metric, per: Period, target: Double, weekdays: [Int] = []) throws(CoachingError) {
        guard metric != .wonAmount else { throw .notAnActionMetric(metric.rawValue) }
        guard per != .quarter else { throw .periodNotWeekly(per.rawValue) }
        guard target.isFinite, target >= 0 else { throw .badTarget(Numbers.format(target)) }
        if let bad = weekdays.first(where: { !(1...7).contains($0) }) { throw .badWeekday("\(bad)") }
        self.metric = metric
        self.per = per
        self.target = target
        self.weekdays = Array(Set(weekdays)).sorted()
    }

    private enum CodingKeys: String, CodingKey { case metric, per, target, weekdays }

    /// Decodes a measure, checking it as `init(metric:per:target:weekdays:)` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let metric = try container.decode(Metric.self, forKey: .metric)
        let per = try container.decode(Period.self, forKey: .per)
        let target = try container.decode(Double.self, forKey: .target)
        let weekdays = try container.decodeIfPresent([Int].self, forKey: .weekdays) ?? []
        do {
            try self.init(metric: metric, per: per, target: target, weekdays: weekdays)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// `outbound-calls per day >= 12 on tue/thu`: the form `pyramid coach` prints and docs show.
    public var description: String {
        "\(metric.rawValue) per \(per.rawValue) >= \(Numbers.format(target))"
            + (weekdays.isEmpty ? "" : " on " + weekdayNames.joined(separator: "/"))
    }

    /// `["tue", "thu"]`: the weekdays as `pyramid coach --on` takes them.
    public var weekdayNames: [String] { weekdays.map { Weekdays.short[$0 - 1].lowercased() } }

    /// `12 outbound calls a day on Tuesday and Thursday`: how the agenda says it.
    public var phrase: String {
        "\(Numbers.format(target)) \(metric.phrase) a \(per.rawValue)" + (weekdays.isEmpty ? "" : " on " + daysPhrase)
    }

    /// `Tuesday and Thursday`, or `every working day`.
    public var daysPhrase: String {
        guard !weekdays.isEmpty else { return "every working day" }
        let names = weekdays.map { Weekdays.long[$0 - 1] }
        return names.count == 1
            ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }

    /// Whether the measure counts `date` (before working days are taken into account).
    public func covers(_ date: LocalDate) -> Bool {
        weekdays.isEmpty || weekdays.contains(date.isoWeekday)
    }

    /// The target for a week with `days` working days among the covered ones, out of `nominalDays` the team
    /// works among them: unchanged per day, pro-rated per week.
    public func target(workingDays days: Int, nominalDays: Int) -> Double {
        per == .day ? target : target * min(1, Double(days) / Double(max(1, nominalDays)))
    }

    /// The actual for a week: the count per working day (per-day measures) or the week's count.
    public func actual(count: Double, workingDays days: Int) -> Double {
        per == .day ? count / Double(max(1, days)) : count
    }
}

/// Weekday names and parsing for measures (`tue/thu`, `Tue,Thu`, `tuesday`).
public enum Weekdays {
    /// `Mon` … `Sun`.
    public static let short = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    /// `Monday` … `Sunday`.
    public static let long = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The ISO weekdays named in `text`, separated by `/`, `,` or spaces; throws on a name that is no weekday.
    public static func parse(_ text: String) throws(CoachingError) -> [Int] {
        var days: [Int] = []
        for word in text.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == " " }) {
            let lower = word.lowercased()
            guard lower.count >= 2,
                let index = long.firstIndex(where: { $0.lowercased().hasPrefix(lower) })
            else { throw .badWeekday(String(word)) }
            days.append(index + 1)
        }
        guard !days.isEmpty else { throw .badWeekday(text) }
        return Array(Set(days)).sorted()
    }
}
