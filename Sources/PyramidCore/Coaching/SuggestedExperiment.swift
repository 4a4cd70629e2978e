/// An experience the agenda suggests, numbered as the agenda shows it, with where it came from and the
/// measure `pyramid coach SELLER --accept N` records with it.
public struct SuggestedExperiment: Sendable, Hashable, Codable {
    /// The experience, as the agenda prints it.
    public var text: String
    /// The belief whose wording suggested it, when one did.
    public var belief: String?
    /// The pattern whose wording suggested it, or the seller's pattern for a belief's wording.
    public var pattern: Pattern
    /// The measure recorded on `--accept` unless `--measure` gives another; nil when none fits.
    public var measure: ExperimentMeasure?

    /// Creates a suggestion.
    public init(text: String, belief: String?, pattern: Pattern, measure: ExperimentMeasure?) {
        self.text = text
        self.belief = belief
        self.pattern = pattern
        self.measure = measure
    }
}

extension ExperimentMeasure {
    /// The measure for an experience suggested by `belief` or `pattern`: a step halfway from this week's actual
    /// to the standard (rounded up; the standard itself once reached). Conversation beliefs and patterns are
    /// measured in conversations a week, meeting ones in held meetings a week (one more than this week), every
    /// other one on the main channel standard (outbound calls a day by default).
    public static func suggested(for d: SellerDiagnosis, belief: String?, pattern: Pattern) -> ExperimentMeasure? {
        func step(_ actual: Double, _ target: Double) -> Double {
            actual >= target ? target : ((actual + target) / 2).rounded(.up)
        }
        if belief == "volume-is-enough" || (belief == nil && pattern == .activityWithoutConversations) {
            let actual = Double(d.actions.conversations)
            let standard = d.standards.first { $0.metric == .conversations && $0.per == .week }
            return try? ExperimentMeasure(
                metric: .conversations, per: .week, target: standard.map { step(actual, $0.target) } ?? actual + 1)
        }
        if belief == "buyers-not-ready" || (belief == nil && pattern == .conversationsWithoutResults) {
            return try? ExperimentMeasure(metric: .meetingsHeld, per: .week, target: Double(d.actions.meetings + 1))
        }
        guard let main = d.standards.first(where: { StandardBook.isMainChannel(metric: $0.metric, per: $0.per) })
        else { return nil }
        return try? ExperimentMeasure(metric: main.metric, per: main.per, target: step(main.actual, main.target))
    }
}
