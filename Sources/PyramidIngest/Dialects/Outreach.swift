import PyramidCore

/// Outreach calls and tasks. Outreach stores no call duration: it is `Completed At − Answered At`.
/// LinkedIn touches are tasks of the `LinkedIn: …` step types. The UI's CSV column names are unconfirmed,
/// so both the labels and the API names are accepted (headers are folded, so `dialedAt` = `Dialed At`).
enum Outreach {
    static let all = [calls, tasks]

    static let calls = Dialect(
        id: "outreach-calls", crm: "outreach", title: "Outreach calls export", holds: .activities,
        signature: ["Dialed At", "Outcome"],
        columns: [
            .id: ["Id", "Call Id"], .owner: ["User Email", "User", "Owner", "User Name"],
            .timestamp: ["Dialed At", "Created At"], .answeredAt: ["Answered At"], .completedAt: ["Completed At"],
            .direction: ["Direction"], .outcome: ["Disposition", "Call Disposition", "Outcome"],
            .subject: ["Purpose", "Call Purpose", "Note"], .contact: ["Prospect", "Prospect Name"],
            .company: ["Account", "Account Name"],
        ],
        fixedKind: .call, outcomes: ["answered": .connected, "not answered": .noAnswer], keyPrefix: "outreach")

    static let tasks = Dialect(
        id: "outreach-tasks", crm: "outreach", title: "Outreach tasks export", holds: .activities,
        signature: ["Task Type", "Prospect"],
        columns: [
            .id: ["Id", "Task Id"], .owner: ["Owner Email", "Owner", "User"], .kind: ["Task Type", "Action"],
            .subtype: ["Step Type"], .timestamp: ["Completed At", "Due At"], .created: ["Created At"],
            .status: ["State", "Status"], .outcome: ["Sequence Action", "Outcome"],
            .subject: ["Subject", "Sequence", "Sequence Name"], .contact: ["Prospect", "Prospect Name"],
            .company: ["Account", "Account Name"],
        ],
        kinds: [
            "phone call": .call, "call": .call, "auto email": .email, "manual email": .email,
            "generic task": .other, "task": .other, "in person visit": .meeting,
        ],
        outcomes: ["finish - replied": .replied, "finish - no reply": .sent, "advance": .sent, "finish": .sent],
        keyPrefix: "outreach")
}
