import PyramidCore

/// Zoho CRM module exports: labels such as `Call Owner`, `Call Start Time`; ids prefixed `zcrm_`;
/// `Call Duration` as `MM:SS` beside `Call Duration (in seconds)`.
enum Zoho {
    static let all = [calls, meetings, tasks, deals]

    static let calls = Dialect(
        id: "zoho-calls", crm: "zoho", title: "Zoho CRM calls export", holds: .activities,
        signature: ["Call Owner", "Call Start Time"],
        columns: [
            .id: ["Record Id", "Call Id"], .owner: ["Call Owner"], .subject: ["Subject"],
            .direction: ["Call Type"], .timestamp: ["Call Start Time"], .created: ["Created Time"],
            .duration: ["Call Duration (in seconds)", "Call Duration"], .outcome: ["Call Result"],
            // `Related To` is the What (an account or deal), as in tasks and meetings; the person is `Contact Name`.
            .status: ["Call Status"], .contact: ["Contact Name"], .company: ["Account Name", "Related To"],
        ],
        fixedKind: .call, keyPrefix: "zoho")

    static let meetings = Dialect(
        id: "zoho-meetings", crm: "zoho", title: "Zoho CRM meetings export", holds: .activities,
        signature: ["Host", "From", "To"],
        columns: [
            .id: ["Record Id"], .owner: ["Host", "Meeting Owner", "Owner"], .subject: ["Title", "Event Title"],
            .timestamp: ["From", "Start DateTime"], .created: ["Created Time"], .outcome: ["Check-In State"],
            .contact: ["Contact Name", "Participants"], .company: ["Related To"],
        ],
        fixedKind: .meeting, outcomes: ["checked in": .held, "planned": .scheduled], keyPrefix: "zoho")

    static let tasks = Dialect(
        id: "zoho-tasks", crm: "zoho", title: "Zoho CRM tasks export", holds: .activities,
        signature: ["Task Owner", "Due Date"],
        columns: [
            .id: ["Record Id"], .owner: ["Task Owner"], .subject: ["Subject"], .kind: ["Type", "Task Type"],
            .timestamp: ["Closed Time"], .date: ["Due Date"], .created: ["Created Time"], .status: ["Status"],
            .contact: ["Contact Name"], .company: ["Related To"],
        ], keyPrefix: "zoho")

    static let deals = Dialect(
        id: "zoho-deals", crm: "zoho", title: "Zoho CRM deals export", holds: .deals,
        signature: ["Deal Owner", "Deal Name", "Stage"],
        columns: [
            .id: ["Record Id"], .owner: ["Deal Owner"], .name: ["Deal Name"], .amount: ["Amount"],
            .currency: ["Currency"], .stage: ["Stage"], .closeDate: ["Closing Date"], .createdDate: ["Created Time"],
        ],
        keyPrefix: "zoho")
}
