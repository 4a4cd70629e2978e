import Foundation

/// The order an export lists its rows in. The generator writes the oldest first; real exports rarely do: a
/// HubSpot or Pipedrive list view is usually sorted newest first, a Salesforce report is grouped by owner, and a
/// file merged from several exports is in no date order at all.
public enum RowOrder: String, Sendable, CaseIterable {
    case oldestFirst = "oldest-first"
    case newestFirst = "newest-first"
    /// By owner (in name order), then oldest first within each owner.
    case grouped
    /// In a seeded random order.
    case shuffled

    /// Rewrites the CSV file at `url` with its records in this order: the header stays first, and a report's
    /// footer (everything from the first blank line on) stays last. `grouped` sorts by the first column named in
    /// `owners` that the header has.
    public func apply(to url: URL, owners: [String] = Self.ownerColumns, seed: UInt64) throws {
        guard self != .oldestFirst else { return }
        let data = try Data(contentsOf: url)
        let bytes = [UInt8](data)
        var records = Self.records(bytes)
        guard records.count > 1 else { return }
        let header = records.removeFirst()
        var footer: Range<Int>?
        if let blank = records.firstIndex(where: { $0.count <= 2 && bytes[$0].allSatisfy { $0 == 10 || $0 == 13 } }) {
            footer = records[blank].lowerBound..<bytes.count
            records.removeSubrange(blank...)
        }
        switch self {
        case .oldestFirst: break
        case .newestFirst: records.reverse()
        case .grouped:
            let names = Self.cells(bytes[header])
            let column = owners.lazy.compactMap { names.firstIndex(of: $0) }.first ?? 0
            let keyed = records.enumerated().map {
                (owner: Self.cells(bytes[$1]).dropFirst(column).first ?? "", place: $0)
            }
            records = keyed.sorted { ($0.owner, $0.place) < ($1.owner, $1.place) }.map { records[$0.place] }
        case .shuffled:
            var rng = SplitMix(seed: seed)
            records.shuffle(using: &rng)
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 2)
        out.append(contentsOf: bytes[header])
        for record in records {
            out.append(contentsOf: bytes[record])
            // The last record of a file may end without a line break.
            if bytes[record].last != 10 { out.append(10) }
        }
        if let footer { out.append(contentsOf: bytes[footer]) }
        try Data(out).write(to: url)
    }

    /// The owner columns of the files the generator writes.
    public static let ownerColumns = ["Activity assigned to", "Assigned", "Deal owner", "Opportunity Owner", "email"]

    /// Each record's bytes, with its line break: a line break inside quotes does not end a record.
    static func records(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var quoted = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == 10 && !quoted {
                ranges.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// A record's cells, unquoted.
    static func cells(_ record: ArraySlice<UInt8>) -> [String] {
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var previous: UInt8 = 0
        for byte in record {
            if byte == UInt8(ascii: "\"") {
                if !quoted && previous == UInt8(ascii: "\"") { cell.append(byte) }
                quoted.toggle()
            } else if byte == UInt8(ascii: ",") && !quoted {
                cells.append(String(decoding: cell, as: UTF8.self))
                cell.removeAll(keepingCapacity: true)
            } else if byte != 10 && byte != 13 || quoted {
                cell.append(byte)
            }
            previous = byte
        }
        cells.append(String(decoding: cell, as: UTF8.self))
        return cells
    }
}
