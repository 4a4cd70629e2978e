/// Bytes read eight at a time, as one 64-bit word: the CSV reader finds a cell's end this way, and the decoder
/// tells ASCII from the rest.
enum ByteWords {
    /// 0x01 in each byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The high bit of each byte.
    static let highBits = ones << 7

    /// The eight bytes at `pointer`, the first in the lowest bits.
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in each of a word's bytes: a word XORed with it has a zero byte where `byte` was.
    static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// The high bit set of each byte of `word` that is zero, and maybe of a byte above one that is: the word
    /// has a zero byte exactly when this is not zero, and its lowest bit set marks the first zero byte.
    static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highBits }
}
