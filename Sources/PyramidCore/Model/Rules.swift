/// The named thresholds the diagnosis uses, with their defaults; `rules:` in pyramid.yml overrides them.
///
/// docs/diagnosis.md explains each one. There is no number in the model without a name here.
public struct DiagnosisRules: Sendable, Hashable, Codable {
    /// Weeks before the report week that make a seller's own baseline and the rates behind verdicts.
    public var lookbackWeeks = 8
    /// A standard is met when the actual reaches this share of the target.
    public var metRatio = 1.0
    /// Outbound touches on all channels at or above this share of the main standard's volume mean the
    /// seller is busy (so a missed call standard is substitution, not under-activity).
    public var busyTouchesRatio = 0.8
    /// Another channel carrying at least this share of outbound touches is a substitute channel.
    public var substituteChannelShare = 0.5
    /// Weeks of the seller's own history that make the fading baseline.
    public var fadingBaselineWeeks = 4
    /// The baseline counts as "at standard" from this share of the target.
    public var fadingBaselineRatio = 0.9
    /// A drop of at least this share below the seller's own baseline is fading.
    public var fadingDrop = 0.25
    /// Results pace below this (won ÷ the target's share due by now) is behind.
    public var resultsPaceFloor = 0.7
    /// A rate is judged only from this many attempts; fewer is inconclusive.
    public var minimumSample = 20
    /// A rate is known only when the export records the outcome of at least this share of its attempts (a
    /// LinkedIn touch without a reply field, a call with neither outcome nor duration are not recorded); a
    /// verdict is never built on a rate that is not known.
    public var minimumRecordedShare = 0.7
    /// The z-value of the Wilson intervals behind verdicts (1.96 = 95%).
    public var confidenceZ = 1.96
    /// Calls this short or shorter are "few-second calls".
    public var shortCallSeconds = 5
    /// This many few-second calls in one day are flagged as possibly logged rather than made.
    public var shortCallBurst = 10
    /// This many activities stamped within one minute are flagged.
    public var sameMinuteBurst = 15
    /// This many of a week's activities entered on one later day are flagged as a week logged at once.
    public var bulkLoggingMinimum = 20
    /// Fewer than this share of teammates meeting a standard supports "the standard is unrealistic".
    public var unrealisticBelowShare = 0.3
    /// At least this share of teammates meeting a standard contradicts it.
    public var achievableFromShare = 0.5
    /// A conversation or meeting is credited to the channels that touched the contact this many days before it.
    public var journeyWindowDays = 14
    /// Which of those channels get the credit: `any` of them, the `first` or the `last`.
    public var journeyCredit = JourneyCredit.any
    /// When the share of the seller's outbound touches on a channel rose by at least this much from the weeks
    /// before to the weeks since (the largest such rise in the lookback), their way changed: a belief about the
    /// new way is judged on the weeks since against the weeks before.
    public var mixChangeShare = 0.3
    /// Meetings whose outcome the export does not say count as held.
    public var unknownMeetingsCountAsHeld = true
    /// A drift within this many weeks after the ramp ends is named "drifting soon after onboarding".
    public var postOnboardingWeeks = 8
    /// This many rejected calls in a row is a run worth asking about.
    public var rejectionRun = 3
    /// The most outbound calls a day a seller can make: a reverse funnel that needs more says activity alone
    /// cannot close the gap.
    public var reachableCallsPerDay = 60
    /// Weeks up to and including a one-to-one that make the seller's baseline for an experiment's outcome.
    public var experimentBaselineWeeks = 4
    /// An experiment's action counts as done when its measure was met in at least this share of the weeks
    /// the seller worked during it.
    public var experimentDoneShare = 0.5

    /// The defaults.
    public init() {}
}
