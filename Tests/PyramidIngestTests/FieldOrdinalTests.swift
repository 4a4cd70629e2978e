import Testing

@testable import PyramidIngest

struct FieldOrdinalTests {
    @Test func ordinalsFollowTheDeclarationOrder() {
        // FieldValues stores cells in an array indexed by ordinal; a mismatch would mix up columns.
        for (index, field) in Field.allCases.enumerated() { #expect(field.ordinal == index, "\(field)") }
    }
}
