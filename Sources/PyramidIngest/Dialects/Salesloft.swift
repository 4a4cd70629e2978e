import PyramidCore

/// Salesloft calls carry a Disposition (what happened) and a Sentiment (how it went); both are team-set,
/// starting from a standard list. The CSV column names are unconfirmed; names are tolerant.
enum Salesloft {
    static let all = [calls, activities]

    static let calls = Dialect(
        id: "salesloft-calls", crm: "salesloft", title: "Salesloft calls export", holds: .activities,
        signature: ["Disposition", "Sentiment"],
        columns: [
            .id: ["Id", "Call Id"], .owner: ["User Email", "User", "Caller", "Owner"],
            .timestamp: ["Created At", "Called At", "Date", "Timestamp"], .direction: ["Direction"],
            .outcome: ["Disposition"], .duration: ["Duration", "Duration (seconds)"],
            .subject: ["Sentiment", "Cadence"], .contact: ["Person", "To", "Person Name"],
            .company: ["Account", "Account Name"],
        ],
        fixedKind: .call, keyPrefix: "salesloft")

    static let activities = Dialect(
        id: "salesloft-activities", crm: "salesloft", title: "Salesloft activities export", holds: .activities,
        signature: ["Step Type", "Cadence"],
        columns: [
            .id: ["Id", "Activity Id"], .owner: ["User Email", "User", "Owner"], .kind: ["Step Type", "Type"],
            .subtype: ["Action"], .timestamp: ["Completed At", "Created At", "Date"], .outcome: ["Outcome"],
            .status: ["Status"], .subject: ["Subject", "Cadence"], .contact: ["Person", "Person Name"],
            .company: ["Account", "Account Name"],
        ],
        kinds: ["phone": .call, "integration": .other], keyPrefix: "salesloft")
}
