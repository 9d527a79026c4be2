/// Which fan a Kaiming initialiser normalises by: `fan_in` preserves the forward
/// variance, `fan_out` the variance of back-propagated gradients (He et al. 2015, §2.2).
public enum FanMode: String, Sendable, CaseIterable {
    /// Preserve the variance of activations in the forward pass.
    case fanIn = "fan_in"
    /// Preserve the variance of gradients in the backward pass.
    case fanOut = "fan_out"

    /// Parses `fan_in` or `fan_out` (also `fan-in`, `fan-out`).
    public init(parsing text: String) throws(InitializationError) {
        guard let mode = FanMode(rawValue: text.replacingHyphens()) else {
            throw .invalidArgument(name: "mode", value: text, expected: "fan_in or fan_out")
        }
        self = mode
    }
}
