import Foundation
import Testing

@testable import PyramidCore
@testable import PyramidReport

/// The coaching log in every format: the JSON keys, the agenda's "last time" section only when a log exists,
/// the team report's experiments, and notes from a hostile hand escaped.
struct CoachingRenderTests {
    static let week = ISOWeek("2026-W46") ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 20_400))

    /// Ben, coached in 2026-W43 (an experiment through 2026-W45), and Ana, never coached.
    func diagnosis(note: String = "Test the phone.") throws -> TeamDiagnosis {
        let week = Self.week
        var tallies: [DayTally] = []
        for email in ["ben@example.com", "ana@example.com"] {
            for day in 0..<63 {
                var tally = DayTally(email: email, day: week.monday.adding(days: day - 56))
                guard tally.day.isoWeekday <= 5 else { continue }
                tally.outboundCalls = [2, 4].contains(tally.day.isoWeekday) && (43...50).contains(day) ? 20 : 6
                tally.connectedCalls = tally.outboundCalls / 4
                tally.callConversations = tally.outboundCalls / 4
                tally.activities = tally.outboundCalls
                tallies.append(tally)
            }
        }
        let coached = week.adding(weeks: -3)
        let entry = CoachingEntry(
            id: 1, email: "ben@example.com", manager: "dana@example.com", week: coached, note: note,
            agreements: ["Call blocks <Tue/Thu>"],
            experiment: Experiment(
                name: "Phone-first", belief: "social-beats-calls",
                measure: try ExperimentMeasure(metric: .outboundCalls, per: .day, target: 12, weekdays: [2, 4]),
                lastWeek: coached.adding(weeks: 2)))
        let snapshot = TeamSnapshot(
            week: week,
            sellers: [
                Seller(email: "ben@example.com", name: "Ben Carter", team: "East"),
                Seller(email: "ana@example.com", name: "Ana Lima", team: "East"),
            ], tallies: tallies, coaching: [entry])
        return PyramidModel.diagnose(snapshot, config: WorkspaceConfig())
    }

    func seller(_ team: TeamDiagnosis, _ name: String) throws -> SellerDiagnosis {
        try #require(team.sellers.first { $0.seller.name == name })
    }

    @Test func jsonCarriesTheCoachingKeys() throws {
        let team = try diagnosis()
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try ReportJSON.render(team).utf8)) as? [String: Any])
        let sellers = try #require(object["sellers"] as? [[String: Any]])
        let ana = try #require(sellers.first { ($0["seller"] as? [String: Any])?["name"] as? String == "Ana Lima" })
        let anaCoaching = try #require(ana["coaching"] as? [String: Any])
        #expect(anaCoaching["lastTime"] is NSNull)
        #expect((anaCoaching["experiments"] as? [Any])?.isEmpty == true)
        let ben = try #require(sellers.first { ($0["seller"] as? [String: Any])?["name"] as? String == "Ben Carter" })
        let coaching = try #require(ben["coaching"] as? [String: Any])
        let last = try #require(coaching["lastTime"] as? [String: Any])
        #expect(last["week"] as? String == "2026-W43")
        #expect(last["manager"] as? String == "dana@example.com")
        #expect(last["agreements"] as? [String] == ["Call blocks <Tue/Thu>"])
        let experiment = try #require((coaching["experiments"] as? [[String: Any]])?.first)
        #expect(experiment["status"] as? String == "finished")
        #expect(experiment["verdict"] as? String == "done-and-working")
        #expect(experiment["firstWeek"] as? String == "2026-W44")
        let measure = try #require(experiment["measure"] as? [String: Any])
        #expect(measure["text"] as? String == "outbound-calls per day >= 12 on tue/thu")
        #expect(measure["weekdays"] as? [String] == ["tue", "thu"])
        let weeks = try #require(experiment["weeks"] as? [[String: Any]])
        #expect(weeks.map { $0["done"] as? Bool } == [true, true])
        let conversations = try #require(experiment["conversations"] as? [String: Any])
        #expect(conversations["comparison"] as? String == "higher")
        // No LinkedIn touches at all: too few to tell whether LinkedIn beats the phone.
        let belief = try #require(experiment["beliefFollowUp"] as? [String: Any])
        #expect(belief["id"] as? String == "social-beats-calls")
        #expect(belief["during"] as? String == "inconclusive")
        let teamCoaching = try #require((object["team"] as? [String: Any])?["coaching"] as? [String: Any])
        #expect((teamCoaching["openExperiments"] as? [Any])?.isEmpty == true)
        #expect(
            (teamCoaching["finishedExperiments"] as? [[String: Any]])?.first?["verdict"] as? String
                == "done-and-working")
        #expect(
            (teamCoaching["worked"] as? [String])?.first?.hasPrefix("Ben Carter: Phone-first (2026-W44 to 2026-W45)")
                == true)
    }

    @Test func theAgendaOpensWithLastTimesAgreementsOnlyWhenALogExists() throws {
        let team = try diagnosis()
        let ben = AgendaMarkdown.agenda(try seller(team, "Ben Carter"), week: Self.week)
        #expect(ben.contains("## Last time's agreements\n\n_2026-W43, with dana@example.com._ Test the phone."))
        #expect(ben.contains("**Experiment: Phone-first** (2026-W44 to 2026-W45): **done and working**."))
        #expect(ben.contains("- Agreed: 12 outbound calls a day on Tuesday and Thursday. Done in 2 of the 2 weeks"))
        let whatIsWorking = try #require(ben.range(of: "## What is working"))
        let lastTime = try #require(ben.range(of: "## Last time's agreements"))
        let numbers = try #require(ben.range(of: "## This week's numbers"))
        #expect(whatIsWorking.lowerBound < lastTime.lowerBound && lastTime.lowerBound < numbers.lowerBound)
        for agenda in [
            AgendaMarkdown.agenda(try seller(team, "Ana Lima"), week: Self.week),
            AgendaHTML.agenda(try seller(team, "Ana Lima"), week: Self.week),
        ] {
            #expect(!agenda.contains("Last time"))
        }
        #expect(
            AgendaHTML.agenda(try seller(team, "Ben Carter"), week: Self.week).contains(
                "<h2>Last time's agreements</h2>"))
    }

    @Test func theTeamReportShowsWhatWorkedForWhom() throws {
        let team = try diagnosis()
        let markdown = MarkdownReport.team(team)
        #expect(
            markdown.contains(
                "**Experiments that ended:**\n- Ben Carter: Phone-first (2026-W44 to 2026-W45, done and working)"))
        #expect(markdown.contains("**What worked, for whom (to suggest to someone else):**\n- Ben Carter: Phone-first"))
        #expect(
            markdown.contains("- Experiment \"Phone-first\" (2026-W44 to 2026-W45, done and working): done in 2 of"))
        #expect(HTMLReport.team(team).contains("<strong>What worked, for whom (to suggest to someone else):</strong>"))
    }

    @Test func notesAndAgreementsAreEscaped() throws {
        let team = try diagnosis(note: "<script>alert('x')</script> *bold* [link](http://x)")
        let ben = try seller(team, "Ben Carter")
        let html = AgendaHTML.agenda(ben, week: Self.week)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("Call blocks &lt;Tue/Thu&gt;"))
        let markdown = AgendaMarkdown.agenda(ben, week: Self.week)
        #expect(markdown.contains("\\<script\\>alert('x')\\</script\\> \\*bold\\* \\[link\\](http://x)"))
    }
}
