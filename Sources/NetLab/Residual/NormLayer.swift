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
            throw .invalidConfiguration(
                name: "normalization", value: "none", expected: "layer or batch for a NormLayer")
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
        let groups = perRow ? rows : columns, size = Double(max(1, perRow ? columns : rows))
        var mean = [Double](repeating: 0, count: groups), inverseStd = mean
        var normalized = z, output = z
        z.scalars.withUnsafeBufferPointer { z in
            mean.withUnsafeMutableBufferPointer { mean in
                inverseStd.withUnsafeMutableBufferPointer { inverseStd in
                    // Σ z and Σ (z − μ)² per group: along a row (LayerNorm) or down the columns (BatchNorm)
                    if perRow {
                        for i in 0..<rows {
                            var sum = 0.0, squares = 0.0
                            for j in 0..<columns { sum += Double(z[i * columns + j]) }
                            let mu = sum / size
                            for j in 0..<columns {
                                let d = Double(z[i * columns + j]) - mu
                                squares += d * d
                            }
                            mean[i] = mu
                            inverseStd[i] = squares
                        }
                    } else {
                        for i in 0..<rows {
                            for j in 0..<columns { mean[j] += Double(z[i * columns + j]) }
                        }
                        for j in 0..<columns { mean[j] /= size }
                        for i in 0..<rows {
                            for j in 0..<columns {
                                let d = Double(z[i * columns + j]) - mean[j]
                                inverseStd[j] += d * d
                            }
                        }
                    }
                    for s in 0..<groups { inverseStd[s] = 1 / (inverseStd[s] / size + Self.epsilon).squareRoot() }
                    normalized.scalars.withUnsafeMutableBufferPointer { xhat in
                        output.scalars.withUnsafeMutableBufferPointer { y in
                            gamma.withUnsafeBufferPointer { gamma in
                                beta.withUnsafeBufferPointer { beta in
                                    for i in 0..<rows {
                                        let rowMean = perRow ? mean[i] : 0, rowInverse = perRow ? inverseStd[i] : 1
                                        for j in 0..<columns {
                                            let k = i * columns + j
                                            let centred =
                                                perRow
                                                ? (Double(z[k]) - rowMean) * rowInverse
                                                : (Double(z[k]) - mean[j]) * inverseStd[j]
                                            xhat[k] = Float(centred)
                                            y[k] = gamma[j] * xhat[k] + beta[j]
                                        }
                                    }
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
        let groups = cache.inverseStd.count, size = Double(max(1, perRow ? columns : rows))
        var dGamma = [Double](repeating: 0, count: columns), dBeta = dGamma
        var meanG = [Double](repeating: 0, count: groups), meanGX = meanG  // mean(ĝ), mean(ĝ ⊙ ẑ) per group
        var input = g
        g.scalars.withUnsafeBufferPointer { g in
            cache.normalized.scalars.withUnsafeBufferPointer { xhat in
                gamma.withUnsafeBufferPointer { gamma in
                    dGamma.withUnsafeMutableBufferPointer { dGamma in
                        dBeta.withUnsafeMutableBufferPointer { dBeta in
                            meanG.withUnsafeMutableBufferPointer { meanG in
                                meanGX.withUnsafeMutableBufferPointer { meanGX in
                                    for i in 0..<rows {
                                        var rowG = 0.0, rowGX = 0.0
                                        for j in 0..<columns {
                                            let k = i * columns + j
                                            let gk = Double(g[k]), xk = Double(xhat[k])
                                            dGamma[j] += gk * xk
                                            dBeta[j] += gk
                                            let scaled = gk * Double(gamma[j])  // ĝ = g ⊙ γ
                                            if perRow {
                                                rowG += scaled
                                                rowGX += scaled * xk
                                            } else {
                                                meanG[j] += scaled
                                                meanGX[j] += scaled * xk
                                            }
                                        }
                                        if perRow {
                                            meanG[i] = rowG
                                            meanGX[i] = rowGX
                                        }
                                    }
                                    for s in 0..<groups {
                                        meanG[s] /= size
                                        meanGX[s] /= size
                                    }
                                    cache.inverseStd.withUnsafeBufferPointer { inverseStd in
                                        input.scalars.withUnsafeMutableBufferPointer { dz in
                                            for i in 0..<rows {
                                                for j in 0..<columns {
                                                    let k = i * columns + j, s = perRow ? i : j
                                                    let scaled = Double(g[k]) * Double(gamma[j])
                                                    dz[k] = Float(
                                                        (scaled - meanG[s] - Double(xhat[k]) * meanGX[s])
                                                            * inverseStd[s])
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (input, dGamma.map { Float($0) }, dBeta.map { Float($0) })
    }

    /// True when every γ and β is finite.
    public var isFinite: Bool { gamma.allSatisfy(\.isFinite) && beta.allSatisfy(\.isFinite) }
}
