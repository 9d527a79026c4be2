/// Everything a ``ResidualMLP`` forward pass computed, kept for the backward pass and statistics.
public struct ResidualTrace: Sendable {
    /// The input batch.
    public let input: Matrix
    /// The residual stream x₀ (the stem's output) … x_L (the last block's output).
    public let stream: [Matrix]
    /// One cache per block, for ``ResidualMLP/backward(_:outputGradient:)``.
    let blockCaches: [ResidualBlock.Cache]
    /// The logits x_L·W_outᵀ + b_out.
    public let output: Matrix
}
