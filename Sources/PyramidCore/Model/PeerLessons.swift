/// A teammate's way that works, proposed to a seller who holds the same belief without their own numbers
/// backing it: beliefs also come from watching others succeed.
public struct PeerLesson: Sendable, Hashable, Codable {
    /// What makes the teammate worth learning from.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The teammate's different way demonstrably works (`SellerDiagnosis.differentWayWorks`).
        case theirWayWorks = "their-way-works"
        /// The teammate's experiment on the same belief ended done and working.
        case experimentWorked = "experiment-worked"
    }

    /// Who to learn from.
    public var teacher: SellerRef
    /// The belief the learner holds, which the teacher's way or experiment answers.
    public var belief: String
    public var kind: Kind
    /// The teacher's numbers, in words, with sample sizes.
    public var evidence: [String]
    /// The values coaching wording may quote: `peer`, `peer_first_name`, `peer_evidence`, and for an experiment
    /// `peer_experiment`, `peer_outcome`, `peer_per_day_during`, `peer_per_day_before`, `peer_measure`.
    public var facts: [String: String]
}

/// Who could learn what from whom, among the sellers of one diagnosis.
enum PeerLessons {
    /// At most this many lessons per seller: the agenda has room for one or two.
    static let maximum = 2

    /// Every lesson the sellers of `team` can give, each with its teacher's email: a teammate's different way that
    /// works, on the belief behind it, and each finished experiment on a belief that worked. Made once per
    /// diagnosis: looking through the team again for each learner copied every seller's diagnosis once per learner
    /// (250,000 copies for a team of 500, an eighth of a team report's time).
    static func offers(in team: [SellerDiagnosis]) -> [(teacher: String, lesson: PeerLesson)] {
        var offers: [(teacher: String, lesson: PeerLesson)] = []
        for teacher in team {
            if teacher.differentWayWorks, let belief = teacher.beliefs.first {
                var facts = names(teacher.seller)
                let evidence = journeysLine(belief, teacher: facts["peer_first_name"] ?? teacher.seller.name)
                facts["peer_evidence"] = evidence
                let lesson = PeerLesson(
                    teacher: teacher.seller, belief: belief.id, kind: .theirWayWorks, evidence: [evidence], facts: facts
                )
                offers.append((teacher.seller.email, lesson))
            }
            for experiment in teacher.coaching.experiments
            where experiment.finished && experiment.verdict == .doneAndWorking {
                guard let belief = experiment.experiment.belief else { continue }
                var facts = names(teacher.seller)
                for (key, value) in Coach.facts(of: experiment) { facts["peer_" + key] = value }
                let evidence = "“\(experiment.experiment.name)”: \(experiment.summary)."
                facts["peer_evidence"] = evidence
                let lesson = PeerLesson(
                    teacher: teacher.seller, belief: belief, kind: .experimentWorked, evidence: [evidence], facts: facts
                )
                offers.append((teacher.seller.email, lesson))
            }
        }
        return offers
    }

    /// The lessons for `learner` among `offers` (`offers(in:)` of the team): each belief the learner holds without
    /// their numbers backing it (contradicted or inconclusive), answered by a teammate whose way on it works or whose
    /// experiment on it worked. Ways that work come first, then by name.
    static func lessons(
        for learner: SellerDiagnosis, from offers: [(teacher: String, lesson: PeerLesson)]
    ) -> [PeerLesson] {
        let held = Set(learner.beliefs.filter { $0.verdict != .supported }.map(\.id))
        guard !held.isEmpty else { return [] }
        let lessons = offers.filter { $0.teacher != learner.seller.email && held.contains($0.lesson.belief) }
            .map(\.lesson)
        let sorted = lessons.sorted {
            ($0.kind == .theirWayWorks ? 0 : 1, $0.teacher.name, $0.belief)
                < ($1.kind == .theirWayWorks ? 0 : 1, $1.teacher.name, $1.belief)
        }
        return Array(sorted.prefix(maximum))
    }

    /// The sellers of `team` (a diagnosis of everyone, without contact journeys) whose way could work by the
    /// week's numbers and answers a belief that a seller of `learners` holds: a one-seller diagnosis reads
    /// their journeys too, so that its lessons are the whole team's.
    static func possibleTeachers(in team: TeamDiagnosis, for learners: Set<String>) -> Set<String> {
        let held = Set(
            team.sellers.filter { learners.contains($0.seller.email) }.flatMap { $0.beliefs.map(\.id) })
        return Set(
            team.sellers.filter { seller in
                !learners.contains(seller.seller.email) && seller.wayMayWork
                    && seller.beliefs.contains { held.contains($0.id) }
            }.map(\.seller.email))
    }

    /// The teacher's people reached on the channel who went on to a conversation or meeting, against the people
    /// they called, told about them: "Of the 738 people Priya reached on LinkedIn, 108 went on …".
    private static func journeysLine(_ belief: BeliefAssessment, teacher: String) -> String {
        let f = belief.facts
        guard ChannelBelief.ids.contains(belief.id), let people = f["channel_people"],
            let reached = f["channel_reached"], let rate = f["channel_rate"], let called = f["compared_people"],
            let callRate = f["compared_call_rate"]
        else { return "“\(belief.statement)” is supported by \(teacher)'s own numbers." }
        let verb = ChannelBelief.channel(of: belief.id).reachedVerb
        return "Of the \(people) people \(teacher) \(verb), \(reached) went on to a conversation or a meeting "
            + "(\(rate)); of the \(called) people \(teacher) called, \(callRate) did."
    }

    private static func names(_ seller: SellerRef) -> [String: String] {
        [
            "peer": seller.name,
            "peer_first_name": seller.name.split(separator: " ").first.map(String.init) ?? seller.name,
        ]
    }
}

extension SellerDiagnosis {
    /// Whether the seller's different way could work by the week's numbers alone: a channel substitution that
    /// meets the conversations standard and is on pace for the quarter. It works (`differentWayWorks`) when their
    /// own evidence supports the belief behind it too.
    var wayMayWork: Bool {
        pattern == .channelSubstitution && (standards.first { $0.metric == .conversations }?.met ?? false)
            && (results.pace ?? 0) >= 1
    }
}
