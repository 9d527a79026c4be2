/// Everything the forward pass of an ``MLP`` computed, kept for the backward pass and statistics.
///
/// For layer l = 1…L: zₗ = hₗ₋₁·Wₗᵀ + bₗ (``preActivations``[l−1]) and hₗ = f(zₗ)
/// (``outputs``[l−1]); h₀ is ``input``.
public struct ForwardTrace: Sendable {
    /// h₀, the input batch.
    public let input: Matrix
    /// z₁…z_L.
    public internal(set) var preActivations: [Matrix]
    /// h₁…h_L.
    public internal(set) var outputs: [Matrix]

    /// h_L, the network's output (the input when there are no layers).
    public var output: Matrix { outputs.last ?? input }

    /// hₗ for l = 0…L (0 is the input).
    public func activation(layer l: Int) -> Matrix {
        l == 0 ? input : outputs[l - 1]
    }
}
