import Testing

@testable import PyramidIngest

/// The import log's file digest, through the processor's SHA instructions and through portable C.
struct SHA256Tests {
    @Test(arguments: [true, false])
    func sha256MatchesKnownDigests(hardware: Bool) {
        func digest(_ text: String) -> String {
            var hash = SHA256(hardware: hardware)
            Array(text.utf8).withUnsafeBytes { hash.update($0) }
            return hash.finalize()
        }
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let long = String(repeating: "a", count: 1_000_000)
        #expect(digest(long) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aSinkDigestsEachChunkAsItWasWhenAdded() {
        // Given a million bytes added to a sink through one buffer, overwritten as soon as each chunk is added
        let bytes = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let sink = DigestSink()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        bytes.withUnsafeBytes { all in
            buffer.withUnsafeMutableBytes { chunk in
                var offset = 0
                while offset < all.count {
                    let count = min(chunk.count - offset % 1_000, all.count - offset)
                    let piece = UnsafeMutableRawBufferPointer(rebasing: chunk[0..<count])
                    piece.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<offset + count]))
                    sink.add(UnsafeRawBufferPointer(piece))
                    piece.initializeMemory(as: UInt8.self, repeating: 0xFF)
                    offset += count
                }
            }
        }
        // Then its digest is the digest of the bytes at once
        var whole = SHA256()
        bytes.withUnsafeBytes { whole.update($0) }
        var added = sink.digest
        #expect(added.finalize() == whole.finalize())
    }

    @Test(
        "SHA-256 is the same with and without the processor's instructions",
        .enabled(if: SHA256(hardware: true).usesHardware, "this processor has no SHA instructions"))
    func sha256IsTheSameWithAndWithoutTheProcessorsInstructions() {
        // Every length from 0 to 300 bytes, fed in uneven pieces, digests alike both ways.
        var bytes: [UInt8] = []
        var seed: UInt32 = 7
        for length in 0...300 {
            var hardware = SHA256(hardware: true)
            var portable = SHA256(hardware: false)
            bytes.withUnsafeBytes { all in
                var offset = 0
                while offset < all.count {
                    let piece = min(all.count - offset, 1 + (offset * 7 + length) % 97)
                    hardware.update(UnsafeRawBufferPointer(rebasing: all[offset..<offset + piece]))
                    portable.update(UnsafeRawBufferPointer(rebasing: all[offset..<offset + piece]))
                    offset += piece
                }
            }
            #expect(hardware.finalize() == portable.finalize(), "length \(length)")
            seed = seed &* 1_103_515_245 &+ 12_345
            bytes.append(UInt8(truncatingIfNeeded: seed >> 16))
        }
    }
}
