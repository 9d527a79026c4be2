import WeightInit

/// A multilayer perceptron: a stack of ``DenseLayer``s with hand-written forward and
/// backward passes.
///
/// Forward: h₀ = x, zₗ = hₗ₋₁·Wₗᵀ + bₗ, hₗ = fₗ(zₗ).
/// Backward, from g = ∂L/∂h_L: δ_L = g ⊙ f′_L(z_L); ∂L/∂Wₗ = δₗᵀ·hₗ₋₁; ∂L/∂bₗ = Σ_rows δₗ;
/// δₗ₋₁ = (δₗ·Wₗ) ⊙ f′ₗ₋₁(zₗ₋₁).
public struct MLP: Sendable, Equatable {
    /// The layers, input side first.
    public var layers: [DenseLayer]

    /// A network from explicit layers; throws when consecutive widths do not chain.
    public init(layers: [DenseLayer]) throws(NetLabError) {
        for (index, pair) in zip(layers, layers.dropFirst()).enumerated() where pair.0.outputWidth != pair.1.inputWidth {
            throw .shapeMismatch(operation: "MLP(layers:)", expected: "layer \(index + 2) input width \(pair.0.outputWidth)",
                                 actual: "\(pair.1.inputWidth)")
        }
        self.layers = layers
    }

    /// Builds and initialises a network. Layer l (1-based) draws from `stream.substream(l − 1)`,
    /// so layers differ and a deeper network shares its first layers with a shallower one.
    public init(_ configuration: MLPConfiguration, stream: RandomStream) throws(NetLabError) {
        try configuration.validate()
        var layers: [DenseLayer] = []
        var inputWidth = configuration.inputWidth
        for (index, width) in configuration.widths.enumerated() {
            var layerStream = stream.substream(UInt64(index))
            let isLast = index == configuration.widths.count - 1
            let activation = isLast ? (configuration.outputActivation ?? configuration.activation) : configuration.activation
            layers.append(try DenseLayer(inputWidth: inputWidth, outputWidth: width, activation: activation,
                                         hasBias: configuration.bias,
                                         weightSpec: configuration.weightInitializer(layer: index),
                                         biasSpec: configuration.biasInitializer, layer: index + 1,
                                         stream: &layerStream))
            inputWidth = width
        }
        try self.init(layers: layers)
    }

    /// Number of layers L.
    public var depth: Int { layers.count }
    /// Input features.
    public var inputWidth: Int { layers.first?.inputWidth ?? 0 }
    /// Output features.
    public var outputWidth: Int { layers.last?.outputWidth ?? 0 }
    /// Number of weights and biases.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.weight.count + ($1.bias?.count ?? 0) } }
    /// True when every parameter is finite.
    public var isFinite: Bool { layers.allSatisfy(\.isFinite) }

    /// The forward pass on a batch (`batch × inputWidth`), keeping every zₗ and hₗ.
    public func forward(_ input: Matrix) throws(NetLabError) -> ForwardTrace {
        var trace = ForwardTrace(input: input, preActivations: [], outputs: [])
        var h = input
        for layer in layers {
            let z = try layer.preActivation(h)
            h = layer.activation.apply(z)
            trace.preActivations.append(z)
            trace.outputs.append(h)
        }
        return trace
    }

    /// The network's output h_L for a batch.
    public func predict(_ input: Matrix) throws(NetLabError) -> Matrix {
        try forward(input).output
    }

    /// The backward pass: every gradient given ∂L/∂h_L (`outputGradient`, same shape as the output).
    public func backward(_ trace: ForwardTrace, outputGradient: Matrix) throws(NetLabError) -> Gradients {
        guard outputGradient.rows == trace.output.rows, outputGradient.columns == trace.output.columns else {
            throw .shapeMismatch(operation: "MLP.backward", expected: "gradient \(trace.output.rows)×\(trace.output.columns)",
                                 actual: "\(outputGradient.rows)×\(outputGradient.columns)")
        }
        let count = layers.count
        var weights = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: count)
        var biases = [[Float]?](repeating: nil, count: count)
        var deltas = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: count)
        var upstream = outputGradient
        for l in stride(from: count - 1, through: 0, by: -1) {
            let layer = layers[l]
            let delta = layer.activation.backward(outputGradient: upstream, preActivation: trace.preActivations[l],
                                                  output: trace.outputs[l])
            weights[l] = MatrixMultiply.uncheckedProductTransposedA(delta, trace.activation(layer: l))
            if layer.bias != nil { biases[l] = MLP.columnSums(delta) }
            upstream = MatrixMultiply.uncheckedProduct(delta, layer.weight)
            deltas[l] = delta
        }
        return Gradients(weights: weights, biases: biases, preActivations: deltas, input: upstream)
    }

    /// Σ over rows of each column, in row order.
    static func columnSums(_ m: Matrix) -> [Float] {
        var sums = [Float](repeating: 0, count: m.columns)
        m.scalars.withUnsafeBufferPointer { values in
            for row in 0..<m.rows {
                for j in 0..<m.columns { sums[j] += values[row * m.columns + j] }
            }
        }
        return sums
    }
}
