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
