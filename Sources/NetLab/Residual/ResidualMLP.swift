import WeightInit

/// A residual multilayer perceptron: a linear stem, L residual blocks and a linear head,
///
///     x₀ = input·W_inᵀ + b_in,   x_l = x_{l−1} + α_l·F_l(x_{l−1}) (l = 1…L),   logits = x_L·W_outᵀ + b_out
///
/// where each branch F_l has m dense layers (``ResidualBlock``). ``BranchInit`` chooses α and the
/// branch weights at initialisation, ``Normalization`` adds LayerNorm or BatchNorm after every
/// branch layer, and `skip: false` drops the "x_{l−1} +" to give the plain network with the same
/// layers, x_l = α_l·F_l(x_{l−1}).
///
/// ```swift
/// let net = try ResidualMLP(inputWidth: 64, width: 64, blocks: 16, layersPerBlock: 2, outputWidth: 10,
///                           activation: .relu, initializer: "kaiming-normal", branch: .fixup, seed: 1)
/// let trace = try net.forward(x)   // trace.stream[l] is x_l
/// ```
public struct ResidualMLP: Sendable, Equatable {
    /// W_in, b_in (`.linear`).
    public var stem: DenseLayer
    /// The blocks, input side first.
    public var blocks: [ResidualBlock]
    /// W_out, b_out (`.linear`).
    public var head: DenseLayer

    /// A network from explicit parts; throws when the widths do not chain.
    public init(stem: DenseLayer, blocks: [ResidualBlock], head: DenseLayer) throws(NetLabError) {
        let width = stem.outputWidth
        for block in blocks where block.width != width {
            throw .shapeMismatch(
                operation: "ResidualMLP", expected: "blocks of width \(width)", actual: "\(block.width)")
        }
        guard head.inputWidth == width else {
            throw .shapeMismatch(
                operation: "ResidualMLP", expected: "head input width \(width)", actual: "\(head.inputWidth)")
        }
        self.stem = stem
        self.blocks = blocks
        self.head = head
    }

    /// Builds and initialises a network of `blocks` = L blocks with `layersPerBlock` = m ≥ 1 layers
    /// of `width` units each.
    ///
    /// Every weight is drawn from `initializer` (an initialiser spec such as `"kaiming-normal"`),
    /// biases (when `bias`) start at 0; then `branch` sets α and rescales or zeroes branch
    /// weights (and, for Fixup, the head). Weight layers are numbered stem = 1, block l's layer k
    /// = 1 + (l − 1)·m + k, head = L·m + 2, and layer j draws from substream j − 1 of
    /// `RandomStream(seed: seed)`, so networks that differ only in `branch`, `normalization` or
    /// `skip` start from the same random draws.
    public init(
        inputWidth: Int, width: Int, blocks: Int, layersPerBlock: Int = 2, outputWidth: Int,
        activation: Activation = .relu, initializer: String = "kaiming-normal", branch: BranchInit = .standard,
        normalization: Normalization = .none, skip: Bool = true, bias: Bool = true,
        seed: UInt64 = 1
    ) throws(NetLabError) {
        guard blocks >= 0 else {
            throw .invalidConfiguration(name: "blocks", value: "\(blocks)", expected: "a non-negative number of blocks")
        }
        guard layersPerBlock >= 1 else {
            throw .invalidConfiguration(
                name: "layersPerBlock", value: "\(layersPerBlock)", expected: "at least 1 layer per block")
        }
        let root = RandomStream(seed: seed)
        var counter = 0
        func dense(_ input: Int, _ output: Int) throws(NetLabError) -> DenseLayer {
            counter += 1
            var stream = root.substream(UInt64(counter - 1))
            return try DenseLayer(
                inputWidth: input, outputWidth: output, activation: .linear, hasBias: bias,
                weightSpec: initializer, layer: counter, stream: &stream)
        }
        let stem = try dense(inputWidth, width)
        let innerScale = Float(BranchInit.fixupScale(blocks: blocks, layersPerBlock: layersPerBlock))
        var built: [ResidualBlock] = []
        for _ in 0..<blocks {
            var layers: [DenseLayer] = []
            for k in 0..<layersPerBlock {
                var layer = try dense(width, width)
                let isLast = k == layersPerBlock - 1
                if branch == .fixup {
                    for i in layer.weight.scalars.indices { layer.weight.scalars[i] *= isLast ? 0 : innerScale }
                } else if branch == .zeroLast && isLast && normalization == .none {
                    for i in layer.weight.scalars.indices { layer.weight.scalars[i] = 0 }
                }
                layers.append(layer)
            }
            var norms: [NormLayer] = []
            if normalization != .none {
                for k in 0..<layersPerBlock {
                    let zeroGamma = branch == .zeroLast && k == layersPerBlock - 1
                    norms.append(try NormLayer(normalization, width: width, gamma: zeroGamma ? 0 : 1))
                }
            }
            built.append(
                try ResidualBlock(
                    layers: layers, norms: norms, alpha: branch.initialAlpha(blocks: blocks),
                    learnsAlpha: branch.learnsAlpha, skip: skip, activation: activation))
        }
        var head = try dense(width, outputWidth)
        if branch == .fixup {
            for i in head.weight.scalars.indices { head.weight.scalars[i] = 0 }
        }
        try self.init(stem: stem, blocks: built, head: head)
    }

    /// Input features.
    public var inputWidth: Int { stem.inputWidth }
    /// Output units.
    public var outputWidth: Int { head.outputWidth }
    /// Number of trained parameters (weights, biases, γ, β and learnable α).
    public var parameterCount: Int { parameterArrays().reduce(0) { $0 + $1.count } }
    /// True when every parameter is finite.
    public var isFinite: Bool { stem.isFinite && head.isFinite && blocks.allSatisfy(\.isFinite) }

    /// The forward pass on a batch (`batch × inputWidth`), keeping what ``backward(_:outputGradient:)``
    /// needs and the residual stream x₀…x_L.
    public func forward(_ input: Matrix) throws(NetLabError) -> ResidualTrace {
        guard input.columns == inputWidth else {
            throw .shapeMismatch(
                operation: "ResidualMLP.forward", expected: "\(inputWidth) input columns",
                actual: "\(input.columns)")
        }
        var x = stem.forwardPass(input, keepPreActivation: false).h
        var stream = [x], caches: [ResidualBlock.Cache] = []
        for block in blocks {
            let pass = try block.forward(x)
            x = pass.output
            stream.append(x)
            caches.append(pass.cache)
        }
        let output = head.forwardPass(x, keepPreActivation: false).h
        return ResidualTrace(input: input, stream: stream, blockCaches: caches, output: output)
    }

    /// The logits for a batch (the same values as ``forward(_:)``'s output).
    public func predict(_ input: Matrix) throws(NetLabError) -> Matrix {
        try forward(input).output
    }

    /// Every gradient given ∂L/∂logits (`outputGradient`, same shape as the output).
    public func backward(_ trace: ResidualTrace, outputGradient g: Matrix) throws(NetLabError) -> ResidualGradients {
        guard g.rows == trace.output.rows, g.columns == trace.output.columns else {
            throw .shapeMismatch(
                operation: "ResidualMLP.backward", expected: "gradient \(trace.output.rows)×\(trace.output.columns)",
                actual: "\(g.rows)×\(g.columns)")
        }
        let last = trace.stream[trace.stream.count - 1]
        let headWeight = MatrixMultiply.uncheckedProductTransposedA(g, last)
        let headBias = head.bias == nil ? nil : MLP.columnSums(g)
        var gx = MatrixMultiply.uncheckedProduct(g, head.weight)  // ∂L/∂x_L
        var blockGradients = [ResidualBlock.Gradients]()
        for l in stride(from: blocks.count - 1, through: 0, by: -1) {
            let back = blocks[l].backward(gx, cache: trace.blockCaches[l])
            gx = back.input
            blockGradients.append(back.gradients)
        }
        let stemWeight = MatrixMultiply.uncheckedProductTransposedA(gx, trace.input)
        let stemBias = stem.bias == nil ? nil : MLP.columnSums(gx)
        return ResidualGradients(
            stemWeight: stemWeight, stemBias: stemBias, blocks: blockGradients.reversed(),
            headWeight: headWeight, headBias: headBias,
            input: MatrixMultiply.uncheckedProduct(gx, stem.weight))
    }
}
