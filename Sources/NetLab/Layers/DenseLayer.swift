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
            throw .shapeMismatch(
                operation: "DenseLayer(weight:bias:activation:)",
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
    public init(
        inputWidth: Int, outputWidth: Int, activation: Activation, hasBias: Bool,
        weightSpec: String, biasSpec: String = "zeros", layer: Int,
        stream: inout RandomStream
    ) throws(NetLabError) {
        guard inputWidth > 0, outputWidth > 0 else {
            throw .invalidConfiguration(
                name: "layer \(layer) width", value: "\(inputWidth)→\(outputWidth)",
                expected: "positive input and output widths")
        }
        let weightTensor = try DenseLayer.fill(
            spec: weightSpec, shape: [outputWidth, inputWidth], layer: layer, stream: &stream)
        var bias: [Float]?
        if hasBias {
            bias = try DenseLayer.fill(spec: biasSpec, shape: [outputWidth], layer: layer, stream: &stream).scalars
        }
        do {
            try self.init(
                weight: Matrix(rows: outputWidth, columns: inputWidth, scalars: weightTensor.scalars),
                bias: bias, activation: activation)
        }
    }

    /// A tensor of `shape` filled by `spec`, with spec and shape errors mapped to
    /// ``NetLabError/initializer(spec:layer:reason:)``.
    static func fill(spec: String, shape: [Int], layer: Int, stream: inout RandomStream) throws(NetLabError) -> Tensor {
        do {
            let initializer = try InitializerSpec.parse(spec).makeInitializer()
            return try initializer.makeTensor(shape: shape, using: &stream)
        } catch {
            throw .initializer(spec: spec, layer: layer, reason: error.description)
        }
    }

    /// z = x·Wᵀ + b for a batch `x` (`batch × inputWidth`): every sum starts at b_j and adds
    /// x_i,p·W_j,p for p ascending with fused multiply-adds (see ``MatrixMultiply``).
    public func preActivation(_ x: Matrix) throws(NetLabError) -> Matrix {
        guard x.columns == inputWidth else {
            throw .shapeMismatch(
                operation: "DenseLayer.preActivation", expected: "\(inputWidth) input columns",
                actual: "\(x.columns)")
        }
        return forwardPass(x, keepPreActivation: false, applyActivation: false).h
    }

    /// h = f(z), z = x·Wᵀ + b, in one pass over each tile of the product when the C kernels
    /// evaluate f (``Activation``), else f applied afterwards; z is returned when
    /// `keepPreActivation` (nil otherwise). `applyActivation: false` returns h = z.
    /// `x.columns` must equal ``inputWidth``.
    func forwardPass(
        _ x: Matrix, keepPreActivation: Bool, applyActivation: Bool = true,
        kernel: KernelISA = .selected
    ) -> (z: Matrix?, h: Matrix) {
        let packed = PackedB(transposing: weight, isa: kernel.resolved)
        let activation = applyActivation ? self.activation : .linear
        let (m, n, k) = (x.rows, outputWidth, inputWidth)
        let fused = activation.kernelCode
        let bias = self.bias
        var z: Matrix?
        var h = Matrix(
            rows: m, columns: n,
            uninitialized: { c in
                x.scalars.withUnsafeBufferPointer { a in
                    packed.withOperand { operand in
                        withOptionalPointer(bias) { biasPointer in
                            var op = KernelOperation(
                                isa: packed.isa, operand: operand, a: a.baseAddress, aRowStride: k,
                                aDepthStride: 1, c: c.baseAddress, ldc: n, k: k, n: n)
                            op.start(at: biasPointer)
                            if let fused, activation != .linear {
                                if keepPreActivation {
                                    z = Matrix(
                                        rows: m, columns: n,
                                        uninitialized: { zBuffer in
                                            op.activate(
                                                fused, slope: activation.kernelSlope,
                                                preActivations: zBuffer.baseAddress)
                                            op.run(rows: m, parallel: true)
                                        })
                                } else {
                                    op.activate(fused, slope: activation.kernelSlope, preActivations: nil)
                                    op.run(rows: m, parallel: true)
                                }
                            } else {
                                op.run(rows: m, parallel: true)
                            }
                        }
                    }
                }
            })
        if fused == nil || activation == .linear {
            if keepPreActivation { z = h }
            if activation != .linear {
                h.scalars.withUnsafeMutableBufferPointer { activation.applyInPlace($0, kernel: packed.isa) }
            }
        }
        return (z, h)
    }

    /// Calls `body` with the bias (when the layer has one) as the only reference to its
    /// storage, so `body` updates it in place without copying.
    mutating func updateBias(_ body: (inout [Float]) -> Void) {
        guard var values = bias else { return }
        bias = nil
        body(&values)
        bias = values
    }

    /// True when every weight and bias is finite.
    public var isFinite: Bool {
        weight.isFinite && (bias?.allSatisfy(\.isFinite) ?? true)
    }
}

/// Calls `body` with a pointer to the elements of `values`, or nil when `values` is nil.
func withOptionalPointer<R>(_ values: [Float]?, _ body: (UnsafePointer<Float>?) -> R) -> R {
    guard let values else { return body(nil) }
    return values.withUnsafeBufferPointer { body($0.baseAddress) }
}
