/// Counts the distinct units of a layer: units whose incoming weights (row of W) and bias agree
/// within `tolerance · (1 + max|θ|)` count as one. Symmetric initialisations (zeros, constants)
/// leave every unit of a layer identical — they receive identical gradients and never separate.
public enum DistinctUnits {
    /// The number of groups of identical units of `layer`.
    public static func count(_ layer: DenseLayer, tolerance: Float = 1e-6) -> Int {
        let n = layer.inputWidth
        var scale: Float = 0
        for value in layer.weight.scalars where value.isFinite { scale = max(scale, abs(value)) }
        let threshold = tolerance * (1 + scale)
        var representatives: [Int] = []
        for unit in 0..<layer.outputWidth {
            let isNew = representatives.allSatisfy { other in
                if let bias = layer.bias, !(abs(bias[unit] - bias[other]) <= threshold) { return true }
                for j in 0..<n where !(abs(layer.weight[unit, j] - layer.weight[other, j]) <= threshold) { return true }
                return false
            }
            if isNew { representatives.append(unit) }
        }
        return representatives.count
    }
}
