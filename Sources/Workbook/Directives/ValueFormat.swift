import Experiments
import Foundation

/// How an inline value is printed: `sci2`, `fix3`, `sig3` (default), `int`, `pct1` or `text`.
enum ValueFormat: Sendable, Equatable {
    /// Scientific with N decimals (`sci2` → `3.02e-07`).
    case scientific(Int)
    /// Fixed with N decimals (`fix3` → `0.123`).
    case fixed(Int)
    /// N significant digits (`sig3`).
    case significant(Int)
    /// Rounded to an integer.
    case integer
    /// Times 100 with N decimals and a `%` sign (`pct1` → `12.3%`).
    case percent(Int)
    /// The cell's text; a missing value prints as "n/a" instead of failing the build.
    case text

    /// The accepted format names, for error messages.
    static let choices = "sci0…sci9, fix0…fix9, sig1…sig9, int, pct0…pct9, text"

    /// Parses a format name, or nil if unknown.
    init?(_ name: String) {
        if name == "int" {
            self = .integer
            return
        }
        if name == "text" {
            self = .text
            return
        }
        for (prefix, make) in [
            ("sci", ValueFormat.scientific), ("fix", ValueFormat.fixed),
            ("sig", ValueFormat.significant), ("pct", ValueFormat.percent),
        ] as [(String, (Int) -> ValueFormat)] {
            if name.hasPrefix(prefix), name.count == prefix.count + 1, let digits = Int(name.dropFirst(prefix.count)) {
                if prefix == "sig" && digits == 0 { return nil }
                self = make(digits)
                return
            }
        }
        return nil
    }

    /// The number in this format (deterministic, locale-independent).
    func format(_ value: Double) -> String {
        switch self {
        case .scientific(let decimals): return NumberFormatting.scientific(value, significant: decimals + 1)
        case .fixed(let decimals): return NumberFormatting.fixed(value, decimals: decimals)
        case .significant(let digits): return NumberFormatting.compact(value, significant: digits)
        case .integer: return String(format: "%.0f", value.rounded())
        case .percent(let decimals): return NumberFormatting.fixed(value * 100, decimals: decimals) + "%"
        case .text: return NumberFormatting.compact(value)
        }
    }
}
