/// The gradients of a scalar loss from one backward pass through a ``ResidualMLP``.
public struct ResidualGradients: Sendable {
    /// ∂L/∂W_in.
    public internal(set) var stemWeight: Matrix
    /// ∂L/∂b_in (nil without biases).
    public internal(set) var stemBias: [Float]?
    /// Each block's gradients, input side first.
    public internal(set) var blocks: [ResidualBlock.Gradients]
    /// ∂L/∂W_out.
    public internal(set) var headWeight: Matrix
    /// ∂L/∂b_out (nil without biases).
    public internal(set) var headBias: [Float]?
    /// ∂L/∂input.
    public internal(set) var input: Matrix
}
