/// The gradients of a scalar loss L from one backward pass through an ``MLP``.
///
/// For layer l: δₗ = ∂L/∂zₗ, ∂L/∂Wₗ = δₗᵀ·hₗ₋₁, ∂L/∂bₗ = Σ_rows δₗ, and
/// ∂L/∂hₗ₋₁ = δₗ·Wₗ.
public struct Gradients: Sendable {
    /// ∂L/∂Wₗ, same shape as each weight.
    public internal(set) var weights: [Matrix]
    /// ∂L/∂bₗ (nil for layers without bias).
    public internal(set) var biases: [[Float]?]
    /// δₗ = ∂L/∂zₗ, the gradient with respect to each layer's pre-activation.
    public internal(set) var preActivations: [Matrix]
    /// ∂L/∂h₀, the gradient with respect to the input batch.
    public internal(set) var input: Matrix

    /// True when every weight and bias gradient is finite.
    public var isFinite: Bool {
        weights.allSatisfy(\.isFinite) && biases.allSatisfy { $0?.allSatisfy(\.isFinite) ?? true }
    }
}
