import Foundation
import PyramidCore

/// The words dialers and sellers write into a call's subject or notes when the export has no outcome column
/// (Pipedrive's `Outbound call – Connected`, `Left VM`, `Anrufbeantworter`), read as outcomes.
///
/// Phrases are matched as whole words, ignoring case and accents, and tried by outcome in `precedence` order: a
/// rejection or a wrong number says more than "connected", a voicemail more than "no answer", and a negated
/// phrase ("nicht erreicht") is found before the word it negates ("erreicht"). The built-in phrases cover
/// English, German, French, Spanish, Portuguese, Dutch and Italian; `import.outcome_words` in pyramid.yml adds a team's
/// own. A call whose words say nothing keeps the outcome `unknown`.
public struct OutcomeWords: Sendable {
    /// The outcomes words can name, most telling first.
    public static let precedence: [Outcome] = [
        .notInterested, .wrongNumber, .gatekeeper, .voicemail, .busy, .noAnswer, .connected,
    ]

    /// The built-in phrases for each outcome.
    public static let builtIn: [Outcome: [String]] = [
        .notInterested: [
            "not interested", "no interest", "hung up", "hang up", "rejected",  // English
            "kein interesse", "nicht interessiert", "aufgelegt", "abgelehnt",  // German
            "pas interesse", "pas interessee", "pas d'interet", "raccroche",  // French
            "no interesado", "no interesada", "no le interesa", "sin interes", "colgo",  // Spanish
            "nao interessado", "nao interessada", "sem interesse", "desligou",  // Portuguese
            "geen interesse", "niet geinteresseerd", "opgehangen",  // Dutch
            "non interessato", "non interessata", "ha riattaccato",  // Italian
        ],
        .wrongNumber: [
            "wrong number", "bad number", "invalid number", "number disconnected", "disconnected",
            "falsche nummer", "ungultige nummer", "kein anschluss",
            "mauvais numero", "faux numero", "numero invalide",
            "numero equivocado", "numero incorrecto", "numero invalido",
            "numero errado", "numero inexistente",
            "verkeerd nummer", "verkeerde nummer", "ongeldig nummer",
            "numero errato", "numero sbagliato", "numero inesistente",
        ],
        .gatekeeper: [
            "gatekeeper", "gate keeper", "receptionist", "front desk",
            "sekretariat", "vorzimmer", "zentrale",
            "barrage", "secretaire", "standardiste",
            "secretaria", "recepcion", "recepcionista",
            "recepcao",
            "receptie", "secretaresse", "receptioniste",
            "centralino",
        ],
        .voicemail: [
            "left voicemail", "left a voicemail", "voicemail", "voice mail", "left vm", "vm left", "lvm", "vm",
            "left message", "left a message", "answering machine",
            "mailbox", "anrufbeantworter", "ab besprochen", "sprachnachricht",
            "message vocal", "messagerie", "repondeur", "message laisse",
            "buzon de voz", "mensaje de voz", "contestador", "dejo mensaje",
            "caixa postal", "correio de voz", "mensagem de voz", "deixou mensagem",
            "ingesproken", "voicemail ingesproken", "antwoordapparaat",
            "segreteria", "segreteria telefonica", "messaggio in segreteria",
        ],
        .busy: [
            "busy", "line busy",
            "besetzt",
            "occupe", "ligne occupee",
            "ocupado", "linea ocupada", "comunicando",
            "linha ocupada",
            "bezet", "in gesprek",
            "occupato", "linea occupata",
        ],
        .noAnswer: [
            "no answer", "not answered", "unanswered", "no response", "no pickup", "no pick up", "not reached",
            "unreachable", "call unsuccessful", "unsuccessful", "not connected", "never connected",
            "did not connect", "didn't connect", "no conversation", "no connect", "could not reach",
            "nicht verbunden", "nicht gesprochen", "kein gesprach", "pas connecte", "non connecte",
            "no contactado", "no conectado", "nao conectado", "niet verbonden", "niet gesproken", "non connesso",
            "keine antwort", "nicht erreicht", "nicht abgenommen", "nicht erreichbar", "kein abheben",
            "pas de reponse", "sans reponse", "injoignable", "non joint", "pas joint", "pas repondu",
            "sin respuesta", "no contesta", "no contesto", "no responde", "no localizado",
            "sem resposta", "nao atendeu", "nao atende", "nao respondeu",
            "geen antwoord", "niet opgenomen", "geen gehoor", "niet bereikt", "onbereikbaar",
            "nessuna risposta", "non risponde", "non ha risposto", "irraggiungibile",
        ],
        .connected: [
            "connected", "spoke with", "spoke to", "spoke", "talked to", "talked with", "conversation", "reached",
            "answered", "had conversation", "call connected",
            "verbunden", "erreicht", "gesprochen", "gesprach",
            "connecte",
            "conectado", "contactado", "conversacion", "hablado", "hable con",
            "conversa", "atendeu", "falei com",
            "verbonden", "gesproken", "bereikt",
            "connesso", "parlato con", "raggiunto",
        ],
    ]

    /// The built-in phrases alone.
    static let standard = OutcomeWords()

    /// The phrases in force (folded as `fold` folds text), in the order they are tried.
    private let phrases: [(words: [UInt8], outcome: Outcome)]
    /// The phrases the team added (outcome raw value → phrases, as written), part of the interpretation.
    public let added: [String: [String]]

    /// The built-in phrases, with `added` (outcome raw values → the team's phrases) tried before them.
    public init(adding added: [String: [String]] = [:]) {
        self.added = added
        var phrases: [(words: [UInt8], outcome: Outcome)] = []
        for outcome in Self.precedence {
            let own = added[outcome.rawValue] ?? []
            for phrase in own + (Self.builtIn[outcome] ?? []) {
                let folded = Self.fold(phrase)
                if !folded.isEmpty { phrases.append((folded, outcome)) }
            }
        }
        self.phrases = phrases
    }

    /// The outcome that `text` names, or nil when it names none.
    public func outcome(in text: String) -> Outcome? {
        guard !text.isEmpty else { return nil }
        let folded = Self.fold(text)
        return phrases.first { Self.contains(folded, word: $0.words) }?.outcome
    }

    /// `text` lowercased, without accents, with every apostrophe written as `'`.
    static func fold(_ text: String) -> [UInt8] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
        // Typographic punctuation (no-break space, dashes, quotes, the ellipsis) separates words as ASCII does.
        let spaced = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value == 0x2019 ? "'" : Self.separators.contains(scalar.value) ? " " : scalar
                }))
        let folded = spaced.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Array(folded.lowercased().utf8)
    }

    /// No-break spaces, dashes, typographic quotes and the ellipsis, read as spaces between words.
    private static let separators: Set<UInt32> = [
        0x00A0, 0x2007, 0x202F, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2018, 0x201C, 0x201D, 0x2026,
        0x00AB, 0x00BB,
    ]

    /// Whether `word` stands in `text` with no letter or digit just before or after it.
    private static func contains(_ text: [UInt8], word: [UInt8]) -> Bool {
        guard word.count <= text.count, let first = word.first else { return false }
        var start = 0
        while start + word.count <= text.count {
            guard let at = text[start...].firstIndex(of: first), at + word.count <= text.count else { return false }
            if text[at..<at + word.count].elementsEqual(word)
                && (at == 0 || !isWordByte(text[at - 1]))
                && (at + word.count == text.count || !isWordByte(text[at + word.count]))
            {
                return true
            }
            start = at + 1
        }
        return false
    }

    /// Letters and digits (bytes past ASCII count as letters: a folded text keeps some).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte >= 0x80
    }
}
