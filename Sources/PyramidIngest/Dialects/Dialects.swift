import PyramidCore

/// Every export layout Pyramid knows, one value per CRM export.
///
/// Where a layout is unconfirmed (shared/CRM_FORMATS.md marks it [I] or [?]) the columns list several
/// likely names and the reader is tolerant; docs/crm-exports.md says which.
public enum Dialects {
    /// All built-in layouts.
    public static let all: [Dialect] =
        [generic, genericDeals, roster, timeOff]
        + Salesforce.all + HubSpot.all + Pipedrive.all + Close.all + Zoho.all + Dynamics.all + Outreach.all
        + Salesloft.all + PipedriveLanguages.all + HubSpotLanguages.all + SalesforceLanguages.all

    /// The CRM names `--crm` accepts.
    public static var crmNames: [String] { Array(Set(all.map(\.crm))).sorted() }

    /// The documented generic activities format (docs/generic-format.md): one row per activity.
    public static let generic = Dialect(
        id: "generic-activities", crm: "generic", title: "Generic activities", holds: .activities,
        signature: ["owner", "kind", "timestamp"],
        columns: [
            .id: ["id"], .owner: ["owner", "owner_email"], .kind: ["kind"], .direction: ["direction"],
            .outcome: ["outcome"], .timestamp: ["timestamp"], .duration: ["duration", "duration_seconds"],
            .subject: ["subject"], .contact: ["contact"], .company: ["company"], .status: ["status"],
            .created: ["logged_at"],
        ], keyPrefix: "generic")

    /// The documented generic deals format.
    public static let genericDeals = Dialect(
        id: "generic-deals", crm: "generic", title: "Generic deals", holds: .deals,
        signature: ["owner", "amount", "close_date"],
        columns: [
            .id: ["id"], .owner: ["owner", "owner_email"], .name: ["name"], .amount: ["amount"],
            .currency: ["currency"], .stage: ["stage"], .status: ["status"], .closeDate: ["close_date"],
            .createdDate: ["created_date"],
        ], keyPrefix: "generic")

    /// The roster: `email,name,team,manager,role,start_date[,end_date][,crm_id]`.
    public static let roster = Dialect(
        id: "roster", crm: "generic", title: "Roster", holds: .roster,
        signature: ["email", "name", "team"],
        columns: [
            .email: ["email"], .name: ["name"], .team: ["team"], .manager: ["manager"], .role: ["role"],
            .startDate: ["start_date"], .endDate: ["end_date"], .crmID: ["crm_id"], .active: ["active"],
        ])

    /// Time off: `email,start,end`, inclusive dates.
    public static let timeOff = Dialect(
        id: "time-off", crm: "generic", title: "Time off", holds: .timeOff,
        signature: ["email", "start", "end"],
        columns: [.email: ["email"], .start: ["start"], .end: ["end"]])
}
