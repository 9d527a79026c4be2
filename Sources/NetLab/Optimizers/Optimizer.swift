/// A rule that updates a network's parameters from one mini-batch's gradients.
public protocol Optimizer: Sendable {
    /// The step size η.
    var learningRate: Float { get }
    /// Applies one update to every weight and bias of `network`.
    mutating func update(_ network: inout MLP, with gradients: Gradients)
}

extension Optimizer {
    /// Calls `body(parameters, gradient, slot)` for every weight and bias array, with a stable
    /// slot index (2l for Wₗ, 2l + 1 for bₗ) for per-parameter optimiser state.
    static func forEachParameter(_ network: inout MLP, _ gradients: Gradients,
                                 _ body: (inout [Float], [Float], Int) -> Void) {
        for l in network.layers.indices {
            body(&network.layers[l].weight.scalars, gradients.weights[l].scalars, 2 * l)
            if var bias = network.layers[l].bias, let gradient = gradients.biases[l] {
                body(&bias, gradient, 2 * l + 1)
                network.layers[l].bias = bias
            }
        }
    }
}
