/// A LayerNorm or BatchNorm layer with learnable per-unit scale γ and shift β:
///
///     ẑ = (z − μ) / √(σ² + ε),   y = γ ⊙ ẑ + β
///
/// μ and σ² (the biased variance, as PyTorch) are taken per row for ``Normalization/layer`` and
/// per column, over the batch, for ``Normalization/batch``; statistics are accumulated in Double.
/// γ starts at 1 (or 0: Goyal et al. 2017's zero-γ for the last normalisation of a residual
/// branch) and β at 0.
///
/// Backward, with ĝ = g ⊙ γ and means over the same axis as μ:
///
///     ∂L/∂γ = Σ_rows g ⊙ ẑ,   ∂L/∂β = Σ_rows g,
///     ∂L/∂z = (ĝ − mean(ĝ) − ẑ ⊙ mean(ĝ ⊙ ẑ)) / √(σ² + ε)
public struct NormLayer: Sendable, Equatable {
    /// LayerNorm or BatchNorm (``Normalization/none`` is not a layer).
    public let kind: Normalization
    /// γ, one per unit.
    public var gamma: [Float]
    /// β, one per unit.
    public var beta: [Float]
    /// ε added to the variance (1e-5).
    public static let epsilon = 1e-5

    /// A layer over `width` units with γ = `gamma` (1 by default, 0 for zero-γ) and β = 0;
    /// throws for ``Normalization/none`` or a non-positive width.
    public init(_ kind: Normalization, width: Int, gamma: Float = 1) throws(NetLabError) {
        guard kind != .none else {
            throw .invalidConfiguration(name: "normalization", value: "none", expected: "layer or batch for a NormLayer")
        }
        guard width > 0 else {
            throw .invalidConfiguration(name: "width", value: "\(width)", expected: "a positive number of units")
        }
        self.kind = kind
        self.gamma = [Float](repeating: gamma, count: width)
        self.beta = [Float](repeating: 0, count: width)
    }

    /// Number of units.
    public var width: Int { gamma.count }

    /// What the backward pass needs from the forward pass.
    public struct Cache: Sendable {
        /// ẑ, the normalised input (same shape as z).
        public let normalized: Matrix
        /// 1/√(σ² + ε) per row (layer) or per column (batch).
        public let inverseStd: [Double]
    }

    /// y = γ ⊙ ẑ + β for a batch `z` (`batch × width`), with the cache for ``backward(_:cache:)``.
    /// Throws when `z` does not have `width` columns.
    public func forward(_ z: Matrix) throws(NetLabError) -> (output: Matrix, cache: Cache) {
        guard z.columns == width else {
            throw .shapeMismatch(operation: "NormLayer.forward", expected: "\(width) columns", actual: "\(z.columns)")
        }
        let (rows, columns) = (z.rows, z.columns)
        let perRow = kind == .layer
        let groups = perRow ? rows : columns, size = perRow ? columns : rows
        // element t of group s sits at index s·columns + t (per row) or t·columns + s (per column)
        let index: (Int, Int) -> Int = perRow ? { s, t in s * columns + t } : { s, t in t * columns + s }
        var normalized = z
        var inverseStd = [Double](repeating: 0, count: groups)
        for s in 0..<groups {
            var sum = 0.0
            for t in 0..<size { sum += Double(z.scalars[index(s, t)]) }
            let mean = sum / Double(max(1, size))
            var squares = 0.0
            for t in 0..<size {
                let d = Double(z.scalars[index(s, t)]) - mean
                squares += d * d
            }
            let inv = 1 / (squares / Double(max(1, size)) + Self.epsilon).squareRoot()
            inverseStd[s] = inv
            for t in 0..<size {
                let i = index(s, t)
                normalized.scalars[i] = Float((Double(z.scalars[i]) - mean) * inv)
            }
        }
        var output = normalized
        for i in 0..<rows {
            for j in 0..<columns {
                output.scalars[i * columns + j] = gamma[j] * normalized.scalars[i * columns + j] + beta[j]
            }
        }
        return (output, Cache(normalized: normalized, inverseStd: inverseStd))
    }

    /// ∂L/∂z, ∂L/∂γ and ∂L/∂β from g = ∂L/∂y and the forward pass's cache (formulas above).
    public func backward(_ g: Matrix, cache: Cache) -> (input: Matrix, gamma: [Float], beta: [Float]) {
        let (rows, columns) = (g.rows, g.columns)
        let xhat = cache.normalized
        var dGamma = [Double](repeating: 0, count: columns), dBeta = [Double](repeating: 0, count: columns)
        var scaled = [Double](repeating: 0, count: g.count)  // ĝ = g ⊙ γ
        for i in 0..<rows {
            for j in 0..<columns {
                let k = i * columns + j
                dGamma[j] += Double(g.scalars[k]) * Double(xhat.scalars[k])
                dBeta[j] += Double(g.scalars[k])
                scaled[k] = Double(g.scalars[k]) * Double(gamma[j])
            }
        }
        let perRow = kind == .layer
        let groups = perRow ? rows : columns, size = perRow ? columns : rows
        let index: (Int, Int) -> Int = perRow ? { s, t in s * columns + t } : { s, t in t * columns + s }
        var input = g
        for s in 0..<groups {
            var meanG = 0.0, meanGX = 0.0
            for t in 0..<size {
                let k = index(s, t)
                meanG += scaled[k]
                meanGX += scaled[k] * Double(xhat.scalars[k])
            }
            meanG /= Double(max(1, size))
            meanGX /= Double(max(1, size))
            for t in 0..<size {
                let k = index(s, t)
                input.scalars[k] = Float((scaled[k] - meanG - Double(xhat.scalars[k]) * meanGX) * cache.inverseStd[s])
            }
        }
        return (input, dGamma.map { Float($0) }, dBeta.map { Float($0) })
    }

    /// True when every γ and β is finite.
    public var isFinite: Bool { gamma.allSatisfy(\.isFinite) && beta.allSatisfy(\.isFinite) }
}
