import Foundation

/// A share of successes out of attempts, with its Wilson score interval: honest for small samples,
/// never a raw ratio of three events.
public struct Rate: Sendable, Hashable, Codable {
    /// Successes.
    public var hits: Int
    /// Attempts.
    public var attempts: Int
    /// The lower bound of the interval.
    public var low: Double
    /// The upper bound of the interval.
    public var high: Double
    /// Attempts left out of `attempts` because the export does not record how they ended (a LinkedIn touch
    /// with no reply field): unknown, never a miss.
    public var unrecorded: Int

    /// The rate of `hits` in `attempts` with a Wilson interval at `z`; `unrecorded` more attempts whose outcome
    /// is not known are not counted.
    public init(hits: Int, attempts: Int, unrecorded: Int = 0, z: Double = 1.96) {
        self.hits = min(hits, attempts)
        self.attempts = attempts
        self.unrecorded = unrecorded
        guard attempts > 0 else {
            low = 0
            high = 1
            return
        }
        let n = Double(attempts)
        let p = Double(self.hits) / n
        let z2 = z * z
        let center = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        low = max(0, center - half)
        high = min(1, center + half)
    }

    /// The observed share (0 when there were no attempts).
    public var value: Double { attempts > 0 ? Double(hits) / Double(attempts) : 0 }

    /// The share of all attempts whose outcome is recorded (1 when there were none at all).
    public var recordedShare: Double {
        attempts + unrecorded > 0 ? Double(attempts) / Double(attempts + unrecorded) : 1
    }

    /// Whether enough of the attempts are recorded for the rate to say anything: at least `minimumShare` of
    /// them. A rate that is not is itself unknown.
    public func isRecorded(minimumShare: Double) -> Bool { recordedShare >= minimumShare }

    /// "4 of 128 (3%, likely 1–8%)"; with unrecorded attempts, "… (and 40 not recorded)"; with none recorded,
    /// "not recorded (for 300)".
    public var phrase: String {
        if attempts == 0 && unrecorded > 0 { return "not recorded (for \(unrecorded))" }
        guard attempts > 0 else { return "none yet" }
        let rate = "\(hits) of \(attempts) (\(Percent.format(value)), likely \(Percent.range(low, high)))"
        return unrecorded > 0 ? rate + " (and \(unrecorded) not recorded)" : rate
    }

    /// How two rates compare once their uncertainty is taken into account.
    public enum Comparison: String, Sendable, Hashable, Codable {
        case higher, lower, indistinguishable
        case tooFewToTell = "too-few-to-tell"
        /// The export does not record enough of the outcomes on one side: the comparison is unknown.
        case unrecorded
    }

    /// Whether this rate is clearly higher or lower than `other`: the intervals do not overlap.
    /// With less than `minimumRecordedShare` of either side's attempts recorded, the comparison is unknown
    /// (`unrecorded`); with fewer than `minimumSample` attempts on either side there is nothing to tell.
    public func compared(to other: Rate, minimumSample: Int, minimumRecordedShare: Double = 0) -> Comparison {
        guard isRecorded(minimumShare: minimumRecordedShare), other.isRecorded(minimumShare: minimumRecordedShare)
        else { return .unrecorded }
        guard attempts >= minimumSample, other.attempts >= minimumSample else { return .tooFewToTell }
        if low > other.high { return .higher }
        if high < other.low { return .lower }
        return .indistinguishable
    }

    /// Whether this share is clearly above or below `share`, a proportion known without uncertainty (such
    /// as the share of the days that fell in a span). With fewer than `minimumSample` attempts there is
    /// nothing to tell.
    public func compared(toShare share: Double, minimumSample: Int, minimumRecordedShare: Double = 0) -> Comparison {
        guard isRecorded(minimumShare: minimumRecordedShare) else { return .unrecorded }
        guard attempts >= minimumSample, attempts > 0 else { return .tooFewToTell }
        if low > share { return .higher }
        if high < share { return .lower }
        return .indistinguishable
    }
}

/// Percent formatting for evidence lines.
public enum Percent {
    /// `0.034` → `3%`; below 10% one decimal is kept when it says something (`0.5%`).
    public static func format(_ share: Double) -> String {
        let percent = share * 100
        if percent > 0 && percent < 9.95 && percent.rounded() != percent {
            let tenth = (percent * 10).rounded() / 10
            return tenth == tenth.rounded() ? "\(Int(tenth))%" : String(format: "%.1f%%", tenth)
        }
        return "\(Int(percent.rounded()))%"
    }

    /// `1–8%`.
    public static func range(_ low: Double, _ high: Double) -> String {
        "\(Int((low * 100).rounded(.down)))–\(Int((high * 100).rounded(.up)))%"
    }
}

/// Numbers as evidence lines print them.
public enum Numbers {
    /// `6.2`, `20`, `0.5`: one decimal only when it is not whole.
    public static func format(_ value: Double) -> String {
        let tenth = (value * 10).rounded() / 10
        if tenth == tenth.rounded() { return "\(Int(tenth))" }
        return String(format: "%.1f", tenth)
    }

    /// `100000` → `100,000`.
    public static func money(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var grouped = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return (whole < 0 ? "-" : "") + String(grouped.reversed())
    }
}
