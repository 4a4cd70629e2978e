import PyramidCore

/// HubSpot's UI exports (`hubspot-crm-exports-<view>-YYYY-MM-DD.csv`): property labels, one file per object,
/// every file starting with `Record ID`. Owners are full names; durations are milliseconds when bare.
enum HubSpot {
    static let all = [calls, emails, meetings, tasks, deals, users]

    private static let owner = ["Activity assigned to", "Assigned to", "HubSpot Owner", "Owner", "Activity owner"]
    private static let contact = ["Associated Contact", "Associated Contacts"]
    private static let company = ["Associated Company", "Associated Companies"]

    /// Calls: `Call outcome` holds the disposition label (a GUID in API dumps; the default GUIDs are mapped).
    static let calls = Dialect(
        id: "hubspot-calls", crm: "hubspot", title: "HubSpot calls export", holds: .activities,
        signature: ["Record ID", "Call direction"],
        columns: [
            .id: ["Record ID"], .owner: owner, .subject: ["Call Title", "Call title", "Subject"],
            .timestamp: ["Activity date", "Call date"], .created: ["Create Date"], .direction: ["Call direction"],
            .outcome: ["Call outcome", "Call disposition"], .duration: ["Call duration", "Call duration (ms)"],
            .status: ["Call status"], .contact: contact, .company: company,
        ],
        durationUnit: .milliseconds, fixedKind: .call,
        outcomes: [
            "f240bbac-87c9-4f6e-bf70-924b57d47db7": .connected, "b2cf5968-551e-4856-9783-52b3da59a7d0": .voicemail,
            "a4c4c377-d246-4b32-a13b-75a56a4cd0ff": .voicemail, "73a0d17f-1163-4015-bdd5-ec830791da20": .noAnswer,
            "9d9162e7-6cf3-4944-bf63-4dff82258764": .busy, "17b47fee-58de-441e-a44c-c6300d46f273": .wrongNumber,
        ],
        keyPrefix: "hubspot")

    /// Emails logged or sent from HubSpot; `INCOMING_EMAIL` is the buyer's reply, a row of its own.
    static let emails = Dialect(
        id: "hubspot-emails", crm: "hubspot", title: "HubSpot emails export", holds: .activities,
        signature: ["Record ID", "Email subject"],
        columns: [
            .id: ["Record ID"], .owner: owner, .subject: ["Email subject"], .timestamp: ["Activity date"],
            .created: ["Create Date"], .direction: ["Email direction"],
            .outcome: ["Email reply status", "Email send status"], .status: ["Email status"],
            .contact: contact, .company: company,
        ],
        fixedKind: .email, repliesAreRows: true, keyPrefix: "hubspot")

    /// Meetings with their outcome (`COMPLETED`, `NO_SHOW`, `SCHEDULED`, …).
    static let meetings = Dialect(
        id: "hubspot-meetings", crm: "hubspot", title: "HubSpot meetings export", holds: .activities,
        signature: ["Record ID", "Meeting outcome"],
        columns: [
            .id: ["Record ID"], .owner: owner, .subject: ["Meeting name", "Meeting title", "Call Title"],
            .timestamp: ["Meeting start time", "Activity date"], .created: ["Create Date"],
            .outcome: ["Meeting outcome"], .contact: contact, .company: company,
        ],
        fixedKind: .meeting, keyPrefix: "hubspot")

    /// Tasks: `Task type` says call, email, to-do or LinkedIn (`LINKED_IN_CONNECT`, `LINKED_IN_MESSAGE`).
    static let tasks = Dialect(
        id: "hubspot-tasks", crm: "hubspot", title: "HubSpot tasks export", holds: .activities,
        signature: ["Record ID", "Task type"],
        columns: [
            .id: ["Record ID"], .owner: owner, .subject: ["Task title", "Subject"], .kind: ["Task type"],
            .timestamp: ["Completed at", "Task completed date", "Activity date", "Due date"],
            .created: ["Create Date"], .status: ["Task status"], .contact: contact, .company: company,
            // Not a default property: teams that log LinkedIn replies add one (e.g. "LinkedIn outcome").
            .outcome: ["LinkedIn outcome", "Outcome", "Task outcome"],
        ],
        kinds: [
            "linked_in_connect": .linkedin, "linked_in_message": .linkedin, "linkedin connect": .linkedin,
            "linkedin message": .linkedin, "linkedin sales navigator - connection request": .linkedin,
            "linkedin sales navigator - inmail": .linkedin,
        ],
        keyPrefix: "hubspot")

    /// Deals: stage may be the label (`Closed Won`) or the internal id (`closedwon`).
    static let deals = Dialect(
        id: "hubspot-deals", crm: "hubspot", title: "HubSpot deals export", holds: .deals,
        signature: ["Record ID", "Deal Name", "Deal Stage"],
        columns: [
            .id: ["Record ID"], .owner: ["Deal owner", "Deal Owner", "HubSpot Owner"], .name: ["Deal Name"],
            .amount: ["Amount", "Amount in company currency"], .currency: ["Currency", "Deal currency code"],
            .stage: ["Deal Stage"], .closeDate: ["Close Date"], .createdDate: ["Create Date"],
        ], keyPrefix: "hubspot")

    /// The users export (Settings → Users & Teams → Export users).
    static let users = Dialect(
        id: "hubspot-users", crm: "hubspot", title: "HubSpot users export", holds: .roster,
        signature: ["Email", "First Name", "Last Name"],
        columns: [
            .email: ["Email"], .firstName: ["First Name"], .lastName: ["Last Name"],
            .team: ["Primary team", "Team", "Teams"], .role: ["Role", "Job title"],
            .crmID: ["Owner ID", "User ID", "HubSpot owner ID"], .active: ["Active", "Status"],
        ])
}
