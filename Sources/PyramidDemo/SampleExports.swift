import Foundation
import PyramidCore

/// Writes a simulated team as real CRM exports: the East team from HubSpot (calls, emails, LinkedIn tasks,
/// meetings, deals), the West team from Salesforce (an activities report with its footer, an opportunities
/// report), plus the roster and time off.
public struct SampleExports {
    /// What was written, for the person running the demo.
    public struct Written: Sendable {
        public var files: [URL]
        public var activities: Int
        public var deals: Int
    }

    /// Which layouts to write.
    public enum Layout: String, Sendable, CaseIterable {
        case mixed, hubspot, salesforce
    }

    public let personas: [Persona]
    public let week: ISOWeek
    public let weeks: Int
    public let seed: UInt64
    public let layout: Layout
    /// Stop after this many activities (for benchmark files of an exact size).
    public let limit: Int?
    /// The number in the first activity's id; the others follow.
    public let firstID: Int

    /// Creates a writer for `personas` over `weeks` weeks ending with `week`.
    public init(
        personas: [Persona], week: ISOWeek, weeks: Int = 8, seed: UInt64 = 42, layout: Layout = .mixed,
        limit: Int? = nil, firstID: Int = 1
    ) {
        self.personas = personas
        self.week = week
        self.weeks = weeks
        self.seed = seed
        self.layout = layout
        self.limit = limit
        self.firstID = firstID
    }

    /// Writes every file into `folder` (created if needed).
    public func write(to folder: URL) throws -> Written {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stamp = week.monday.adding(days: 7).description
        var files: [URL] = []
        func url(_ name: String) -> URL {
            let file = folder.appendingPathComponent(name)
            files.append(file)
            return file
        }
        try writeRoster(url("roster.csv"))
        try writeTimeOff(url("time-off.csv"))
        let useHubSpot = { (persona: Persona) in
            layout == .hubspot || (layout == .mixed && persona.team == "East")
        }
        let hubspot = try HubSpotFiles(
            calls: url("hubspot-crm-exports-calls-\(stamp).csv"),
            emails: url("hubspot-crm-exports-emails-\(stamp).csv"),
            tasks: url("hubspot-crm-exports-tasks-\(stamp).csv"),
            meetings: url("hubspot-crm-exports-meetings-\(stamp).csv"))
        let epoch = Int64(week.monday.adding(days: 7).daysSinceEpoch) * 86_400_000 + 32_400_000
        let salesforce = try SalesforceReportFile(url: url("report\(epoch).csv"))
        var simulator = Simulator(personas: personas, reportWeek: week, weeks: weeks, seed: seed, firstID: firstID)
        var count = 0
        try simulator.run { activity in
            if let limit, count >= limit { return }
            count += 1
            let persona = personas[activity.seller]
            if useHubSpot(persona) {
                try hubspot.write(activity, owner: persona.name)
            } else {
                try salesforce.write(activity, owner: persona.name)
            }
        }
        try hubspot.close()
        try salesforce.close()
        try writeDeals(
            simulator.deals, hubspotURL: url("hubspot-crm-exports-deals-\(stamp).csv"),
            salesforceURL: url("report\(epoch + 1).csv"), useHubSpot: useHubSpot)
        return Written(
            files: files.filter { FileManager.default.fileExists(atPath: $0.path) }, activities: count,
            deals: simulator.deals.count)
    }

    private func writeRoster(_ url: URL) throws {
        let file = try CSVFile(
            url: url, header: ["email", "name", "team", "manager", "role", "start_date", "end_date"])
        for persona in personas {
            try file.row([
                persona.email, persona.name, persona.team, persona.manager, persona.role, persona.startDate.description,
                persona.endDate?.description ?? "",
            ])
        }
        try file.close()
    }

    private func writeTimeOff(_ url: URL) throws {
        let file = try CSVFile(url: url, header: ["email", "start", "end"])
        for persona in personas where persona.onLeaveInReportWeek {
            try file.row([persona.email, week.monday.description, week.monday.adding(days: 4).description])
        }
        try file.close()
    }

    private func writeDeals(
        _ deals: [SampleDeal], hubspotURL: URL, salesforceURL: URL, useHubSpot: (Persona) -> Bool
    ) throws {
        let hubspot = try CSVFile(
            url: hubspotURL,
            header: [
                "Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Deal owner", "Pipeline", "Create Date",
            ])
        let salesforce = try CSVFile(
            url: salesforceURL,
            header: [
                "Opportunity Owner", "Opportunity Name", "Stage", "Amount", "Close Date", "Created Date",
                "Opportunity ID",
            ],
            quoteAll: true)
        for deal in deals {
            let persona = personas[deal.seller]
            if useHubSpot(persona) {
                let stage = deal.status == .won ? "Closed Won" : deal.status == .lost ? "Closed Lost" : "Contract Sent"
                try hubspot.row([
                    "\(9_100_000_000 + deal.id)", deal.name, stage, Numbers.format(deal.amount),
                    deal.closeDate.description + " 00:00", persona.name, "Sales Pipeline",
                    deal.createdDate.description + " 10:00",
                ])
            } else {
                let stage =
                    deal.status == .won ? "Closed Won" : deal.status == .lost ? "Closed Lost" : "Negotiation/Review"
                try salesforce.row([
                    persona.name, deal.name, stage, "USD " + Numbers.money(deal.amount) + ".00",
                    SalesforceReportFile.date(deal.closeDate),
                    SalesforceReportFile.date(deal.createdDate), "006Dn00000\(String(100_000 + deal.id))",
                ])
            }
        }
        try hubspot.close()
        try salesforce.raw(SalesforceReportFile.footer)
        try salesforce.close()
    }
}
