/// Formatting and parsing of numbers inside initialiser specs.
public enum SpecNumber {
    /// The shortest text that round-trips `value`, without a trailing `.0` (`0.01`, `1`, `1.6667`).
    public static func text<Value: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Value) -> String {
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// Parses a finite decimal number or a fraction `p/q` (e.g. `5/3`), or returns nil.
    public static func parse(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let p = Double(parts[0]), let q = Double(parts[1]), q != 0 {
            let value = p / q
            return value.isFinite ? value : nil
        }
        guard parts.count == 1, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
