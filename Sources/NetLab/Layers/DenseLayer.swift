import WeightInit

/// One fully connected layer h = f(z), z = x·Wᵀ + b, applied to a mini-batch x
/// (rows = samples). The weight W has PyTorch layout `[out_features, in_features]`.
public struct DenseLayer: Sendable, Equatable {
    /// W, `outputWidth × inputWidth`.
    public var weight: Matrix
    /// b (length `outputWidth`), or nil for a layer without bias.
    public var bias: [Float]?
    /// The nonlinearity f.
    public var activation: Activation

    /// Number of inputs (fan-in).
    public var inputWidth: Int { weight.columns }
    /// Number of outputs (fan-out, units).
    public var outputWidth: Int { weight.rows }

    /// A layer from explicit parameters; throws when the bias length differs from the weight's rows.
    public init(weight: Matrix, bias: [Float]?, activation: Activation) throws(NetLabError) {
        if let bias, bias.count != weight.rows {
            throw .shapeMismatch(operation: "DenseLayer(weight:bias:activation:)",
                                 expected: "\(weight.rows) bias values", actual: "\(bias.count)")
        }
        self.weight = weight
        self.bias = bias
        self.activation = activation
    }

    /// A layer whose weight is filled by the initialiser `weightSpec` (e.g. `kaiming-normal`) and
    /// whose bias (when `hasBias`) is filled by `biasSpec` (default `zeros`), both from `stream`.
    ///
    /// `layer` (1-based) only labels errors.
    public init(inputWidth: Int, outputWidth: Int, activation: Activation, hasBias: Bool,
                weightSpec: String, biasSpec: String = "zeros", layer: Int,
                stream: inout RandomStream) throws(NetLabError) {
        guard inputWidth > 0, outputWidth > 0 else {
            throw .invalidConfiguration(name: "layer \(layer) width", value: "\(inputWidth)→\(outputWidth)",
                                        expected: "positive input and output widths")
        }
        let weightTensor = try DenseLayer.fill(spec: weightSpec, shape: [outputWidth, inputWidth], layer: layer, stream: &stream)
        var bias: [Float]?
        if hasBias {
            bias = try DenseLayer.fill(spec: biasSpec, shape: [outputWidth], layer: layer, stream: &stream).scalars
        }
        do {
            try self.init(weight: Matrix(rows: outputWidth, columns: inputWidth, scalars: weightTensor.scalars),
                          bias: bias, activation: activation)
        }
    }

    /// A tensor of `shape` filled by `spec`, with spec and shape errors mapped to ``NetLabError/initializer(spec:layer:reason:)``.
    static func fill(spec: String, shape: [Int], layer: Int, stream: inout RandomStream) throws(NetLabError) -> Tensor {
        do {
            let initializer = try InitializerSpec.parse(spec).makeInitializer()
            return try initializer.makeTensor(shape: shape, using: &stream)
        } catch {
            throw .initializer(spec: spec, layer: layer, reason: error.description)
        }
    }

    /// z = x·Wᵀ + b for a batch `x` (`batch × inputWidth`).
    public func preActivation(_ x: Matrix) throws(NetLabError) -> Matrix {
        guard x.columns == inputWidth else {
            throw .shapeMismatch(operation: "DenseLayer.preActivation", expected: "\(inputWidth) input columns",
                                 actual: "\(x.columns)")
        }
        var z = MatrixMultiply.uncheckedProductTransposedB(x, weight)
        if let bias {
            let n = outputWidth
            z.scalars.withUnsafeMutableBufferPointer { z in
                for row in 0..<x.rows {
                    for j in 0..<n { z[row * n + j] += bias[j] }
                }
            }
        }
        return z
    }

    /// True when every weight and bias is finite.
    public var isFinite: Bool {
        weight.isFinite && (bias?.allSatisfy(\.isFinite) ?? true)
    }
}
