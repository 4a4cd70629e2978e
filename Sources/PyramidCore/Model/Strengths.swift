/// What is working for a seller, from their own numbers: met standards, channels where they beat the team,
/// results on pace. The agenda opens with these.
enum Strengths {
    static func of(_ d: SellerDiagnosis, team: ChannelExperience, rules: DiagnosisRules) -> [String] {
        guard d.pattern != .onLeave && d.pattern != .insufficientData else { return [] }
        var lines: [String] = []
        if d.differentWayWorks, let belief = d.beliefs.first {
            lines.append("Your way works: \(belief.evidence.prefix(2).joined(separator: " "))")
        }
        for standard in d.standards where standard.met && standard.per != .quarter {
            lines.append(
                "At standard on \(standard.metric.phrase): \(Numbers.format(standard.actual)) a \(standard.per.rawValue) "
                    + "against \(Numbers.format(standard.target)).")
        }
        let channels: [(String, Rate, Rate)] = [
            ("Your calls become conversations", d.experience.callConversations, team.callConversations),
            ("Your LinkedIn touches get replies", d.experience.linkedinReplies, team.linkedinReplies),
            ("Your emails get replies", d.experience.emailReplies, team.emailReplies),
            (
                "Your conversations turn into meetings", d.experience.meetingsPerConversation,
                team.meetingsPerConversation
            ),
        ]
        for (phrase, own, theirs) in channels
        where own.compared(
            to: theirs, minimumSample: rules.minimumSample, minimumRecordedShare: rules.minimumRecordedShare) == .higher
        {
            lines.append(
                "\(phrase) more often than the team's: \(Percent.format(own.value)) against "
                    + "\(Percent.format(theirs.value)) (\(own.hits) of \(own.attempts)).")
        }
        if let pace = d.results.pace, pace >= 1, let won = d.results.wonThisQuarter {
            lines.append("On pace for the quarter: \(Numbers.money(won)) won, \(Percent.format(pace)) of pace.")
        }
        if lines.isEmpty && d.actions.workingDays > 0 {
            let total = d.actions.outboundCalls + d.actions.emails + d.actions.linkedin + d.actions.meetings
            if total > 0 {
                lines.append(
                    "You kept reaching out: \(total) touches over \(d.actions.workingDays) working days, "
                        + "\(d.actions.conversations) conversations.")
            }
        }
        return lines
    }
}
