import PyramidCore

/// Close: activity exports carry API field names (`date_created`, `user_name`, `disposition`); opportunity
/// exports (`lead_opps`) give the deals. The UI's own CSV layout is unconfirmed, so names are tolerant.
enum Close {
    static let all = [calls, callData, activities, opportunities]

    /// `<org> Calls.csv` written by Close's published `scripts/export_call_data.py`: no disposition; missed and
    /// voicemail calls have a duration of 0, so outcomes come from durations.
    static let callData = Dialect(
        id: "close-call-data", crm: "close", title: "Close calls (export_call_data.py)", holds: .activities,
        signature: ["remote_phone", "local_phone", "voicemail_url"],
        columns: [
            .id: ["id"], .owner: ["user_name", "updated_by_name", "user_id"], .timestamp: ["date_created"],
            .direction: ["direction"], .duration: ["duration"], .company: ["lead_name", "lead_id"],
            .contact: ["contact_name", "contact_id"], .outcome: ["disposition"], .status: ["status"],
        ],
        fixedKind: .call, keyPrefix: "close")

    /// The `/activity/` API's activities as CSV, every `_type` in one file: `Call`, `Email`, `EmailThread`,
    /// `Meeting`, `Note`, `SMS`, `LeadStatusChange` and custom activities (`Custom`, whose type's name says what
    /// it is: a "LinkedIn message" custom type is a LinkedIn touch). Replies are emails of their own.
    static let activities = Dialect(
        id: "close-activities", crm: "close", title: "Close activities export", holds: .activities,
        signature: ["_type", "date_created", "lead_id", "subject"],
        columns: [
            .id: ["id"], .owner: ["user_name", "user_email", "user_id"], .kind: ["_type"],
            .subtype: ["custom_activity_type_name", "custom_activity_type", "activity_type_name"],
            .timestamp: ["activity_at", "starts_at", "date_created"], .direction: ["direction"],
            .outcome: ["disposition", "outcome"], .duration: ["duration"], .subject: ["subject", "title"],
            .notes: ["note"], .contact: ["contact_name", "contact_id"], .company: ["lead_name", "lead_id"],
            .status: ["status"],
        ],
        kinds: [
            "emailthread": .email, "sms": .other, "note": .other, "leadstatuschange": .other,
            "opportunitystatuschange": .other, "taskcompleted": .other,
        ],
        outcomes: ["completed": .connected, "answered": .connected, "inbox": .replied],
        repliesAreRows: true, keyPrefix: "close")

    static let calls = Dialect(
        id: "close-calls", crm: "close", title: "Close calls export", holds: .activities,
        signature: ["disposition", "direction", "date_created"],
        columns: [
            .id: ["id", "activity_id"], .owner: ["user_email", "user_name", "user_id"], .kind: ["_type", "type"],
            .timestamp: ["activity_at", "date_created"], .direction: ["direction"], .outcome: ["disposition"],
            .duration: ["duration"], .subject: ["note", "call_method"], .contact: ["contact_name", "contact_id"],
            .company: ["lead_name", "lead_id"], .status: ["status"],
        ],
        fixedKind: .call, outcomes: ["completed": .connected, "answered": .connected], keyPrefix: "close")

    /// Opportunities (`lead_opps`): `value` is in cents, as everywhere in Close's API (`value_formatted` shows
    /// `$12,000` for a `value` of `1200000`).
    static let opportunities = Dialect(
        id: "close-opportunities", crm: "close", title: "Close opportunities export", holds: .deals,
        signature: ["lead_name", "status_type", "value"],
        columns: [
            .id: ["id", "opportunity_id"], .owner: ["user_email", "user_name"], .name: ["lead_name"],
            .amount: ["value"], .currency: ["value_currency"], .stage: ["status_label"], .status: ["status_type"],
            .closeDate: ["date_won", "date_lost", "expected_date", "close_date"],
            .createdDate: ["date_created"],
        ], amountInCents: true, keyPrefix: "close")
}
