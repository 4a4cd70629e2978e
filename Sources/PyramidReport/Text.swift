import PyramidCore

/// Escaping and small formatting shared by the renderers.
enum Text {
    /// Markdown-safe text: characters that would start formatting, links, HTML or break a table are escaped.
    static func markdown(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~":
                result.append("\\")
                result.append(character)
            case "\n", "\r":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }

    /// HTML-escaped text for element content and attribute values.
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A CSV cell: quoted when needed, and neutralized when a spreadsheet would run it as a formula.
    static func csv(_ text: String) -> String {
        var value = text
        if let first = value.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// "9–15 Nov 2026".
    static func range(_ week: ISOWeek) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let start = week.monday
        let end = start.adding(days: 6)
        if start.month == end.month {
            return "\(start.day)–\(end.day) \(months[end.month - 1]) \(end.year)"
        }
        return "\(start.day) \(months[start.month - 1]) – \(end.day) \(months[end.month - 1]) \(end.year)"
    }

    /// "6.2 / 20" for a standard.
    static func standard(_ result: StandardResult?) -> String {
        guard let result else { return "–" }
        if result.metric == .wonAmount { return Numbers.money(result.actual) + " / " + Numbers.money(result.target) }
        return Numbers.format(result.actual) + " / " + Numbers.format(result.target)
    }

    /// "18%" or "unknown".
    static func pace(_ results: ResultsView) -> String {
        results.pace.map { Percent.format($0) } ?? (results.quarterTarget == nil ? "–" : "unknown")
    }

    /// "6.2 of 20 outbound calls a day".
    static func standardSentence(_ result: StandardResult) -> String {
        let value = result.metric == .wonAmount ? Numbers.money(result.actual) : Numbers.format(result.actual)
        let target = result.metric == .wonAmount ? Numbers.money(result.target) : Numbers.format(result.target)
        let period = result.per == .quarter ? "this quarter" : "a \(result.per.rawValue)"
        return "\(value) of \(target) \(result.metric.phrase) \(period)"
    }

    /// The standard for the summary table's column `metric`.
    static func find(_ standards: [StandardResult], _ metric: Metric) -> StandardResult? {
        standards.first { $0.metric == metric && $0.per != .quarter } ?? standards.first { $0.metric == metric }
    }
}

extension Text {
    /// The reverse funnel in a sentence: "To close the 57,000 left this quarter (3.2 deals of 18,000 on average):
    /// 4.1 conversations a week and 11 outbound calls a day, at the team's rates." With, when the calls needed
    /// are more than a day holds, that activity alone cannot close the gap.
    static func funnel(_ f: ReverseFunnel) -> String {
        guard f.remainingAmount > 0 else { return "Nothing left to close this quarter: the target is reached." }
        let whose = f.rateSource == "own" ? "your own" : "the team's"
        var line =
            "To close the \(Numbers.money(f.remainingAmount)) left this quarter (\(Numbers.format(f.dealsNeeded)) "
            + "deals of \(Numbers.money(f.averageDealSize)) on average): "
            + "\(Numbers.format(f.conversationsPerWeekNeeded)) conversations a week and "
            + "\(Numbers.format(f.callsPerDayNeeded)) outbound calls a day, at \(whose) rates."
        if !f.activityCanClose {
            line += " Activity alone cannot close this gap: bigger deals, better conversion or more pipeline must."
        }
        return line
    }
}
