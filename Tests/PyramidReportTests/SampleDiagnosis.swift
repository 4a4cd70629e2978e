@testable import PyramidCore

/// A hand-made diagnosis whose strings come from a hostile export.
func hostileDiagnosis() -> TeamDiagnosis {
    let week = ISOWeek("2026-W46") ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 20_400))
    let name = "<script>alert('x')</script> =HYPERLINK(\"http://evil\") *Ben* | [link](http://x)"
    let experience = ChannelExperience(
        callConversations: Rate(hits: 9, attempts: 150), callConnects: Rate(hits: 30, attempts: 150),
        linkedinReplies: Rate(hits: 4, attempts: 128), emailReplies: Rate(hits: 0, attempts: 0),
        meetingsPerConversation: Rate(hits: 2, attempts: 9), wonPerConversation: Rate(hits: 0, attempts: 9),
        recentRejectionRun: 0)
    let seller = SellerDiagnosis(
        seller: SellerRef(email: "ben@example.com", name: name, team: "=cmd|' /C calc'!A0"),
        pattern: .channelSubstitution, secondaryPatterns: [],
        actions: WeekActions(
            outboundCalls: 31, emails: 50, linkedin: 128, meetings: 0, conversations: 2, workingDays: 5),
        standards: [
            StandardResult(metric: .outboundCalls, per: .day, target: 20, actual: 6.2, met: false),
            StandardResult(metric: .conversations, per: .week, target: 5, actual: 2, met: false),
        ],
        results: ResultsView(quarterTarget: 100_000),
        beliefs: [
            BeliefAssessment(
                id: "social-beats-calls", statement: "LinkedIn gets me further with buyers than the phone does.",
                verdict: .contradicted, evidence: ["Notes said: <img src=x onerror=alert(1)>"], facts: [:])
        ],
        managerView: "Below standard: 6.2 of 20 outbound calls a day.",
        prompts: ["@SUM(1+1) what have you seen?"], experiences: ["+call first, then connect"],
        reasons: ["calls below standard"], dataQuality: [], trailing: [], reverseFunnel: nil, experience: experience,
        differentWayWorks: false,
        history: (0..<6).map { WeekPoint(week: week.adding(weeks: $0 - 5), value: 6.2, target: 20) })
    return TeamDiagnosis(
        week: week, sellers: [seller], funnel: TeamFunnel(calls: 31, connects: 6, conversations: 2),
        standardsHealth: [], brightSpots: [], channelMix: ["calls": 31, "emails": 50, "linkedin": 128, "meetings": 0])
}
