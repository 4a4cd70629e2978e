/// Turns cell bytes into text: UTF-8 when they are valid UTF-8, else Windows-1252 (a superset of
/// ISO-8859-1), which is what older Salesforce and Excel exports write.
///
/// The choice is made per cell, so a file that is mostly UTF-8 with a few Latin-1 cells loses nothing.
/// NUL bytes (Salesforce rich-text cells can begin with one) are dropped.
public struct TextDecoder: Sendable {
    /// Whether any cell so far was not valid UTF-8 and was read as Windows-1252.
    public private(set) var sawWindows1252 = false

    /// Creates a decoder.
    public init() {}

    /// Decodes `bytes`.
    public mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.isEmpty { return "" }
        let (ascii, nul) = Self.scan(bytes)
        if nul { return decode(Array(bytes.lazy.filter { $0 != 0 })) }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        sawWindows1252 = true
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(TextDecoder.windows1252(byte)) }
        return String(scalars)
    }

    /// Appends `bytes`, decoded as `decode` reads them, to `text` as UTF-8; without making a `String` when they are
    /// valid UTF-8 without a NUL, which `decode` reads as they stand. (With a `String` made for each, the cells of
    /// records past ASCII took 1.5% of a shuffled 1M-row import's `perf record` samples to append, against 0.95%.)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        let (ascii, nul) = Self.scan(bytes)
        if !nul && (ascii || Self.isUTF8(bytes)) {
            text.append(contentsOf: bytes)
        } else {
            text.append(contentsOf: decode(bytes).utf8)
        }
    }

    /// Whether `bytes` are all ASCII and none is NUL: then they are their own text.
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (ascii, nul) = scan(bytes)
        return ascii && !nul
    }

    /// Whether `bytes` are valid UTF-8 (the well-formed sequences of the Unicode standard's table 3-7, which
    /// `String(validating:as:)` accepts): then no part of them split at ASCII bytes is read as Windows-1252. ASCII
    /// is stepped over eight bytes at a time, and no `String` is made.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, ByteWords.load(base + index) & ByteWords.highBits == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The sequence's length, and the range its second byte must fall in (which rules out overlong forms,
            // surrogates and code points past U+10FFFF).
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                second = 0x80...0x9F
            case 0xF0:
                length = 4
                second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                second = 0x80...0x8F
            default: return false
            }
            guard index + length <= count, second.contains(base[index + 1]) else { return false }
            for next in index + 2..<index + length where base[next] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    /// Whether `bytes` are all ASCII, and whether one is NUL: eight bytes at a time, without a branch.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, nul: Bool) {
        var seen: UInt64 = 0
        var zeros: UInt64 = 0
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = ByteWords.load(base + index)
                seen |= word
                zeros |= ByteWords.zeroBytes(word)
                index += 8
            }
        }
        for byte in bytes[index...] {
            seen |= UInt64(byte)
            zeros |= byte == 0 ? 1 : 0
        }
        return (seen & ByteWords.highBits == 0, zeros != 0)
    }

    /// Decodes `bytes`.
    public mutating func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// The character Windows-1252 gives `byte`.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
            0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
            0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte - 0x80)]) ?? Unicode.Scalar(byte)
    }
}
