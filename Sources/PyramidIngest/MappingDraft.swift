import Foundation
import PyramidCore

/// A commented mapping file drafted from an export's header and first rows (`pyramid mapping FILE`): the closest
/// layout, each canonical field with the column chosen and why, the fields not found, the date order and
/// delimiter seen. Unedited, it imports the file it was drafted from; the user edits it for anything else.
public struct MappingDraft: Sendable {
    /// The YAML text, with its comments.
    public let text: String
    /// The layout the draft started from, when one came near.
    public let closest: Dialect?

    /// How many rows after the header are looked at.
    static let sampleRows = 200

    /// Drafts a mapping for the export `name` whose bytes `open` gives (`options` narrow the layouts as for an
    /// import: `--crm`, `--as`).
    public init(
        name: String, options: ImportOptions, dialects: [Dialect] = Dialects.all, open: () throws -> any ByteSource
    )
        throws
    {
        let sample = try ExportSample(name: name, open: open)
        let candidates = try ExportReader.candidates(options: options, dialects: dialects)
        let header = Header(sample.header)
        // The closest layout: the most signature columns present, then the most fields bound.
        let ranked = candidates.map { dialect -> (dialect: Dialect, signature: Int, fields: Int) in
            let binding = ExportReader.looseBinding(dialect, header)
            return (dialect, dialect.signature.filter { header.position(of: $0) != nil }.count, binding.count)
        }.filter { $0.fields > 0 }.sorted { ($0.signature, $0.fields) > ($1.signature, $1.fields) }
        closest = ranked.first?.dialect
        text = Self.render(name: name, sample: sample, header: header, closest: closest, options: options)
    }

    private static func render(
        name: String, sample: ExportSample, header: Header, closest: Dialect?, options: ImportOptions
    ) -> String {
        let holds = closest?.holds ?? options.kind ?? .activities
        var lines = [
            "# Mapping for \(name), drafted by `pyramid mapping` from its header and first \(sample.rows.count) rows.",
            "# Import with: pyramid import --mapping THIS-FILE \(name)",
            "# Edit the column of any field below (a name, or a list tried in order), add one that was not found,",
            "# and map your CRM's own words under kinds, outcomes and directions.",
            "# Delimiter seen: '\(sample.delimiterName)'; date order seen: \(sample.dateOrder.rawValue).",
        ]
        if let closest {
            lines.append("# Closest layout: \(closest.title) (\(closest.id)).")
        } else {
            lines.append("# No known layout comes near: every column below was chosen by its values.")
        }
        lines.append("name: \(yaml(closest?.keyPrefix ?? "mapping"))")
        lines.append("holds: \(holds.rawValue)")
        lines.append("columns:")
        var used = Set<Int>()
        var notFound: [Field] = []
        // A duration column chosen by its values whose name says minutes (`Talk time (min)`).
        var minutes = false
        let binding = closest.map { ExportReader.looseBinding($0, header) } ?? [:]
        // Columns the layout names are its own: a field it lacks is guessed among the others only.
        used.formUnion(binding.values.joined())
        for field in fields(holds) {
            if let indexes = binding[field], !indexes.isEmpty {
                let names = indexes.map { sample.header[$0] }
                let value = names.count == 1 ? yaml(names[0]) : "[" + names.map(yaml).joined(separator: ", ") + "]"
                lines.append(
                    "  \(field.rawValue): \(value)  # its name is \(closest?.title ?? "")'s for \(field.label)")
            } else if let (index, why) = guess(field, sample: sample, excluding: used) {
                used.insert(index)
                lines.append("  \(field.rawValue): \(yaml(sample.header[index]))  # chosen by its values: \(why)")
                if field == .duration, sample.header[index].lowercased().contains("min") { minutes = true }
            } else {
                notFound.append(field)
            }
        }
        // The fields worth adding: a time is found when any of the time columns is.
        let times: [Field] = [.timestamp, .date, .time, .completedAt, .created, .answeredAt]
        let timeFound = times.contains { !notFound.contains($0) }
        let missing = notFound.filter { !(timeFound && times.contains($0)) && $0 != .subtype }.map(\.rawValue)
        if !missing.isEmpty {
            lines.append("# Not found (add a column if the file has one): \(missing.joined(separator: ", ")).")
        }
        let unused = sample.header.indices.filter { !used.contains($0) }.map { sample.header[$0] }
        if !unused.isEmpty {
            lines.append("# Columns not used: " + unused.map { "'\($0)'" }.joined(separator: ", ") + ".")
        }
        let order = options.dateOrder ?? (sample.dateOrder == .auto ? closest?.dateOrder ?? .auto : sample.dateOrder)
        lines.append("date_order: \(order.rawValue)")
        if minutes {
            lines.append("duration_unit: minutes  # the duration column's name says minutes")
        } else if let closest {
            lines.append("duration_unit: \(closest.durationUnit.rawValue)")
        }
        if let closest {
            lines.append("two_part_duration: \(closest.twoPartDuration.rawValue)")
            if let kind = closest.fixedKind { lines.append("kind: \(kind.rawValue)") }
            for (key, flag) in [
                ("amount_in_cents", closest.amountInCents), ("times_in_utc", closest.timesInUTC),
                ("call_fields_imply_call", closest.callFieldsImplyCall), ("replies_are_rows", closest.repliesAreRows),
                ("report_footer", closest.reportFooter),
            ] where flag {
                lines.append("\(key): true")
            }
            if !closest.emptyMarkers.isEmpty {
                lines.append("empty_values: [" + closest.emptyMarkers.sorted().map(yaml).joined(separator: ", ") + "]")
            }
            lines.append(contentsOf: valueMap("kinds", closest.kinds.mapValues(\.rawValue)))
            lines.append(contentsOf: valueMap("outcomes", closest.outcomes.mapValues(\.rawValue)))
            lines.append(contentsOf: valueMap("directions", closest.directions.mapValues(\.rawValue)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The fields a file of `holds` can fill, in the order a person reads them.
    static func fields(_ holds: ExportKind) -> [Field] {
        switch holds {
        case .activities:
            [
                .id, .owner, .timestamp, .date, .time, .completedAt, .created, .kind, .subtype, .direction, .outcome,
                .status, .duration, .answeredAt, .subject, .notes, .contact, .company,
            ]
        case .deals: [.id, .owner, .name, .amount, .currency, .stage, .status, .won, .closed, .closeDate, .createdDate]
        case .roster:
            [.email, .name, .firstName, .lastName, .team, .manager, .role, .startDate, .endDate, .crmID, .active]
        case .timeOff: [.email, .start, .end]
        }
    }

    /// The unused column whose sampled values fit `field`, with why; nil when none does clearly (at least two
    /// values, four in five of them fitting).
    private static func guess(_ field: Field, sample: ExportSample, excluding used: Set<Int>) -> (Int, String)? {
        let test: ((String) -> Bool)?
        let why: String
        switch field {
        case .owner, .email:
            test = { $0.contains("@") && !$0.contains(" ") }
            why = "email addresses"
        case .timestamp:
            test = { DateTimeText.parse($0, order: sample.dateOrder)?.secondsOfDay != nil }
            why = "dates with times"
        case .date, .closeDate, .start, .end:
            test = { DateTimeText.parse($0, order: sample.dateOrder) != nil }
            why = "dates"
        case .kind:
            test = { ValueMaps.kinds[$0.lowercased()] != nil }
            why = "activity types such as call or email"
        case .direction:
            test = { ValueMaps.directions[$0.lowercased()] != nil }
            why = "directions such as outbound or inbound"
        case .outcome:
            test = { text in
                let value = text.lowercased()
                return ValueMaps.callOutcomes[value] != nil || ValueMaps.messageOutcomes[value] != nil
                    || ValueMaps.meetingOutcomes[value] != nil || OutcomeWords().outcome(in: text) != nil
            }
            why = "outcomes such as connected or voicemail"
        case .duration:
            test = { NumberText.duration($0, unit: .seconds) != nil }
            why = "durations"
        case .amount:
            test = { NumberText.amount($0) != nil }
            why = "amounts"
        default:
            test = nil
            why = ""
        }
        guard let test else { return nil }
        for index in sample.header.indices where !used.contains(index) {
            let values = sample.rows.compactMap { $0.indices.contains(index) ? $0[index] : nil }.filter { !$0.isEmpty }
            guard values.count >= 2 else { continue }
            if values.filter(test).count * 5 >= values.count * 4 { return (index, why) }
        }
        return nil
    }

    private static func valueMap(_ key: String, _ map: [String: String]) -> [String] {
        guard !map.isEmpty else { return [] }
        return ["\(key):"] + map.sorted { $0.key < $1.key }.map { "  \(yaml($0.key)): \($0.value)" }
    }

    /// `text` as a YAML scalar, quoted.
    static func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// An export's header and first rows, as text, with the delimiter and the date order they suggest.
struct ExportSample {
    let header: [String]
    let rows: [[String]]
    let delimiterName: String
    let dateOrder: DateOrder

    init(name: String, open: () throws -> any ByteSource) throws {
        let prefix = try ExportReader.readPrefix(try open())
        guard !prefix.isEmpty else { throw IngestError.emptyFile(file: name) }
        try FileSniffer.checkText(prefix, file: name)
        let encoding = FileSniffer.encoding(of: prefix)
        let bytes = try open()
        let source =
            encoding.isUTF16
            ? AnyByteSource(UTF16ToUTF8Source(base: AnyByteSource(bytes), bigEndian: encoding == .utf16BE))
            : AnyByteSource(bytes)
        let delimiter =
            encoding.isUTF16
            ? UInt8(ascii: ",") : FileSniffer.delimiter(ofUTF8: prefix)
        delimiterName = delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter))
        var reader = CSVReader(source: source, file: name, delimiter: delimiter)
        var decoder = TextDecoder()
        var header: [String]?
        var rows: [[String]] = []
        while rows.count < MappingDraft.sampleRows, try reader.next() {
            if reader.isBlank { continue }
            let cells = reader.cells(decoder: &decoder).map { $0.trimmingCharacters(in: .whitespaces) }
            if header == nil {
                if cells.filter({ !$0.isEmpty }).count <= 1 { continue }  // a title line above the header
                header = cells
            } else if cells.filter({ !$0.isEmpty }).count > 1 {
                rows.append(cells)
            }
        }
        guard let header else { throw IngestError.emptyFile(file: name) }
        self.header = header
        self.rows = rows
        var dayFirst = 0
        var monthFirst = 0
        for cell in rows.joined() {
            switch DateTimeText.slashedOrder(cell) {
            case .dayFirstOnly?: dayFirst += 1
            case .monthFirstOnly?: monthFirst += 1
            default: break
            }
        }
        dateOrder = dayFirst > 0 && monthFirst == 0 ? .dayFirst : monthFirst > 0 && dayFirst == 0 ? .monthFirst : .auto
    }
}
