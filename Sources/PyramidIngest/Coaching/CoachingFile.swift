import Foundation
import PyramidCore
import Yams

/// Reads coaching wording (see `BuiltInCoaching`): the built-in file, and a team's own, which adds to it or,
/// with `replace: true`, replaces it.
public enum CoachingFile {
    /// The built-in wording.
    public static func builtIn() throws -> CoachingCatalog {
        try parse(BuiltInCoaching.yaml, file: "built-in coaching").catalog
    }

    /// The built-in wording, extended or replaced by the file at `url` when given.
    public static func load(teamFile url: URL?) throws -> CoachingCatalog {
        let base = try builtIn()
        guard let url else { return base }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw IngestError.badMapping(
                file: url.lastPathComponent, problem: "cannot be read: \(IngestError.describe(error))")
        }
        let team = try parse(text, file: url.lastPathComponent)
        return team.replace ? team.catalog : base.extended(with: team.catalog)
    }

    /// Parses a coaching file.
    public static func parse(_ text: String, file: String) throws -> (catalog: CoachingCatalog, replace: Bool) {
        func fail(_ problem: String, _ node: Node?) -> IngestError {
            IngestError.badMapping(file: file, problem: (node?.mark.map { "line \($0.line): " } ?? "") + problem)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw IngestError.badMapping(file: file, problem: "is not valid YAML: \(error)")
        }
        guard let map = root?.mapping else { throw fail("expected 'patterns:' and 'beliefs:'", root) }
        var catalog = CoachingCatalog()
        for (key, _) in map
        where !["patterns", "beliefs", "experiments", "peers", "replace"].contains(key.string ?? "") {
            throw fail(
                "unknown key '\(key.string ?? "?")' (expected patterns, beliefs, experiments, peers, replace)", key)
        }
        func wording(_ node: Node, _ path: String) throws -> CoachingCatalog.Wording {
            guard let entry = node.mapping else { throw fail("\(path): expected prompts: and experiences:", node) }
            var wording = CoachingCatalog.Wording()
            for (key, value) in entry {
                let texts = (value.sequence.map(Array.init) ?? []).compactMap(\.string)
                switch key.string {
                case "prompts": wording.prompts = texts
                case "experiences": wording.experiences = texts
                default: throw fail("\(path): unknown key '\(key.string ?? "?")' (expected prompts, experiences)", key)
                }
            }
            return wording
        }
        if let patterns = map["patterns"]?.mapping {
            for (key, value) in patterns {
                guard let name = key.string, Pattern(rawValue: name) != nil else {
                    throw fail(
                        "patterns: '\(key.string ?? "?")' is not a pattern (expected one of "
                            + Pattern.allCases.map(\.rawValue).joined(separator: ", ") + ")", key)
                }
                catalog.patterns[name] = try wording(value, "patterns.\(name)")
            }
        }
        if let beliefs = map["beliefs"]?.mapping {
            for (key, value) in beliefs {
                guard let id = key.string, let verdicts = value.mapping else {
                    throw fail("beliefs: expected a belief id with supported/contradicted/inconclusive", key)
                }
                for (verdictKey, entry) in verdicts {
                    guard let verdict = verdictKey.string, Verdict(rawValue: verdict) != nil else {
                        throw fail(
                            "beliefs.\(id): '\(verdictKey.string ?? "?")' is not supported, contradicted or inconclusive",
                            verdictKey)
                    }
                    catalog.beliefs[id, default: [:]][verdict] = try wording(entry, "beliefs.\(id).\(verdict)")
                }
            }
        }
        if let experiments = map["experiments"]?.mapping {
            let keys = ExperimentVerdict.allCases.map(\.rawValue) + [CoachingCatalog.backToOldWay]
            for (key, value) in experiments {
                guard let name = key.string, keys.contains(name) else {
                    throw fail(
                        "experiments: '\(key.string ?? "?")' is not a follow-up (expected one of "
                            + keys.joined(separator: ", ") + ")", key)
                }
                catalog.experiments[name] = try wording(value, "experiments.\(name)")
            }
        }
        if let peers = map["peers"]?.mapping {
            let kinds = PeerLesson.Kind.allCases.map(\.rawValue)
            for (key, value) in peers {
                guard let id = key.string, let entries = value.mapping else {
                    throw fail("peers: expected a belief id (or default) with \(kinds.joined(separator: " or "))", key)
                }
                for (kindKey, entry) in entries {
                    guard let kind = kindKey.string, kinds.contains(kind) else {
                        throw fail(
                            "peers.\(id): '\(kindKey.string ?? "?")' is not \(kinds.joined(separator: " or "))", kindKey
                        )
                    }
                    catalog.peers[id, default: [:]][kind] = try wording(entry, "peers.\(id).\(kind)")
                }
            }
        }
        return (catalog, map["replace"]?.bool ?? false)
    }
}
