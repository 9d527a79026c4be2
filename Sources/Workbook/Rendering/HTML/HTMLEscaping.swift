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
                // Private-use placeholders from the maths and footnote preprocessing never reach the page.
                if (0xE000...0xE00F).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes an attribute value (same rules as ``text(_:)``).
    public static func attribute(_ value: String) -> String { text(value) }

    /// `url` if it is safe to link to (relative, `#fragment`, http(s) or mailto), else nil.
    /// Schemes such as `javascript:`, `data:`, `file:` or `irc:` are not linked.
    static func safeURL(_ url: String) -> String? {
        let lower = url.trimmingSpaces().lowercased()
        guard let colon = lower.firstIndex(of: ":") else { return url }
        let scheme = lower[..<colon]
        // Only a URL scheme ([a-z][a-z0-9+.-]*) before the colon makes the URL absolute; otherwise
        // (`foo):`, `a/b:c`) the colon is part of a relative path.
        guard let first = scheme.first, first.isASCII && first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return url }
        return ["http", "https", "mailto"].contains(String(scheme)) ? url : nil
    }

    /// A URL as an `href`/`src` attribute value, percent-encoded as cmark does: ASCII letters,
    /// digits and `-_.+!*(),%#@?=;:/$~` stay, `&` and `'` become `&amp;` and `&#x27;`, and every
    /// other byte of the UTF-8 (space, `"`, `<`, `[`, `\`, non-ASCII, …) becomes `%XX`.
    /// Existing `%XX` escapes are kept as they are.
    static func href(_ url: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var result = ""
        result.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-_.+!*(),%#@?=;:/$~".utf8.contains(byte):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "&"):
                result += "&amp;"
            case UInt8(ascii: "'"):
                result += "&#x27;"
            default:
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return result
    }
}
