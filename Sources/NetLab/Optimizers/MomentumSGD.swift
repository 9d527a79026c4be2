/// SGD with (heavy-ball) momentum, in PyTorch's form: v ← μ·v + g, θ ← θ − η·v (v₀ = 0).
public struct MomentumSGD: Optimizer {
    /// η.
    public let learningRate: Float
    /// μ (default 0.9).
    public let momentum: Float
    /// One velocity per parameter array (slot 2l: Wₗ, 2l + 1: bₗ).
    var velocities: [Int: [Float]] = [:]

    /// Momentum SGD with step size `learningRate` and momentum `momentum`.
    public init(learningRate: Float, momentum: Float = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// v ← μ·v + g, θ ← θ − η·v, in place (after the first step, nothing is allocated).
    public mutating func update(_ network: inout MLP, with gradients: Gradients) {
        let eta = learningRate, mu = momentum
        var velocities = self.velocities
        self.velocities = [:]
        Self.forEachParameter(&network, gradients) { parameters, gradient, slot in
            var velocity = Self.takeSlot(slot, count: parameters.count, from: &velocities)
            for index in parameters.indices {
                velocity[index] = mu * velocity[index] + gradient[index]
                parameters[index] -= eta * velocity[index]
            }
            velocities[slot] = velocity
        }
        self.velocities = velocities
    }
}
