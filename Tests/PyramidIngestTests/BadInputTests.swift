import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Bad settings and mapping files, each with the exact message a person sees. (Bad export files are imported
/// into a workspace, with the database checked before and after, in PyramidStoreTests/BadImportTests.swift.)
struct BadInputTests {
    @Test(
        "mapping file mistakes",
        arguments: [
            (
                "columns: { rep: A }",
                "team.yml: line 1: columns: 'rep' is not a field (expected one of "
                    + Field.allCases.map(\.rawValue).joined(separator: ", ") + ")"
            ),
            (
                "holds: activities\nsheet: Calls\ncolumns: { owner: A, timestamp: B }",
                "team.yml: line 2: unknown key 'sheet' (expected amount_in_cents, call_fields_imply_call, columns, "
                    + "date_order, directions, duration_unit, empty_values, holds, kind, kinds, name, outcomes, "
                    + "replies_are_rows, report_footer, times_in_utc, two_part_duration)"
            ),
            (
                "holds: activities\ncolumns: { owner: A, timestamp: [B, ] \n",
                "team.yml: line 3: is not valid YAML: did not find expected ',' or '}' while parsing a flow "
                    + "mapping that starts on line 2, column 10"
            ),
            (
                "holds: activities\nholds: deals\ncolumns: { owner: A }",
                "team.yml: line 1: is not valid YAML: 'holds' given twice in one mapping"
            ),
            ("", "team.yml: the mapping is empty"),
            ("- owner\n- timestamp\n", "team.yml: line 1: expected keys such as 'holds' and 'columns'"),
            (
                "holds: leads\ncolumns: { owner: A }",
                "team.yml: line 1: holds: 'leads' is not one of activities, deals, roster, time-off"
            ),
            ("holds: deals\ncolumns: { amount: Value }", "team.yml: line 2: columns: 'owner' is required for deals"),
            (
                "holds: activities",
                "team.yml: line 1: 'columns' is missing: map each field to a column name, e.g. 'owner: Rep Email'"
            ),
            (
                "columns: { owner: A, timestamp: '' }",
                "team.yml: line 1: columns: 'timestamp' needs a column name"
            ),
            (
                "columns: { owner: A, timestamp: B }\ndate_order: sideways",
                "team.yml: line 2: date_order: 'sideways' is not a valid value"
            ),
            (
                "columns: { owner: A, timestamp: B }\nkinds: { Phone: telegram }",
                "team.yml: line 2: kinds: 'telegram' is not a canonical value"
            ),
        ])
    func mapping(yaml: String, message: String) {
        // Given a wrong mapping, When it is parsed, Then the message names the file, the line and the problem
        let error = #expect(throws: IngestError.self) { try MappingFile.parse(yaml, file: "team.yml") }
        #expect(error?.description == message)
    }

    @Test func mappingFileThatDoesNotExist() {
        let error = #expect(throws: IngestError.self) {
            try MappingFile.load(URL(fileURLWithPath: "/nonexistent/my-crm.yml"))
        }
        #expect(error?.description == "my-crm.yml: cannot be read: no such file")
    }

    @Test(
        "pyramid.yml mistakes",
        arguments: [
            (
                "time_zone: UTC\nstandard:\n  - metric: outbound-calls\n",
                "pyramid.yml line 2: unknown key 'standard' (expected one of time_zone, working_days, holidays, "
                    + "conversation, standards, ramp, import, prompts, rules)"
            ),
            (
                "standards:\n  - metric: outbound-calls\n    per: month\n    target: 400\n",
                "pyramid.yml line 3: standards[].per: 'month' is not day, week or quarter"
            ),
            (
                "time_zone: Europe/Pariss\n",
                "pyramid.yml line 1: time_zone: 'Europe/Pariss' is not a time zone (expected e.g. Europe/Paris or UTC)"
            ),
            (
                "standards:\n  - metric: cold-calls\n    target: 20\n",
                "pyramid.yml line 2: standards[].metric: 'cold-calls' is not a metric (expected one of "
                    + Metric.allCases.map(\.rawValue).joined(separator: ", ") + ")"
            ),
            (
                "standards:\n  - metric: conversations\n    per: week\n",
                "pyramid.yml line 2: standards: 'conversations' needs a target"
            ),
            (
                "standards:\n  - metric: conversations\n    target: lots\n",
                "pyramid.yml line 3: standards[].target: 'lots' is not a number"
            ),
            (
                "working_days: [mon, fry]\n",
                "pyramid.yml line 1: working_days: 'fry' is not a weekday (expected mon, tue, … sun)"
            ),
            (
                "holidays: [2026-12-32]\n",
                "pyramid.yml line 1: holidays: '2026-12-32' is not a date (expected YYYY-MM-DD)"
            ),
            ("ramp: [0.25, 50%]\n", "pyramid.yml line 1: ramp: '50%' is not a number"),
            ("ramp: [0.25, 3]\n", "pyramid.yml line 1: ramp: '3' is not a share of target (expected 0.25 for 25%)"),
            (
                "import:\n  date_order: european\n",
                "pyramid.yml line 2: import.date_order: 'european' is not one of auto, month-first, day-first"
            ),
            (
                "rules:\n  lookback_weeks: 0\n",
                "pyramid.yml line 2: rules.lookback_weeks: '0' is out of range (expected 1 to 52)"
            ),
            (
                "rules:\n  minimum_sample: 2.5\n",
                "pyramid.yml line 2: rules.minimum_sample: '2.5' is not a whole number"
            ),
            (
                "time_zone: [UTC\n",
                "pyramid.yml line 2: is not valid YAML: did not find expected ',' or ']' while parsing a flow "
                    + "sequence that starts on line 1, column 12"
            ),
        ])
    func config(yaml: String, message: String) {
        // Given a wrong pyramid.yml, When it is loaded, Then the message names the key, the value and the line
        let error = #expect(throws: ConfigFile.Problem.self) { try ConfigFile.parse(yaml, file: "pyramid.yml") }
        #expect(error?.description == message)
    }
}
