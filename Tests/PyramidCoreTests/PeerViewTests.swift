import Testing

@testable import PyramidCore

/// The peer view ranks each seller among the others from one sorted copy of the team's values.
struct PeerViewTests {
    /// The percentile and median as counted one seller at a time against everyone else.
    func counted(_ email: String, _ values: [String: Double]) -> (percentile: Double, median: Double) {
        let mine = values[email] ?? 0
        let others = values.filter { $0.key != email }.map(\.value)
        let below = Double(others.filter { $0 < mine }.count)
        let equal = Double(others.filter { $0 == mine }.count)
        let sorted = values.values.sorted()
        let median =
            sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return ((below + equal / 2) / Double(others.count), median)
    }

    @Test(arguments: [3, 4, 7, 50])
    func ranksMatchCountingEveryOtherSeller(teamSize: Int) {
        // Given a team with repeated values (ties) and one metric
        let values = Dictionary(
            uniqueKeysWithValues: (0..<teamSize).map { ("s\($0)@example.com", Double(($0 * 7 + teamSize) % 5)) })
        let distribution = PeerView.Distribution(metric: "calls", byEmail: values)
        for email in values.keys {
            // When one seller's gap is read
            let gaps = PeerView.trailing(email: email, distributions: [distribution])
            let expected = counted(email, values)
            // Then it appears exactly when below the median, with the percentile counted the slow way
            if values[email] ?? 0 < expected.median {
                #expect(gaps.count == 1)
                #expect(abs((gaps.first?.percentile ?? -1) - expected.percentile) < 1e-12)
                #expect(gaps.first?.teamMedian == expected.median)
            } else {
                #expect(gaps.isEmpty)
            }
        }
    }

    @Test func fewerThanThreeValuesSayNothing() {
        let distribution = PeerView.Distribution(metric: "calls", byEmail: ["a": 1, "b": 9])
        #expect(PeerView.trailing(email: "a", distributions: [distribution]).isEmpty)
    }

    @Test func theTwoLowestMetricsAreKept() {
        let team = ["a": 1.0, "b": 5, "c": 6, "d": 7]
        let gaps = PeerView.trailing(
            email: "a",
            distributions: [
                .init(metric: "calls", byEmail: team), .init(metric: "emails", byEmail: team.mapValues { 10 - $0 }),
                .init(metric: "meetings", byEmail: team), .init(metric: "notes", byEmail: team),
            ])
        #expect(gaps.count == 2)
        #expect(!gaps.map(\.metric).contains("emails"))
        #expect(gaps.allSatisfy { $0.percentile == 0 && $0.teamMedian == 5.5 })
    }
}
