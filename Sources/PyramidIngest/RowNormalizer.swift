import Foundation
import PyramidCore

/// Why one row could not be read.
struct RowFailure: Error {
    let message: String
}

/// Turns a row's cells into a canonical record: kinds, directions and outcomes mapped, times resolved to
/// UTC instants, durations to seconds, amounts to cents.
struct RowNormalizer {
    /// The version of the rules that read a record's bytes into an activity, part of `ExportReader.interpretation`.
    /// Raise it with any change that reads the same bytes differently (in this type, the value parsers, the
    /// shared value maps): stored activities remember the record they were read from under the interpretation
    /// in force (`activity.source_digest`), and a re-import leaves a row alone, unread, when its record and
    /// interpretation are those it was stored from. (Changes to a `Dialect` value change the interpretation by
    /// themselves.)
    static let rulesVersion = 2

    let dialect: Dialect
    /// The header name bound to each field, to quote in messages.
    let columnNames: [Field: String]
    var dateOrder: DateOrder
    let options: ImportOptions
    private var clock: LocalTimeResolver
    /// What an activity's key starts with, before its id: the layout's prefix and a colon.
    private let keyPrefix: [UInt8]
    /// What the vocabulary columns' texts mean, remembered: an export repeats a handful of them on every row.
    private var kindsNamed = TextMemo<ActivityKind?>()
    private var directionsNamed = TextMemo<Direction>()
    private var statuses = TextMemo<(lowercased: String, done: Bool)>()
    /// Outcomes by outcome text and status, one memo per kind and direction (see `outcomeMemo`).
    private var outcomes = [TextMemo<Outcome>](
        repeating: TextMemo(), count: ActivityKind.allCases.count * Direction.allCases.count)
    /// The activity being read's key.
    private var key: [UInt8] = []

    init(dialect: Dialect, columnNames: [Field: String], dateOrder: DateOrder, options: ImportOptions) {
        self.dialect = dialect
        self.columnNames = columnNames
        self.dateOrder = dateOrder
        self.options = options
        self.clock = LocalTimeResolver(timeZone: dialect.timesInUTC ? .gmt : options.timeZone)
        self.keyPrefix = Array((dialect.keyPrefix + ":").utf8)
    }

    mutating func normalize(_ row: FieldValues) -> Result<ImportedRecord, RowFailure> {
        do {
            switch dialect.holds {
            case .activities: return activity(row) { .activity($0.activity) }
            case .deals: return .success(.deal(try deal(row)))
            case .roster: return .success(.seller(try seller(row)))
            case .timeOff: return .success(.timeOff(try timeOff(row)))
            }
        } catch {
            return .failure(explained(error, in: row))
        }
    }

    /// Why `row` could not be read, from the error that stopped it.
    private func explained(_ error: any Error, in row: FieldValues) -> RowFailure {
        guard let failure = error as? RowFailure else { return RowFailure(message: "\(error)") }
        if repeatsHeader(row) {
            return RowFailure(
                message: "repeats the header (two exports joined into one file?); the rows after it are read")
        }
        return failure
    }

    // MARK: - Activities

    /// The activity in `row`, read from `record` (see `ActivityText.record`), handed to `body` with its text values
    /// where `row` holds them; a row that is not one fails with why, without calling `body`.
    mutating func activity<R>(
        _ row: FieldValues, record: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0),
        _ body: (ActivityText) throws -> R
    ) rethrows -> Result<R, RowFailure> {
        var activity: ActivityText
        do {
            activity = try activityValues(row)
        } catch {
            return .failure(explained(error, in: row))
        }
        return .success(
            try row.withValues { text in
                try key.withUnsafeBufferPointer { key in
                    activity.key = key
                    activity.owner = text[.owner]
                    activity.outcomeText = text[.outcome]
                    activity.subject = text[.subject]
                    activity.contact = text[.contact]
                    activity.company = text[.company]
                    activity.record = record
                    return try body(activity)
                }
            })
    }

    /// The activity in `row` but its text values, which are left empty (its key is left in `key`).
    private mutating func activityValues(_ row: FieldValues) throws -> ActivityText {
        guard !row.isEmpty(.owner) else { throw missing(.owner) }
        let (occurredAt, offset) = try occurredAt(row)
        let loggedAt = try row.isEmpty(.created) ? nil : instant(row, .created).0
        let kind = kind(row)
        let direction = direction(row)
        let (status, done) = status(row)
        var outcome = outcome(row, status: status, kind: kind, direction: direction, done: done)
        var outcomeSource = OutcomeSource.export
        if kind == .call, outcome == .unknown, let words = options.outcomeWords {
            // A free-text result in any language (`Mailbox`, `Pas de réponse`) is the export's own outcome; words in
            // the subject or notes are inferred.
            if let named = words.outcome(in: row[.outcome]) {
                outcome = named
            } else if let named = words.outcome(in: row[.subject]) ?? words.outcome(in: row[.notes]) {
                outcome = named
                outcomeSource = .words
            }
        }
        let duration = try duration(row)
        makeKey(row, kind: kind, occurredAt: occurredAt)
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        return ActivityText(
            key: none, owner: none, kind: kind, direction: direction, outcome: outcome, outcomeText: none,
            outcomeSource: outcomeSource,
            occurredAt: occurredAt, utcOffsetMinutes: offset, durationSeconds: duration, subject: none,
            contact: none, company: none, done: done, loggedAt: loggedAt)
    }

    /// Calls `body` with the key of the activity whose id is `id` (not empty): the layout's prefix and the id.
    mutating func withKey<R>(id: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R)
        rethrows -> R
    {
        key.removeAll(keepingCapacity: true)
        key.append(contentsOf: keyPrefix)
        key.append(contentsOf: id)
        return try key.withUnsafeBufferPointer(body)
    }

    /// Writes the activity's key to `key`: the layout's prefix and the row's id, else a hash of its content.
    private mutating func makeKey(_ row: FieldValues, kind: ActivityKind, occurredAt: Int64) {
        key.removeAll(keepingCapacity: true)
        if !row.isEmpty(.id) {
            key.append(contentsOf: keyPrefix)
            row.withBytes(.id) { key.append(contentsOf: $0) }
        } else {
            var hash = StableHash()
            for part in [row[.owner], kind.rawValue, String(occurredAt), row[.contact], row[.subject]] {
                hash.combine(part)
            }
            key.append(contentsOf: (dialect.keyPrefix + ":h:" + hash.hex).utf8)
        }
    }

    private mutating func occurredAt(_ row: FieldValues) throws -> (Int64, Int) {
        if !row.isEmpty(.timestamp) { return try instant(row, .timestamp) }
        if !row.isEmpty(.completedAt) { return try instant(row, .completedAt) }
        if !row.isEmpty(.date) {
            var written = try written(row, .date)
            if written.secondsOfDay == 0 && written.offsetSeconds == nil {
                // A date column with a 00:00:00 placeholder (Salesforce's Data Export writes ActivityDate as
                // "2023-01-17 00:00:00") is a date: place it at noon like any other date, so reading it in UTC
                // does not move it to the day before in the Americas.
                written.secondsOfDay = nil
            }
            if !row.isEmpty(.time) {
                guard let time = DateTimeText.parse("2000-01-01 " + row[.time], order: .monthFirst),
                    let seconds = time.secondsOfDay
                else { throw invalid(row, .time, expected: "a time such as 14:30 or 2:30 PM") }
                written.secondsOfDay = seconds
                written.offsetSeconds = time.offsetSeconds
            }
            return clock.instant(of: written)
        }
        if !row.isEmpty(.created) { return try instant(row, .created) }
        throw missing(.timestamp)
    }

    private mutating func instant(_ row: FieldValues, _ field: Field) throws -> (Int64, Int) {
        let (epoch, offset) = clock.instant(of: try written(row, field))
        return (epoch, offset)
    }

    private func written(_ row: FieldValues, _ field: Field) throws -> WrittenDateTime {
        guard let written = row.withBytes(field, { DateTimeText.parse(bytes: $0, order: dateOrder) }) else {
            if let parts = DateTimeText.impossibleDay(row[field], order: dateOrder) {
                throw impossible(row, field, parts)
            }
            throw invalid(row, field, expected: dateExpectation)
        }
        return written
    }

    private var dateExpectation: String {
        switch dateOrder {
        case .dayFirst: "a date such as 2026-11-16, 16/11/2026 or 16/11/2026 14:30"
        default: "a date such as 2026-11-16, 11/16/2026 or 11/16/2026 2:30 PM"
        }
    }

    /// The kind from the kind column, else the subtype column, else the dialect's fixed kind, call fields or
    /// subject prefix.
    ///
    /// A column that says only `other` (Salesloft's `Other` and `Integration` step types, Salesforce's `Prep`)
    /// gives way to a later column that names a kind, such as an `Action` of `LinkedIn - Send Connection
    /// Request`; when none does, the row is `other`.
    private mutating func kind(_ row: FieldValues) -> ActivityKind {
        var saidOther = false
        for field in [Field.kind, .subtype] {
            guard !row.isEmpty(field), let kind = kind(in: row, field) else { continue }
            if kind != .other { return kind }
            saidOther = true
        }
        if saidOther { return .other }
        if let fixed = dialect.fixedKind { return fixed }
        if dialect.callFieldsImplyCall
            && (!row.isEmpty(.direction) || !row.isEmpty(.outcome)
                || !(row.isEmpty(.duration) || row.has(.duration, "0")))
        {
            return .call
        }
        let subject = row[.subject].lowercased()
        for (prefix, kind) in ValueMaps.subjectPrefixes where subject.hasPrefix(prefix) { return kind }
        return .other
    }

    /// The kind `field`, a type or subtype, names; nil when it says nothing about the kind (`Task`, `To-do`).
    private mutating func kind(in row: FieldValues, _ field: Field) -> ActivityKind? {
        row.withBytes(field) { text in
            if let known = kindsNamed.value(for: text) { return known }
            let kind = Self.kind(named: String(decoding: text, as: UTF8.self).lowercased(), dialect: dialect)
            kindsNamed.remember(kind, for: text)
            return kind
        }
    }

    private static func kind(named value: String, dialect: Dialect) -> ActivityKind? {
        if let kind = dialect.kinds[value] { return kind }
        if let known = ValueMaps.kinds[value] { return known }
        if value.contains("linkedin") || value.contains("linked_in") || value.contains("linked in") {
            return .linkedin
        }
        if value.contains("email") || value.contains("e-mail") { return .email }
        if value.contains("call") { return .call }
        if value.contains("meeting") { return .meeting }
        return nil
    }

    private mutating func direction(_ row: FieldValues) -> Direction {
        row.withBytes(.direction) { text in
            if let known = directionsNamed.value(for: text) { return known }
            let value = String(decoding: text, as: UTF8.self).lowercased()
            let direction: Direction
            if let mapped = dialect.directions[value] ?? ValueMaps.directions[value] {
                direction = mapped
            } else {
                direction = value.contains("inbound") || value.contains("incoming") ? .inbound : .outbound
            }
            directionsNamed.remember(direction, for: text)
            return direction
        }
    }

    /// The status, lower-cased, and whether it says the activity was done (not planned or canceled).
    private mutating func status(_ row: FieldValues) -> (lowercased: String, done: Bool) {
        row.withBytes(.status) { text in
            if let known = statuses.value(for: text) { return known }
            let status = String(decoding: text, as: UTF8.self).lowercased()
            let result = (status, !ValueMaps.notDoneStatuses.contains(status))
            statuses.remember(result, for: text)
            return result
        }
    }

    /// The outcome the row's outcome text names, given its status (`done` follows from it), kind and direction.
    private mutating func outcome(
        _ row: FieldValues, status: String, kind: ActivityKind, direction: Direction, done: Bool
    ) -> Outcome {
        let memo = Self.outcomeMemo(kind, direction)
        if let known = row.withValues({ outcomes[memo].value(for: $0[.outcome], $0[.status]) }) { return known }
        let outcome = Self.outcome(
            row[.outcome], status: status, kind: kind, direction: direction, done: done, dialect: dialect)
        row.withValues { outcomes[memo].remember(outcome, for: $0[.outcome], $0[.status]) }
        return outcome
    }

    /// Which of `outcomes` remembers the outcomes of `kind` and `direction`.
    private static func outcomeMemo(_ kind: ActivityKind, _ direction: Direction) -> Int {
        // Switches, not `allCases.firstIndex`: this runs for every row.
        let kindIndex =
            switch kind {
            case .call: 0
            case .email: 1
            case .linkedin: 2
            case .meeting: 3
            case .other: 4
            }
        let directionIndex =
            switch direction {
            case .outbound: 0
            case .inbound: 1
            }
        return kindIndex * Direction.allCases.count + directionIndex
    }

    private static func outcome(
        _ text: String, status: String, kind: ActivityKind, direction: Direction, done: Bool, dialect: Dialect
    ) -> Outcome {
        let value = text.lowercased()
        if let mapped = dialect.outcomes[value], Outcome.valid(for: kind).contains(mapped) { return mapped }
        switch kind {
        case .call:
            if let mapped = ValueMaps.callOutcomes[value] { return mapped }
            return RowNormalizer.callOutcome(fromFreeText: value)
        case .email, .linkedin:
            if let mapped = ValueMaps.messageOutcomes[value] { return mapped }
            if direction == .inbound { return .replied }
            // Nothing says whether the buyer replied: unknown, never "no reply" (see `Dialect.repliesAreRows`).
            return done && dialect.repliesAreRows && kind == .email ? .sent : .unknown
        case .meeting:
            // An outcome column that says what happened wins over the status; a canceled meeting that is not
            // done is not a booked one either.
            if let mapped = ValueMaps.meetingOutcomes[value] { return mapped }
            if !done { return ValueMaps.meetingOutcomes[status] == .unknown ? .unknown : .scheduled }
            return ValueMaps.meetingOutcomes[status] ?? .unknown
        case .other:
            return .unknown
        }
    }

    /// Reads free-text call results ("left a voicemail", "spoke with CFO", "Not connected") with the built-in
    /// outcome words: whole words, negations before what they negate.
    static func callOutcome(fromFreeText value: String) -> Outcome {
        OutcomeWords.standard.outcome(in: value) ?? .unknown
    }

    private mutating func duration(_ row: FieldValues) throws -> Int? {
        if !row.isEmpty(.duration) {
            let duration = row.withBytes(.duration) {
                NumberText.duration(bytes: $0, unit: dialect.durationUnit, twoParts: dialect.twoPartDuration)
            }
            guard let seconds = duration else {
                let examples = "such as 95, 01:35, 1:02:03 or 2 min"
                if row[.duration].hasPrefix("-") { throw negative(row, .duration, expected: "a duration " + examples) }
                throw invalid(row, .duration, expected: "a duration of up to a year, " + examples)
            }
            return seconds
        }
        if !row.isEmpty(.answeredAt), !row.isEmpty(.completedAt),
            let answered = DateTimeText.parse(row[.answeredAt], order: dateOrder),
            let completed = DateTimeText.parse(row[.completedAt], order: dateOrder)
        {
            let seconds = clock.instant(of: completed).epochSeconds - clock.instant(of: answered).epochSeconds
            return seconds >= 0 ? Int(seconds) : nil
        }
        return nil
    }

    // MARK: - Deals

    mutating func deal(_ row: FieldValues) throws -> Deal {
        let owner = row[.owner]
        guard !owner.isEmpty else { throw missing(.owner) }
        var amountCents: Int64?
        var currency = ValueMaps.currencyCode(row[.currency])
        if !row[.amount].isEmpty {
            guard let amount = NumberText.amount(row[.amount]) else {
                throw invalid(row, .amount, expected: "an amount such as 12500, 12,500.00 or 12.500,00 €")
            }
            amountCents = dialect.amountInCents ? amount.cents / 100 : amount.cents
            if currency.isEmpty { currency = amount.currency }
        }
        let closeDate = try optionalDate(row, .closeDate)
        let createdDate = try optionalDate(row, .createdDate)
        let key: String
        if !row[.id].isEmpty {
            key = dialect.keyPrefix + ":" + row[.id]
        } else {
            var hash = StableHash()
            for part in [owner, row[.name], createdDate?.description ?? ""] { hash.combine(part) }
            key = dialect.keyPrefix + ":h:" + hash.hex
        }
        return Deal(
            key: key, owner: owner, name: row[.name], amountCents: amountCents, currency: currency,
            stage: row[.stage], status: dealStatus(row), closeDate: closeDate, createdDate: createdDate)
    }

    private func dealStatus(_ row: FieldValues) -> DealStatus {
        let status = row[.status].lowercased()
        if let explicit = DealStatus(rawValue: status) { return explicit }
        if Self.says(status, ["won"] + ValueMaps.wonWords) { return .won }
        if Self.says(status, ["lost"] + ValueMaps.lostWords) { return .lost }
        let won = ValueMaps.booleans[row[.won].lowercased()] ?? false
        if won { return .won }
        let stage = row[.stage].lowercased()
        if options.wonStages.contains(where: { $0.lowercased() == stage }) { return .won }
        if options.lostStages.contains(where: { $0.lowercased() == stage }) { return .lost }
        if Self.says(stage, ["won"] + ValueMaps.wonWords) { return .won }
        if Self.says(stage, ["lost"] + ValueMaps.lostWords) { return .lost }
        if ValueMaps.booleans[row[.closed].lowercased()] == true { return .lost }
        return .open
    }

    /// Whether `text` (lowercased) holds one of `words` as a word of its own or the start of one ("closedwon" and
    /// "Closed Won" say won; "Person identified" does not say the Italian "perso").
    static func says(_ text: String, _ words: [String]) -> Bool {
        words.contains { word in
            var searchStart = text.startIndex
            while let range = text.range(of: word, range: searchStart..<text.endIndex) {
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                let starts = before.map { !$0.isLetter } ?? true
                let ends = after.map { !$0.isLetter } ?? true
                // The English words also end an internal id (`closedwon`, `closedlost`).
                if (starts || word == "won" || word == "lost") && ends { return true }
                searchStart = range.upperBound
            }
            return false
        }
    }

    // MARK: - Roster and time off

    mutating func seller(_ row: FieldValues) throws -> Seller {
        let email = row[.email].lowercased()
        guard !email.isEmpty else { throw missing(.email) }
        guard email.contains("@"), !email.contains(" ") else {
            throw invalid(row, .email, expected: "an email address")
        }
        var name = row[.name]
        if name.isEmpty {
            name = [row[.firstName], row[.lastName]].filter { !$0.isEmpty }.joined(separator: " ")
        }
        let endDate = try optionalDate(row, .endDate)
        let activeText = row[.active].lowercased()
        let active = activeText.isEmpty ? true : (ValueMaps.booleans[activeText] ?? true)
        return Seller(
            email: email, name: name.isEmpty ? email : name, team: row[.team], manager: row[.manager],
            role: row[.role], startDate: try optionalDate(row, .startDate), endDate: endDate, crmID: row[.crmID],
            active: active && endDate == nil)
    }

    mutating func timeOff(_ row: FieldValues) throws -> TimeOff {
        let email = row[.email].lowercased()
        guard !email.isEmpty else { throw missing(.email) }
        guard let start = try optionalDate(row, .start) else { throw missing(.start) }
        guard let end = try optionalDate(row, .end) else { throw missing(.end) }
        guard start <= end else {
            throw RowFailure(message: "time off ends (\(end)) before it starts (\(start))")
        }
        return TimeOff(email: email, start: start, end: end)
    }

    private func optionalDate(_ row: FieldValues, _ field: Field) throws -> LocalDate? {
        if row[field].isEmpty { return nil }
        return try written(row, field).date
    }
}

/// Values remembered by a cell's text, or by two cells' (an outcome and its status), for the few distinct texts
/// vocabulary columns hold: up to 256 keys, so a column of all different texts costs no memory (past that,
/// values are worked out afresh). The first eight are found by comparing their bytes in turn, which for short
/// texts costs less than hashing them. A memo is used with one text or with two, never both.
struct TextMemo<Value> {
    /// The first keys' bytes, back to back (two texts apart by a NUL, which no value holds), and where each ends.
    private var firstKeys: [UInt8] = []
    private var firstEnds: [Int] = []
    private var firstValues: [Value] = []
    private var more: [String: Value] = [:]

    /// The value remembered for `text` (and `second`), if any. `mutating` though it changes nothing: a memo in an
    /// array, or in a closure's captured state, is then read where it lies instead of copied out, and a copy
    /// retains and releases its four buffers (a third of the reading thread's reference counting, per row).
    mutating func value(for text: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>? = nil) -> Value? {
        let count = text.count + (second.map { $0.count + 1 } ?? 0)
        let found = firstKeys.withUnsafeBufferPointer { keys in
            firstEnds.withUnsafeBufferPointer { ends -> Int? in
                var start = 0
                for index in ends.indices {
                    let end = ends[index]
                    defer { start = end }
                    guard end - start == count else { continue }
                    let key = UnsafeBufferPointer(rebasing: keys[start..<end])
                    guard Self.same(key.prefix(text.count), text) else { continue }
                    guard let second else { return index }
                    if Self.same(key.suffix(second.count), second) { return index }
                }
                return nil
            }
        }
        if let found { return firstValues[found] }
        return more.isEmpty ? nil : more[Self.text(text, second)]
    }

    mutating func remember(_ value: Value, for text: UnsafeBufferPointer<UInt8>) { remember(value, for: text, nil) }

    mutating func remember(_ value: Value, for text: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>?)
    {
        if firstEnds.count < 8 {
            firstKeys.append(contentsOf: text)
            if let second {
                firstKeys.append(0)
                firstKeys.append(contentsOf: second)
            }
            firstEnds.append(firstKeys.count)
            firstValues.append(value)
        } else if more.count < 248 {
            more[Self.text(text, second)] = value
        }
    }

    private static func same(_ known: Slice<UnsafeBufferPointer<UInt8>>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let knownBytes = known.base.baseAddress, let wantedBytes = wanted.baseAddress else { return true }
        return memcmp(knownBytes + known.startIndex, wantedBytes, wanted.count) == 0
    }

    private static func text(_ text: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>?) -> String {
        let first = String(decoding: text, as: UTF8.self)
        return second.map { first + "\0" + String(decoding: $0, as: UTF8.self) } ?? first
    }
}
