import PyramidDemo
import Testing

@testable import PyramidIngest

/// A record is taken as read only when it is valid UTF-8 (`TextDecoder.isUTF8`): the decoder reads any part of it
/// that is not as Windows-1252, so the check must agree with the standard library's, byte for byte.
struct UTF8ValidationTests {
    func agrees(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { TextDecoder.isUTF8($0) == (String(validating: $0, as: UTF8.self) != nil) }
    }

    @Test func everySequenceOfUpToThreeBytesAfterASCIIReadsAsTheStandardLibraryReadsIt() {
        // Behind eight ASCII bytes (read a word at a time) and alone, so both ways through the check are taken
        var disagreements: [[UInt8]] = []
        for first in 0x80...0xFF {
            for second in 0...0xFF {
                let pair = [UInt8(first), UInt8(second)]
                if !agrees(pair) || !agrees(Array("abcdefgh".utf8) + pair) { disagreements.append(pair) }
                guard first >= 0xE0 else { continue }
                for third in [0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xFF] {
                    let triple = pair + [UInt8(third)]
                    if !agrees(triple) { disagreements.append(triple) }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func fourByteSequencesAtTheEdgesReadAsTheStandardLibraryReadsThem() {
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF]
        var disagreements: [[UInt8]] = []
        for lead in 0xF0...0xFF {
            for second in edges {
                for third in edges {
                    for fourth in edges {
                        let bytes = [UInt8(lead), second, third, fourth]
                        if !agrees(bytes) || !agrees(bytes + Array("tail".utf8)) { disagreements.append(bytes) }
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func textsOfMixedScriptsAndBrokenTextsReadAsTheStandardLibraryReadsThem() {
        // Given texts from several scripts, cut and spliced at random byte positions (a fixed seed)
        let texts = ["Zoë Dupont", "José Ñúñez", "東京営業部", "Ålborg → Köln 🚀", "plain ascii, \"quoted\"", "Ω≈ç√"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var disagreements: [[UInt8]] = []
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + next(4)) {
                let text = Array(texts[next(texts.count)].utf8)
                bytes += text[next(text.count)...]
            }
            if next(3) == 0 { bytes.insert(UInt8(0x80 + next(0x80)), at: next(bytes.count + 1)) }
            if !agrees(bytes) { disagreements.append(bytes) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func appendingACellGivesTheBytesOfItsDecodedText() {
        // ASCII, UTF-8 past ASCII, Windows-1252, NULs, and random bytes, alone and behind eight ASCII bytes
        // Seeded, so that a failure comes back the same on every run.
        var rng = SplitMix(seed: 13)
        var cells: [[UInt8]] = [
            [], Array("Ana Souza".utf8), Array("Zoë Müller".utf8), Array("東京 営業部".utf8), Array("😀 ok".utf8),
            [0x5A, 0x6F, 0xEB], [0x00, 0x41], Array("Zo".utf8) + [0x00] + Array("ë".utf8), [0xC3], [0xE2, 0x82],
        ]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...12, using: &rng)
            cells.append(
                (0..<count).map { _ in [0x41, 0x00, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF].randomElement(using: &rng)! })
        }
        var wrong: [[UInt8]] = []
        for cell in cells {
            for bytes in [cell, Array("abcdefgh".utf8) + cell] {
                var decoder = TextDecoder()
                var appended: [UInt8] = []
                bytes.withUnsafeBufferPointer { decoder.append($0, to: &appended) }
                var reference = TextDecoder()
                if appended != Array(reference.decode(bytes).utf8) { wrong.append(bytes) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
