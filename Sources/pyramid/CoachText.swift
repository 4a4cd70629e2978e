import PyramidCore

/// What `pyramid coach` prints.
enum CoachText {
    /// `pyramid coach SELLER --list --format json`.
    struct Log: Encodable {
        var seller: SellerRef
        var entries: [CoachingEntry]
    }

    /// One entry, as confirmed after recording or correcting it.
    static func summary(_ entry: CoachingEntry, seller: Seller) -> String {
        var lines = ["coaching entry \(entry.id): \(seller.name), week \(entry.week)" + by(entry)]
        lines += details(entry)
        if let experiment = entry.experiment {
            lines.append("  the agendas from \(entry.firstExperimentWeek) on follow it up until \(experiment.lastWeek)")
        }
        return lines.joined(separator: "\n")
    }

    /// The seller's log, oldest first.
    static func list(_ entries: [CoachingEntry], seller: Seller, format: ListFormat) throws -> String {
        if format == .json { return try Terminal.json(Log(seller: SellerRef(seller), entries: entries)) }
        if entries.isEmpty {
            return "no one-to-ones recorded for \(seller.name) yet; after the next one: "
                + "pyramid coach \(seller.email) --accept 1"
        }
        return entries.map { entry in
            (["#\(entry.id)  \(entry.week)" + by(entry)] + details(entry)).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    private static func by(_ entry: CoachingEntry) -> String {
        entry.manager.isEmpty ? "" : " (by \(entry.manager))"
    }

    private static func details(_ entry: CoachingEntry) -> [String] {
        var lines: [String] = []
        if !entry.note.isEmpty { lines.append("  note: \(entry.note)") }
        for agreement in entry.agreements { lines.append("  agreed: \(agreement)") }
        if let experiment = entry.experiment {
            lines.append("  experiment: \(experiment.name)")
            lines.append("    \(entry.firstExperimentWeek) to \(experiment.lastWeek)")
            if let belief = experiment.belief { lines.append("    tests the belief: \(belief)") }
            lines.append(
                "    measure: "
                    + (experiment.measure.map(\.description)
                        ?? "none (add one: pyramid coach … --edit \(entry.id) --measure METRIC --target N)"))
        }
        return lines
    }
}
