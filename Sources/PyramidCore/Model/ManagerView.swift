/// The compliance line a manager would write.
enum ManagerView {
    static func line(pattern: Pattern, standards: [StandardResult], results: ResultsView, reasons: [String]) -> String {
        switch pattern {
        case .onLeave: return "On leave this week (no working days)."
        case .insufficientData:
            if let unknown = reasons.first(where: { $0.hasPrefix("conversations unknown") }) {
                return "Not judged this week: \(unknown)."
            }
            return "No activity recorded for this seller yet."
        default: break
        }
        let activity = standards.filter { $0.per != .quarter }
        let missed = activity.filter { !$0.met }
        let listed = (missed.isEmpty ? activity : missed).map { standard in
            "\(Numbers.format(standard.actual)) of \(Numbers.format(standard.target)) \(standard.metric.phrase) "
                + "a \(standard.per.rawValue)"
        }
        var line = (missed.isEmpty ? "On standard: " : "Below standard: ") + listed.joined(separator: "; ") + "."
        if activity.isEmpty { line = "No activity standards apply." }
        if let won = results.wonThisQuarter, let target = results.quarterTarget, let pace = results.pace {
            line +=
                " Won \(Numbers.money(won)) of \(Numbers.money(target)) this quarter (\(Percent.format(pace)) of pace)."
        } else if results.quarterTarget != nil {
            line += " Results unknown (no deals imported)."
        }
        if let onboarding = reasons.first(where: { $0.hasPrefix("drifting soon after onboarding") }) {
            line += " Note: \(onboarding)."
        }
        return line
    }
}
