/// Draws the frame of a chart: grid lines, tick marks, tick labels and axis titles.
struct SVGAxes {
    /// The plot area's left edge.
    var left: Double
    /// The plot area's top edge.
    var top: Double
    /// The plot area's width.
    var width: Double
    /// The plot area's height.
    var height: Double

    /// Draws a horizontal-value (y) axis with grid lines at `ticks`.
    func drawYAxis(_ ticks: AxisTicks, scale: AxisScale, title: String, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        svg.openGroup([("class", "axis y-axis")])
        for (value, label) in zip(ticks.values, ticks.labels) {
            guard let y = scale.position(value) else { continue }
            svg.element(
                "line", [("class", "grid"), ("x1", n(left)), ("x2", n(left + width)), ("y1", n(y)), ("y2", n(y))])
            svg.text(label, [("x", n(left - 6)), ("y", n(y + 4)), ("text-anchor", "end")])
        }
        svg.element(
            "line", [("class", "axis-line"), ("x1", n(left)), ("x2", n(left)), ("y1", n(top)), ("y2", n(top + height))])
        svg.text(
            title,
            [
                ("class", "axis-title"), ("x", n(left - 52)), ("y", n(top + height / 2)),
                ("text-anchor", "middle"), ("transform", "rotate(-90 \(n(left - 52)) \(n(top + height / 2)))"),
            ])
        svg.closeGroup()
    }

    /// Draws a value (x) axis along the bottom with ticks at `ticks`.
    func drawXAxis(_ ticks: AxisTicks, scale: AxisScale, title: String, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        let bottom = top + height
        svg.openGroup([("class", "axis x-axis")])
        for (value, label) in zip(ticks.values, ticks.labels) {
            guard let x = scale.position(value) else { continue }
            svg.element("line", [("class", "grid"), ("x1", n(x)), ("x2", n(x)), ("y1", n(top)), ("y2", n(bottom))])
            svg.text(label, [("x", n(x)), ("y", n(bottom + 16)), ("text-anchor", "middle")])
        }
        svg.element(
            "line",
            [("class", "axis-line"), ("x1", n(left)), ("x2", n(left + width)), ("y1", n(bottom)), ("y2", n(bottom))])
        svg.text(
            title,
            [("class", "axis-title"), ("x", n(left + width / 2)), ("y", n(bottom + 36)), ("text-anchor", "middle")])
        svg.closeGroup()
    }
}
