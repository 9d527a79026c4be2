import NetLab
import Testing
import WeightInit

/// Gradient checks: back-propagated gradients against central finite differences.
///
/// Tolerance: the forward pass runs in Float32, so L carries a rounding error of about
/// u·|L|·(a few) with u = 2⁻²⁴ ≈ 6e-8. A central difference with step ε divides that by 2ε,
/// giving an absolute error ≈ 3e-6·|L| for ε = 1e-2, while the truncation error is O(ε²) ≈ 1e-4
/// relative. We therefore compare whole gradient vectors: ‖g_fd − g‖ ≤ 2e-2·‖g_fd‖ + 1e-4.
@Suite struct GradientCheckTests {
    static let epsilon: Float = 1e-2

    static func network(_ activation: Activation) throws -> MLP {
        let configuration = MLPConfiguration(
            inputWidth: 5, widths: [7, 6, 3], activation: activation,
            outputActivation: .linear, bias: true,
            weightInitializers: ["xavier-normal"], biasInitializer: "normal(std=0.1)")
        return try MLP(configuration, stream: RandomStream(seed: 11))
    }

    static func batch() -> (Matrix, Targets, Targets) {
        var stream = RandomStream(seed: 12)
        let x = GaussianInputs.matrix(rows: 4, columns: 5, stream: &stream)
        let values = GaussianInputs.matrix(rows: 4, columns: 3, stream: &stream)
        return (x, .labels([0, 2, 1, 2]), .values(values))
    }

    /// Checks every weight and bias gradient of `network` for `loss`.
    static func check(_ network: MLP, loss: any Loss, targets: Targets, input: Matrix) throws {
        let trace = try network.forward(input)
        let evaluation = try loss.evaluate(trace.output, targets: targets)
        let gradients = try network.backward(trace, outputGradient: evaluation.gradient)
        func lossValue(_ net: MLP) throws -> Double {
            try loss.evaluate(try net.predict(input), targets: targets).value
        }
        var analytic: [Double] = [], numeric: [Double] = []
        for l in network.layers.indices {
            for index in network.layers[l].weight.scalars.indices {
                var plus = network, minus = network
                plus.layers[l].weight.scalars[index] += epsilon
                minus.layers[l].weight.scalars[index] -= epsilon
                numeric.append((try lossValue(plus) - lossValue(minus)) / Double(2 * epsilon))
                analytic.append(Double(gradients.weights[l].scalars[index]))
            }
            if let bias = network.layers[l].bias, let biasGradient = gradients.biases[l] {
                for index in bias.indices {
                    var plus = network, minus = network
                    plus.layers[l].bias?[index] += epsilon
                    minus.layers[l].bias?[index] -= epsilon
                    numeric.append((try lossValue(plus) - lossValue(minus)) / Double(2 * epsilon))
                    analytic.append(Double(biasGradient[index]))
                }
            }
        }
        let difference = zip(numeric, analytic).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        let norm = numeric.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        #expect(norm > 0)
        #expect(difference <= 2e-2 * norm + 1e-4, "‖g_fd − g‖ = \(difference), ‖g_fd‖ = \(norm)")
    }

    static let activations: [Activation] = [.linear, .tanh, .sigmoid, .relu, .leakyRelu(slope: 0.1), .selu, .gelu]

    @Test(arguments: activations)
    func crossEntropyGradients(activation: Activation) throws {
        let (x, labels, _) = Self.batch()
        try Self.check(try Self.network(activation), loss: SoftmaxCrossEntropy(), targets: labels, input: x)
    }

    @Test(arguments: activations)
    func meanSquaredErrorGradients(activation: Activation) throws {
        let (x, _, values) = Self.batch()
        try Self.check(try Self.network(activation), loss: MeanSquaredError(), targets: values, input: x)
    }

    @Test func inputGradientMatchesFiniteDifferences() throws {
        let network = try Self.network(.tanh)
        let (x, labels, _) = Self.batch()
        let loss = SoftmaxCrossEntropy()
        let trace = try network.forward(x)
        let gradients = try network.backward(
            trace, outputGradient: try loss.evaluate(trace.output, targets: labels).gradient)
        for index in [0, 7, 19] {
            var plus = x, minus = x
            plus.scalars[index] += Self.epsilon
            minus.scalars[index] -= Self.epsilon
            let numeric =
                (try loss.evaluate(try network.predict(plus), targets: labels).value
                    - loss.evaluate(try network.predict(minus), targets: labels).value) / Double(2 * Self.epsilon)
            #expect(abs(numeric - Double(gradients.input.scalars[index])) <= 2e-2 * abs(numeric) + 1e-4)
        }
    }

    @Test func activationNamesParseAndRejectUnknown() throws {
        for name in Activation.names { #expect(try Activation(name: name).description == name) }
        #expect(throws: NetLabError.unknownName(kind: "activation", name: "swish", valid: Activation.names)) {
            try Activation(name: "swish")
        }
    }
}
