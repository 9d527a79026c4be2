/// How series differ without colour: a colour class (Okabe–Ito palette via the
/// stylesheet), a dash pattern and a marker shape per series index.
enum ChartStyle {
    /// Fallback colours (used when the stylesheet is absent); the stylesheet's
    /// `.sN` classes override them, with lighter variants in dark mode.
    static let fallbackColours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
    /// Dash patterns (`stroke-dasharray`); the first is solid.
    static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 2", "12 4 2 4 2 4", "1 4", "6 2 6 6"]
    /// Marker shape names, in series order.
    static let markers = ["circle", "square", "triangle", "diamond", "cross", "triangle-down", "plus", "star"]

    /// The CSS class of series `index`.
    static func colourClass(_ index: Int) -> String { "s\(index % fallbackColours.count)" }
    /// The fallback colour of series `index`.
    static func colour(_ index: Int) -> String { fallbackColours[index % fallbackColours.count] }
    /// The dash pattern of series `index`.
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }

    /// A path `d` for the marker of series `index` centred at (x, y).
    static func markerPath(_ index: Int, x: Double, y: Double, size r: Double = 3.5) -> String {
        let n = SVGWriter.number
        switch markers[index % markers.count] {
        case "circle":
            return "M\(n(x - r)) \(n(y)) a\(n(r)) \(n(r)) 0 1 0 \(n(2 * r)) 0 a\(n(r)) \(n(r)) 0 1 0 \(n(-2 * r)) 0 Z"
        case "square":
            return "M\(n(x - r)) \(n(y - r)) h\(n(2 * r)) v\(n(2 * r)) h\(n(-2 * r)) Z"
        case "triangle":
            return "M\(n(x)) \(n(y - r * 1.2)) L\(n(x + r * 1.1)) \(n(y + r * 0.9)) L\(n(x - r * 1.1)) \(n(y + r * 0.9)) Z"
        case "diamond":
            return "M\(n(x)) \(n(y - r * 1.3)) L\(n(x + r)) \(n(y)) L\(n(x)) \(n(y + r * 1.3)) L\(n(x - r)) \(n(y)) Z"
        case "cross":
            return "M\(n(x - r)) \(n(y - r)) L\(n(x + r)) \(n(y + r)) M\(n(x - r)) \(n(y + r)) L\(n(x + r)) \(n(y - r))"
        case "triangle-down":
            return "M\(n(x)) \(n(y + r * 1.2)) L\(n(x + r * 1.1)) \(n(y - r * 0.9)) L\(n(x - r * 1.1)) \(n(y - r * 0.9)) Z"
        case "plus":
            return "M\(n(x - r * 1.2)) \(n(y)) H\(n(x + r * 1.2)) M\(n(x)) \(n(y - r * 1.2)) V\(n(y + r * 1.2))"
        default:
            return "M\(n(x - r)) \(n(y)) H\(n(x + r)) M\(n(x)) \(n(y - r)) V\(n(y + r)) M\(n(x - r * 0.7)) \(n(y - r * 0.7)) L\(n(x + r * 0.7)) \(n(y + r * 0.7))"
        }
    }

    /// Whether the marker shape is drawn as lines (stroked) rather than a filled shape.
    static func markerIsStroked(_ index: Int) -> Bool {
        ["cross", "plus", "star"].contains(markers[index % markers.count])
    }
}
