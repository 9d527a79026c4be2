/// A figure drawn as inline SVG: what every plot type implements, so that a new plot type is one
/// file (a `Chart`) plus the display that chooses it.
///
/// The markup must be one `<svg>` element with `role="img"`, a `<title>` and a `<desc>` whose ids
/// start with `id` (unique on the page), every text escaped (``SVGWriter`` does both).
protocol Chart {
    /// The SVG markup; `id` makes the title and description ids unique on the page.
    func render(id: String) -> String
}

extension SVGLineChart: Chart {}
extension SVGHistogramGrid: Chart {}
extension SVGBarChart: Chart {}
