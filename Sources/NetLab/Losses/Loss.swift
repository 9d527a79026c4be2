/// A scalar training objective L(y, t) of a batch of outputs y and targets t, with its
/// gradient ∂L/∂y for the backward pass.
public protocol Loss: Sendable {
    /// A short name (`mse`, `cross-entropy`).
    var name: String { get }
    /// L and ∂L/∂y for `output` (`batch × outputs`). Throws when targets do not fit the output.
    func evaluate(_ output: Matrix, targets: Targets) throws(NetLabError) -> LossEvaluation
}

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
