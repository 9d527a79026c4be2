import Experiments

/// Small multiples of histograms: one row per label (e.g. initialiser), one column per
/// panel (e.g. layer), each cell scaled to its own tallest bin.
struct SVGHistogramGrid {
    /// The figure title (also the SVG `<title>`).
    var title: String
    /// The histograms of one group.
    var histograms: [ResultHistogram]

    /// Cells shrink when there are many panels, so the figure stays near 900 units wide.
    private var cellWidth: Double { max(60, min(112, 740 / Double(max(1, columns.count)))) }
    private let cellHeight = 64.0
    private let gap = 14.0
    /// Left margin; row labels sit above their row, so long specs are never clipped.
    private let labelWidth = 10.0
    /// Space above each row for its label.
    private let labelHeight = 18.0
    private let top = 48.0

    /// Row labels in first-appearance order.
    var rows: [String] { SVGHistogramGrid.ordered(histograms.map(\.label)) }
    /// Column panels in first-appearance order.
    var columns: [String] { SVGHistogramGrid.ordered(histograms.map(\.panel)) }

    private static func ordered(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// The SVG markup; `id` makes the title and description ids unique on the page.
    func render(id: String) -> String {
        let rows = self.rows, columns = self.columns
        let width = labelWidth + Double(columns.count) * (cellWidth + gap) + 8
        let rowHeight = labelHeight + cellHeight + 30
        let height = top + Double(rows.count) * rowHeight + 6
        let n = SVGWriter.number
        var svg = SVGWriter()
        svg.open(
            width: width, height: height, id: id, title: title, description: description,
            className: "chart histogram-grid")
        svg.text(title, [("class", "chart-title"), ("x", n(labelWidth)), ("y", "20")])
        for (column, panel) in columns.enumerated() {
            let x = labelWidth + Double(column) * (cellWidth + gap)
            svg.text(
                panel,
                [("class", "panel-title"), ("x", n(x + cellWidth / 2)), ("y", n(top - 8)), ("text-anchor", "middle")])
        }
        for (row, label) in rows.enumerated() {
            let labelY = top + Double(row) * rowHeight
            let y = labelY + labelHeight
            svg.text(
                label, [("class", "row-label"), ("x", n(labelWidth)), ("y", n(labelY + 12)), ("text-anchor", "start")])
            svg.openGroup([("class", "series \(ChartStyle.colourClass(row))")])
            for (column, panel) in columns.enumerated() {
                let x = labelWidth + Double(column) * (cellWidth + gap)
                guard let histogram = histograms.first(where: { $0.label == label && $0.panel == panel }) else {
                    continue
                }
                drawCell(histogram, x: x, y: y, colour: ChartStyle.colour(row), into: &svg)
            }
            svg.closeGroup()
        }
        svg.close()
        return svg.markup
    }

    private func drawCell(_ histogram: ResultHistogram, x: Double, y: Double, colour: String, into svg: inout SVGWriter)
    {
        let n = SVGWriter.number
        let bottom = y + cellHeight
        let bins = min(histogram.counts.count, max(0, histogram.edges.count - 1))
        let tallest = histogram.counts.prefix(bins).max() ?? 0
        var d = ""
        if bins > 0, tallest > 0 {
            let barWidth = cellWidth / Double(bins)
            for (index, count) in histogram.counts.prefix(bins).enumerated() where count > 0 {
                let h = Double(count) / Double(tallest) * (cellHeight - 4)
                d += "M\(n(x + Double(index) * barWidth)) \(n(bottom))v\(n(-h))h\(n(barWidth))v\(n(h))Z"
            }
        }
        if !d.isEmpty { svg.element("path", [("class", "bar"), ("d", d), ("fill", colour)]) }
        svg.element(
            "line",
            [("class", "axis-line"), ("x1", n(x)), ("x2", n(x + cellWidth)), ("y1", n(bottom)), ("y2", n(bottom))])
        if let low = histogram.edges.first(where: \.isFinite), let high = histogram.edges.last(where: \.isFinite) {
            svg.text(
                NumberFormatting.compact(low, significant: 2),
                [("class", "tick-small"), ("x", n(x)), ("y", n(bottom + 13))])
            svg.text(
                NumberFormatting.compact(high, significant: 2),
                [("class", "tick-small"), ("x", n(x + cellWidth)), ("y", n(bottom + 13)), ("text-anchor", "end")])
        }
    }

    /// A text summary of every panel for screen readers.
    private var description: String {
        let format = { (value: Double) in NumberFormatting.compact(value, significant: 3) }
        var parts = [
            "Histograms, \(rows.count) rows (\(rows.joined(separator: ", "))) by \(columns.count) panels "
                + "(\(columns.joined(separator: ", "))); each panel is scaled to its tallest bin."
        ]
        for histogram in histograms {
            let total = histogram.counts.reduce(0, +)
            var text = "\(histogram.label), \(histogram.panel): \(total) values"
            if let low = histogram.edges.first, let high = histogram.edges.last {
                text += " in [\(format(low)), \(format(high))]"
            }
            if let peak = histogram.counts.indices.max(by: { histogram.counts[$0] < histogram.counts[$1] }),
                peak + 1 < histogram.edges.count, total > 0
            {
                text += ", most in [\(format(histogram.edges[peak])), \(format(histogram.edges[peak + 1]))]"
            }
            parts.append(text + ".")
        }
        return parts.joined(separator: " ")
    }
}
