import GRDB

/// A 64-bit digest of an activity's stored values, kept beside them in `activity.digest`, so an import tells a
/// row it already holds unchanged by comparing one number instead of every column (see `ActivityWriter`).
///
/// The digest is stored data: its definition must never change, or every stored row would look changed to
/// the next import. Two different rows share a digest with a chance of about 2⁻⁶⁴, the odds of an update
/// going unseen.
package struct ActivityDigest {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3
    /// The text values in a digest: every text value stored but the key.
    static let textValues = ActivityBatch.textFields - 1

    /// The digest of an activity's values other than its key and owner, in this order. `texts` holds its kind,
    /// direction, outcome, outcome text, subject, contact and company back to back, value `i` ending at
    /// `ends[i]` (`ends[7]` is not used).
    /// An outcome read from words (`outcomeFromWords`) adds to the digest, so that the digests of the rows
    /// stored before outcomes were (whose outcome came from the export) stay what they were.
    static func content(
        day: Int, done: Bool, duration: Int?, outcomeFromWords: Bool = false, occurredAt: Int64,
        utcOffsetMinutes: Int, loggedAt: Int64?, texts: UnsafeBufferPointer<UInt8>, ends: SIMD8<Int32>
    ) -> UInt64 {
        var digest = ActivityDigest()
        if outcomeFromWords { digest.mix(0x776F_7264_73) }
        digest.add(Int64(day))
        digest.add(done ? 1 : 0)
        digest.add(duration.map(Int64.init))
        digest.add(occurredAt)
        digest.add(Int64(utcOffsetMinutes))
        digest.add(loggedAt)
        for field in 0..<textValues { digest.mix(UInt64(ends[field])) }
        digest.add(texts)
        return digest.value
    }

    /// The digest stored with a row: its values' digest (`content`) with its owner's row id.
    static func stored(content: UInt64, owner: Int64) -> Int64 {
        var digest = ActivityDigest()
        digest.value = content
        digest.add(owner)
        return Int64(bitPattern: digest.value)
    }

    /// The digest of the record an activity was read from: its bytes as they stood in the file, with `seed`, the
    /// digest (`of`) of the interpretation they were read under (`ExportReader.interpretation`). Stored with the
    /// row (`activity.source_digest`): a re-import that finds a record's digest stored with its key holds the
    /// activity as the record gives it, and reads the record no further. Stored data, as `stored`.
    static func source(_ record: UnsafeBufferPointer<UInt8>, seed: UInt64) -> Int64 {
        var digest = ActivityDigest()
        digest.value = seed
        digest.add(record)
        return Int64(bitPattern: digest.value)
    }

    /// The seed of `source` for records read under `interpretation` (`ExportReader.interpretation`).
    package static func of(interpretation: String) -> UInt64 {
        var text = interpretation
        return text.withUTF8 { of($0) }
    }

    /// The digest of `bytes` alone.
    package static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var digest = ActivityDigest()
        digest.add(bytes)
        return digest.value
    }

    private init() {}

    private mutating func add(_ number: Int64) { mix(UInt64(bitPattern: number)) }

    private mutating func add(_ number: Int64?) {
        guard let number else { return mix(0) }
        mix(1)
        add(number)
    }

    /// Adds `bytes`, preceded by their length, eight at a time; the last word is the last eight bytes (which
    /// may overlap the word before), or the bytes zero-padded when there are fewer than eight.
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        mix(UInt64(bytes.count))
        guard let base = UnsafeRawPointer(bytes.baseAddress), !bytes.isEmpty else { return }
        func word(at offset: Int) -> UInt64 {
            UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        guard bytes.count >= 8 else {
            var tail: UInt64 = 0
            for index in 0..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index)) }
            return mix(tail)
        }
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(word(at: offset))
            offset += 8
        }
        if offset < bytes.count { mix(word(at: bytes.count - 8)) }
    }

    /// One round: the word folded in, multiplied by an odd constant and its high half folded back into the low
    /// (each step a bijection of the state, so one differing word always changes the result).
    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 32
    }
}

extension ActivityDigest {
    /// `pyramid_activity_digest(local_day, done, duration, occurred_at, utc_offset, logged_at, kind, direction,
    /// outcome, outcome_text, subject, contact, company, owner_id)`: the digest stored with a row of these
    /// values, in SQL, for rows stored before digests were (see `Schema`).
    static let sqlFunction = DatabaseFunction("pyramid_activity_digest", argumentCount: 14, pure: true) { values in
        func number(_ index: Int) -> Int64? { Int64.fromDatabaseValue(values[index]) }
        var texts: [UInt8] = []
        var ends = SIMD8<Int32>()
        for field in 0..<textValues {
            texts += (String.fromDatabaseValue(values[6 + field]) ?? "").utf8
            ends[field] = Int32(texts.count)
        }
        let content = texts.withUnsafeBufferPointer { texts in
            ActivityDigest.content(
                day: Int(number(0) ?? 0), done: number(1) == 1, duration: number(2).map(Int.init),
                occurredAt: number(3) ?? 0, utcOffsetMinutes: Int(number(4) ?? 0), loggedAt: number(5),
                texts: texts, ends: ends)
        }
        return ActivityDigest.stored(content: content, owner: number(13) ?? 0)
    }
}
