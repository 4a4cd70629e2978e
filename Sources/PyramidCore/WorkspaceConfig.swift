/// The team's settings from `pyramid.yml`: time zone, working days, standards, ramp, and how exports read.
///
/// Every rule and threshold has a name here and a default, so a manager can read why a seller got a pattern
/// and change what the team disagrees with.
public struct WorkspaceConfig: Sendable, Hashable, Codable {
    /// The IANA time zone for times written without an offset, e.g. `Europe/Paris`.
    public var timeZone: String = "UTC"
    /// ISO weekdays that are working days (1 = Monday).
    public var workingDays: Set<Int> = [1, 2, 3, 4, 5]
    /// Days nobody works.
    public var holidays: Set<LocalDate> = []
    /// A connected call counts as a conversation from this many seconds.
    public var conversationMinCallSeconds = 120
    /// The standards, team-wide first; overrides by team or role follow.
    public var standards: [Standard] = Standard.defaults
    /// The share of every target a new hire is held to in their first, second, third… month.
    public var ramp: [Double] = [0.25, 0.5, 0.75]
    /// How slashed dates read (`auto`, `month-first`, `day-first`).
    public var dateOrder: String = "auto"
    /// Deal stages that mean won, beyond those containing "won".
    public var wonStages: [String] = []
    /// Deal stages that mean lost, beyond those containing "lost".
    public var lostStages: [String] = []
    /// Whether a call's outcome is read from words in its subject or notes when the export records none.
    public var outcomesFromWords = true
    /// The team's own words for call outcomes (outcome → phrases), tried before the built-in ones.
    public var outcomeWords: [String: [String]] = [:]
    /// A file of coaching prompts that adds to or replaces the built-in ones.
    public var promptsFile: String?
    /// The named thresholds of the diagnosis.
    public var rules = DiagnosisRules()

    /// The built-in defaults.
    public init() {}

    /// The period (day or week) of the standard that applies to `seller` for `metric`, the most specific one;
    /// nil when no activity standard counts that metric.
    public func standardPeriod(of metric: Metric, for seller: Seller) -> Period? {
        StandardBook.standards(for: seller, in: self).first { $0.metric == metric && $0.per != .quarter }?.per
    }

    /// Whether `date` is a working day (not a weekend day, not a holiday).
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        workingDays.contains(date.isoWeekday) && !holidays.contains(date)
    }
}
