import Testing

@testable import PyramidIngest

struct FieldOrdinalTests {
    @Test func ordinalsFollowTheDeclarationOrder() {
        // FieldValues stores cells in an array indexed by ordinal; a mismatch would mix up columns.
        for (index, field) in Field.allCases.enumerated() { #expect(field.ordinal == index, "\(field)") }
    }

    @Test func sha256MatchesKnownDigests() {
        func digest(_ text: String) -> String {
            var hash = SHA256()
            Array(text.utf8).withUnsafeBytes { hash.update($0) }
            return hash.finalize()
        }
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = String(repeating: "a", count: 1_000_000)
        #expect(digest(long) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
