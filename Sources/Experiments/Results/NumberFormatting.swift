import Foundation

/// Locale-independent, deterministic number formatting shared by tables, exports and prose.
public enum NumberFormatting {
    /// The shortest text that reads back as exactly `value`, as the CSV and JSON exports write it:
    /// `0.1`, `3.0517578125e-05`, and an integral value below 10¹⁵ without a fraction (`12.0` → `12`,
    /// `-0.0` → `0`). Empty for NaN and ±∞, which the exports write as an empty field or `null`.
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Formats `value` with `significant` significant digits: fixed notation for
    /// 1e-3 ≤ |x| < 1e5, scientific (`3.0e-07` style, two-digit exponent) otherwise.
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        let digits = max(1, significant)
        if magnitude >= 1e-3 && magnitude < 1e5 {
            let exponent = Int(floor(log10(magnitude)))
            let decimals = max(0, digits - 1 - exponent)
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
        return scientific(value, significant: digits)
    }

    /// Scientific notation with `significant` digits, e.g. `3.02e-07`.
    public static func scientific(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite else { return compact(value) }
        return String(format: "%.\(max(0, significant - 1))e", value)
    }

    /// Fixed notation with exactly `decimals` digits after the point.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return compact(value) }
        return String(format: "%.\(max(0, decimals))f", value)
    }
}
