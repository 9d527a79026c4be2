/// The value of a loss on one batch and its gradient with respect to the network's output.
public struct LossEvaluation: Sendable {
    /// L, accumulated in Double (may be non-finite when the network diverged).
    public var value: Double
    /// ∂L/∂y, same shape as the output.
    public var gradient: Matrix

    /// Creates an evaluation.
    public init(value: Double, gradient: Matrix) {
        self.value = value
        self.gradient = gradient
    }
}
