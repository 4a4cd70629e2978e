import Foundation
import PyramidCore

/// The manager's mirror in every format: the managing figures, then the leading ones, each with what it counts
/// and out of how many, and who.
public enum MirrorReport {
    /// The contrast the mirror is read against.
    static let managing = "Managing: short range, compliance, authority: the standard, the numbers, the correction."
    static let leading =
        "Leading: long range, commitment, experiences: the seller's belief, an experiment on it, the follow-up."

    /// The mirror as Markdown.
    public static func markdown(_ m: ManagerMirror) -> String {
        var out = ["# \(title(m))", ""]
        out.append("_\(Text.markdown(scope(m)))_")
        out.append("")
        if let start = m.start {
            out.append("> \(Text.markdown(start))")
            out.append("")
        }
        for side in [MirrorFigure.Side.managing, .leading] {
            out.append("## \(side == .managing ? "Managing" : "Leading")")
            out.append("")
            out.append("_\(side == .managing ? managing : leading)_")
            out.append("")
            for figure in m.figures where figure.side == side {
                out.append("- **\(Text.markdown(figure.text))**")
                for line in figure.details { out.append("  - \(Text.markdown(line))") }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// The mirror as a self-contained HTML page.
    public static func html(_ m: ManagerMirror) -> String {
        var body = "<h1>\(Text.html(title(m)))</h1><p><em>\(Text.html(scope(m)))</em></p>"
        if let start = m.start { body += "<p class=\"start\">\(Text.html(start))</p>" }
        for side in [MirrorFigure.Side.managing, .leading] {
            body += "<h2>\(side == .managing ? "Managing" : "Leading")</h2>"
            body += "<p><em>\(Text.html(side == .managing ? managing : leading))</em></p><ul>"
            for figure in m.figures where figure.side == side {
                body += "<li><strong>\(Text.html(figure.text))</strong>"
                if !figure.details.isEmpty {
                    body += "<ul>" + figure.details.map { "<li>\(Text.html($0))</li>" }.joined() + "</ul>"
                }
                body += "</li>"
            }
            body += "</ul>"
        }
        return HTMLReport.page(title: title(m), body: body)
    }

    /// The mirror as JSON: `manager`, `from`, `to`, `sellers`, `oneToOnes`, `start` and `figures` (`id`, `side`,
    /// `count`, `sample`, `text`, `details`).
    public static func json(_ m: ManagerMirror) throws -> String {
        struct Entry: Encodable {
            var manager: String
            var from: String
            var to: String
            var sellers: Int
            var oneToOnes: Int
            var start: String?
            var figures: [MirrorFigure]

            enum Keys: String, CodingKey { case manager, from, to, sellers, oneToOnes, start, figures }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(manager, forKey: .manager)
                try c.encode(from, forKey: .from)
                try c.encode(to, forKey: .to)
                try c.encode(sellers, forKey: .sellers)
                try c.encode(oneToOnes, forKey: .oneToOnes)
                try c.encode(start, forKey: .start)
                try c.encode(figures, forKey: .figures)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let entry = Entry(
            manager: m.manager, from: m.from.description, to: m.to.description, sellers: m.sellers,
            oneToOnes: m.oneToOnes, start: m.start, figures: m.figures)
        return String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n"
    }

    private static func title(_ m: ManagerMirror) -> String {
        "The manager's mirror" + (m.manager.isEmpty ? "" : ": \(m.manager)") + ", \(m.from) to \(m.to)"
    }

    private static func scope(_ m: ManagerMirror) -> String {
        "\(m.sellers) \(m.sellers == 1 ? "seller" : "sellers"), \(m.oneToOnes) "
            + (m.oneToOnes == 1 ? "one-to-one" : "one-to-ones") + " recorded with them in these weeks. A drift is "
            + "two weeks or more in a row in a pattern to act on: under-activity, activity without conversations, "
            + "conversations without results, fading, or a channel substitution short of the conversations "
            + "standard."
    }
}
