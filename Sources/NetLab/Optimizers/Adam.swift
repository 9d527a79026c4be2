import Foundation

/// Adam (Kingma & Ba 2015): with step t = 1, 2, …
///
///     m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²
///     θ ← θ − η · (m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)
public struct Adam: Optimizer {
    /// η.
    public let learningRate: Float
    /// β₁ (default 0.9).
    public let beta1: Float
    /// β₂ (default 0.999).
    public let beta2: Float
    /// ε (default 1e-8).
    public let epsilon: Float
    /// Steps taken so far.
    public private(set) var step = 0
    var firstMoments: [Int: [Float]] = [:]
    var secondMoments: [Int: [Float]] = [:]

    /// Adam with the given hyper-parameters.
    public init(learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// One Adam step on every parameter, in place (after the first step, nothing is allocated).
    public mutating func update(_ network: inout MLP, with gradients: Gradients) {
        step += 1
        let b1 = beta1, b2 = beta2, eps = epsilon, eta = learningRate
        let correction1 = Float(1 - Foundation.pow(Double(b1), Double(step)))
        let correction2 = Float(1 - Foundation.pow(Double(b2), Double(step)))
        var firstMoments = self.firstMoments, secondMoments = self.secondMoments
        self.firstMoments = [:]
        self.secondMoments = [:]
        Self.forEachParameter(&network, gradients) { parameters, gradient, slot in
            var m = Self.takeSlot(slot, count: parameters.count, from: &firstMoments)
            var v = Self.takeSlot(slot, count: parameters.count, from: &secondMoments)
            for index in parameters.indices {
                let g = gradient[index]
                m[index] = b1 * m[index] + (1 - b1) * g
                v[index] = b2 * v[index] + (1 - b2) * g * g
                let mHat = m[index] / correction1, vHat = v[index] / correction2
                parameters[index] -= eta * mHat / (vHat.squareRoot() + eps)
            }
            firstMoments[slot] = m
            secondMoments[slot] = v
        }
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }
}
