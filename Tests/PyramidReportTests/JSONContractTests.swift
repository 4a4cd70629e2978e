import Foundation
import Testing

@testable import PyramidCore
@testable import PyramidReport

/// DESIGN.md's JSON contract: these keys, with these types, always.
struct JSONContractTests {
    @Test func reportHasTheContractKeys() throws {
        let text = try ReportJSON.render(hostileDiagnosis())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["week"] as? String == "2026-W46")
        let sellers = try #require(object["sellers"] as? [[String: Any]])
        let ben = try #require(sellers.first)
        let seller = try #require(ben["seller"] as? [String: Any])
        #expect(seller["email"] as? String == "ben@example.com")
        #expect(seller["team"] is String && seller["name"] is String)
        #expect(ben["pattern"] as? String == "channel-substitution")
        #expect(ben["secondaryPatterns"] as? [String] == [])
        let actions = try #require(ben["actions"] as? [String: Any])
        for key in ["outboundCalls", "emails", "linkedin", "meetings", "conversations", "workingDays"] {
            #expect(actions[key] is Int, "actions.\(key)")
        }
        let standard = try #require((ben["standards"] as? [[String: Any]])?.first)
        #expect(standard["metric"] as? String == "outbound-calls")
        #expect(standard["per"] as? String == "day")
        #expect(standard["target"] as? Double == 20)
        #expect(standard["actual"] as? Double == 6.2)
        #expect(standard["met"] as? Bool == false)
        let results = try #require(ben["results"] as? [String: Any])
        // No deals imported: unknown is null, never 0.
        #expect(results["wonThisQuarter"] is NSNull)
        #expect(results["pace"] is NSNull)
        #expect(results["quarterTarget"] as? Double == 100_000)
        let belief = try #require((ben["beliefs"] as? [[String: Any]])?.first)
        #expect(belief["id"] as? String == "social-beats-calls")
        #expect(belief["verdict"] as? String == "contradicted")
        #expect(belief["statement"] is String && belief["evidence"] is [String])
        #expect(ben["managerView"] as? String == "Below standard: 6.2 of 20 outbound calls a day.")
        #expect(ben["prompts"] as? [String] == ["@SUM(1+1) what have you seen?"])
        #expect(ben["experiences"] as? [String] == ["+call first, then connect"])
    }
}

/// The reverse funnel is in the Markdown and HTML report and agenda, and says when activity cannot close the gap.
struct ReverseFunnelRenderTests {
    @Test func theFunnelIsWrittenAndSaysWhenActivityAloneCannotCloseTheGap() {
        var team = hostileDiagnosis()
        team.sellers[0].reverseFunnel = ReverseFunnel(
            remainingAmount: 90_000, averageDealSize: 9_000, dealsNeeded: 10, conversationsPerDeal: 30,
            callsPerConversation: 12, weeksLeft: 4, conversationsPerWeekNeeded: 75, callsPerDayNeeded: 180,
            rateSource: "own", activityCanClose: false)
        let line =
            "To close the 90,000 left this quarter (10 deals of 9,000 on average): 75 conversations a week and 180 "
            + "outbound calls a day, at your own rates. Activity alone cannot close this gap: bigger deals, better "
            + "conversion or more pipeline must."
        #expect(MarkdownReport.team(team).contains("- Reverse funnel: " + line))
        #expect(HTMLReport.team(team).contains("<strong>Reverse funnel:</strong> " + line))
        let week = team.week
        #expect(AgendaMarkdown.agenda(team.sellers[0], week: week).contains("_Reverse funnel:_ " + line))
        #expect(AgendaHTML.agenda(team.sellers[0], week: week).contains("<em>Reverse funnel:</em> " + line))
    }
}

/// A seller on no team is named alone in the team report, without empty brackets.
struct TeamlessSellerTests {
    @Test func aSellerWithoutATeamHasNoEmptyBrackets() {
        var team = hostileDiagnosis()
        team.sellers[0].seller = SellerRef(email: "ann@example.com", name: "Ann Lee", team: "")
        let markdown = MarkdownReport.team(team)
        #expect(markdown.contains("## Ann Lee: channel-substitution"))
        #expect(!markdown.contains("()"))
    }
}
