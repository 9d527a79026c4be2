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
        let size = Double(max(1, perRow ? columns : rows))
        // element (i, j) belongs to group i (LayerNorm) or j (BatchNorm)
        var mean = [Double](repeating: 0, count: perRow ? rows : columns)
        var inverseStd = mean
        var normalized = z, output = z
        z.scalars.withUnsafeBufferPointer { z in
            mean.withUnsafeMutableBufferPointer { mean in
                inverseStd.withUnsafeMutableBufferPointer { inverseStd in
                    for i in 0..<rows {
                        for j in 0..<columns { mean[perRow ? i : j] += Double(z[i * columns + j]) }
                    }
                    for s in mean.indices { mean[s] /= size }
                    for i in 0..<rows {
                        for j in 0..<columns {
                            let d = Double(z[i * columns + j]) - mean[perRow ? i : j]
                            inverseStd[perRow ? i : j] += d * d  // Σ (z − μ)²
                        }
                    }
                    for s in inverseStd.indices { inverseStd[s] = 1 / (inverseStd[s] / size + Self.epsilon).squareRoot() }
                    normalized.scalars.withUnsafeMutableBufferPointer { xhat in
                        output.scalars.withUnsafeMutableBufferPointer { y in
                            for i in 0..<rows {
                                for j in 0..<columns {
                                    let k = i * columns + j, s = perRow ? i : j
                                    xhat[k] = Float((Double(z[k]) - mean[s]) * inverseStd[s])
                                    y[k] = gamma[j] * xhat[k] + beta[j]
                                }
                            }
                        }
                    }
                }
            }
        }
        return (output, Cache(normalized: normalized, inverseStd: inverseStd))
    }

    /// ∂L/∂z, ∂L/∂γ and ∂L/∂β from g = ∂L/∂y and the forward pass's cache (formulas above).
    public func backward(_ g: Matrix, cache: Cache) -> (input: Matrix, gamma: [Float], beta: [Float]) {
        let (rows, columns) = (g.rows, g.columns)
        let perRow = kind == .layer
        let size = Double(max(1, perRow ? columns : rows))
        // Σ g ⊙ ẑ and Σ g per unit; mean(ĝ) and mean(ĝ ⊙ ẑ) per group
        var sums = [Double](repeating: 0, count: 2 * columns + 2 * cache.inverseStd.count)
        var input = g
        let groups = cache.inverseStd.count
        sums.withUnsafeMutableBufferPointer { sums in
            g.scalars.withUnsafeBufferPointer { g in
                cache.normalized.scalars.withUnsafeBufferPointer { xhat in
                    gamma.withUnsafeBufferPointer { gamma in
                        for i in 0..<rows {
                            for j in 0..<columns {
                                let k = i * columns + j, s = perRow ? i : j
                                let gk = Double(g[k]), xk = Double(xhat[k])
                                sums[j] += gk * xk  // ∂L/∂γ_j
                                sums[columns + j] += gk  // ∂L/∂β_j
                                let scaled = gk * Double(gamma[j])  // ĝ = g ⊙ γ
                                sums[2 * columns + s] += scaled
                                sums[2 * columns + groups + s] += scaled * xk
                            }
                        }
                        for s in 0..<groups {
                            sums[2 * columns + s] /= size
                            sums[2 * columns + groups + s] /= size
                        }
                        cache.inverseStd.withUnsafeBufferPointer { inverseStd in
                            input.scalars.withUnsafeMutableBufferPointer { dz in
                                for i in 0..<rows {
                                    for j in 0..<columns {
                                        let k = i * columns + j, s = perRow ? i : j
                                        let scaled = Double(g[k]) * Double(gamma[j])
                                        let centred = scaled - sums[2 * columns + s] - Double(xhat[k]) * sums[2 * columns + groups + s]
                                        dz[k] = Float(centred * inverseStd[s])
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (input, sums[0..<columns].map { Float($0) }, sums[columns..<(2 * columns)].map { Float($0) })
    }

    /// True when every γ and β is finite.
    public var isFinite: Bool { gamma.allSatisfy(\.isFinite) && beta.allSatisfy(\.isFinite) }
}
