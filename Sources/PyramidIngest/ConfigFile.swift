import Foundation
import PyramidCore
import Yams

/// Reads and writes `pyramid.yml`. Unknown keys and bad values are errors that name the key, the value and
/// what was expected, with the line.
public enum ConfigFile {
    /// Why the configuration cannot be used.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        /// The message, with file and line.
        public let description: String
    }

    /// Loads `url`.
    public static func load(_ url: URL) throws -> WorkspaceConfig {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Problem(description: "\(url.lastPathComponent): cannot be read: \(IngestError.describe(error))")
        }
        return try parse(text, file: url.lastPathComponent)
    }

    /// Parses configuration YAML; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws -> WorkspaceConfig {
        var config = WorkspaceConfig()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let problem = YAMLProblem.describe(error)
            let line = problem.line.map { " line \($0)" } ?? ""
            throw Problem(description: "\(file)\(line): is not valid YAML: \(problem.text)")
        }
        guard let root else { return config }
        let reader = NodeReader(file: file)
        guard let top = root.mapping else { throw reader.problem("expected keys such as 'standards'", root) }
        try reader.onlyKeys(
            top,
            [
                "time_zone", "working_days", "holidays", "conversation", "standards", "ramp", "import", "prompts",
                "rules",
            ], in: "")
        if let node = top["time_zone"] {
            let zone = try reader.string(node, "time_zone")
            guard TimeZone(identifier: zone) != nil else {
                throw reader.problem(
                    "time_zone: '\(zone)' is not a time zone (expected e.g. Europe/Paris or UTC)", node)
            }
            config.timeZone = zone
        }
        if let node = top["working_days"] {
            let days = try reader.list(node, "working_days").map { try reader.weekday($0) }
            config.workingDays = Set(days)
        }
        if let node = top["holidays"] {
            config.holidays = Set(try reader.list(node, "holidays").map { try reader.date($0, "holidays") })
        }
        if let node = top["conversation"] {
            let map = try reader.mapping(node, "conversation")
            try reader.onlyKeys(map, ["min_call_seconds"], in: "conversation.")
            if let seconds = map["min_call_seconds"] {
                config.conversationMinCallSeconds = Int(try reader.number(seconds, "conversation.min_call_seconds"))
            }
        }
        if let node = top["standards"] {
            config.standards = try reader.list(node, "standards").map { try reader.standard($0) }
        }
        if let node = top["ramp"] {
            config.ramp = try reader.list(node, "ramp").map { item in
                let share = try reader.number(item, "ramp")
                guard (0...1.5).contains(share) else {
                    throw reader.problem(
                        "ramp: '\(item.string ?? "")' is not a share of target (expected 0.25 for 25%)", item)
                }
                return share
            }
        }
        if let node = top["import"] {
            let map = try reader.mapping(node, "import")
            try reader.onlyKeys(
                map, ["date_order", "lost_stages", "outcome_words", "outcomes_from_words", "won_stages"],
                in: "import.")
            if let order = map["date_order"] {
                let text = try reader.string(order, "import.date_order")
                guard DateOrder(rawValue: text) != nil else {
                    throw reader.problem(
                        "import.date_order: '\(text)' is not one of auto, month-first, day-first", order)
                }
                config.dateOrder = text
            }
            if let stages = map["won_stages"] {
                config.wonStages = try reader.list(stages, "import.won_stages").map {
                    try reader.string($0, "import.won_stages")
                }
            }
            if let stages = map["lost_stages"] {
                config.lostStages = try reader.list(stages, "import.lost_stages").map {
                    try reader.string($0, "import.lost_stages")
                }
            }
            if let flag = map["outcomes_from_words"] {
                guard let value = flag.bool else {
                    throw reader.problem(
                        "import.outcomes_from_words: '\(flag.string ?? "")' is not true or false", flag)
                }
                config.outcomesFromWords = value
            }
            if let node = map["outcome_words"] {
                config.outcomeWords = try reader.outcomeWords(node)
            }
        }
        if let node = top["prompts"] { config.promptsFile = try reader.string(node, "prompts") }
        if let node = top["rules"] { config.rules = try reader.rules(node) }
        return config
    }

    /// The file `pyramid init` writes: the defaults, commented.
    public static let template = """
        # Pyramid workspace settings. Every key is optional; these are the defaults.

        # Times written without an offset are read in this time zone (IANA name).
        time_zone: UTC

        # Days that count as working days; holidays count as not working for everyone.
        working_days: [mon, tue, wed, thu, fri]
        holidays: []

        # A connected call counts as a conversation from this many seconds; a held meeting always does.
        conversation:
          min_call_seconds: 120

        # Standards: metric per day (working day), week or quarter. Add `team:` or `role:` to override one
        # for a team or a role. Metrics: outbound-calls, connected-calls, conversations, outbound-emails,
        # linkedin, meetings, meetings-held, activities, won-amount.
        standards:
          - metric: outbound-calls
            per: day
            target: 20
          - metric: conversations
            per: week
            target: 5
          - metric: won-amount
            per: quarter
            target: 100000

        # New hires are held to this share of every target in their first, second, third month
        # (from the roster's start_date); full target after.
        ramp: [0.25, 0.5, 0.75]

        # The diagnosis rules and thresholds (docs/diagnosis.md explains each). Uncomment to change one.
        # rules:
        #   lookback_weeks: 8
        #   busy_touches_ratio: 0.8
        #   substitute_channel_share: 0.5
        #   fading_drop: 0.25
        #   results_pace_floor: 0.7
        #   minimum_sample: 20
        #   minimum_recorded_share: 0.7
        #   journey_window_days: 14
        #   journey_credit: any
        #   mix_change_share: 0.3

        import:
          # How slashed dates read: auto (decided per file), month-first (US) or day-first.
          date_order: auto
          # Deal stages that mean won or lost, beyond those whose name contains "won" or "lost".
          won_stages: []
          lost_stages: []
          # Where an export has no call outcome, read it from words in the subject or notes ("Left VM",
          # "Connected", "Anrufbeantworter"; English, German, French, Spanish, Portuguese and Dutch built in).
          outcomes_from_words: true
          # The team's own words, tried first, by outcome (connected, voicemail, no-answer, busy,
          # wrong-number, gatekeeper, not-interested), e.g.
          # outcome_words:
          #   voicemail: [mailbox drauf]

        """
}

/// Walks YAML nodes with messages that name the key, the value and the line.
private struct NodeReader {
    let file: String

    func problem(_ text: String, _ node: Node?) -> ConfigFile.Problem {
        let line = node?.mark.map { " line \($0.line)" } ?? ""
        return ConfigFile.Problem(description: "\(file)\(line): \(text)")
    }

    func onlyKeys(_ map: Node.Mapping, _ keys: [String], in prefix: String) throws {
        for key in map.keys {
            guard let name = key.string, keys.contains(name) else {
                throw problem(
                    "unknown key '\(prefix)\(key.string ?? "?")' (expected one of "
                        + keys.map { prefix + $0 }.joined(separator: ", ") + ")", key)
            }
        }
    }

    func mapping(_ node: Node, _ key: String) throws -> Node.Mapping {
        guard let map = node.mapping else { throw problem("\(key): expected keys and values", node) }
        return map
    }

    func list(_ node: Node, _ key: String) throws -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        throw problem("\(key): expected a list, e.g. [a, b]", node)
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard let text = node.scalar?.string else { throw problem("\(key): expected a value", node) }
        return text
    }

    /// `import.outcome_words`: call outcomes, each with a list of phrases.
    func outcomeWords(_ node: Node) throws -> [String: [String]] {
        let key = "import.outcome_words"
        let map = try mapping(node, key)
        let outcomes = OutcomeWords.precedence.map(\.rawValue)
        try onlyKeys(map, outcomes, in: key + ".")
        var words: [String: [String]] = [:]
        for (outcome, phrases) in map {
            guard let name = outcome.string else { continue }
            words[name] = try list(phrases, "\(key).\(name)").map { try string($0, "\(key).\(name)") }
        }
        return words
    }

    func number(_ node: Node, _ key: String) throws -> Double {
        let text = try string(node, key)
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite, value >= 0 else {
            throw problem("\(key): '\(text)' is not a number", node)
        }
        return value
    }

    func date(_ node: Node, _ key: String) throws -> LocalDate {
        let text = try string(node, key)
        guard let date = LocalDate(iso: text) else {
            throw problem("\(key): '\(text)' is not a date (expected YYYY-MM-DD)", node)
        }
        return date
    }

    func weekday(_ node: Node) throws -> Int {
        let text = try string(node, "working_days").lowercased()
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        guard let index = days.firstIndex(where: { text.hasPrefix($0) }) else {
            throw problem("working_days: '\(text)' is not a weekday (expected mon, tue, … sun)", node)
        }
        return index + 1
    }

    /// The `rules:` section: every key names a field of `DiagnosisRules`.
    func rules(_ node: Node) throws -> DiagnosisRules {
        var rules = DiagnosisRules()
        let shares: [String: WritableKeyPath<DiagnosisRules, Double>] = [
            "met_ratio": \.metRatio, "busy_touches_ratio": \.busyTouchesRatio,
            "substitute_channel_share": \.substituteChannelShare, "fading_baseline_ratio": \.fadingBaselineRatio,
            "fading_drop": \.fadingDrop, "results_pace_floor": \.resultsPaceFloor, "confidence_z": \.confidenceZ,
            "unrealistic_below_share": \.unrealisticBelowShare, "achievable_from_share": \.achievableFromShare,
            "experiment_done_share": \.experimentDoneShare, "minimum_recorded_share": \.minimumRecordedShare,
            "mix_change_share": \.mixChangeShare,
        ]
        let counts: [String: WritableKeyPath<DiagnosisRules, Int>] = [
            "lookback_weeks": \.lookbackWeeks, "fading_baseline_weeks": \.fadingBaselineWeeks,
            "minimum_sample": \.minimumSample, "short_call_seconds": \.shortCallSeconds,
            "short_call_burst": \.shortCallBurst, "same_minute_burst": \.sameMinuteBurst,
            "bulk_logging_minimum": \.bulkLoggingMinimum, "post_onboarding_weeks": \.postOnboardingWeeks,
            "rejection_run": \.rejectionRun, "experiment_baseline_weeks": \.experimentBaselineWeeks,
            "journey_window_days": \.journeyWindowDays, "reachable_calls_per_day": \.reachableCallsPerDay,
        ]
        let flags: [String: WritableKeyPath<DiagnosisRules, Bool>] = [
            "unknown_meetings_count_as_held": \.unknownMeetingsCountAsHeld
        ]
        let map = try mapping(node, "rules")
        try onlyKeys(
            map, (Array(shares.keys) + Array(counts.keys) + Array(flags.keys) + ["journey_credit"]).sorted(),
            in: "rules.")
        for (key, value) in map {
            guard let name = key.string else { continue }
            if name == "journey_credit" {
                let text = try string(value, "rules.journey_credit")
                guard let credit = JourneyCredit(rawValue: text) else {
                    throw problem("rules.journey_credit: '\(text)' is not one of any, first, last", value)
                }
                rules.journeyCredit = credit
            } else if let path = shares[name] {
                rules[keyPath: path] = try number(value, "rules.\(name)")
            } else if let path = counts[name] {
                let number = try number(value, "rules.\(name)")
                guard number == number.rounded() else {
                    throw problem("rules.\(name): '\(value.string ?? "")' is not a whole number", value)
                }
                rules[keyPath: path] = Int(number)
            } else if let path = flags[name] {
                guard let flag = value.bool else {
                    throw problem("rules.\(name): '\(value.string ?? "")' is not true or false", value)
                }
                rules[keyPath: path] = flag
            }
        }
        if rules.lookbackWeeks < 1 || rules.lookbackWeeks > 52 {
            throw problem("rules.lookback_weeks: '\(rules.lookbackWeeks)' is out of range (expected 1 to 52)", node)
        }
        return rules
    }

    func standard(_ node: Node) throws -> Standard {
        let map = try mapping(node, "standards")
        try onlyKeys(map, ["metric", "per", "target", "team", "role"], in: "standards[].")
        guard let metricNode = map["metric"] else { throw problem("standards: each standard needs a metric", node) }
        let metricText = try string(metricNode, "standards[].metric")
        guard let metric = Metric(rawValue: metricText) else {
            throw problem(
                "standards[].metric: '\(metricText)' is not a metric (expected one of "
                    + Metric.allCases.map(\.rawValue).joined(separator: ", ") + ")", metricNode)
        }
        let perText = try map["per"].map { try string($0, "standards[].per") } ?? "week"
        guard let per = Period(rawValue: perText) else {
            throw problem("standards[].per: '\(perText)' is not day, week or quarter", map["per"])
        }
        guard let targetNode = map["target"] else {
            throw problem("standards: '\(metricText)' needs a target", node)
        }
        return Standard(
            metric: metric, per: per, target: try number(targetNode, "standards[].target"),
            team: try map["team"].map { try string($0, "standards[].team") },
            role: try map["role"].map { try string($0, "standards[].role") })
    }
}
