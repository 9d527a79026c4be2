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
        for (index, pair) in zip(layers, layers.dropFirst()).enumerated() where pair.0.outputWidth != pair.1.inputWidth
        {
            throw .shapeMismatch(
                operation: "MLP(layers:)", expected: "layer \(index + 2) input width \(pair.0.outputWidth)",
                actual: "\(pair.1.inputWidth)")
        }
        self.layers = layers
    }

    /// Builds and initialises a network. Layer l (1-based) draws from `stream.substream(l − 1)`,
    /// so layers differ and a deeper network shares its first layers with a shallower one.
    public init(_ configuration: MLPConfiguration, stream: RandomStream) throws(NetLabError) {
        try configuration.validate()
        var layers: [DenseLayer] = []
        for index in configuration.widths.indices {
            layers.append(try MLP.layer(index, of: configuration, stream: stream))
        }
        try self.init(layers: layers)
    }

    /// Layer `index` (0-based) of the network `MLP(configuration, stream:)` builds, drawn from
    /// `stream.substream(index)`.
    static func layer(
        _ index: Int, of configuration: MLPConfiguration, stream: RandomStream
    ) throws(NetLabError) -> DenseLayer {
        var layerStream = stream.substream(UInt64(index))
        let isLast = index == configuration.widths.count - 1
        let activation =
            isLast ? (configuration.outputActivation ?? configuration.activation) : configuration.activation
        let inputWidth = index == 0 ? configuration.inputWidth : configuration.widths[index - 1]
        return try DenseLayer(
            inputWidth: inputWidth, outputWidth: configuration.widths[index], activation: activation,
            hasBias: configuration.bias,
            weightSpec: configuration.weightInitializer(layer: index),
            biasSpec: configuration.biasInitializer, layer: index + 1,
            stream: &layerStream)
    }

    /// Runs the network `MLP(configuration, stream:)` would build on `input` one layer at a time,
    /// calling `body(l, hₗ)` for l = 1…L in order, without keeping earlier weights and outputs:
    /// the same hₗ as ``layerOutputs(_:)`` with a fraction of the memory (for statistics of deep,
    /// wide networks). Throws the errors of ``init(_:stream:)`` and a shape mismatch of `input`.
    public static func forEachLayerOutput(
        _ configuration: MLPConfiguration, stream: RandomStream, input: Matrix,
        _ body: (Int, Matrix) throws(NetLabError) -> Void
    ) throws(NetLabError) {
        try configuration.validate()
        var h = input
        for index in configuration.widths.indices {
            let layer = try MLP.layer(index, of: configuration, stream: stream)
            guard h.columns == layer.inputWidth else {
                throw .shapeMismatch(
                    operation: "DenseLayer.preActivation", expected: "\(layer.inputWidth) input columns",
                    actual: "\(h.columns)")
            }
            h = layer.forwardPass(h, keepPreActivation: false).h
            try body(index + 1, h)
        }
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

    /// The forward pass on a batch (`batch × inputWidth`), keeping every zₗ and hₗ. Each layer
    /// is one fused product (bias first, activation on each tile; see ``DenseLayer``).
    public func forward(_ input: Matrix) throws(NetLabError) -> ForwardTrace {
        var trace = ForwardTrace(input: input, preActivations: [], outputs: [])
        trace.preActivations.reserveCapacity(layers.count)
        trace.outputs.reserveCapacity(layers.count)
        var h = input
        for layer in layers {
            try checkInput(h, of: layer)
            let pass = layer.forwardPass(h, keepPreActivation: true)
            h = pass.h
            trace.preActivations.append(pass.z ?? pass.h)
            trace.outputs.append(h)
        }
        return trace
    }

    /// h₁…h_L for a batch without keeping the pre-activations (what per-layer statistics of the
    /// forward pass need): the same values as ``forward(_:)``'s outputs, with less memory traffic.
    public func layerOutputs(_ input: Matrix) throws(NetLabError) -> [Matrix] {
        var outputs: [Matrix] = []
        outputs.reserveCapacity(layers.count)
        var h = input
        for layer in layers {
            try checkInput(h, of: layer)
            h = layer.forwardPass(h, keepPreActivation: false).h
            outputs.append(h)
        }
        return outputs
    }

    /// The network's output h_L for a batch (the same values as ``forward(_:)``'s output).
    public func predict(_ input: Matrix) throws(NetLabError) -> Matrix {
        var h = input
        for layer in layers {
            try checkInput(h, of: layer)
            h = layer.forwardPass(h, keepPreActivation: false).h
        }
        return h
    }

    /// Throws unless `x` has `layer`'s input width.
    private func checkInput(_ x: Matrix, of layer: DenseLayer) throws(NetLabError) {
        guard x.columns == layer.inputWidth else {
            throw .shapeMismatch(
                operation: "DenseLayer.preActivation", expected: "\(layer.inputWidth) input columns",
                actual: "\(x.columns)")
        }
    }

    /// The backward pass: every gradient given ∂L/∂h_L (`outputGradient`, same shape as the output).
    /// δₗ₋₁ = (δₗ·Wₗ) ⊙ f′ₗ₋₁ is one product whose tiles are multiplied by f′ while in cache
    /// when f′ follows from hₗ₋₁ alone (see ``Activation``); the values are those of the
    /// product followed by ``Activation/backward(outputGradient:preActivation:output:)``.
    public func backward(_ trace: ForwardTrace, outputGradient: Matrix) throws(NetLabError) -> Gradients {
        guard outputGradient.rows == trace.output.rows, outputGradient.columns == trace.output.columns else {
            throw .shapeMismatch(
                operation: "MLP.backward", expected: "gradient \(trace.output.rows)×\(trace.output.columns)",
                actual: "\(outputGradient.rows)×\(outputGradient.columns)")
        }
        let count = layers.count
        var weights = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: count)
        var biases = [[Float]?](repeating: nil, count: count)
        var deltas = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: count)
        guard let last = layers.last else {
            return Gradients(weights: weights, biases: biases, preActivations: deltas, input: outputGradient)
        }
        var delta = last.activation.backward(
            outputGradient: outputGradient, preActivation: trace.preActivations[count - 1],
            output: trace.outputs[count - 1])
        var input = Matrix(rows: 0, columns: 0)
        for l in stride(from: count - 1, through: 0, by: -1) {
            let layer = layers[l]
            weights[l] = MatrixMultiply.uncheckedProductTransposedA(delta, trace.activation(layer: l))
            if layer.bias != nil { biases[l] = MLP.columnSums(delta) }
            deltas[l] = delta
            if l > 0 {
                delta = MLP.gatedProduct(
                    delta, layer.weight, activation: layers[l - 1].activation,
                    preActivation: trace.preActivations[l - 1], output: trace.outputs[l - 1])
            } else {
                input = MatrixMultiply.uncheckedProduct(delta, layer.weight)
            }
        }
        return Gradients(weights: weights, biases: biases, preActivations: deltas, input: input)
    }

    /// (δ·W) ⊙ f′ for the activation f with pre-activation z and output h, on the `kernel` path.
    static func gatedProduct(
        _ delta: Matrix, _ weight: Matrix, activation: Activation, preActivation z: Matrix,
        output h: Matrix, kernel: KernelISA = .selected
    ) -> Matrix {
        let isa = kernel.resolved
        guard let code = activation.outputGateCode else {
            var result = MatrixMultiply.uncheckedProduct(delta, weight, kernel: isa)
            result.scalars.withUnsafeMutableBufferPointer { g in
                z.scalars.withUnsafeBufferPointer { z in
                    h.scalars.withUnsafeBufferPointer { h in
                        activation.gateInPlace(g, preActivation: z.baseAddress, output: h.baseAddress, kernel: isa)
                    }
                }
            }
            return result
        }
        let tail = RowMajorTail(weight, isa: isa)
        let (m, k, n) = (delta.rows, weight.rows, weight.columns)
        return Matrix(
            rows: m, columns: n,
            uninitialized: { c in
                delta.scalars.withUnsafeBufferPointer { a in
                    weight.scalars.withUnsafeBufferPointer { b in
                        tail.scalars.withUnsafeBufferPointer { tail in
                            h.scalars.withUnsafeBufferPointer { h in
                                var op = KernelOperation(
                                    isa: isa, operand: .rowMajor(b.baseAddress, ldb: n, tail: tail.baseAddress),
                                    a: a.baseAddress, aRowStride: k, aDepthStride: 1,
                                    c: c.baseAddress, ldc: n, k: k, n: n)
                                op.gate(code, slope: activation.kernelSlope, outputs: h.baseAddress)
                                op.run(rows: m, parallel: true)
                            }
                        }
                    }
                }
            })
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
