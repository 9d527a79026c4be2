import WeightInit

/// Escaping for text and attribute values in HTML and SVG (both are XML-compatible here).
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops control characters that XML forbids.
    public static func text(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                // Private-use placeholders from math preprocessing never reach the page.
                if (0xE000...0xE001).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes an attribute value (same rules as ``text(_:)``).
    public static func attribute(_ value: String) -> String { text(value) }

    /// `url` if it is safe to link to (relative, `#fragment`, http(s) or mailto), else nil.
    static func safeURL(_ url: String) -> String? {
        let trimmed = url.trimmingSpaces()
        let lower = trimmed.lowercased()
        guard let colon = lower.firstIndex(of: ":") else { return trimmed }
        let scheme = lower[..<colon]
        // A colon after a '/', '?' or '#' is part of a relative path, not a scheme.
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return trimmed }
        return ["http", "https", "mailto"].contains(String(scheme)) ? trimmed : nil
    }
}
