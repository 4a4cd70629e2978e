import Yams

/// A YAML syntax error in a person's words: the line it was found on and what is wrong, without the source
/// line and caret Yams appends (which would break a one-line message).
enum YAMLProblem {
    /// The line (1-based) where the parser gave up, when known, and what it expected.
    static func describe(_ error: any Error) -> (line: Int?, text: String) {
        guard let yaml = error as? YamlError else { return (nil, firstLine(of: "\(error)")) }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            guard let context else { return (mark.line, problem) }
            return (
                mark.line,
                "\(problem) \(context.text) that starts on line \(context.mark.line), column \(context.mark.column)"
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark.line, "\(keys) given twice in one mapping")
        default:
            return (nil, firstLine(of: yaml.description))
        }
    }

    private static func firstLine(of text: String) -> String {
        String(text.prefix { $0 != "\n" })
    }
}
