import PyramidCore

/// Inline SVG charts: no scripts, no external assets, a title and description for screen readers.
enum SVGChart {
    /// Bars for the seller's last six weeks of the main standard, with the target drawn as a line.
    static func weeks(_ points: [WeekPoint], label: String, id: String) -> String {
        let width = 320.0, height = 120.0, left = 28.0, bottom = 18.0, top = 8.0
        let values = points.compactMap(\.value) + points.compactMap(\.target)
        let maximum = max(values.max() ?? 1, 1) * 1.15
        let slot = (width - left) / Double(max(points.count, 1))
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - v / maximum) }
        let description = points.map { point in
            "\(point.week): " + (point.value.map { Numbers.format($0) } ?? "no working days")
                + (point.target.map { " (target \(Numbers.format($0)))" } ?? "")
        }.joined(separator: "; ")
        var svg = """
            <svg class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-t \(id)-d">\
            <title id="\(id)-t">\(Text.html(label))</title><desc id="\(id)-d">\(Text.html(description))</desc>
            """
        svg +=
            "<text x=\"2\" y=\"\(fmt(y(maximum / 1.15) + 4))\" class=\"axis\">\(Numbers.format(maximum / 1.15))</text>"
        svg +=
            "<line x1=\"\(fmt(left))\" y1=\"\(fmt(height - bottom))\" x2=\"\(fmt(width))\" y2=\"\(fmt(height - bottom))\" class=\"base\"/>"
        for (i, point) in points.enumerated() {
            let x = left + Double(i) * slot + slot * 0.2
            let barWidth = slot * 0.6
            if let value = point.value {
                let met = point.target.map { value >= $0 } ?? true
                svg +=
                    "<rect x=\"\(fmt(x))\" y=\"\(fmt(y(value)))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(max(0, height - bottom - y(value))))\" class=\"\(met ? "met" : "missed")\"/>"
            }
            if let target = point.target {
                svg +=
                    "<line x1=\"\(fmt(x - 2))\" y1=\"\(fmt(y(target)))\" x2=\"\(fmt(x + barWidth + 2))\" y2=\"\(fmt(y(target)))\" class=\"target\"/>"
            }
            svg +=
                "<text x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(height - 4))\" class=\"axis\" text-anchor=\"middle\">W\(point.week.week)</text>"
        }
        return svg + "</svg>"
    }

    /// One horizontal stacked bar of the team's channel mix, with a legend.
    static func mix(_ mix: [String: Int], id: String) -> String {
        let keys = ["calls", "emails", "linkedin", "meetings"]
        let total = Double(max(1, keys.map { mix[$0] ?? 0 }.reduce(0, +)))
        let description = keys.map { "\($0): \(mix[$0] ?? 0)" }.joined(separator: ", ")
        var svg = """
            <svg class="chart mix" viewBox="0 0 400 56" role="img" aria-labelledby="\(id)-t \(id)-d">\
            <title id="\(id)-t">Channel mix of the team's touches this week</title><desc id="\(id)-d">\(description)</desc>
            """
        var x = 0.0
        for (i, key) in keys.enumerated() {
            let share = Double(mix[key] ?? 0) / total
            svg += "<rect x=\"\(fmt(x))\" y=\"0\" width=\"\(fmt(400 * share))\" height=\"24\" class=\"c\(i)\"/>"
            x += 400 * share
            svg += "<rect x=\"\(i * 100)\" y=\"34\" width=\"10\" height=\"10\" class=\"c\(i)\"/>"
            svg += "<text x=\"\(i * 100 + 14)\" y=\"43\" class=\"axis\">\(key) \(Percent.format(share))</text>"
        }
        return svg + "</svg>"
    }

    private static func fmt(_ value: Double) -> String { Numbers.format(value) }
}
