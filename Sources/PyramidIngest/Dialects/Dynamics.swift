import PyramidCore

/// Dynamics 365 "Export to Excel" views saved as CSV: three hidden `(Do Not Modify)` columns first, then the
/// view's display names. Durations are minutes; owners are full names; dates follow the user's locale.
enum Dynamics {
    static let all = [phoneCalls, emails, appointments, tasks, activities, opportunities]

    private static let owner = ["Owner", "Owner (Owning User)", "Assigned To"]

    static let phoneCalls = Dialect(
        id: "dynamics-phone-calls", crm: "dynamics", title: "Dynamics 365 phone calls export", holds: .activities,
        signature: ["(Do Not Modify) Phone Call"],
        columns: [
            .id: ["(Do Not Modify) Phone Call"], .owner: owner, .subject: ["Subject"], .notes: ["Description"],
            .direction: ["Direction"],
            .timestamp: ["Actual End", "Actual Start", "Due", "Date Created"], .created: ["Created On"],
            .duration: ["Duration", "Actual Duration"], .outcome: ["Left Voice Mail", "Call Result"],
            .status: ["Activity Status", "Status"], .contact: ["Call To", "Phone Number"], .company: ["Regarding"],
        ],
        durationUnit: .minutes, fixedKind: .call, outcomes: ["yes": .voicemail, "made": .unknown],
        keyPrefix: "dynamics")

    static let emails = Dialect(
        id: "dynamics-emails", crm: "dynamics", title: "Dynamics 365 emails export", holds: .activities,
        signature: ["(Do Not Modify) Email"],
        columns: [
            .id: ["(Do Not Modify) Email"], .owner: owner, .subject: ["Subject"], .direction: ["Direction"],
            .timestamp: ["Date Sent", "Actual End", "Date Created"], .created: ["Created On"],
            .outcome: ["Status Reason"], .status: ["Activity Status", "Status"], .contact: ["To", "From"],
            .company: ["Regarding"],
        ],
        fixedKind: .email, outcomes: ["received": .replied, "failed": .bounced], keyPrefix: "dynamics")

    static let appointments = Dialect(
        id: "dynamics-appointments", crm: "dynamics", title: "Dynamics 365 appointments export", holds: .activities,
        signature: ["(Do Not Modify) Appointment"],
        columns: [
            .id: ["(Do Not Modify) Appointment"], .owner: owner, .subject: ["Subject"],
            .timestamp: ["Start Time", "Scheduled Start", "Actual Start"], .created: ["Created On"],
            .duration: ["Duration"], .outcome: ["Status Reason"], .status: ["Activity Status", "Status"],
            .contact: ["Required Attendees", "Regarding"], .company: ["Regarding"],
        ],
        durationUnit: .minutes, fixedKind: .meeting,
        outcomes: ["completed": .held, "busy": .scheduled, "tentative": .scheduled, "free": .scheduled],
        keyPrefix: "dynamics")

    /// The Tasks view: a task's kind comes from its category or sub-category, else its subject (teams log
    /// LinkedIn touches as tasks: category `LinkedIn`, or a subject such as `LinkedIn InMail: …`).
    static let tasks = Dialect(
        id: "dynamics-tasks", crm: "dynamics", title: "Dynamics 365 tasks export", holds: .activities,
        signature: ["(Do Not Modify) Task"],
        columns: [
            .id: ["(Do Not Modify) Task"], .owner: owner, .subject: ["Subject"],
            .subtype: ["Category", "Sub-Category"],
            .timestamp: ["Actual End", "Date Completed", "Due Date", "Due"], .created: ["Created On"],
            .duration: ["Duration"], .status: ["Activity Status", "Status"], .contact: ["Regarding"],
            .company: ["Regarding"],
        ],
        durationUnit: .minutes, keyPrefix: "dynamics")

    /// The combined Activities view (All Activities, My Activities): `Activity Type` says what each row is
    /// (Phone Call, Email, Appointment, Task, or a LinkedIn activity of the Sales Navigator integration).
    static let activities = Dialect(
        id: "dynamics-activities", crm: "dynamics", title: "Dynamics 365 activities export", holds: .activities,
        signature: ["(Do Not Modify) Activity"],
        columns: [
            .id: ["(Do Not Modify) Activity"], .owner: owner, .kind: ["Activity Type"],
            .subtype: ["Category", "Sub-Category"], .subject: ["Subject"], .direction: ["Direction"],
            .timestamp: ["Actual End", "Start Date", "Due Date", "Date Created"],
            .created: ["Created On", "Date Created"],
            .duration: ["Duration", "Actual Duration"], .status: ["Activity Status", "Status"],
            .outcome: ["Status Reason"], .contact: ["Regarding"], .company: ["Regarding"],
        ],
        durationUnit: .minutes,
        kinds: ["linkedin inmail": .linkedin, "linkedin message": .linkedin, "recurring appointment": .meeting],
        outcomes: ["received": .replied, "failed": .bounced, "made": .unknown],
        keyPrefix: "dynamics")

    static let opportunities = Dialect(
        id: "dynamics-opportunities", crm: "dynamics", title: "Dynamics 365 opportunities export", holds: .deals,
        signature: ["(Do Not Modify) Opportunity"],
        columns: [
            .id: ["(Do Not Modify) Opportunity"], .owner: owner, .name: ["Topic", "Name"],
            .amount: ["Actual Revenue", "Est. Revenue", "Estimated Revenue"], .currency: ["Currency"],
            .stage: ["Pipeline Phase", "Sales Stage"], .status: ["Status"],
            .closeDate: ["Actual Close Date", "Est. Close Date", "Estimated Close Date"],
            .createdDate: ["Created On"],
        ], keyPrefix: "dynamics")
}
