/// How a file's bytes are encoded, as far as its first bytes tell.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Reported when some cells were not valid UTF-8 and were read as Windows-1252 / ISO-8859-1.
    case windows1252 = "windows-1252"
}

/// Looks at the first bytes of a file: is it text, how is it encoded, which delimiter does it use.
public enum FileSniffer {
    /// How many bytes are looked at.
    public static let prefixLength = 64 * 1024

    /// Fails for files that are not text, with what they look like.
    public static func checkText(_ prefix: [UInt8], file: String) throws {
        func starts(_ magic: [UInt8]) -> Bool { prefix.starts(with: magic) }
        let looksLike: String? =
            if starts([0x50, 0x4B, 0x03, 0x04]) {
                "an Excel workbook (.xlsx) or a zip archive"
            } else if starts([0xD0, 0xCF, 0x11, 0xE0]) {
                "an old Excel workbook (.xls)"
            } else if starts(Array("%PDF".utf8)) {
                "a PDF document"
            } else if starts(Array("SQLite format 3".utf8)) {
                "an SQLite database"
            } else if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8)) {
                "an image"
            } else if starts([0x1F, 0x8B]) {
                "a gzip archive"
            } else {
                nil
            }
        if let looksLike { throw IngestError.notText(file: file, looksLike: looksLike) }
        if encoding(of: prefix).isUTF16 { return }
        // More than 1% control bytes, and more than a few: a short export with a NUL in a rich-text cell (as
        // Salesforce writes them) is still text.
        let controls = prefix.lazy.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        if controls > 16 && controls * 100 > prefix.count {
            throw IngestError.notText(file: file, looksLike: "binary data")
        }
    }

    /// The encoding the byte order mark (or the pattern of zero bytes) says.
    public static func encoding(of prefix: [UInt8]) -> TextEncoding {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if prefix.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if prefix.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        let pairs = prefix.count / 2
        guard pairs >= 4 else { return .utf8 }
        var evenZeros = 0, oddZeros = 0
        for i in 0..<pairs {
            if prefix[2 * i] == 0 { evenZeros += 1 }
            if prefix[2 * i + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros * 10 > pairs * 4 && evenZeros * 10 < pairs { return .utf16LE }
        if evenZeros * 10 > pairs * 4 && oddZeros * 10 < pairs { return .utf16BE }
        return .utf8
    }

    /// The delimiter of the first non-blank line (outside quotes): comma, semicolon, tab or pipe.
    public static func delimiter(ofUTF8 prefix: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var sawText = false
        for byte in prefix {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if sawText && counts.contains(where: { $0 > 0 }) { break }
                continue
            }
            sawText = true
            if let i = candidates.firstIndex(of: byte) { counts[i] += 1 }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else {
            return UInt8(ascii: ",")
        }
        return counts[best] == counts[0] ? UInt8(ascii: ",") : candidates[best]
    }
}

extension TextEncoding {
    var isUTF16: Bool { self == .utf16LE || self == .utf16BE }
}
