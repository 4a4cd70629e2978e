import PyramidCore

/// Close: activity exports carry API field names (`date_created`, `user_name`, `disposition`); opportunity
/// exports (`lead_opps`) give the deals. The UI's own CSV layout is unconfirmed, so names are tolerant.
enum Close {
    static let all = [calls, opportunities]

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
