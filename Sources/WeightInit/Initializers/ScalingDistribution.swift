/// The two shapes PyTorch's fan-scaled initialisers draw from with a target standard
/// deviation σ: a uniform on [−√3·σ, √3·σ] or an (untruncated) normal N(0, σ²). Shared by Xavier,
/// Kaiming and LeCun, which differ only in how σ depends on the fans; the fill is
/// ``VarianceScalingInitializer/Distribution``'s (`uniform`, `untruncated_normal`).
public enum ScalingDistribution: String, Sendable, CaseIterable {
    /// U[−bound, bound] with bound = √3·σ (variance bound²/3 = σ²).
    case uniform
    /// N(0, σ²).
    case normal
}
