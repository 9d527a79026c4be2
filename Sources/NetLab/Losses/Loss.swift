/// A scalar training objective L(y, t) of a batch of outputs y and targets t, with its
/// gradient ∂L/∂y for the backward pass.
public protocol Loss: Sendable {
    /// A short name (`mse`, `cross-entropy`).
    var name: String { get }
    /// L and ∂L/∂y for `output` (`batch × outputs`). Throws when targets do not fit the output.
    func evaluate(_ output: Matrix, targets: Targets) throws(NetLabError) -> LossEvaluation
}
