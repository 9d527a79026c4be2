import Experiments

/// A vertical bar chart of one value per category (linear or log y axis).
struct SVGBarChart {
    /// One bar: a category label and its value (nil when missing: drawn as "n/a").
    struct Bar: Equatable {
        /// The category.
        var label: String
        /// The bar's height in data units, if any.
        var value: Double?
    }

    /// The chart title (also the SVG `<title>`).
    var title: String
    /// The category-axis title.
    var xLabel: String
    /// The value-axis title.
    var yLabel: String
    /// The bars, left to right.
    var bars: [Bar]
    /// Whether the value axis is logarithmic.
    var logY = false

    private let plotLeft = 78.0
    private let plotTop = 36.0
    private let plotHeight = 240.0

    /// The SVG markup; `id` makes the title and description ids unique on the page.
    func render(id: String) -> String {
        let slot = max(36.0, min(90.0, 540.0 / Double(max(1, bars.count))))
        let plotWidth = slot * Double(bars.count)
        let rotate = bars.contains { $0.label.count * 7 > Int(slot) }
        let labelSpace = rotate ? Double(min(140, (bars.map(\.label.count).max() ?? 0) * 6 + 10)) : 22
        let width = plotLeft + max(plotWidth, 200) + 24
        let height = plotTop + plotHeight + labelSpace + 34
        let drawable = bars.compactMap(\.value).filter { $0.isFinite && (!logY || $0 > 0) }
        var values = drawable
        // Bars grow from the axis: include 0 (linear) or a decade below the smallest value (log).
        if logY { values.append((drawable.min() ?? 1) / 10) } else { values.append(0) }
        let ticks = ScaleBuilder(values: values, logarithmic: logY).ticks
        let scale = AxisScale(
            lower: ticks.lower, upper: ticks.upper, logarithmic: logY, start: plotTop + plotHeight, end: plotTop)
        let n = SVGWriter.number

        var svg = SVGWriter()
        svg.open(
            width: width, height: height, id: id, title: title, description: description, className: "chart bar-chart")
        svg.text(title, [("class", "chart-title"), ("x", n(width / 2)), ("y", "20"), ("text-anchor", "middle")])
        let axes = SVGAxes(left: plotLeft, top: plotTop, width: max(plotWidth, 200), height: plotHeight)
        axes.drawYAxis(ticks, scale: scale, title: yLabel + (logY ? " (log scale)" : ""), into: &svg)
        let baseline = scale.position(logY ? ticks.lower : max(ticks.lower, 0)) ?? (plotTop + plotHeight)
        svg.openGroup([("class", "series s0")])
        for (index, bar) in bars.enumerated() {
            let centre = plotLeft + slot * (Double(index) + 0.5)
            if let value = bar.value, let top = scale.position(value) {
                let y = min(top, baseline), h = abs(baseline - top)
                svg.element(
                    "rect",
                    [
                        ("class", "bar"), ("x", n(centre - slot * 0.35)), ("y", n(y)), ("width", n(slot * 0.7)),
                        ("height", n(max(h, 0.5))), ("fill", ChartStyle.colour(0)),
                    ])
            } else {
                svg.text(
                    "n/a",
                    [("class", "tick-small"), ("x", n(centre)), ("y", n(baseline - 4)), ("text-anchor", "middle")])
            }
        }
        svg.closeGroup()
        svg.element(
            "line",
            [
                ("class", "axis-line"), ("x1", n(plotLeft)), ("x2", n(plotLeft + max(plotWidth, 200))),
                ("y1", n(plotTop + plotHeight)), ("y2", n(plotTop + plotHeight)),
            ])
        for (index, bar) in bars.enumerated() {
            let centre = plotLeft + slot * (Double(index) + 0.5)
            let y = plotTop + plotHeight + 16
            if rotate {
                svg.text(
                    bar.label,
                    [
                        ("x", n(centre)), ("y", n(y)), ("text-anchor", "end"),
                        ("transform", "rotate(-35 \(n(centre)) \(n(y)))"),
                    ])
            } else {
                svg.text(bar.label, [("x", n(centre)), ("y", n(y)), ("text-anchor", "middle")])
            }
        }
        svg.text(
            xLabel,
            [
                ("class", "axis-title"), ("x", n(plotLeft + max(plotWidth, 200) / 2)), ("y", n(height - 8)),
                ("text-anchor", "middle"),
            ])
        svg.close()
        return svg.markup
    }

    /// A text summary of every bar for screen readers.
    private var description: String {
        let items = bars.map { bar in
            "\(bar.label): \(bar.value.map { NumberFormatting.compact($0, significant: 3) } ?? "n/a")"
        }
        return "Bar chart of \(yLabel) by \(xLabel)\(logY ? " (log scale)" : ""): " + items.joined(separator: "; ")
            + "."
    }
}
