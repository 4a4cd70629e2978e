import Foundation
import PyramidCore

/// The weekly report as JSON, in the stable shape of DESIGN.md's contract (more keys may be added, none
/// renamed). Unknown results are `null`, never 0.
public enum ReportJSON {
    /// Renders `team` as pretty-printed JSON with sorted keys.
    public static func render(_ team: TeamDiagnosis) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Report(team)), as: UTF8.self) + "\n"
    }

    /// One seller's agenda as JSON: the seller's entry of the report, plus the week and what is working.
    public static func agenda(_ seller: SellerDiagnosis, week: ISOWeek) throws -> String {
        struct Agenda: Encodable {
            var week: String
            var agenda: SellerEntry
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Agenda(week: week.description, agenda: SellerEntry(seller)))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Report: Encodable {
        var week: String
        var sellers: [SellerEntry]
        var team: TeamEntry

        init(_ team: TeamDiagnosis) {
            week = team.week.description
            sellers = team.sellers.map(SellerEntry.init)
            self.team = TeamEntry(team)
        }
    }

    struct SellerEntry: Encodable {
        var seller: SellerRef
        var pattern: String
        var secondaryPatterns: [String]
        var reasons: [String]
        var actions: WeekActions
        var standards: [StandardEntry]
        var results: ResultsEntry
        var beliefs: [BeliefEntry]
        var managerView: String
        var strengths: [String]
        var prompts: [String]
        var experiences: [String]
        var differentWayWorks: Bool
        var dataQuality: [DataQualityFlag]
        var trailing: [PeerGapEntry]
        var reverseFunnel: FunnelEntry?
        var suggestedExperiments: [CoachingJSON.SuggestionEntry]
        var coaching: CoachingJSON.SellerCoachingEntry
        var peerLessons: [PeerLessonEntry]
        var coverage: Coverage

        init(_ d: SellerDiagnosis) {
            seller = d.seller
            pattern = d.pattern.rawValue
            secondaryPatterns = d.secondaryPatterns.map(\.rawValue)
            reasons = d.reasons
            actions = d.actions
            standards = d.standards.map(StandardEntry.init)
            results = ResultsEntry(d.results)
            beliefs = d.beliefs.map(BeliefEntry.init)
            managerView = d.managerView
            strengths = d.strengths
            prompts = d.prompts
            experiences = d.experiences
            differentWayWorks = d.differentWayWorks
            dataQuality = d.dataQuality
            trailing = d.trailing.map(PeerGapEntry.init)
            reverseFunnel = d.reverseFunnel.map(FunnelEntry.init)
            suggestedExperiments = d.suggestedExperiments.enumerated().map { index, suggestion in
                CoachingJSON.SuggestionEntry(
                    number: index + 1, text: suggestion.text, belief: suggestion.belief,
                    measure: suggestion.measure.map(CoachingJSON.MeasureEntry.init))
            }
            coaching = CoachingJSON.SellerCoachingEntry(d.coaching)
            peerLessons = d.peerLessons.map(PeerLessonEntry.init)
            coverage = d.coverage.rounded
        }
    }

    /// A teammate to learn from: who, for which of the seller's beliefs, why, and their numbers.
    struct PeerLessonEntry: Encodable {
        var teacher: SellerRef
        var belief: String
        var kind: String
        var evidence: [String]

        init(_ lesson: PeerLesson) {
            teacher = lesson.teacher
            belief = lesson.belief
            kind = lesson.kind.rawValue
            evidence = lesson.evidence
        }
    }

    struct StandardEntry: Encodable {
        var metric: String
        var per: String
        var target: Double
        var actual: Double
        var met: Bool
        var rampShare: Double?

        init(_ s: StandardResult) {
            metric = s.metric.rawValue
            per = s.per.rawValue
            target = round2(s.target)
            actual = round2(s.actual)
            met = s.met
            rampShare = s.rampShare
        }
    }

    struct ResultsEntry: Encodable {
        var results: ResultsView

        init(_ results: ResultsView) { self.results = results }

        enum Keys: String, CodingKey { case wonThisQuarter, quarterTarget, pace, dealsWon, openPipeline }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(results.wonThisQuarter.map(round2), forKey: .wonThisQuarter)
            try c.encode(results.quarterTarget.map(round2), forKey: .quarterTarget)
            try c.encode(results.pace.map(round2), forKey: .pace)
            try c.encode(results.dealsWon, forKey: .dealsWon)
            try c.encode(results.openPipeline.map(round2), forKey: .openPipeline)
        }
    }

    struct BeliefEntry: Encodable {
        var id: String
        var statement: String
        var verdict: String
        var evidence: [String]

        init(_ b: BeliefAssessment) {
            id = b.id
            statement = b.statement
            verdict = b.verdict.rawValue
            evidence = b.evidence
        }
    }

    struct PeerGapEntry: Encodable {
        var metric: String
        var actual: Double
        var teamMedian: Double
        var percentile: Double

        init(_ g: PeerGap) {
            metric = g.metric
            actual = round2(g.actual)
            teamMedian = round2(g.teamMedian)
            percentile = round2(g.percentile)
        }
    }

    struct FunnelEntry: Encodable {
        var remainingAmount: Double
        var averageDealSize: Double
        var conversationsPerWeekNeeded: Double
        var callsPerDayNeeded: Double
        var rateSource: String

        init(_ f: ReverseFunnel) {
            remainingAmount = round2(f.remainingAmount)
            averageDealSize = round2(f.averageDealSize)
            conversationsPerWeekNeeded = round2(f.conversationsPerWeekNeeded)
            callsPerDayNeeded = round2(f.callsPerDayNeeded)
            rateSource = f.rateSource
        }
    }

    struct TeamEntry: Encodable {
        var funnel: TeamFunnel
        var standardsHealth: [StandardsHealth]
        var brightSpots: [String]
        var channelMix: [String: Int]
        var coaching: CoachingJSON.TeamCoachingEntry
        var coverage: Coverage

        init(_ team: TeamDiagnosis) {
            funnel = team.funnel
            standardsHealth = team.standardsHealth.map {
                var h = $0
                h.conversationsWhenMet = round2(h.conversationsWhenMet)
                h.conversationsWhenMissed = round2(h.conversationsWhenMissed)
                return h
            }
            brightSpots = team.brightSpots
            channelMix = team.channelMix
            coaching = CoachingJSON.TeamCoachingEntry(team.coaching)
            coverage = team.coverage.rounded
        }
    }
}

/// Two decimals, so JSON shows `6.2`, not `6.199999999999999`.
func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }

extension Coverage {
    /// The shares with two decimals.
    var rounded: Coverage {
        var copy = self
        copy.channels = channels.map { channel in
            var c = channel
            c.outcomeShare = c.outcomeShare.map(round2)
            c.durationShare = c.durationShare.map(round2)
            c.contactShare = c.contactShare.map(round2)
            return c
        }
        return copy
    }
}
