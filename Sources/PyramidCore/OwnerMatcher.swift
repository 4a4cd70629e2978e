import Foundation

/// Finds the seller an export's owner cell means: an email, a CRM user id or a full name.
///
/// Names match whatever their case, accents and spacing (`José Díaz` = `jose  diaz`), and `Díaz, José`
/// matches too. Salesforce's 15- and 18-character ids for one user match each other; Zoho's `zcrm_`
/// prefix is ignored.
public struct OwnerMatcher: Sendable {
    private var byEmail: [String: String] = [:]
    private var byID: [String: String] = [:]
    private var byName: [String: String] = [:]

    /// Builds the lookups from the roster.
    public init(sellers: [Seller]) {
        for seller in sellers {
            byEmail[seller.email.lowercased()] = seller.email
            if !seller.crmID.isEmpty {
                for key in OwnerMatcher.idKeys(seller.crmID) { byID[key] = seller.email }
            }
            byName[OwnerMatcher.foldName(seller.name)] = seller.email
        }
    }

    /// The email of the seller `owner` names, or nil when nobody on the roster matches.
    public func match(_ owner: String) -> String? {
        let trimmed = owner.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains("@") { return byEmail[trimmed.lowercased()] }
        for key in OwnerMatcher.idKeys(trimmed) {
            if let email = byID[key] { return email }
        }
        if let email = byName[OwnerMatcher.foldName(trimmed)] { return email }
        let parts = trimmed.split(separator: ",", maxSplits: 1)
        if parts.count == 2 {
            return byName[OwnerMatcher.foldName(parts[1] + " " + parts[0])]
        }
        return nil
    }

    /// Lowercase, accents removed, spaces collapsed.
    public static func foldName(_ name: some StringProtocol) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "." }).joined(separator: " ")
    }

    private static func idKeys(_ id: String) -> [String] {
        var id = id
        if id.lowercased().hasPrefix("zcrm_") { id = String(id.dropFirst(5)) }
        // A Salesforce 18-character id is the 15-character one plus a case-checksum.
        if id.count == 18, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            return ["id:" + id, "id:" + id.prefix(15)]
        }
        return ["id:" + id]
    }
}
