import Foundation
import PyramidCore

/// The values every CRM writes for kinds, directions, outcomes and statuses, mapped to the vocabulary.
///
/// Keys are lowercased and trimmed. A dialect's own maps are tried first; these are shared because the
/// same words mean the same thing across CRMs (see shared/CRM_FORMATS.md for where each comes from).
public enum ValueMaps {
    /// Activity types, task subtypes and sequence steps. A nil value means "says nothing about the kind"
    /// (e.g. Salesforce's generic `Task`), so the next column is asked.
    public static let kinds: [String: ActivityKind?] = [
        "call": .call, "calls": .call, "phone call": .call, "phonecall": .call, "phone": .call, "log a call": .call,
        "outbound call": .call, "inbound call": .call, "dial": .call, "calling": .call, "cold call": .call,
        "email": .email, "emails": .email, "e-mail": .email, "listemail": .email, "list email": .email,
        "auto email": .email, "manual email": .email, "auto_email": .email, "manual_email": .email,
        "incoming_email": .email, "forwarded_email": .email, "mail": .email,
        "linkedin": .linkedin, "linked_in": .linkedin, "linked_in_connect": .linkedin,
        "linked_in_message": .linkedin, "inmail": .linkedin, "social": .linkedin, "li": .linkedin,
        "meeting": .meeting, "meetings": .meeting, "event": .meeting, "appointment": .meeting, "demo": .meeting,
        "lunch": .meeting, "video call": .meeting, "visit": .meeting,
        "task": nil, "todo": nil, "to-do": nil, "cadence": nil, "generic task": nil, "other": .other,
        "deadline": .other, "prep": .other, "note": .other,
    ]

    /// Subject prefixes that name the kind when no column does (`Email: Re: pricing`, `Call with …`).
    public static let subjectPrefixes: [(prefix: String, kind: ActivityKind)] = [
        ("email:", .email), ("email de lista:", .email), ("e-mail:", .email), ("mass email:", .email),
        ("list email:", .email), ("linkedin", .linkedin), ("li connect", .linkedin), ("li message", .linkedin),
        ("inmail", .linkedin), ("call", .call), ("llamada", .call), ("phone call", .call), ("meeting", .meeting),
        ("reunión", .meeting), ("demo", .meeting),
    ]

    /// Call directions.
    public static let directions: [String: Direction] = [
        "outbound": .outbound, "outgoing": .outbound, "out": .outbound, "outbound call": .outbound,
        "inbound": .inbound, "incoming": .inbound, "in": .inbound, "inbound call": .inbound,
        "missed": .inbound, "email": .outbound, "incoming_email": .inbound, "forwarded_email": .outbound,
        "sent": .outbound, "received": .inbound, "internal": .outbound,
    ]

    /// Call results and dispositions.
    public static let callOutcomes: [String: Outcome] = [
        "connected": .connected, "answered": .connected, "had conversation": .connected, "conversation": .connected,
        "connected - qualified": .connected, "connected – qualified": .connected, "meeting booked": .connected,
        "interested": .connected, "requested more info": .connected, "requested call back": .connected,
        "completed": .connected, "left live message": .voicemail, "reached": .connected, "spoke": .connected,
        "voicemail": .voicemail, "left voicemail": .voicemail, "left voice mail": .voicemail,
        "left voice mail (vm)": .voicemail, "vm-left": .voicemail, "vm-answer": .voicemail,
        "vm-dropped": .voicemail, "voicemail left": .voicemail, "left message": .voicemail,
        "no answer": .noAnswer, "no-answer": .noAnswer, "not answered": .noAnswer, "no_answer": .noAnswer,
        "no voicemail": .noAnswer, "abandoned": .noAnswer, "call unsuccessful": .noAnswer,
        "no response/busy": .noAnswer, "no response": .noAnswer, "missed": .noAnswer,
        "busy": .busy, "wrong number": .wrongNumber, "wrong-number": .wrongNumber, "bad number": .wrongNumber,
        "invalid number": .wrongNumber, "blocked": .wrongNumber, "disconnected": .wrongNumber,
        "gatekeeper": .gatekeeper, "gate keeper": .gatekeeper, "receptionist": .gatekeeper,
        "not interested": .notInterested, "not-interested": .notInterested, "hung up": .notInterested,
        "hang up": .notInterested, "rejected": .notInterested,
    ]

    /// Email and LinkedIn results.
    public static let messageOutcomes: [String: Outcome] = [
        // A task's "completed" says the touch was made, not whether the buyer replied: it is no outcome here.
        "sent": .sent, "delivered": .sent, "opened": .sent, "clicked": .sent, "email": .sent,
        "replied": .replied, "reply": .replied, "finish - replied": .replied, "responded": .replied,
        "received": .replied, "incoming_email": .replied,
        "accepted": .accepted, "connected": .accepted, "connection accepted": .accepted,
        "bounced": .bounced, "bounce": .bounced, "failed": .bounced, "undeliverable": .bounced,
    ]

    /// Meeting results.
    public static let meetingOutcomes: [String: Outcome] = [
        "held": .held, "completed": .held, "done": .held, "attended": .held, "checked in": .held,
        "no-show": .noShow, "no show": .noShow, "no_show": .noShow, "noshow": .noShow,
        "scheduled": .scheduled, "rescheduled": .scheduled, "booked": .scheduled, "open": .scheduled,
        "canceled": .unknown, "cancelled": .unknown,
    ]

    /// Statuses that say an activity is planned or canceled, not done: it is stored but not counted.
    /// (Outreach tasks stay `incomplete` or `pending` until a seller completes them.)
    public static let notDoneStatuses: Set<String> = [
        "not started", "not_started", "to do", "todo", "undone", "in progress", "in_progress", "waiting",
        "waiting on someone else", "waiting for input", "deferred", "open", "scheduled", "planned", "pending send",
        "draft", "sending", "canceled", "cancelled", "failed to send", "incomplete", "pending",
        // The same in Pipedrive's and HubSpot's other languages: German, French, Spanish, Portuguese, Dutch, Italian
        "zu erledigen", "nicht erledigt", "offen", "à faire", "a faire", "non fait", "pendiente", "por hacer",
        "a fazer", "pendente", "te doen", "niet gedaan", "da fare", "non fatto", "nicht begonnen", "in bearbeitung",
        "wartend", "non commencé", "non commencée", "en cours", "en attente", "no iniciada", "no iniciado",
        "en curso", "en espera", "não iniciada", "não iniciado", "em andamento", "aguardando", "niet gestart",
        "bezig", "in afwachting", "non iniziata", "non iniziato", "in corso", "in attesa",
    ]

    /// Words for true and false in boolean columns.
    public static let booleans: [String: Bool] = [
        "1": true, "true": true, "yes": true, "y": true, "x": true, "won": true, "active": true, "done": true,
        "0": false, "false": false, "no": false, "n": false, "": false, "inactive": false, "deactivated": false,
    ]

    /// Currency names as lookup columns show them (Dynamics 365's `Currency` is the currency record's name, such
    /// as `US Dollar`), keyed lowercased.
    public static let currencyNames: [String: String] = [
        "us dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "british pound": "GBP",
        "canadian dollar": "CAD", "australian dollar": "AUD", "new zealand dollar": "NZD", "swiss franc": "CHF",
        "japanese yen": "JPY", "indian rupee": "INR", "mexican peso": "MXN", "brazilian real": "BRL",
        "swedish krona": "SEK", "danish krone": "DKK", "norwegian krone": "NOK", "polish zloty": "PLN",
        "singapore dollar": "SGD", "south african rand": "ZAR",
    ]

    /// The ISO 4217 code a currency cell names: a three-letter code as written, a known currency name mapped,
    /// anything else empty (so the amount's own code, if any, is used).
    public static func currencyCode(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 3, trimmed.allSatisfy({ $0.isASCII && $0.isLetter }) { return trimmed.uppercased() }
        return currencyNames[trimmed.lowercased()] ?? ""
    }

    /// The first cell of a report's totals line, which carries the sums in its other cells: "Grand Totals (5700
    /// records)", "Total", "Subtotal", and the same in German, French, Spanish, Portuguese, Dutch and Italian.
    public static func isTotals(_ firstCell: String) -> Bool {
        let text = firstCell.lowercased().trimmingCharacters(in: .whitespaces)
        let labels = [
            "grand total", "total", "subtotal", "gesamtsumme", "summe", "gesamt", "total général", "totaux",
            "sous-total", "total general", "totales", "subtotal", "totaal", "eindtotaal", "subtotaal", "totale",
            "totale complessivo", "subtotale",
        ]
        return labels.contains { label in
            text == label || text.hasPrefix(label + " (") || text.hasPrefix(label + "s (")
                || text.hasPrefix(label + ":")
        }
    }

    /// Lines Salesforce and other CRMs write after the data (report footers and totals).
    public static func isFooter(_ firstCell: String) -> Bool {
        let text = firstCell.lowercased()
        return text.hasPrefix("confidential information") || text.hasPrefix("copyright")
            || text.hasPrefix("grand total") || text == "total" || text.hasPrefix("total (")
            || text.hasPrefix("generated by") || text.hasPrefix("©")
    }
}
