import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// The coaching file: the built-in wording parses, a team's follow-ups after an experiment add to it, and a
/// wrong key names the file, the line and what was expected.
struct CoachingFileTests {
    @Test func theBuiltInWordingHasAFollowUpForEveryVerdict() throws {
        let catalog = try CoachingFile.builtIn()
        for key in ["back-to-old-way", "done-and-working", "done-not-working", "not-done", "inconclusive"] {
            #expect(catalog.experiments[key]?.prompts.isEmpty == false, "\(key)")
        }
    }

    @Test func aTeamsFollowUpComesFirst() throws {
        let team = try CoachingFile.parse(
            "experiments:\n  not-done:\n    prompts: [\"What blocked {experiment}?\"]\n", file: "team.yml")
        let merged = try CoachingFile.builtIn().extended(with: team.catalog)
        #expect(merged.experiments["not-done"]?.prompts.first == "What blocked {experiment}?")
        #expect((merged.experiments["not-done"]?.prompts.count ?? 0) > 1)
    }

    @Test func aWrongFollowUpKeyIsNamed() {
        let error = #expect(throws: IngestError.self) {
            try CoachingFile.parse("experiments:\n  worked:\n    prompts: [x]\n", file: "team.yml")
        }
        #expect(
            error?.description
                == "team.yml: line 2: experiments: 'worked' is not a follow-up (expected one of done-and-working, "
                + "done-not-working, not-done, on-leave, inconclusive, back-to-old-way)")
    }
}

/// The `peers:` section: wording for learning from a teammate, per belief (or default) and kind.
struct PeerWordingFileTests {
    @Test func theBuiltInWordingProposesEveryKindOfLesson() throws {
        let catalog = try CoachingFile.builtIn()
        for kind in PeerLesson.Kind.allCases {
            #expect(catalog.peers["default"]?[kind.rawValue]?.experiences.isEmpty == false, "\(kind)")
        }
        #expect(catalog.peers["social-beats-calls"]?["their-way-works"]?.prompts.isEmpty == false)
    }

    @Test func aTeamsPeerWordingLeads() throws {
        let team = try CoachingFile.parse(
            "peers:\n  default:\n    experiment-worked:\n      experiences: [\"Pair with {peer_first_name}.\"]\n",
            file: "team.yml")
        let merged = try CoachingFile.builtIn().extended(with: team.catalog)
        #expect(merged.peers["default"]?["experiment-worked"]?.experiences.first == "Pair with {peer_first_name}.")
        #expect((merged.peers["default"]?["experiment-worked"]?.experiences.count ?? 0) > 1)
    }

    @Test func aWrongKindIsNamed() {
        let error = #expect(throws: IngestError.self) {
            try CoachingFile.parse("peers:\n  default:\n    works:\n      prompts: [x]\n", file: "team.yml")
        }
        #expect(
            error?.description
                == "team.yml: line 3: peers.default: 'works' is not their-way-works or experiment-worked")
    }
}
