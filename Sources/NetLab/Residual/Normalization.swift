/// Which normalisation a ``ResidualMLP`` applies after each of its branch layers.
///
/// For a pre-activation batch z (rows = samples, columns = units), both kinds compute
///
///     ẑ = (z − μ) / √(σ² + ε),   y = γ ⊙ ẑ + β,   ε = 1e-5 (PyTorch's default)
///
/// and differ only in what μ and σ² average over:
/// - ``layer`` (Ba, Kiros & Hinton 2016): each sample's units (per row), the same in training
///   and at test time;
/// - ``batch`` (Ioffe & Szegedy 2015): each unit over the samples of the batch (per column),
///   always with the current batch's statistics (training mode; NetLab keeps no running averages,
///   so evaluating a data set normalises with that set's statistics).
public enum Normalization: String, Sendable, CaseIterable, CustomStringConvertible {
    /// No normalisation: y = z.
    case none
    /// LayerNorm: statistics over the units of each sample.
    case layer
    /// BatchNorm in training mode: statistics over the samples of the batch, per unit.
    case batch

    /// Parses `none`, `layer` or `batch` (also `layernorm`, `batchnorm`); the error lists the names.
    public init(name: String) throws(NetLabError) {
        switch name.lowercased() {
        case "none": self = .none
        case "layer", "layernorm", "layer-norm": self = .layer
        case "batch", "batchnorm", "batch-norm": self = .batch
        default:
            throw .unknownName(kind: "normalization", name: name, valid: Normalization.allCases.map(\.rawValue))
        }
    }

    /// The name ``init(name:)`` accepts.
    public var description: String { rawValue }
}
