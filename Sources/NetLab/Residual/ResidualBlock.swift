/// One block of a ``ResidualMLP``: x ↦ x + α·F(x) (or α·F(x) alone when ``skip`` is false),
/// with a branch F of m dense layers of equal width, pre-activation style:
///
///     a₀ = f(x),   zₖ = aₖ₋₁·Wₖᵀ + bₖ,   nₖ = Normₖ(zₖ) (or zₖ),   aₖ = f(nₖ) for k < m,   F(x) = nₘ
///
/// f is ``activation``. Without normalisation F(x) = Wₘ f(⋯ f(W₁ f(x))), the branch of He et
/// al.'s (2016) pre-activation ResNet; with it, each layer is followed by LayerNorm or BatchNorm
/// as in the original ResNet, so the last normalisation's γ scales the whole branch (zero-γ).
///
/// Backward, from g = ∂L/∂out: ∂L/∂α = Σ g ⊙ F(x); ∂L/∂F = α·g; through each layer as in
/// ``MLP`` and ``NormLayer``; ∂L/∂x = g (the skip, when present) + the branch's gradient.
public struct ResidualBlock: Sendable, Equatable {
    /// W₁…Wₘ and their biases (each a ``DenseLayer`` whose own activation is `.linear`).
    public var layers: [DenseLayer]
    /// Norm₁…Normₘ, or empty without normalisation.
    public var norms: [NormLayer]
    /// The branch scale α.
    public var alpha: Float
    /// True when α is trained (ReZero/SkipInit and Fixup).
    public let learnsAlpha: Bool
    /// True for x + α·F(x); false for the plain block α·F(x).
    public let skip: Bool
    /// f, applied before every branch layer.
    public let activation: Activation

    /// A block from explicit parts; throws unless every layer is `width × width` for one width
    /// and `norms` is empty or has one layer per dense layer, of that width.
    public init(
        layers: [DenseLayer], norms: [NormLayer], alpha: Float, learnsAlpha: Bool, skip: Bool,
        activation: Activation
    ) throws(NetLabError) {
        guard let width = layers.first?.inputWidth else {
            throw .invalidConfiguration(name: "layers", value: "0", expected: "at least one layer per block")
        }
        for layer in layers where layer.inputWidth != width || layer.outputWidth != width {
            throw .shapeMismatch(
                operation: "ResidualBlock", expected: "\(width)×\(width) layers",
                actual: "\(layer.outputWidth)×\(layer.inputWidth)")
        }
        guard norms.isEmpty || (norms.count == layers.count && norms.allSatisfy { $0.width == width }) else {
            throw .shapeMismatch(
                operation: "ResidualBlock", expected: "no norms or \(layers.count) norms of width \(width)",
                actual: "\(norms.count) norms")
        }
        self.layers = layers
        self.norms = norms
        self.alpha = alpha
        self.learnsAlpha = learnsAlpha
        self.skip = skip
        self.activation = activation
    }

    /// Width of the block's input and output.
    public var width: Int { layers.first?.inputWidth ?? 0 }

    /// What the backward pass needs from one block's forward pass.
    public struct Cache: Sendable {
        /// The inputs of f: x, then n₁…nₘ₋₁.
        let preActivations: [Matrix]
        /// The inputs of the dense layers: a₀…aₘ₋₁.
        let layerInputs: [Matrix]
        /// One cache per normalisation layer.
        let norms: [NormLayer.Cache]
        /// F(x), before α.
        let branch: Matrix
    }

    /// The block's output for a batch `x` (`batch × width`) and the cache for ``backward(_:cache:)``.
    public func forward(_ x: Matrix) throws(NetLabError) -> (output: Matrix, cache: Cache) {
        guard x.columns == width else {
            throw .shapeMismatch(
                operation: "ResidualBlock.forward", expected: "\(width) columns", actual: "\(x.columns)")
        }
        var preActivations = [x], layerInputs: [Matrix] = [], normCaches: [NormLayer.Cache] = []
        var a = activation.apply(x)
        var n = x
        for k in layers.indices {
            layerInputs.append(a)
            n = layers[k].forwardPass(a, keepPreActivation: false, applyActivation: false).h  // z = a·Wᵀ + b
            if !norms.isEmpty {
                let normalized = try norms[k].forward(n)
                n = normalized.output
                normCaches.append(normalized.cache)
            }
            if k < layers.count - 1 {
                preActivations.append(n)
                a = activation.apply(n)
            }
        }
        var output = n
        for i in output.scalars.indices {
            output.scalars[i] = (skip ? x.scalars[i] : 0) + alpha * n.scalars[i]  // x + α·F(x)
        }
        return (output, Cache(preActivations: preActivations, layerInputs: layerInputs, norms: normCaches, branch: n))
    }

    /// The gradients of one block given g = ∂L/∂(block output).
    public struct Gradients: Sendable {
        /// ∂L/∂Wₖ.
        public internal(set) var weights: [Matrix]
        /// ∂L/∂bₖ (nil for layers without bias).
        public internal(set) var biases: [[Float]?]
        /// ∂L/∂γₖ (empty without normalisation).
        public internal(set) var gammas: [[Float]]
        /// ∂L/∂βₖ (empty without normalisation).
        public internal(set) var betas: [[Float]]
        /// ∂L/∂α = Σ g ⊙ F(x).
        public internal(set) var alpha: Float
    }

    /// ∂L/∂x and every parameter's gradient from g = ∂L/∂(block output) (formulas above).
    public func backward(_ g: Matrix, cache: Cache) -> (input: Matrix, gradients: Gradients) {
        var dAlpha = 0.0
        var gn = g
        for i in g.scalars.indices {
            dAlpha += Double(g.scalars[i]) * Double(cache.branch.scalars[i])
            gn.scalars[i] = alpha * g.scalars[i]  // ∂L/∂F = α·g
        }
        let m = layers.count
        var weights = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: m)
        var biases = [[Float]?](repeating: nil, count: m)
        var gammas = [[Float]](repeating: [], count: norms.count)
        var betas = [[Float]](repeating: [], count: norms.count)
        var gx = g
        for k in stride(from: m - 1, through: 0, by: -1) {
            var gz = gn
            if !norms.isEmpty {
                let back = norms[k].backward(gn, cache: cache.norms[k])
                gz = back.input
                gammas[k] = back.gamma
                betas[k] = back.beta
            }
            weights[k] = MatrixMultiply.uncheckedProductTransposedA(gz, cache.layerInputs[k])  // δᵀ·a
            if layers[k].bias != nil { biases[k] = MLP.columnSums(gz) }
            let ga = MatrixMultiply.uncheckedProduct(gz, layers[k].weight)  // ∂L/∂aₖ₋₁ = δ·W
            let gPre = activation.backward(
                outputGradient: ga, preActivation: cache.preActivations[k],
                output: cache.layerInputs[k])
            if k > 0 {
                gn = gPre
            } else {
                for i in gx.scalars.indices { gx.scalars[i] = (skip ? g.scalars[i] : 0) + gPre.scalars[i] }
            }
        }
        return (gx, Gradients(weights: weights, biases: biases, gammas: gammas, betas: betas, alpha: Float(dAlpha)))
    }

    /// True when every parameter is finite.
    public var isFinite: Bool { alpha.isFinite && layers.allSatisfy(\.isFinite) && norms.allSatisfy(\.isFinite) }
}
