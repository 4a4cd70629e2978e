import PyramidCore

/// Salesforce report exports in the user's language: a report's column labels are the fields' labels in the
/// exporting user's language. All inferred [I] from Salesforce's standard field labels (shared/CRM_FORMATS.md §1a:
/// reports write labels in the user's language); docs/crm-exports.md says so.
enum SalesforceLanguages {
    /// The English labels of the two report layouts, each with its translations, in the order German, French,
    /// Spanish, Portuguese, Dutch, Italian.
    private static let labels: [String: [String]] = [
        "Assigned": ["Zugewiesen", "Attribué", "Asignado", "Atribuído", "Toegewezen", "Assegnato"],
        "Assigned To": ["Zugewiesen an", "Attribué à", "Asignado a", "Atribuído a", "Toegewezen aan", "Assegnato a"],
        "Subject": ["Betreff", "Objet", "Asunto", "Assunto", "Onderwerp", "Oggetto"],
        "Comments": ["Kommentare", "Commentaires", "Comentarios", "Comentários", "Opmerkingen", "Commenti"],
        "Date": ["Datum", "Date", "Fecha", "Data", "Datum", "Data"],
        "Due Date": [
            "Fälligkeitsdatum", "Date d'échéance", "Fecha de vencimiento", "Data de vencimento",
            "Vervaldatum", "Data di scadenza",
        ],
        "Created Date": [
            "Erstellungsdatum", "Date de création", "Fecha de creación", "Data de criação",
            "Aanmaakdatum", "Data creazione",
        ],
        "Completed Date/Time": [
            "Abschlussdatum/-uhrzeit", "Date/Heure de fin", "Fecha/hora de finalización",
            "Data/hora de conclusão", "Datum/tijd voltooid", "Data/ora completamento",
        ],
        "Task Subtype": [
            "Aufgabenuntertyp", "Sous-type de tâche", "Subtipo de tarea", "Subtipo de tarefa",
            "Subtype taak", "Sottotipo attività",
        ],
        "Activity Type": [
            "Aktivitätstyp", "Type d'activité", "Tipo de actividad", "Tipo de atividade",
            "Activiteitstype", "Tipo di attività",
        ],
        "Type": ["Typ", "Type", "Tipo", "Tipo", "Type", "Tipo"],
        "Call Duration": [
            "Anrufdauer", "Durée de l'appel", "Duración de la llamada", "Duração da chamada",
            "Gespreksduur", "Durata chiamata",
        ],
        "Call Type": [
            "Anruftyp", "Type d'appel", "Tipo de llamada", "Tipo de chamada", "Gesprekstype",
            "Tipo di chiamata",
        ],
        "Call Result": [
            "Anrufergebnis", "Résultat de l'appel", "Resultado de la llamada", "Resultado da chamada",
            "Gespreksresultaat", "Risultato chiamata",
        ],
        "Status": ["Status", "Statut", "Estado", "Status", "Status", "Stato"],
        "Contact": ["Kontakt", "Contact", "Contacto", "Contato", "Contactpersoon", "Contatto"],
        "Lead": ["Lead", "Piste", "Candidato", "Lead", "Lead", "Lead"],
        "Company / Account": [
            "Firma/Account", "Société/Compte", "Compañía/Cuenta", "Empresa/Conta",
            "Bedrijf/account", "Società/Account",
        ],
        "Activity ID": [
            "Aktivitäts-ID", "ID d'activité", "Id. de actividad", "ID da atividade", "Activiteit-ID",
            "ID attività",
        ],
        "Opportunity Owner": [
            "Opportunity-Inhaber", "Propriétaire de l'opportunité", "Propietario de oportunidad",
            "Proprietário da oportunidade", "Eigenaar opportunity", "Proprietario opportunità",
        ],
        "Opportunity Name": [
            "Opportunity-Name", "Nom de l'opportunité", "Nombre de la oportunidad",
            "Nome da oportunidade", "Naam opportunity", "Nome opportunità",
        ],
        "Amount": ["Betrag", "Montant", "Importe", "Valor", "Bedrag", "Importo"],
        "Stage": ["Phase", "Étape", "Etapa", "Fase", "Fase", "Fase"],
        "Close Date": [
            "Schlusstermin", "Date de clôture", "Fecha de cierre", "Data de fechamento",
            "Sluitingsdatum", "Data chiusura",
        ],
        "Opportunity ID": [
            "Opportunity-ID", "ID d'opportunité", "Id. de oportunidad", "ID da oportunidade",
            "Opportunity-ID", "ID opportunità",
        ],
    ]

    /// The two report layouts in every language above.
    static let all: [Dialect] = ExportLanguages.all.enumerated().flatMap { index, language in
        let labels = LocalizedLabels(
            code: language.code, name: language.name, headers: labels.mapValues { [$0[index]] },
            kinds: ActivityWords.kinds[language.code] ?? [:], directions: ExportLanguages.directions[index])
        return [Salesforce.report, Salesforce.reportOpportunities].map { $0.localized(labels) }
    }
}
