import PyramidCore

/// A CRM's labels and values in one of its users' languages: applied to the English layout, it gives the layout
/// as that language's users export it (`Dialect.localized`). Data, like the layouts themselves; the tables say
/// where each label comes from (shared/CRM_FORMATS.md, "Exports in other languages").
struct LocalizedLabels: Sendable {
    /// The language's code (`de`) and English name (`German`).
    let code: String
    let name: String
    /// English header names to the names this language's exports use (several when versions differ).
    let headers: [String: [String]]
    /// Value maps (keys lowercased), added to the layout's own.
    var kinds: [String: ActivityKind] = [:]
    var directions: [String: Direction] = [:]
    var outcomes: [String: Outcome] = [:]
}

extension Dialect {
    /// This layout as exported in `labels`' language: the translated header names are tried before the English
    /// ones (exports often leave some labels in English), the signature is translated, the language's value
    /// maps are added, and slashed or dotted dates are read day first.
    func localized(_ labels: LocalizedLabels) -> Dialect {
        var localized = self
        localized.id = "\(id)-\(labels.code)"
        localized.title = "\(title) (\(labels.name))"
        localized.signature = signature.map { labels.headers[$0]?.first ?? $0 }
        localized.columns = columns.mapValues { names in names.flatMap { labels.headers[$0] ?? [] } + names }
        localized.dateOrder = .dayFirst
        localized.kinds.merge(labels.kinds) { own, _ in own }
        localized.directions.merge(labels.directions) { own, _ in own }
        localized.outcomes.merge(labels.outcomes) { own, _ in own }
        return localized
    }
}

/// The languages other than English whose exports are read, in the order the label tables list them.
enum ExportLanguages {
    static let all: [(code: String, name: String)] = [
        ("de", "German"), ("fr", "French"), ("es", "Spanish"), ("pt", "Portuguese"), ("nl", "Dutch"),
        ("it", "Italian"),
    ]

    /// Call directions (`Ausgehend`, `Sortant`, …) in each of `all`, as HubSpot and Salesforce write them.
    static let directions: [[String: Direction]] = [
        ["ausgehend": .outbound, "eingehend": .inbound], ["sortant": .outbound, "entrant": .inbound],
        ["saliente": .outbound, "entrante": .inbound], ["saída": .outbound, "entrada": .inbound],
        ["uitgaand": .outbound, "inkomend": .inbound], ["in uscita": .outbound, "in entrata": .inbound],
    ]
}

/// Activity types as Pipedrive's and HubSpot's users name them in their language (a type that contains
/// "LinkedIn" or "e-mail" is read as such in any language).
enum ActivityWords {
    static let kinds: [String: [String: ActivityKind]] = [
        "de": [
            "anruf": .call, "telefonat": .call, "besprechung": .meeting, "termin": .meeting, "aufgabe": .other,
            "frist": .other, "mittagessen": .meeting,
        ],
        "fr": [
            "appel": .call, "appel téléphonique": .call, "réunion": .meeting, "rendez-vous": .meeting,
            "tâche": .other, "échéance": .other, "déjeuner": .meeting,
        ],
        "es": [
            "llamada": .call, "reunión": .meeting, "tarea": .other, "plazo": .other, "almuerzo": .meeting,
            "correo electrónico": .email, "correo": .email,
        ],
        "pt": [
            "chamada": .call, "ligação": .call, "reunião": .meeting, "tarefa": .other, "prazo": .other,
            "almoço": .meeting,
        ],
        "nl": [
            "bellen": .call, "telefoongesprek": .call, "vergadering": .meeting, "afspraak": .meeting, "taak": .other,
            "lunch": .meeting,
        ],
        "it": [
            "chiamata": .call, "telefonata": .call, "riunione": .meeting, "compito": .other, "scadenza": .other,
            "pranzo": .meeting,
        ],
    ]
}

/// The words CRMs write for a deal's status or stage in the user's language.
extension ValueMaps {
    /// Status or stage words meaning won (besides `won`): German and Dutch, French, Spanish, Portuguese, Italian.
    public static let wonWords = [
        "gewonnen", "gagné", "gagnée", "ganado", "ganada", "ganho", "ganha", "vinto", "vinta",
    ]
    /// Status or stage words meaning lost (besides `lost`).
    public static let lostWords = ["verloren", "perdu", "perdue", "perdido", "perdida", "perso", "persa"]
}
