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
        // Negations of "connected" are not connections; typographic punctuation separates words
        ("Outbound call – Not connected", .noAnswer), ("No conversation", .noAnswer), ("Nicht verbunden", .noAnswer),
        ("Unanswered", .noAnswer), ("“Left VM”", .voicemail), ("Connected…", .connected),
        ("Call—Connected", .connected), ("Répondeur\u{00A0}!", .voicemail),
    ])
    func readsTheOutcomeInEachLanguage(text: String, outcome: Outcome) {
        #expect(OutcomeWords().outcome(in: text) == outcome)
    }

    @Test(arguments: [
        "Discovery call", "Quarterly business review", "Call with Ivy Chen", "", "Vmware renewal", "Joint call with AE",
    ])
    func wordsThatNameNoOutcomeLeaveItUnknown(text: String) {
        // "busy" is not in "business", "vm" not in "Vmware": phrases are whole words.
        #expect(OutcomeWords().outcome(in: text) == nil)
    }

    @Test func aFreeTextResultColumnReadsTheSameWords() {
        #expect(RowNormalizer.callOutcome(fromFreeText: "not answered") == .noAnswer)
        #expect(RowNormalizer.callOutcome(fromFreeText: "left a voicemail") == .voicemail)
        #expect(RowNormalizer.callOutcome(fromFreeText: "spoke with CFO") == .connected)
        #expect(RowNormalizer.callOutcome(fromFreeText: "sales call") == .unknown)
    }

    @Test(arguments: [
        ("Closed Won", true, false), ("closedwon", true, false), ("Abgeschlossen und gewonnen", true, false),
        ("Chiusa persa", false, true), ("Person identified", false, false), ("Personalised demo", false, false),
    ])
    func dealStagesSayWonOrLostInWholeWords(stage: String, won: Bool, lost: Bool) {
        let text = stage.lowercased()
        #expect(RowNormalizer.says(text, ["won"] + ValueMaps.wonWords) == won)
        #expect(RowNormalizer.says(text, ["lost"] + ValueMaps.lostWords) == lost)
    }

    @Test func aTeamsOwnWordsComeFirst() {
        let words = OutcomeWords(adding: ["voicemail": ["Mailbox drauf"], "connected": ["durchgestellt"]])
        #expect(words.outcome(in: "Mailbox drauf gesprochen") == .voicemail)
        #expect(words.outcome(in: "Durchgestellt zur IT") == .connected)
        #expect(OutcomeWords().outcome(in: "Durchgestellt zur IT") == nil)
    }
}

/// The rules of reading outcomes from words, in pyramid.yml.
struct OutcomeWordsConfigTests {
    @Test func theTeamsWordsAndTheSwitchAreRead() throws {
        let config = try ConfigFile.parse(
            """
            import:
              outcomes_from_words: false
              outcome_words:
                voicemail: [mailbox drauf, AB]
            rules:
              journey_credit: first
              journey_window_days: 21
              minimum_recorded_share: 0.8
            """, file: "pyramid.yml")
        #expect(config.outcomesFromWords == false)
        #expect(config.outcomeWords == ["voicemail": ["mailbox drauf", "AB"]])
        #expect(config.rules.journeyCredit == .first)
        #expect(config.rules.journeyWindowDays == 21)
        #expect(config.rules.minimumRecordedShare == 0.8)
        // The template pyramid init writes reads as the defaults.
        let template = try ConfigFile.parse(ConfigFile.template, file: "pyramid.yml")
        #expect(template.outcomesFromWords)
        #expect(template.rules.journeyCredit == .any)
    }
}

extension OutcomeWordsConfigTests {
    @Test func aWrongCreditOrOutcomeNamesTheKeyAndLine() {
        let credit = #expect(throws: ConfigFile.Problem.self) {
            try ConfigFile.parse("rules:\n  journey_credit: latest\n", file: "pyramid.yml")
        }
        #expect(
            credit?.description == "pyramid.yml line 2: rules.journey_credit: 'latest' is not one of any, first, last")
        let outcome = #expect(throws: ConfigFile.Problem.self) {
            try ConfigFile.parse("import:\n  outcome_words:\n    voice_mail: [mailbox]\n", file: "pyramid.yml")
        }
        let expected =
            "pyramid.yml line 3: unknown key 'import.outcome_words.voice_mail' (expected one of "
            + "import.outcome_words.not-interested, import.outcome_words.wrong-number, "
            + "import.outcome_words.gatekeeper, import.outcome_words.voicemail, import.outcome_words.busy, "
            + "import.outcome_words.no-answer, import.outcome_words.connected)"
        #expect(outcome?.description == expected)
    }
}
