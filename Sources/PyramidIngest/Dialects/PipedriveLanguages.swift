import PyramidCore

/// Pipedrive's export headers in the user's language keep the `<Object> - <Field>` shape with both parts
/// translated (`Deal - Titel`, `Affaire - Titre`, `Negócio - Título`). Sources: shared/CRM_FORMATS.md §9; the
/// German and French deal labels, the French activity dates, Spanish and Portuguese labels are confirmed [C] there,
/// the rest inferred [I] (docs/crm-exports.md says which).
enum PipedriveLanguages {
    /// Each language: its object words (`Activity`, `Deal`, `Person`, `Organization`; Spanish accounts use
    /// `Negocio` or `Trato`) and its field words.
    struct Language {
        let code: String
        let name: String
        let objects: [String: [String]]
        let fields: [String: [String]]
    }

    static let languages: [Language] = [
        Language(
            code: "de", name: "German",
            objects: [
                "Activity": ["Aktivität"], "Deal": ["Deal"], "Person": ["Person"], "Organization": ["Organisation"],
            ],
            fields: [
                "ID": ["ID"], "Subject": ["Betreff"], "Type": ["Typ"], "Due date": ["Fälligkeitsdatum"],
                "Due time": ["Fälligkeitszeit"], "Duration": ["Dauer"], "Done": ["Erledigt"],
                "Marked as done time": ["Als erledigt markiert am"], "Assigned to user": ["Zugewiesen an Benutzer"],
                "Owner": ["Besitzer"], "User": ["Benutzer"], "Note": ["Notiz"], "Creation date": ["Erstellungsdatum"],
                "Add time": ["Hinzugefügt am"], "Person": ["Person"], "Organization": ["Organisation"],
                "Title": ["Titel"], "Value": ["Wert"], "Currency of value": ["Währung des Werts"],
                "Currency": ["Währung"], "Stage": ["Phase"], "Status": ["Status"],
                "Won time": ["Datum des gewonnenen Deals"], "Lost time": ["Datum des verlorenen Deals"],
                "Closed on": ["Deal abgeschlossen am"], "Expected close date": ["Erwartetes Abschlussdatum"],
                "Deal created": ["Deal erstellt"],
            ]),
        Language(
            code: "fr", name: "French",
            objects: [
                "Activity": ["Activité"], "Deal": ["Affaire"], "Person": ["Personne"], "Organization": ["Organisation"],
            ],
            fields: [
                "ID": ["ID"], "Subject": ["Sujet"], "Type": ["Type"], "Due date": ["Date d'échéance"],
                "Due time": ["Heure d'échéance"], "Duration": ["Durée"], "Done": ["Fait", "Terminé"],
                "Marked as done time": ["Marqué comme fait le", "Heure de fin"],
                "Assigned to user": ["Attribué à l'utilisateur"], "Owner": ["Propriétaire"], "User": ["Utilisateur"],
                "Note": ["Note"], "Creation date": ["Date de création", "Date d'ajout"], "Add time": ["Date d'ajout"],
                "Person": ["Personne"], "Organization": ["Organisation"], "Title": ["Titre"], "Value": ["Valeur"],
                "Currency of value": ["Devise de la valeur"], "Currency": ["Devise"], "Stage": ["Étape"],
                "Status": ["Statut"], "Won time": ["Date de gain"],
                "Lost time": ["Date de perte", "Heure de l'échec"], "Closed on": ["Fermée le"],
                "Expected close date": ["Date de clôture prévue"], "Deal created": ["Affaire créée"],
            ]),
        Language(
            code: "es", name: "Spanish",
            objects: [
                "Activity": ["Actividad"], "Deal": ["Negocio", "Trato"], "Person": ["Persona"],
                "Organization": ["Organización"],
            ],
            fields: [
                "ID": ["ID"], "Subject": ["Asunto"], "Type": ["Tipo"], "Due date": ["Fecha de vencimiento"],
                "Due time": ["Hora de vencimiento"], "Duration": ["Duración"], "Done": ["Completada", "Hecho"],
                "Marked as done time": ["Hora en que se marcó como completada"],
                "Assigned to user": ["Asignada al usuario"], "Owner": ["Propietario"], "User": ["Usuario"],
                "Note": ["Nota"], "Creation date": ["Fecha de creación"], "Add time": ["Fecha de creación"],
                "Person": ["Persona"], "Organization": ["Organización"], "Title": ["Título"], "Value": ["Valor"],
                "Currency of value": ["Moneda del valor"], "Currency": ["Moneda"], "Stage": ["Etapa"],
                "Status": ["Estado"], "Won time": ["Fecha de ganado"], "Lost time": ["Fecha de pérdida"],
                "Closed on": ["Cerrado el"], "Expected close date": ["Fecha de cierre prevista"],
                "Deal created": ["Negocio creado el", "Trato creado"],
            ]),
        Language(
            code: "pt", name: "Portuguese",
            objects: [
                "Activity": ["Atividade"], "Deal": ["Negócio"], "Person": ["Pessoa"], "Organization": ["Organização"],
            ],
            fields: [
                "ID": ["ID"], "Subject": ["Assunto"], "Type": ["Tipo"], "Due date": ["Data de vencimento"],
                "Due time": ["Hora de vencimento"], "Duration": ["Duração"], "Done": ["Status", "Concluída"],
                "Marked as done time": ["Marcado como feito em"], "Assigned to user": ["Usuário responsável"],
                "Owner": ["Proprietário"], "User": ["Usuário"], "Note": ["Nota"], "Creation date": ["Data de criação"],
                "Add time": ["Data de criação"], "Person": ["Pessoa"], "Organization": ["Organização"],
                "Title": ["Título"], "Value": ["Valor"], "Currency of value": ["Moeda do valor"],
                "Currency": ["Moeda"], "Stage": ["Etapa"], "Status": ["Status"], "Won time": ["Ganho em"],
                "Lost time": ["Data de perda"], "Closed on": ["Fechado em"],
                "Expected close date": ["Data de fechamento esperada"], "Deal created": ["Negócio criado em"],
            ]),
        Language(
            code: "nl", name: "Dutch",
            objects: [
                "Activity": ["Activiteit"], "Deal": ["Deal"], "Person": ["Persoon"], "Organization": ["Organisatie"],
            ],
            fields: [
                "ID": ["ID"], "Subject": ["Onderwerp"], "Type": ["Type"], "Due date": ["Vervaldatum"],
                "Due time": ["Vervaltijd"], "Duration": ["Duur"], "Done": ["Gedaan"],
                "Marked as done time": ["Gemarkeerd als gedaan op"], "Assigned to user": ["Toegewezen aan gebruiker"],
                "Owner": ["Eigenaar"], "User": ["Gebruiker"], "Note": ["Notitie"], "Creation date": ["Aanmaakdatum"],
                "Add time": ["Aanmaakdatum"], "Person": ["Persoon"], "Organization": ["Organisatie"],
                "Title": ["Titel"], "Value": ["Waarde"], "Currency of value": ["Valuta van waarde"],
                "Currency": ["Valuta"], "Stage": ["Fase"], "Status": ["Status"], "Won time": ["Tijdstip gewonnen"],
                "Lost time": ["Tijdstip verloren"], "Closed on": ["Gesloten op"],
                "Expected close date": ["Verwachte sluitingsdatum"], "Deal created": ["Deal aangemaakt"],
            ]),
        Language(
            code: "it", name: "Italian",
            objects: [
                "Activity": ["Attività"], "Deal": ["Trattativa", "Deal"], "Person": ["Persona"],
                "Organization": ["Organizzazione"],
            ],
            fields: [
                "ID": ["ID"], "Subject": ["Oggetto"], "Type": ["Tipo"], "Due date": ["Data di scadenza"],
                "Due time": ["Ora di scadenza"], "Duration": ["Durata"], "Done": ["Fatto"],
                "Marked as done time": ["Contrassegnato come fatto il"], "Assigned to user": ["Assegnato all'utente"],
                "Owner": ["Proprietario"], "User": ["Utente"], "Note": ["Nota"], "Creation date": ["Data di creazione"],
                "Add time": ["Data di creazione"], "Person": ["Persona"], "Organization": ["Organizzazione"],
                "Title": ["Titolo"], "Value": ["Valore"], "Currency of value": ["Valuta del valore"],
                "Currency": ["Valuta"], "Stage": ["Fase"], "Status": ["Stato"], "Won time": ["Data di vincita"],
                "Lost time": ["Data di perdita"], "Closed on": ["Chiusa il"],
                "Expected close date": ["Data di chiusura prevista"], "Deal created": ["Trattativa creata"],
            ]),
    ]

    /// Pipedrive's layouts in every language above; where a language has two words for an object (Spanish
    /// `Negocio` and `Trato`), one layout for each, as the header's signature names one of them.
    static let all: [Dialect] = languages.flatMap { language in
        Pipedrive.all.flatMap { dialect in
            let object = dialect.signature.first?.components(separatedBy: " - ").first ?? ""
            let words = language.objects[object] ?? [object]
            return words.indices.map { variant in
                var localized = dialect.localized(labels(language, for: dialect, variant: variant))
                if variant > 0 { localized.id += "-\(variant + 1)" }
                return localized
            }
        }
    }

    /// `language`'s labels for the headers of `dialect`: each `<Object> - <Field>` name with both parts translated,
    /// the object by its `variant`th word (the first for an object with one word).
    static func labels(_ language: Language, for dialect: Dialect, variant: Int) -> LocalizedLabels {
        func word(_ object: String) -> String? {
            language.objects[object].map { $0.indices.contains(variant) ? $0[variant] : $0[0] }
        }
        var headers: [String: [String]] = [:]
        for name in dialect.columns.values.joined() + dialect.signature {
            let parts = name.components(separatedBy: " - ")
            if parts.count == 2, let object = word(parts[0]), let fields = language.fields[parts[1]] {
                headers[name] = fields.map { "\(object) - \($0)" }
            } else if let object = word(name) {
                headers[name] = [object]  // a bare linked column: `Organization`
            }
        }
        return LocalizedLabels(
            code: language.code, name: language.name, headers: headers, kinds: ActivityWords.kinds[language.code] ?? [:]
        )
    }
}
