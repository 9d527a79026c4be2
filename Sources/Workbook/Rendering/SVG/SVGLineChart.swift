import Experiments

/// A line chart of several series (linear or log axes), with a legend in which every
/// series has its own colour, dash pattern and marker, so it reads without colour.
struct SVGLineChart {
    /// The chart title (also the SVG `<title>`).
    var title: String
    /// The x-axis title.
    var xLabel: String
    /// The y-axis title.
    var yLabel: String
    /// The series, drawn in order.
    var series: [ResultSeries]
    /// Whether the x axis is logarithmic.
    var logX = false
    /// Whether the y axis is logarithmic.
    var logY = false
    /// Values the axes must also cover (an explorable cell's other settings), so that moving a
    /// control changes the lines, not the scale: (x values, y values).
    var cover: (x: [Double], y: [Double]) = ([], [])

    private let width = 640.0
    private let plotLeft = 78.0
    private let plotTop = 36.0
    private let plotWidth = 540.0
    private let plotHeight = 260.0

    /// The legend text of a series, with "(diverged at step N)" when it diverged.
    static func legendLabel(_ series: ResultSeries) -> String {
        guard let step = series.divergedAt else { return series.label }
        return "\(series.label) (diverged at step \(step))"
    }

    /// The SVG markup; `id` makes the title and description ids unique on the page.
    func render(id: String) -> String {
        let xAxis = ScaleBuilder(values: series.flatMap(\.x) + cover.x, logarithmic: logX)
        let yAxis = ScaleBuilder(values: series.flatMap(\.y) + cover.y, logarithmic: logY)
        let xScale = AxisScale(
            lower: xAxis.ticks.lower, upper: xAxis.ticks.upper, logarithmic: logX, start: plotLeft,
            end: plotLeft + plotWidth)
        let yScale = AxisScale(
            lower: yAxis.ticks.lower, upper: yAxis.ticks.upper, logarithmic: logY, start: plotTop + plotHeight,
            end: plotTop)
        let legendTop = plotTop + plotHeight + 52
        let height = legendTop + Double(series.count) * 20 + 8

        var svg = SVGWriter()
        svg.open(
            width: width, height: height, id: id, title: title,
            description: description(xScale: xScale, yScale: yScale),
            className: "chart line-chart")
        let n = SVGWriter.number
        svg.text(title, [("class", "chart-title"), ("x", n(width / 2)), ("y", "20"), ("text-anchor", "middle")])
        let axes = SVGAxes(left: plotLeft, top: plotTop, width: plotWidth, height: plotHeight)
        axes.drawYAxis(yAxis.ticks, scale: yScale, title: yLabel + (logY ? " (log scale)" : ""), into: &svg)
        axes.drawXAxis(xAxis.ticks, scale: xScale, title: xLabel + (logX ? " (log scale)" : ""), into: &svg)

        let styles = ChartStyle.styles(labels: series.map(\.label))
        for (position, line) in series.enumerated() {
            let index = styles[position]
            svg.openGroup([("class", "series \(ChartStyle.colourClass(index))"), ("data-series", String(position))])
            // Split into runs of drawable points so an undrawable value leaves a gap.
            var runs: [[(Double, Double)]] = [[]]
            var markers: [(Double, Double)] = []
            for (x, y) in zip(line.x, line.y) {
                if let px = xScale.position(x), let py = yScale.position(y) {
                    runs[runs.count - 1].append((px, py))
                    markers.append((px, py))
                } else if !(runs.last?.isEmpty ?? true) {
                    runs.append([])
                }
            }
            for run in runs where run.count > 1 {
                var attributes = [
                    ("class", "line"), ("d", SVGWriter.polyline(run)), ("fill", "none"),
                    ("stroke", ChartStyle.colour(index)), ("stroke-width", "2"),
                ]
                let dash = ChartStyle.dash(index)
                if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
                svg.element("path", attributes)
            }
            let every = max(1, (markers.count + 29) / 30)
            for (position, point) in markers.enumerated() where position % every == 0 || position == markers.count - 1 {
                svg.element("path", markerAttributes(index, x: point.0, y: point.1))
            }
            svg.closeGroup()
        }

        svg.openGroup([("class", "legend")])
        for (position, line) in series.enumerated() {
            let index = styles[position]
            let y = legendTop + Double(position) * 20
            svg.openGroup([
                ("class", "series \(ChartStyle.colourClass(index))"), ("data-series", String(position)),
                ("data-label", SVGLineChart.legendLabel(line)),
            ])
            var attributes = [
                ("class", "line"), ("d", "M\(n(plotLeft)) \(n(y)) H\(n(plotLeft + 36))"), ("fill", "none"),
                ("stroke", ChartStyle.colour(index)), ("stroke-width", "2"),
            ]
            let dash = ChartStyle.dash(index)
            if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
            svg.element("path", attributes)
            svg.element("path", markerAttributes(index, x: plotLeft + 18, y: y))
            svg.closeGroup()
            svg.text(SVGLineChart.legendLabel(line), [("x", n(plotLeft + 46)), ("y", n(y + 4))])
        }
        svg.closeGroup()
        svg.close()
        return svg.markup
    }

    private func markerAttributes(_ index: Int, x: Double, y: Double) -> [(String, String)] {
        let stroked = ChartStyle.markerIsStroked(index)
        return [
            ("class", stroked ? "marker stroked" : "marker"), ("d", ChartStyle.markerPath(index, x: x, y: y)),
            ("fill", stroked ? "none" : ChartStyle.colour(index)), ("stroke", ChartStyle.colour(index)),
            ("stroke-width", "1.5"),
        ]
    }

    /// A text summary of the data for screen readers (`<desc>`).
    private func description(xScale: AxisScale, yScale: AxisScale) -> String {
        let format = { (value: Double) in NumberFormatting.compact(value, significant: 3) }
        var parts = [
            "Line chart of \(yLabel) against "
                + "\(xLabel)\(logY ? ", y on a log scale" : "")\(logX ? ", x on a log scale" : ""); \(series.count) "
                + "series."
        ]
        for line in series {
            let points = zip(line.x, line.y).filter { xScale.canDraw($0.0) && yScale.canDraw($0.1) }
            var text = "\(SVGLineChart.legendLabel(line)): "
            if let first = points.first, let last = points.last {
                text +=
                    "\(points.count) points, from \(format(first.1)) at \(xLabel) \(format(first.0)) to "
                    + "\(format(last.1)) at \(xLabel) \(format(last.0))"
                if let low = points.min(by: { $0.1 < $1.1 }), let high = points.max(by: { $0.1 < $1.1 }) {
                    text += ", range \(format(low.1)) to \(format(high.1))"
                }
            } else {
                text += "no drawable points"
            }
            let omitted = line.x.count - points.count
            if omitted > 0 { text += " (\(omitted) points not drawable on this axis omitted)" }
            parts.append(text + ".")
        }
        return parts.joined(separator: " ")
    }
}
