import Foundation

/// Builds SVG markup with escaped attributes and text and fixed coordinate formatting,
/// so the same chart always produces the same bytes.
struct SVGWriter {
    /// The markup written so far.
    private(set) var markup = ""

    /// A coordinate with at most two decimals and no trailing zeros (`12.5`, `3`, `-0.25`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.2f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Opens the root `<svg>` with its accessible `<title>` and `<desc>`.
    mutating func open(width: Double, height: Double, id: String, title: String, description: String, className: String)
    {
        let w = SVGWriter.number(width), h = SVGWriter.number(height)
        markup +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" "
            + "height=\"\(h)\""
        markup +=
            " class=\"\(HTMLEscaping.attribute(className))\" aria-labelledby=\"\(HTMLEscaping.attribute(id))-title "
            + "\(HTMLEscaping.attribute(id))-desc\">\n"
        markup += "<title id=\"\(HTMLEscaping.attribute(id))-title\">\(HTMLEscaping.text(title))</title>\n"
        markup += "<desc id=\"\(HTMLEscaping.attribute(id))-desc\">\(HTMLEscaping.text(description))</desc>\n"
    }

    /// Closes the root element.
    mutating func close() {
        markup += "</svg>"
    }

    /// A self-closing element with attributes in the given order (values escaped).
    mutating func element(_ name: String, _ attributes: [(String, String)]) {
        markup += "<\(name)\(SVGWriter.attributes(attributes))/>\n"
    }

    /// An element containing escaped text.
    mutating func text(_ content: String, _ attributes: [(String, String)]) {
        markup += "<text\(SVGWriter.attributes(attributes))>\(HTMLEscaping.text(content))</text>\n"
    }

    /// Opens a group.
    mutating func openGroup(_ attributes: [(String, String)]) {
        markup += "<g\(SVGWriter.attributes(attributes))>\n"
    }

    /// Closes a group.
    mutating func closeGroup() {
        markup += "</g>\n"
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(HTMLEscaping.attribute($0.1))\"" }.joined()
    }

    /// A path `d` string through points (`M x y L x y ...`).
    static func polyline(_ points: [(Double, Double)]) -> String {
        points.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + number(point.0) + " " + number(point.1)
        }.joined(separator: " ")
    }
}
