/// Whether a call lasted long enough to be a conversation, from the duration an export gives.
///
/// Some exports give whole minutes (Dynamics 365's `actualdurationminutes`, Pipedrive's `HH:MM`, a spreadsheet
/// rounded by hand): a call of "2 min" lasted anywhere from 90 to 150 seconds. A duration in whole minutes
/// within half a minute of the threshold is therefore `borderline`: whether it was a conversation is unknown,
/// never guessed either way. (A duration of exactly that many seconds in a precise export is read the same:
/// a value in sixty.) The store's tallies count the same in SQL (`TallyBasis.countsSQL`).
public enum CallLength: Sendable, Hashable {
    /// At least `conversation.min_call_seconds`.
    case long
    /// Shorter.
    case short
    /// A whole number of minutes within 30 seconds of the threshold.
    case borderline
    /// No duration.
    case unknown

    /// The length of a call of `seconds` (nil when the export gives none) against `minimum` seconds.
    public init(seconds: Int?, minimum: Int) {
        guard let seconds else {
            self = .unknown
            return
        }
        if Self.isBorderline(seconds, minimum: minimum) {
            self = .borderline
        } else {
            self = seconds >= minimum ? .long : .short
        }
    }

    /// Whether `seconds` is a whole number of minutes within half a minute of `minimum`.
    public static func isBorderline(_ seconds: Int, minimum: Int) -> Bool {
        seconds % 60 == 0 && seconds - 30 < minimum && seconds + 30 > minimum
    }
}
