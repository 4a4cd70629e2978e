import PyramidCore

/// Salesforce's three export shapes: report exports (field labels, footer lines, times in the exporting user's
/// zone), Data Loader / API exports (API names, ISO datetimes in UTC), and the weekly Data Export service (every
/// cell quoted, `0/1`, Latin-1, datetimes in UTC written without an offset).
enum Salesforce {
    static let all = [report, reportOpportunities, task, event, opportunity, user]

    /// What the weekly Data Export writes for an empty Who/What/Campaign lookup: never a real record id.
    private static let emptyLookup: Set<String> = ["000000000000000AAA"]

    private static let outcomes: [String: Outcome] = [
        "we'll call back": .connected, "call unsuccessful": .noAnswer, "left voice mail": .voicemail,
        "no voicemail": .noAnswer, "had conversation": .connected,
    ]

    /// "Export → Details Only → CSV" of an activities report; owner is the full name.
    static let report = Dialect(
        id: "salesforce-report", crm: "salesforce", title: "Salesforce activities report", holds: .activities,
        signature: ["Assigned", "Subject", "Date"],
        columns: [
            .id: ["Activity ID", "Task ID"], .owner: ["Assigned", "Assigned To", "Owner"],
            .kind: ["Task Subtype", "Activity Type", "Type"], .subtype: ["Type"],
            .subject: ["Subject"], .notes: ["Comments", "Full Comments"],
            .timestamp: ["Completed Date/Time", "Start", "Start Date/Time"],
            .date: ["Date", "Due Date"], .created: ["Created Date"],
            .duration: ["Call Duration", "Call Duration (seconds)"],
            // `Direction` is a custom field some orgs add for logged emails and LinkedIn messages.
            .direction: ["Call Type", "Direction"],
            .outcome: ["Call Result", "Call Disposition"], .status: ["Status"],
            .contact: ["Contact", "Lead", "Name"], .company: ["Company / Account", "Account"],
        ],
        dateOrder: .auto, callFieldsImplyCall: true, outcomes: outcomes, reportFooter: true, keyPrefix: "sf")

    /// An opportunities report export.
    static let reportOpportunities = Dialect(
        id: "salesforce-report-opportunities", crm: "salesforce", title: "Salesforce opportunities report",
        holds: .deals, signature: ["Opportunity Name", "Stage", "Close Date"],
        columns: [
            .id: ["Opportunity ID"], .owner: ["Opportunity Owner", "Owner", "Owner Name"],
            .name: ["Opportunity Name"], .amount: ["Amount", "Amount (converted)"],
            .currency: ["Amount Currency", "Opportunity Currency"], .stage: ["Stage"], .won: ["Won"],
            .closed: ["Closed"], .closeDate: ["Close Date"], .createdDate: ["Created Date"],
        ], reportFooter: true, keyPrefix: "sf")

    /// Task.csv from Data Loader, the CLI or the weekly Data Export (API names; owner is a User Id).
    static let task = Dialect(
        id: "salesforce-task", crm: "salesforce", title: "Salesforce Task (API names)", holds: .activities,
        signature: ["Id", "Subject", "ActivityDate"],
        columns: [
            .id: ["Id"], .owner: ["Owner.Email", "OwnerId", "Owner.Name"],
            .kind: ["TaskSubtype", "Type"], .subtype: ["Type__c", "Type", "Activity_Type__c"],
            .subject: ["Subject"], .notes: ["Description"], .timestamp: ["CompletedDateTime"], .date: ["ActivityDate"],
            .created: ["CreatedDate"], .duration: ["CallDurationInSeconds"], .direction: ["CallType"],
            .outcome: [
                "CallDisposition", "Disposition__c", "Call_Outcome__c", "SalesLoft1__Call_Disposition__c",
            ],
            .status: ["Status"], .contact: ["WhoId", "Who.Name"], .company: ["AccountId", "What.Name"],
        ],
        dateOrder: .auto, timesInUTC: true, callFieldsImplyCall: true, outcomes: outcomes, keyPrefix: "sf"
    ).emptying(emptyLookup)

    /// Event.csv: meetings, with ActivityDateTime and DurationInMinutes.
    static let event = Dialect(
        id: "salesforce-event", crm: "salesforce", title: "Salesforce Event (API names)", holds: .activities,
        signature: ["Id", "Subject", "ActivityDateTime", "DurationInMinutes"],
        columns: [
            .id: ["Id"], .owner: ["Owner.Email", "OwnerId", "Owner.Name"], .kind: ["EventSubtype", "Type"],
            .subtype: ["Type__c", "Type"], .subject: ["Subject"], .timestamp: ["ActivityDateTime", "StartDateTime"],
            .date: ["ActivityDate"], .created: ["CreatedDate"], .duration: ["DurationInMinutes"],
            .outcome: ["Outcome__c", "Meeting_Outcome__c", "SalesLoft1__Call_Disposition__c"],
            .contact: ["WhoId", "Who.Name"], .company: ["AccountId", "What.Name"],
        ],
        dateOrder: .auto, durationUnit: .minutes, timesInUTC: true, fixedKind: .meeting,
        kinds: ["event": .meeting, "meeting": .meeting, "call": .meeting, "other": .meeting], keyPrefix: "sf"
    ).emptying(emptyLookup)

    /// Opportunity.csv.
    static let opportunity = Dialect(
        id: "salesforce-opportunity", crm: "salesforce", title: "Salesforce Opportunity (API names)", holds: .deals,
        signature: ["Id", "StageName", "CloseDate"],
        columns: [
            .id: ["Id"], .owner: ["Owner.Email", "OwnerId", "Owner.Name"], .name: ["Name"], .amount: ["Amount"],
            .currency: ["CurrencyIsoCode"], .stage: ["StageName"], .won: ["IsWon"], .closed: ["IsClosed"],
            .closeDate: ["CloseDate"], .createdDate: ["CreatedDate"],
        ], keyPrefix: "sf"
    ).emptying(emptyLookup)

    /// User.csv: the CRM's own roster; owner ids resolve through it, inactive users are people who left.
    static let user = Dialect(
        id: "salesforce-user", crm: "salesforce", title: "Salesforce User (API names)", holds: .roster,
        signature: ["Id", "Username", "Email", "IsActive"],
        columns: [
            .crmID: ["Id"], .email: ["Email"], .name: ["Name"], .firstName: ["FirstName"], .lastName: ["LastName"],
            .team: ["Department", "Division"], .manager: ["ManagerId"], .role: ["Title"],
            .active: ["IsActive"], .startDate: ["Start_Date__c"],
        ]
    ).emptying(emptyLookup)
}
