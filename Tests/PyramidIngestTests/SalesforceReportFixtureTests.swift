import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Salesforce "Export → Details Only → CSV" reports: field labels, every cell quoted, LF line ends, CRLF inside
/// multi-line cells, US-locale dates, owners as full names, and the confidentiality footer after a blank line.
/// The workspace time zone is UTC, so a written `11/10/2026 9:42 AM` is 09:42Z.
struct SalesforceReportFixtureTests {
    @Test func activitiesReport() throws {
        // Given an activities report with calls, emails, a LinkedIn task, an open task and an event
        let report = try readFixture("salesforce/report1763300000000.csv")
        // Then the footer is two footer lines after the blank line 12, not data
        #expect(report.dialectID == "salesforce-report")
        #expect(report.footerLines == [13, 14])
        #expect(report.problems == [])
        #expect(report.dateOrder == .monthFirst)
        #expect(
            report.kinds == [.call, .call, .email, .linkedin, .call, .other, .meeting, .email, .call])
        #expect(
            report.outcomes == [
                .connected, .voicemail, .unknown, .unknown, .connected, .unknown, .unknown, .unknown, .noAnswer,
            ])

        // The first row: a connected outbound call; its Comments cell spans two lines.
        let discovery = report.activities[0]
        // No Activity ID column: the key is a hash of owner, kind, time, contact and subject.
        #expect(discovery.key == "sf:h:d2283f6e290ba7f7")
        #expect(discovery.owner == "Maya Brooks")
        #expect(discovery.direction == .outbound)
        #expect(discovery.outcomeText == "Had conversation")
        #expect(discovery.occurredAt == 1_794_303_720)  // 2026-11-10 09:42 UTC
        #expect(discovery.loggedAt == 1_794_312_000)  // Created Date 11/10/2026, a date: noon UTC
        #expect(discovery.durationSeconds == 312)
        #expect((discovery.contact, discovery.company) == ("Priya Shah", "Northwind Traders"))
        #expect(discovery.done)

        let voicemail = report.activities[1]
        #expect(voicemail.occurredAt == 1_794_305_100)  // 2026-11-10 10:05 UTC
        #expect(voicemail.durationSeconds == 38)

        // Task Subtype LinkedIn, completed 11/13/2026 11:00 AM.
        let linkedIn = report.activities[3]
        #expect(linkedIn.key == "sf:h:3b7bda0ce6f624b6")
        #expect((linkedIn.owner, linkedIn.direction, linkedIn.outcome) == ("Tom Okafor", .outbound, .unknown))
        #expect(linkedIn.occurredAt == 1_794_567_600)
        #expect(linkedIn.durationSeconds == nil)

        // An inbound call whose free-text result is Salesforce's own example; the duration has a separator.
        let inbound = report.activities[4]
        #expect((inbound.direction, inbound.outcome) == (.inbound, .connected))
        #expect(inbound.outcomeText == "we'll call back")
        #expect(inbound.durationSeconds == 1205)
        #expect(inbound.occurredAt == 1_794_846_600)  // 11/16/2026 4:30 PM UTC

        // An open task: Not Started, so stored but not done; with no completion time it sits at noon.
        let open = report.activities[5]
        #expect(!open.done)
        #expect(open.occurredAt == 1_795_003_200)  // 2026-11-18 12:00 UTC

        // An event row (Task = 0): kind from Activity Type, no status, no outcome.
        let event = report.activities[6]
        #expect(event.key == "sf:h:2252af7ddf48ba95")
        #expect(event.done)
        #expect(event.occurredAt == 1_794_398_400)  // 2026-11-11 12:00 UTC

        // A list email to a lead: the Lead column stands in for the empty Contact.
        #expect(report.activities[7].contact == "Jon Park")
        #expect(report.activities[8].durationSeconds == 0)
        #expect(report.activities[8].occurredAt == 1_794_578_700)  // 2026-11-13 14:05 UTC
    }

    @Test func opportunitiesReport() throws {
        // Given an opportunities report with currency-prefixed amounts and the footer
        let report = try readFixture("salesforce/report1763300123456.csv")
        // Then each deal has its amount in cents, its currency, its status and its dates
        #expect(report.dialectID == "salesforce-report-opportunities")
        #expect(report.footerLines == [7, 8])
        let deals = report.deals
        #expect(deals.map(\.status) == [.won, .open, .lost, .open])
        #expect(deals.map(\.amountCents) == [4_800_000, 1_550_000, 925_050, nil])
        #expect(deals.map(\.currency) == ["USD", "USD", "EUR", ""])
        #expect(deals[0].key == "sf:h:bdc85b7e44ea9312")
        #expect(deals[0].owner == "Maya Brooks")
        #expect(deals[0].name == "Northwind - Platform expansion")
        #expect(deals[0].stage == "Closed Won")
        #expect(deals[0].closeDate == (try day("2026-11-12")))
        #expect(deals[0].createdDate == (try day("2026-09-10")))
        #expect(deals[2].closeDate == (try day("2026-11-03")))
        #expect(deals[3].key == "sf:h:66f5775bb4b994a0")
        #expect(deals[3].closeDate == (try day("2027-02-26")))
    }
}

/// A report ends with a blank line and its whole footer: the report's title, the copyright, "Confidential
/// Information", "Generated By" and the organisation's name, in the exporting user's language. None of it is a
/// row, a deal or a quarantined record.
struct SalesforceReportFooterTests {
    @Test func theWholeFooterOfAnOpportunitiesReportIsSkipped() throws {
        let report = try readFixture("salesforce/report1763300777777.csv")
        #expect(report.dialectID == "salesforce-report-opportunities")
        #expect(report.problems == [])
        // The totals line before the blank, then the title, the copyright, the notice, Generated By, the org
        #expect(report.footerLines == [5, 7, 8, 9, 10, 11])
        #expect(
            report.deals.map(\.name) == ["Northwind - Platform expansion", "Fabrikam - Renewal", "Contoso - Pilot"])
    }

    @Test func aFooterInGermanIsSkippedByItsShape() throws {
        let report = try readFixture("salesforce/report1763300888888.csv")
        #expect(report.dialectID == "salesforce-report")
        #expect(report.problems == [])
        #expect(report.footerLines == [6, 7, 8, 9, 10])
        #expect(report.activities.map(\.key) == ["sf:00TDn000002Xyz1", "sf:00TDn000002Xyz2", "sf:00TDn000002Xyz3"])
    }

    @Test func elsewhereAOneCellLineAfterABlankLineIsStillARow() throws {
        // Given a generic export with a blank line in the middle and a row that has only its owner
        let text = "id,owner,kind,timestamp\na1,ben@x.com,call,2026-11-10T09:00:00Z\n\nben@x.com\n"
        let reader = try ExportReader(name: "log.csv", size: Int64(text.utf8.count), options: ImportOptions()) {
            MemoryByteSource(text)
        }
        var footers = 0
        var problems: [RowProblem] = []
        while let row = try reader.next() {
            switch row {
            case .footer: footers += 1
            case .quarantined(let problem): problems.append(problem)
            case .record: break
            }
        }
        // Then it is quarantined with its line, not skipped as a footer
        #expect(footers == 0)
        #expect(problems.map(\.line) == [4])
    }
}

extension SalesforceReportFooterTests {
    @Test func aRowWhoseNameStartsWithTotalIsStillARow() throws {
        let text = """
            "Opportunity Name","Opportunity Owner","Stage","Amount","Close Date","Opportunity ID"
            "Total (Renewal 2026)","Maya Brooks","Negotiation","USD 5,000.00","12/1/2026","006Dn0000051001"
            "Grand Totals (1 record)","","","USD 5,000.00","",""

            """
        let reader = try ExportReader(name: "report.csv", size: Int64(text.utf8.count), options: ImportOptions()) {
            MemoryByteSource(text)
        }
        var names: [String] = []
        var footers = 0
        while let row = try reader.next() {
            switch row {
            case .record(.deal(let deal), _): names.append(deal.name)
            case .footer: footers += 1
            default: break
            }
        }
        #expect(names == ["Total (Renewal 2026)"])
        #expect(footers == 1)
    }
}
