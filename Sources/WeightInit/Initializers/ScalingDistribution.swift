/// The two shapes a variance-scaling initialiser can draw from with a target standard
/// deviation σ: a uniform on [−√3·σ, √3·σ] or a normal N(0, σ²). Shared by Xavier,
/// Kaiming and LeCun, which differ only in how σ depends on the fans.
public enum ScalingDistribution: String, Sendable, CaseIterable {
    /// U[−bound, bound] with bound = √3·σ (variance bound²/3 = σ²).
    case uniform
    /// N(0, σ²).
    case normal

    /// Fills `tensor` with zero-mean values of standard deviation `std`.
    func fill(_ tensor: inout Tensor, std: Double, using stream: inout RandomStream) throws(InitializationError) {
        switch self {
        case .uniform:
            let bound = Float(3.0.squareRoot() * std)
            guard bound > 0 else {
                try ConstantInitializer.zeros.fill(&tensor, using: &stream)
                return
            }
            try UniformDistribution(low: -bound, high: bound).fill(&tensor.scalars, using: &stream)
        case .normal:
            try NormalDistribution(mean: 0, standardDeviation: Float(std)).fill(&tensor.scalars, using: &stream)
        }
    }
}
