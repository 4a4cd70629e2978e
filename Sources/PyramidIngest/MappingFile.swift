import Foundation
import PyramidCore
import Yams

/// Reads a `--mapping` YAML file into a `Dialect`, the same type the built-in layouts are.
///
/// ```yaml
/// holds: activities            # activities | deals | roster | time-off
/// columns:
///   owner: Rep Email           # a column name, or a list tried in order
///   timestamp: When
///   kind: Type
///   outcome: [Result, Disposition]
/// date_order: day-first        # auto | month-first | day-first
/// duration_unit: seconds       # seconds | milliseconds | minutes
/// kinds: { Phone: call, LI: linkedin }
/// outcomes: { Spoke: connected }
/// directions: { Out: outbound }
/// ```
public enum MappingFile {
    /// Loads and checks the mapping at `url`.
    public static func load(_ url: URL) throws -> Dialect {
        let file = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw IngestError.unreadableFile(file: file, reason: IngestError.describe(error))
        }
        return try parse(text, file: file)
    }

    /// Parses mapping YAML; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws -> Dialect {
        func fail(_ problem: String, _ node: Node? = nil) -> IngestError {
            let line = node?.mark.map { "line \($0.line): " } ?? ""
            return IngestError.badMapping(file: file, problem: line + problem)
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw fail("the mapping is empty") }
            root = node
        } catch let error as IngestError {
            throw error
        } catch {
            let problem = YAMLProblem.describe(error)
            throw IngestError.badMapping(
                file: file, problem: (problem.line.map { "line \($0): " } ?? "") + "is not valid YAML: \(problem.text)")
        }
        guard let mapping = root.mapping else { throw fail("expected keys such as 'holds' and 'columns'", root) }
        let known: Set<String> = [
            "name", "holds", "columns", "date_order", "duration_unit", "kind", "kinds", "outcomes", "directions",
            "two_part_duration", "amount_in_cents", "times_in_utc", "call_fields_imply_call", "replies_are_rows",
            "report_footer", "empty_values",
        ]
        for key in mapping.keys {
            guard let name = key.string, known.contains(name) else {
                throw fail(
                    "unknown key '\(key.string ?? "?")' (expected \(known.sorted().joined(separator: ", ")))", key)
            }
        }
        let holdsText = mapping["holds"]?.string ?? "activities"
        guard let holds = ExportKind(rawValue: holdsText) else {
            throw fail(
                "holds: '\(holdsText)' is not one of \(ExportKind.allCases.map(\.rawValue).joined(separator: ", "))",
                mapping["holds"])
        }
        guard let columnsNode = mapping["columns"], let columnMap = columnsNode.mapping else {
            throw fail("'columns' is missing: map each field to a column name, e.g. 'owner: Rep Email'", root)
        }
        var columns: [Field: [String]] = [:]
        for (key, value) in columnMap {
            guard let name = key.string, let field = Field(rawValue: name) else {
                throw fail(
                    "columns: '\(key.string ?? "?")' is not a field (expected one of "
                        + "\(Field.allCases.map(\.rawValue).joined(separator: ", ")))", key)
            }
            let names = value.sequence.map { $0.compactMap(\.string) } ?? value.string.map { [$0] } ?? []
            guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else {
                throw fail("columns: '\(name)' needs a column name", value)
            }
            columns[field] = names
        }
        for field in Dialect.defaultRequired(holds) {
            let satisfied: Bool =
                switch field {
                case .timestamp: [.timestamp, .date, .completedAt, .created].contains { columns[$0] != nil }
                default: columns[field] != nil
                }
            guard satisfied else {
                throw fail("columns: '\(field.rawValue)' is required for \(holds.rawValue)", columnsNode)
            }
        }
        func enumValue<T: RawRepresentable>(_ key: String, _ type: T.Type) throws -> T? where T.RawValue == String {
            guard let node = mapping[key] else { return nil }
            guard let text = node.string, let value = T(rawValue: text) else {
                throw fail("\(key): '\(node.string ?? "?")' is not a valid value", node)
            }
            return value
        }
        func valueMap<T: RawRepresentable>(_ key: String, _ type: T.Type) throws -> [String: T]
        where T.RawValue == String {
            guard let node = mapping[key] else { return [:] }
            guard let pairs = node.mapping else {
                throw fail("\(key): expected 'CRM value: canonical value' pairs", node)
            }
            var result: [String: T] = [:]
            for (k, v) in pairs {
                guard let from = k.string, let text = v.string, let to = T(rawValue: text) else {
                    throw fail("\(key): '\(v.string ?? "?")' is not a canonical value", v)
                }
                result[from.lowercased()] = to
            }
            return result
        }
        func flag(_ key: String) throws -> Bool {
            guard let node = mapping[key] else { return false }
            guard let value = node.bool else {
                throw fail("\(key): '\(node.string ?? "?")' is not true or false", node)
            }
            return value
        }
        let name = mapping["name"]?.string ?? "mapping"
        let signature = columns.values.compactMap(\.first)
        var dialect = Dialect(
            id: "mapping:" + name, crm: "mapping", title: "Mapped export (\(file))", holds: holds,
            signature: signature, columns: columns, dateOrder: try enumValue("date_order", DateOrder.self) ?? .auto,
            durationUnit: try enumValue("duration_unit", DurationUnit.self) ?? .seconds,
            fixedKind: try enumValue("kind", ActivityKind.self), kinds: try valueMap("kinds", ActivityKind.self),
            directions: try valueMap("directions", Direction.self), outcomes: try valueMap("outcomes", Outcome.self),
            keyPrefix: name)
        dialect.twoPartDuration = try enumValue("two_part_duration", TwoPartDuration.self) ?? .minutesSeconds
        dialect.amountInCents = try flag("amount_in_cents")
        dialect.timesInUTC = try flag("times_in_utc")
        dialect.callFieldsImplyCall = try flag("call_fields_imply_call")
        dialect.repliesAreRows = try flag("replies_are_rows")
        dialect.reportFooter = try flag("report_footer")
        if let node = mapping["empty_values"] {
            guard let values = node.sequence?.compactMap(\.string) else {
                throw fail("empty_values: expected a list, e.g. [000000000000000AAA]", node)
            }
            dialect.emptyMarkers = Set(values)
        }
        return dialect
    }
}
