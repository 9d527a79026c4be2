/// Plain stochastic gradient descent: θ ← θ − η·g.
public struct SGD: Optimizer {
    /// η.
    public let learningRate: Float

    /// SGD with step size `learningRate`.
    public init(learningRate: Float) {
        self.learningRate = learningRate
    }

    /// θ ← θ − η·g for every parameter.
    public mutating func update(_ network: inout MLP, with gradients: Gradients) {
        let eta = learningRate
        Self.forEachParameter(&network, gradients) { parameters, gradient, _ in
            for index in parameters.indices { parameters[index] -= eta * gradient[index] }
        }
    }
}
