import PyramidCore

/// Pipedrive list-view exports: headers are `<Object> - <Field>`; owners are user names; durations `HH:MM`;
/// LinkedIn is a custom activity type the team names (any type containing "LinkedIn" maps to it).
enum Pipedrive {
    static let all = [activities, deals]

    static let activities = Dialect(
        id: "pipedrive-activities", crm: "pipedrive", title: "Pipedrive activities export", holds: .activities,
        signature: ["Activity - Subject", "Activity - Type"],
        columns: [
            .id: ["Activity - ID"], .owner: ["Activity - Assigned to user", "Activity - Owner", "Activity - User"],
            .kind: ["Activity - Type"], .subject: ["Activity - Subject"], .notes: ["Activity - Note", "Note"],
            .date: ["Activity - Due date"],
            .time: ["Activity - Due time"], .timestamp: ["Activity - Marked as done time"],
            .created: ["Activity - Creation date", "Activity - Add time"], .duration: ["Activity - Duration"],
            .status: ["Activity - Done"], .outcome: ["Activity - Call outcome", "Activity - Outcome"],
            .contact: ["Activity - Person", "Contact person", "Person"],
            .company: ["Activity - Organization", "Organization"],
        ],
        twoPartDuration: .hoursMinutes, keyPrefix: "pipedrive")

    static let deals = Dialect(
        id: "pipedrive-deals", crm: "pipedrive", title: "Pipedrive deals export", holds: .deals,
        signature: ["Deal - Title", "Deal - Status"],
        columns: [
            .id: ["Deal - ID"], .owner: ["Deal - Owner"], .name: ["Deal - Title"], .amount: ["Deal - Value"],
            .currency: ["Deal - Currency of value", "Deal - Currency"], .stage: ["Deal - Stage"],
            .status: ["Deal - Status"],
            .closeDate: ["Deal - Won time", "Deal - Lost time", "Deal - Closed on", "Deal - Expected close date"],
            .createdDate: ["Deal - Deal created", "Deal - Add time"],
        ], keyPrefix: "pipedrive")
}
