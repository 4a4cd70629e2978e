import Foundation
import PyramidCore

/// A vocabulary's values and their UTF-8 text, both ways, without making a `String`: the import packs an
/// activity's kind, direction and outcome as text, and the reports read them back.
///
/// The texts are copied once into memory that is never freed, so the bytes `text(of:)` gives stay valid: there
/// is one per vocabulary, in `Vocabularies`.
struct VocabularyText<Value: RawRepresentable & CaseIterable & Equatable>: @unchecked Sendable
where Value.RawValue == String {
    private let cases: [(text: UnsafeBufferPointer<UInt8>, value: Value)]

    fileprivate init() {
        cases = Value.allCases.map { value in
            let utf8 = Array(value.rawValue.utf8)
            let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: utf8.count)
            _ = bytes.initialize(fromContentsOf: utf8)
            return (UnsafeBufferPointer(bytes), value)
        }
    }

    /// The value whose text `text` is; nil for text no case has.
    func value(_ text: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let bytes = text.baseAddress else { return nil }
        for (caseText, value) in cases where caseText.count == text.count {
            guard let caseBytes = caseText.baseAddress else { continue }
            if memcmp(caseBytes, bytes, text.count) == 0 { return value }
        }
        return nil
    }

    /// The UTF-8 text of `value`.
    func text(of value: Value) -> UnsafeBufferPointer<UInt8> {
        for (text, candidate) in cases where candidate == value { return text }
        preconditionFailure("\(value) is not among \(Value.self)")
    }
}

/// The activity vocabularies' texts, made once for the whole program.
enum Vocabularies {
    static let kinds = VocabularyText<ActivityKind>()
    static let directions = VocabularyText<Direction>()
    static let outcomes = VocabularyText<Outcome>()
}
