import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// What reading one fixture must give: the layout detection picks and how many rows land where.
struct FixtureExpectation: Sendable, CustomTestStringConvertible {
    var path: String
    var dialect: String
    var records: Int
    var quarantined = 0
    var footers = 0

    var testDescription: String { path }
}

/// Every built-in layout has a realistic fixture, and detection (no `--crm`) picks the right one.
struct DialectFixtureTests {
    static let fixtures: [FixtureExpectation] =
        [
            .init(path: "generic/activities.csv", dialect: "generic-activities", records: 7, quarantined: 1),
            .init(path: "generic/deals.csv", dialect: "generic-deals", records: 2, quarantined: 1),
            .init(path: "generic/roster.csv", dialect: "roster", records: 4),
            .init(path: "generic/time-off.csv", dialect: "time-off", records: 2),
            .init(path: "salesforce/report1763300000000.csv", dialect: "salesforce-report", records: 9, footers: 2),
            .init(
                path: "salesforce/report1763300123456.csv", dialect: "salesforce-report-opportunities", records: 4,
                footers: 2),
            .init(path: "salesforce/data-loader/Task.csv", dialect: "salesforce-task", records: 9),
            .init(path: "salesforce/data-export/Task.csv", dialect: "salesforce-task", records: 7),
            .init(path: "salesforce/data-export/Event.csv", dialect: "salesforce-event", records: 5),
            .init(path: "salesforce/data-export/Opportunity.csv", dialect: "salesforce-opportunity", records: 5),
            .init(path: "salesforce/data-export/User.csv", dialect: "salesforce-user", records: 5),
            .init(path: "hubspot/hubspot-crm-exports-calls-2026-11-16.csv", dialect: "hubspot-calls", records: 9),
            .init(path: "hubspot/hubspot-crm-exports-emails-2026-11-16.csv", dialect: "hubspot-emails", records: 5),
            .init(path: "hubspot/hubspot-crm-exports-meetings-2026-11-16.csv", dialect: "hubspot-meetings", records: 5),
            .init(path: "hubspot/hubspot-crm-exports-tasks-2026-11-16.csv", dialect: "hubspot-tasks", records: 7),
            .init(path: "hubspot/hubspot-crm-exports-deals-2026-11-16.csv", dialect: "hubspot-deals", records: 5),
            .init(path: "hubspot/hubspot-users-2026-11-16.csv", dialect: "hubspot-users", records: 5),
            .init(path: "pipedrive/activities-2026-11-16.csv", dialect: "pipedrive-activities", records: 8),
            .init(path: "pipedrive/deals-2026-11-16.csv", dialect: "pipedrive-deals", records: 5),
            .init(path: "close/close-calls-2026-11-16.csv", dialect: "close-calls", records: 9),
            .init(path: "close/close-opportunities-2026-11-16.csv", dialect: "close-opportunities", records: 5),
            .init(path: "zoho/Calls.csv", dialect: "zoho-calls", records: 7),
            .init(path: "zoho/Meetings.csv", dialect: "zoho-meetings", records: 5),
            .init(path: "zoho/Tasks.csv", dialect: "zoho-tasks", records: 5),
            .init(path: "zoho/Deals.csv", dialect: "zoho-deals", records: 5),
            .init(
                path: "dynamics/My Phone Calls 11-16-2026 9-15-42 AM.csv", dialect: "dynamics-phone-calls", records: 5),
            .init(path: "dynamics/My Emails 11-16-2026 9-16-05 AM.csv", dialect: "dynamics-emails", records: 5),
            .init(
                path: "dynamics/My Appointments 11-16-2026 9-16-30 AM.csv", dialect: "dynamics-appointments", records: 5
            ),
            .init(
                path: "dynamics/All Opportunities 11-16-2026 9-17-10 AM.csv", dialect: "dynamics-opportunities",
                records: 5),
            .init(path: "outreach/outreach-calls-2026-11-16.csv", dialect: "outreach-calls", records: 6),
            .init(path: "outreach/outreach-tasks-2026-11-16.csv", dialect: "outreach-tasks", records: 8),
            .init(path: "salesloft/salesloft-calls-2026-11-16.csv", dialect: "salesloft-calls", records: 6),
            .init(path: "salesloft/salesloft-activities-2026-11-16.csv", dialect: "salesloft-activities", records: 5),
            .init(path: "close/Acme Rockets Calls.csv", dialect: "close-call-data", records: 3),
            .init(path: "close/close-activities-2026-11-16.csv", dialect: "close-activities", records: 7),
            .init(path: "dynamics/My Tasks 11-16-2026 9-18-02 AM.csv", dialect: "dynamics-tasks", records: 3),
            .init(
                path: "dynamics/All Activities 11-16-2026 9-19-40 AM.csv", dialect: "dynamics-activities", records: 5),
        ] + languageFixtures

    /// The Pipedrive and HubSpot layouts in each of their users' languages (see PipedriveLanguageTests and
    /// HubSpotLanguageTests for their values).
    static let languageFixtures: [FixtureExpectation] =
        ["de", "fr", "es", "pt", "nl", "it"].flatMap { code in
            [
                FixtureExpectation(
                    path: "pipedrive/languages/activities-\(code).csv", dialect: "pipedrive-activities-\(code)",
                    records: 4),
                FixtureExpectation(
                    path: "pipedrive/languages/deals-\(code).csv", dialect: "pipedrive-deals-\(code)", records: 3),
                FixtureExpectation(
                    path: "hubspot/languages/hubspot-crm-exports-calls-\(code).csv", dialect: "hubspot-calls-\(code)",
                    records: 4),
                FixtureExpectation(
                    path: "hubspot/languages/hubspot-crm-exports-emails-\(code).csv", dialect: "hubspot-emails-\(code)",
                    records: 2),
                FixtureExpectation(
                    path: "hubspot/languages/hubspot-crm-exports-meetings-\(code).csv",
                    dialect: "hubspot-meetings-\(code)", records: 2),
                FixtureExpectation(
                    path: "hubspot/languages/hubspot-crm-exports-tasks-\(code).csv", dialect: "hubspot-tasks-\(code)",
                    records: code == "de" ? 3 : 2),
                FixtureExpectation(
                    path: "hubspot/languages/hubspot-crm-exports-deals-\(code).csv", dialect: "hubspot-deals-\(code)",
                    records: 3),
            ]
        }
        + ["de", "fr", "es", "pt", "nl", "it"].flatMap { code in
            [
                FixtureExpectation(
                    path: "salesforce/languages/report-activities-\(code).csv", dialect: "salesforce-report-\(code)",
                    records: 4, footers: 5),
                FixtureExpectation(
                    path: "salesforce/languages/report-opportunities-\(code).csv",
                    dialect: "salesforce-report-opportunities-\(code)", records: 3, footers: 5),
            ]
        }
        + ["es-2", "it-2"].map {
            FixtureExpectation(
                path: "pipedrive/languages/deals-\($0).csv", dialect: "pipedrive-deals-\($0)", records: 3)
        }

    @Test("each fixture is detected as its layout and read to the end", arguments: fixtures)
    func detectsAndCounts(_ expected: FixtureExpectation) throws {
        // Given a CRM export as the CRM writes it, When it is read with no --crm, Then detection picks its
        // layout and every row is a record, a quarantined row or a footer.
        let contents = try readFixture(expected.path)
        #expect(contents.dialectID == expected.dialect)
        #expect(contents.records.count == expected.records)
        #expect(contents.problems.count == expected.quarantined, "\(contents.problems.map(\.reason))")
        #expect(contents.footerLines.count == expected.footers)
    }

    @Test func everyBuiltInLayoutHasAFixture() {
        // Given the built-in layouts, Then each one is exercised by at least one fixture above.
        let covered = Set(Self.fixtures.map(\.dialect))
        let missing = Dialects.all.map(\.id).filter { !covered.contains($0) }
        #expect(missing == [])
        // 36 layouts in English; Pipedrive's two, HubSpot's five and Salesforce's two report layouts in six more
        // languages, and Spanish and Italian Pipedrive deals by their second object word
        #expect(Dialects.all.count == 36 + 6 * 9 + 2)
    }

    /// Every way the CRMs name a LinkedIn touch, with the fixture and the row's place among its activities.
    static let linkedInNamings: [(path: String, index: Int, naming: String)] = [
        ("salesforce/report1763300000000.csv", 3, "Task Subtype LinkedIn"),
        ("salesforce/data-loader/Task.csv", 2, "TaskSubtype LinkedIn"),
        ("salesforce/data-loader/Task.csv", 3, "TaskSubtype Task, Type__c LinkedIn"),
        ("salesforce/data-export/Task.csv", 4, "Subject 'LinkedIn InMail …', Type blank"),
        ("hubspot/hubspot-crm-exports-tasks-2026-11-16.csv", 0, "LINKED_IN_CONNECT"),
        ("hubspot/hubspot-crm-exports-tasks-2026-11-16.csv", 1, "LINKED_IN_MESSAGE"),
        ("hubspot/hubspot-crm-exports-tasks-2026-11-16.csv", 2, "LinkedIn Sales Navigator - Connection Request"),
        ("hubspot/hubspot-crm-exports-tasks-2026-11-16.csv", 6, "LinkedIn message"),
        ("pipedrive/activities-2026-11-16.csv", 1, "custom type LinkedIn (done)"),
        ("pipedrive/activities-2026-11-16.csv", 2, "custom type LinkedIn (to do)"),
        ("zoho/Tasks.csv", 0, "Subject 'LinkedIn: connection request …'"),
        ("zoho/Tasks.csv", 4, "Subject 'LinkedIn InMail …'"),
        ("outreach/outreach-tasks-2026-11-16.csv", 0, "LinkedIn: Send Connection Request"),
        ("outreach/outreach-tasks-2026-11-16.csv", 1, "LinkedIn: Send Message"),
        ("outreach/outreach-tasks-2026-11-16.csv", 2, "LinkedIn: View Profile"),
        ("outreach/outreach-tasks-2026-11-16.csv", 3, "LinkedIn: Interact With Post"),
        ("outreach/outreach-tasks-2026-11-16.csv", 4, "LinkedIn: Other"),
        ("salesloft/salesloft-activities-2026-11-16.csv", 2, "Step Type Other, Action LinkedIn - …"),
        ("salesloft/salesloft-activities-2026-11-16.csv", 3, "Step Type Integration, Action LinkedIn Sales Navigator"),
    ]

    @Test("every LinkedIn naming maps to kind linkedin", arguments: linkedInNamings)
    func linkedInNamingsMapToLinkedIn(path: String, index: Int, naming: String) throws {
        // Given a row whose CRM names it a LinkedIn touch, When it is read, Then its kind is linkedin.
        let activities = try readFixture(path).activities
        try #require(activities.count > index)
        #expect(activities[index].kind == .linkedin, "\(naming)")
    }
}
