/// How series differ without colour: a colour class (Okabe–Ito palette via the
/// stylesheet), a dash pattern and a marker shape per series index.
enum ChartStyle {
    /// The light-scheme palette: the fill and stroke written into each SVG (so a chart opened on its
    /// own has colour) and the stylesheet's `--c0`…`--c7`, which dark mode replaces with lighter variants.
    static let fallbackColours = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#1d1f21", "#b8a700",
    ]
    /// Dash patterns (`stroke-dasharray`); the first is solid.
    static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 2", "12 4 2 4 2 4", "1 4", "6 2 6 6"]
    /// Marker shape names, in series order.
    static let markers = ["circle", "square", "triangle", "diamond", "cross", "triangle-down", "plus", "star"]

    /// Initialisers with a style of their own: the same initialiser has the same colour, dash and
    /// marker in every figure of the course (index into the palette).
    static let initializerStyles: [String: Int] = [
        "kaiming-normal": 0, "xavier-normal": 1, "orthogonal": 2, "lecun-normal": 3,
        "kaiming-uniform": 4, "xavier-uniform": 5, "normal": 6, "uniform": 7,
    ]

    /// The style index of each series labelled `labels`: a label naming an initialiser (`kaiming-normal`,
    /// `normal(std=0.01)`, `he: kaiming-normal`) takes that initialiser's style unless an earlier series
    /// took it; any other series keeps its position's style when free, else the first free one.
    static func styles(labels: [String]) -> [Int] {
        var styles = [Int?](repeating: nil, count: labels.count)
        var taken: Set<Int> = []
        for (position, label) in labels.enumerated() {
            if let style = initializerStyle(label), taken.insert(style).inserted { styles[position] = style }
        }
        let count = fallbackColours.count
        for position in labels.indices where styles[position] == nil {
            let free = (0..<count).map { (position + $0) % count }.first { !taken.contains($0) } ?? position % count
            taken.insert(free)
            styles[position] = free
        }
        return styles.map { $0 ?? 0 }
    }

    /// The style of the initialiser a label names: the longest known name standing as a word
    /// (delimited by anything but letters, digits and `-`).
    static func initializerStyle(_ label: String) -> Int? {
        let words = label.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }
        let named = words.compactMap { initializerStyles[String($0)] != nil ? String($0) : nil }
        guard let name = named.max(by: { $0.count < $1.count }) else { return nil }
        return initializerStyles[name]
    }

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
            return
                "M\(n(x)) \(n(y - r * 1.2)) L\(n(x + r * 1.1)) \(n(y + r * 0.9)) L\(n(x - r * 1.1)) \(n(y + r * 0.9)) Z"
        case "diamond":
            return "M\(n(x)) \(n(y - r * 1.3)) L\(n(x + r)) \(n(y)) L\(n(x)) \(n(y + r * 1.3)) L\(n(x - r)) \(n(y)) Z"
        case "cross":
            return "M\(n(x - r)) \(n(y - r)) L\(n(x + r)) \(n(y + r)) M\(n(x - r)) \(n(y + r)) L\(n(x + r)) \(n(y - r))"
        case "triangle-down":
            return
                "M\(n(x)) \(n(y + r * 1.2)) L\(n(x + r * 1.1)) \(n(y - r * 0.9)) L\(n(x - r * 1.1)) \(n(y - r * 0.9)) Z"
        case "plus":
            return "M\(n(x - r * 1.2)) \(n(y)) H\(n(x + r * 1.2)) M\(n(x)) \(n(y - r * 1.2)) V\(n(y + r * 1.2))"
        default:
            return
                "M\(n(x - r)) \(n(y)) H\(n(x + r)) M\(n(x)) \(n(y - r)) V\(n(y + r)) M\(n(x - r * 0.7)) "
                + "\(n(y - r * 0.7)) L\(n(x + r * 0.7)) \(n(y + r * 0.7))"
        }
    }

    /// Whether the marker shape is drawn as lines (stroked) rather than a filled shape.
    static func markerIsStroked(_ index: Int) -> Bool {
        ["cross", "plus", "star"].contains(markers[index % markers.count])
    }
}
