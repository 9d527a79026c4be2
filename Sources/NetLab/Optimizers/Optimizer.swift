/// A rule that updates a network's parameters from one mini-batch's gradients.
public protocol Optimizer: Sendable {
    /// The step size η.
    var learningRate: Float { get }
    /// Applies one update to every weight and bias of `network`. ``Trainer`` passes gradients
    /// whose ``Gradients/preActivations`` and ``Gradients/input`` are empty (training never
    /// needs them); weights and biases are always set.
    mutating func update(_ network: inout MLP, with gradients: Gradients)
}

extension Optimizer {
    /// Calls `body(parameters, gradient, slot)` for every weight and bias array, with a stable
    /// slot index (2l for Wₗ, 2l + 1 for bₗ) for per-parameter optimiser state. Parameters are
    /// updated in place (no copy of any array).
    static func forEachParameter(
        _ network: inout MLP, _ gradients: Gradients,
        _ body: (inout [Float], [Float], Int) -> Void
    ) {
        for l in network.layers.indices {
            body(&network.layers[l].weight.scalars, gradients.weights[l].scalars, 2 * l)
            if let gradient = gradients.biases[l] {
                network.layers[l].updateBias { body(&$0, gradient, 2 * l + 1) }
            }
        }
    }

    /// Takes slot `slot` of `state` out of the dictionary (a fresh zero array of `count` values
    /// the first time), so the caller holds the only reference and updates it in place.
    static func takeSlot(_ slot: Int, count: Int, from state: inout [Int: [Float]]) -> [Float] {
        state.removeValue(forKey: slot) ?? [Float](repeating: 0, count: count)
    }
}
