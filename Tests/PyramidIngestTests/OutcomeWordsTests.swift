import PyramidCore
import Testing

@testable import PyramidIngest

/// Call outcomes read from the words dialers and sellers write in subjects and notes.
struct OutcomeWordsTests {
    @Test(arguments: [
        ("Outbound call – Connected", Outcome.connected), ("Left VM", .voicemail), ("LVM", .voicemail),
        ("Call - no answer", .noAnswer), ("Busy signal", .busy), ("Wrong number", .wrongNumber),
        ("Spoke with CFO, not interested", .notInterested), ("Got the gatekeeper again", .gatekeeper),
        ("Anrufbeantworter", .voicemail), ("Kunde nicht erreicht", .noAnswer), ("Erreicht, Termin folgt", .connected),
        ("Kein Interesse", .notInterested), ("Appel – pas de réponse", .noAnswer), ("Répondeur", .voicemail),
        ("Mauvais numéro", .wrongNumber), ("Llamada: buzón de voz", .voicemail), ("Número equivocado", .wrongNumber),
        ("Ligação - não atendeu", .noAnswer), ("Caixa postal", .voicemail), ("Geen gehoor", .noAnswer),
        ("Verkeerd nummer", .wrongNumber), ("Disconnected", .wrongNumber),
    ])
    func readsTheOutcomeInEachLanguage(text: String, outcome: Outcome) {
        #expect(OutcomeWords().outcome(in: text) == outcome)
    }

    @Test(arguments: ["Discovery call", "Quarterly business review", "Call with Ivy Chen", "", "Vmware renewal"])
    func wordsThatNameNoOutcomeLeaveItUnknown(text: String) {
        // "busy" is not in "business", "vm" not in "Vmware": phrases are whole words.
        #expect(OutcomeWords().outcome(in: text) == nil)
    }

    @Test func aTeamsOwnWordsComeFirst() {
        let words = OutcomeWords(adding: ["voicemail": ["Mailbox drauf"], "connected": ["durchgestellt"]])
        #expect(words.outcome(in: "Mailbox drauf gesprochen") == .voicemail)
        #expect(words.outcome(in: "Durchgestellt zur IT") == .connected)
        #expect(OutcomeWords().outcome(in: "Durchgestellt zur IT") == nil)
    }
}
