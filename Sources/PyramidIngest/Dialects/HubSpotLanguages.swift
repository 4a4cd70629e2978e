import PyramidCore

/// HubSpot's exports in the user's language: property labels and the default call outcomes translated (the
/// outcomes' GUIDs are the same in every language and already mapped). Sources: shared/CRM_FORMATS.md §9; the
/// French `ID de fiche d'informations` and `Date de création` are confirmed [C], the German outcome labels and the
/// rest inferred [I] (docs/crm-exports.md says which).
enum HubSpotLanguages {
    /// The English labels of HubSpot's layouts, each with its translations, per language in the order
    /// German, French, Spanish, Portuguese, Dutch, Italian.
    private static let labels: [String: [String]] = [
        "Record ID": [
            "Datensatz-ID", "ID de fiche d'informations", "ID de registro", "ID do registro", "Record-ID",
            "ID record",
        ],
        "Activity date": [
            "Aktivitätsdatum", "Date de l'activité", "Fecha de actividad", "Data da atividade",
            "Activiteitsdatum", "Data attività",
        ],
        "Activity assigned to": [
            "Aktivität zugewiesen an", "Activité attribuée à", "Actividad asignada a",
            "Atividade atribuída a", "Activiteit toegewezen aan", "Attività assegnata a",
        ],
        "Create Date": [
            "Erstellungsdatum", "Date de création", "Fecha de creación", "Data de criação",
            "Aanmaakdatum", "Data di creazione",
        ],
        "Associated Contact": [
            "Zugeordneter Kontakt", "Contact associé", "Contacto asociado", "Contato associado",
            "Gekoppeld contact", "Contatto associato",
        ],
        "Associated Company": [
            "Zugeordnetes Unternehmen", "Entreprise associée", "Empresa asociada",
            "Empresa associada", "Gekoppeld bedrijf", "Azienda associata",
        ],
        "Call Title": [
            "Anruftitel", "Titre de l'appel", "Título de la llamada", "Título da chamada", "Gesprekstitel",
            "Titolo della chiamata",
        ],
        "Call outcome": [
            "Anrufergebnis", "Résultat de l'appel", "Resultado de la llamada", "Resultado da chamada",
            "Gespreksresultaat", "Esito della chiamata",
        ],
        "Call direction": [
            "Anrufrichtung", "Direction de l'appel", "Dirección de la llamada", "Direção da chamada",
            "Gespreksrichting", "Direzione della chiamata",
        ],
        "Call duration": [
            "Anrufdauer", "Durée de l'appel", "Duración de la llamada", "Duração da chamada",
            "Gespreksduur", "Durata della chiamata",
        ],
        "Call status": [
            "Anrufstatus", "Statut de l'appel", "Estado de la llamada", "Status da chamada",
            "Gespreksstatus", "Stato della chiamata",
        ],
        "Email subject": [
            "E-Mail-Betreff", "Objet de l'e-mail", "Asunto del correo", "Assunto do e-mail",
            "E-mailonderwerp", "Oggetto dell'e-mail",
        ],
        "Email direction": [
            "E-Mail-Richtung", "Direction de l'e-mail", "Dirección del correo", "Direção do e-mail",
            "E-mailrichting", "Direzione dell'e-mail",
        ],
        "Email status": [
            "E-Mail-Status", "Statut de l'e-mail", "Estado del correo", "Status do e-mail",
            "E-mailstatus", "Stato dell'e-mail",
        ],
        "Meeting name": [
            "Meeting-Name", "Nom de la réunion", "Nombre de la reunión", "Nome da reunião",
            "Naam van vergadering", "Nome della riunione",
        ],
        "Meeting start time": [
            "Startzeit des Meetings", "Heure de début de la réunion",
            "Hora de inicio de la reunión", "Hora de início da reunião", "Begintijd van vergadering",
            "Ora di inizio della riunione",
        ],
        "Meeting outcome": [
            "Meeting-Ergebnis", "Résultat de la réunion", "Resultado de la reunión",
            "Resultado da reunião", "Resultaat van vergadering", "Esito della riunione",
        ],
        "Task title": [
            "Aufgabentitel", "Titre de la tâche", "Título de la tarea", "Título da tarefa", "Taaktitel",
            "Titolo dell'attività",
        ],
        "Task type": [
            "Aufgabentyp", "Type de tâche", "Tipo de tarea", "Tipo de tarefa", "Taaktype",
            "Tipo di attività",
        ],
        "Task status": [
            "Aufgabenstatus", "Statut de la tâche", "Estado de la tarea", "Status da tarefa",
            "Taakstatus", "Stato dell'attività",
        ],
        "Completed at": [
            "Abgeschlossen am", "Terminée le", "Completada el", "Concluída em", "Voltooid op",
            "Completata il",
        ],
        "Due date": [
            "Fälligkeitsdatum", "Date d'échéance", "Fecha de vencimiento", "Data de vencimento",
            "Vervaldatum", "Data di scadenza",
        ],
        "Deal Name": [
            "Dealname", "Nom de la transaction", "Nombre del negocio", "Nome do negócio", "Dealnaam",
            "Nome dell'affare",
        ],
        "Deal Stage": [
            "Dealphase", "Phase de la transaction", "Etapa del negocio", "Fase do negócio", "Dealfase",
            "Fase dell'affare",
        ],
        "Amount": ["Betrag", "Montant", "Importe", "Valor", "Bedrag", "Importo"],
        "Close Date": [
            "Abschlussdatum", "Date de fermeture", "Fecha de cierre", "Data de fechamento",
            "Sluitingsdatum", "Data di chiusura",
        ],
        "Deal owner": [
            "Dealinhaber", "Propriétaire de la transaction", "Propietario del negocio",
            "Proprietário do negócio", "Eigenaar van deal", "Proprietario dell'affare",
        ],
        "Currency": ["Währung", "Devise", "Moneda", "Moeda", "Valuta", "Valuta"],
    ]

    /// The default call outcomes, call directions and meeting outcomes, per language.
    private static let outcomes: [[String: Outcome]] = [
        [
            "kontakt aufgenommen": .connected, "verbunden": .connected, "voicemail hinterlassen": .voicemail,
            "live-nachricht hinterlassen": .voicemail, "keine antwort": .noAnswer, "besetzt": .busy,
            "falsche nummer": .wrongNumber, "abgeschlossen": .held, "nicht erschienen": .noShow,
            "geplant": .scheduled, "verschoben": .scheduled,
        ],
        [
            "connecté": .connected, "message vocal laissé": .voicemail, "message en direct laissé": .voicemail,
            "pas de réponse": .noAnswer, "occupé": .busy, "mauvais numéro": .wrongNumber, "terminé": .held,
            "absent": .noShow, "planifié": .scheduled, "reprogrammé": .scheduled,
        ],
        [
            "conectado": .connected, "dejó un mensaje de voz": .voicemail, "dejó un mensaje en vivo": .voicemail,
            "sin respuesta": .noAnswer, "ocupado": .busy, "número equivocado": .wrongNumber, "completada": .held,
            "no se presentó": .noShow, "programada": .scheduled, "reprogramada": .scheduled,
        ],
        [
            "conectado": .connected, "deixou mensagem de voz": .voicemail, "deixou mensagem ao vivo": .voicemail,
            "sem resposta": .noAnswer, "ocupado": .busy, "número errado": .wrongNumber, "concluída": .held,
            "não compareceu": .noShow, "agendada": .scheduled, "reagendada": .scheduled,
        ],
        [
            "verbonden": .connected, "voicemail achtergelaten": .voicemail, "live bericht achtergelaten": .voicemail,
            "geen antwoord": .noAnswer, "bezet": .busy, "verkeerd nummer": .wrongNumber, "voltooid": .held,
            "niet verschenen": .noShow, "gepland": .scheduled, "verzet": .scheduled,
        ],
        [
            "connesso": .connected, "messaggio vocale lasciato": .voicemail,
            "messaggio dal vivo lasciato": .voicemail, "nessuna risposta": .noAnswer, "occupato": .busy,
            "numero errato": .wrongNumber, "completata": .held, "non presentato": .noShow,
            "programmata": .scheduled, "riprogrammata": .scheduled,
        ],
    ]

    /// HubSpot's activity and deal layouts in every language above.
    static let all: [Dialect] = ExportLanguages.all.enumerated().flatMap { index, language in
        let labels = LocalizedLabels(
            code: language.code, name: language.name, headers: labels.mapValues { [$0[index]] },
            kinds: ActivityWords.kinds[language.code] ?? [:], directions: ExportLanguages.directions[index],
            outcomes: outcomes[index])
        return [HubSpot.calls, HubSpot.emails, HubSpot.meetings, HubSpot.tasks, HubSpot.deals].map {
            $0.localized(labels)
        }
    }
}
