import Foundation

/// SplitMix64: small, fast and the same on every machine, so a seed always gives the same file.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick(_ choices: [String]) -> String { choices[below(choices.count)] }
}

private let owners = [
    "Ben Carter", "Léa Martin", "Tom Stone", "Priya Natarajan", "José García", "Zoë Müller", "Sam O'Neil",
    "Hannah Schmidt", "Marcus Lee", "Aiko Tanaka", "François Dubois", "Olivia Brown",
]
private let firstNames = [
    "Anna", "Ravi", "Chloe", "Diego", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Karin", "Liam",
    "Maya", "Noah", "Oskar", "Paula", "Quinn", "Rosa", "Søren", "Tara",
]
private let lastNames = [
    "Smith", "Johnson", "Nguyen", "Kowalski", "Rossi", "Fischer", "Dupont", "Silva", "Andersen", "Novak",
    "Hughes", "Bauer", "Moreau", "Jensen", "Costa", "Walsh",
]
private let companies = [
    "Acme Corp", "Globex", "Initech", "Umbrella Logistics", "Stark Industries", "Wayne Enterprises",
    "Hooli", "Vandelay Industries", "Soylent GmbH", "Tyrell Systems", "Cyberdyne Ltd", "Wonka Foods",
]
private let titles = [
    "Discovery call", "Follow-up call", "Demo recap", "Pricing discussion", "Renewal, Q3", "Intro call",
    "Onboarding check-in", "Cold call", "Contract review", "Quarterly business review",
]
private let outcomes = ["Connected", "Left voicemail", "No answer", "Busy", "Wrong number", "Left live message"]
private let sentences = [
    "Spoke with the buyer about next steps.", "Left a message, will try again Thursday.",
    "They asked for a revised quote, with volume pricing.", "Said \"call me back after the board meeting\".",
    "Budget approved for Q3.", "Gatekeeper said she is out of office until Monday.",
    "Needs security review, SOC 2 report, and a DPA before signing.", "Interested in the \"Pro\" tier.",
    "No decision yet.", "Send the case study and the ROI calculator.",
]

/// Writes `rows` rows shaped like a HubSpot calls export to `path`: CRLF records, notes quoted when they hold
/// commas, doubled quotes or (in about one row in ten) CRLF line breaks.
func generate(path: String, rows: Int, seed: UInt64 = 2024) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
        let file = FileHandle(forWritingAtPath: path)
    else { fail("cannot create \(path)") }
    defer { try? file.close() }
    var rng = SplitMix64(state: seed)
    var out: [UInt8] = []
    out.reserveCapacity(1 << 21)

    func field(_ text: String, last: Bool = false) {
        if text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) {
            out.append(0x22)
            for byte in text.utf8 {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        } else {
            out.append(contentsOf: text.utf8)
        }
        out.append(contentsOf: last ? [0x0D, 0x0A] : [0x2C])
    }

    let header = [
        "Record ID", "Call Title", "Activity date", "Activity assigned to", "Call outcome", "Call direction",
        "Call duration", "Call status", "Call notes", "Associated Contact", "Associated Company",
    ]
    for (index, name) in header.enumerated() { field(name, last: index == header.count - 1) }
    let twoDigits = (0..<60).map { $0 < 10 ? "0\($0)" : "\($0)" }
    let daysBefore = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
    for row in 0..<rows {
        let company = rng.pick(companies)
        let first = rng.pick(firstNames), last = rng.pick(lastNames)
        let day = row * 365 / rows
        let month = daysBefore.lastIndex { $0 <= day } ?? 0
        let date = "2025-\(twoDigits[month + 1])-\(twoDigits[day - daysBefore[month] + 1])"
        let connected = rng.chance(40)
        var notes = ""
        let lineBreaks = rng.chance(10)
        let sentenceCount = lineBreaks ? 2 + rng.below(3) : rng.chance(15) ? 0 : 1 + rng.below(4)
        for index in 0..<sentenceCount {
            if index > 0 { notes += lineBreaks ? "\r\n" : " " }
            notes += rng.pick(sentences)
        }
        field(String(24_000_000_000 + row * 17 + rng.below(17)))
        field(rng.chance(50) ? "\(rng.pick(titles)) - \(company)" : rng.pick(titles))
        field("\(date) \(twoDigits[8 + rng.below(10)]):\(twoDigits[rng.below(60)])")
        field(rng.pick(owners))
        field(connected ? "Connected" : rng.pick(outcomes))
        field(rng.chance(85) ? "Outbound" : "Inbound")
        field(connected ? String(30_000 + rng.below(1_800_000)) : "0")
        field(rng.chance(95) ? "Completed" : "Canceled")
        field(notes)
        field("\(first) \(last) (\(first.lowercased()).\(last.lowercased())@example.com)")
        field(company, last: true)
        if out.count >= 1 << 20 {
            file.write(Data(out))
            out.removeAll(keepingCapacity: true)
        }
    }
    file.write(Data(out))
}
