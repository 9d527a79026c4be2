import Foundation

/// How the residual branches of a ``ResidualMLP`` start: each block computes x + α·F(x), and
/// this chooses α and what happens to F's weights at initialisation (L blocks, m layers each).
///
/// | case | α | branch weights |
/// |---|---|---|
/// | ``standard`` | 1 (fixed) | as the initialiser draws them |
/// | ``inverseSqrtDepth`` | 1/√L (fixed) | as drawn |
/// | ``rezero`` | learnable, starts at 0 (SkipInit, De & Smith 2020; ReZero, Bachlechner et al. 2021) | as drawn |
/// | ``fixup`` | learnable, starts at 1 | layers 1…m−1 × L^(−1/(2m−2)), layer m and the classifier = 0 (Zhang, Dauphin & Ma 2019) |
/// | ``zeroLast`` | 1 (fixed) | layer m = 0; with normalisation its γ = 0 instead (Goyal et al. 2017) |
///
/// With independent zero-mean branches of variance-preserving layers, Var(x_{l+1}) =
/// (1 + α²)·Var(x_l): 2^L after L blocks for α = 1, (1 + 1/L)^L < e for α = 1/√L, and exactly
/// Var(x_0) when α = 0 or the last branch layer is zero. Fixup's scalar biases are stood in for by
/// the layers' per-unit biases (when the network has biases). For m = 1 the only branch layer
/// is the last one, so Fixup's exponent never applies.
public enum BranchInit: String, Sendable, CaseIterable, CustomStringConvertible {
    /// α = 1.
    case standard
    /// α = 1/√L.
    case inverseSqrtDepth = "inverse-sqrt-depth"
    /// A learnable α initialised to 0: every block starts as the identity.
    case rezero
    /// Fixup: inner branch layers scaled by L^(−1/(2m−2)), last branch layer and classifier zero,
    /// a learnable α starting at 1.
    case fixup
    /// The last layer of every branch (or its normalisation's γ) starts at zero.
    case zeroLast = "zero-last"

    /// Parses a name (`standard`, `inverse-sqrt-depth`, `rezero`, `skipinit`, `fixup`, `zero-last`,
    /// `zero-gamma`); the error lists the names.
    public init(name: String) throws(NetLabError) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "skipinit": self = .rezero
        case "zero-gamma": self = .zeroLast
        default:
            guard let value = BranchInit(rawValue: key) else {
                throw .unknownName(kind: "branch init", name: name, valid: BranchInit.allCases.map(\.rawValue))
            }
            self = value
        }
    }

    /// The name ``init(name:)`` accepts.
    public var description: String { rawValue }

    /// α at initialisation for `blocks` = L blocks.
    public func initialAlpha(blocks: Int) -> Float {
        switch self {
        case .standard, .fixup, .zeroLast: return 1
        case .inverseSqrtDepth: return Float(1 / Double(max(1, blocks)).squareRoot())
        case .rezero: return 0
        }
    }

    /// True when α is a trained parameter.
    public var learnsAlpha: Bool { self == .rezero || self == .fixup }

    /// Fixup's factor L^(−1/(2m−2)) for the inner branch layers (1 for m = 1, where there are none).
    public static func fixupScale(blocks: Int, layersPerBlock m: Int) -> Double {
        guard m >= 2 else { return 1 }
        return Foundation.pow(Double(max(1, blocks)), -1 / Double(2 * m - 2))
    }
}
