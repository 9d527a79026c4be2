import Foundation

/// A nonlinearity and its recommended gain, exactly as `torch.nn.init.calculate_gain`.
///
/// | nonlinearity | gain |
/// |---|---|
/// | linear, conv1d/2d/3d, conv_transpose1d/2d/3d, sigmoid | 1 |
/// | tanh | 5/3 |
/// | relu | √2 |
/// | leaky_relu(a) | √(2/(1 + a²)), a = 0.01 by default |
/// | selu | 3/4 |
///
/// What a gain guarantees: for linear, ReLU and leaky ReLU layers it exactly compensates the second
/// moment the nonlinearity removes (E[f(z)²] = Var(z)/gain² for zero-mean symmetric z), so the forward
/// variance is preserved. For tanh and the others it is a heuristic: 5/3 keeps tanh activations from
/// shrinking in the forward pass, but with zero biases σ_w = 5/3 lies in the chaotic phase (χ₁ > 1), so
/// back-propagated gradients grow with depth; the order-to-chaos critical point for tanh is σ_w = 1
/// (Poole et al. 2016; Schoenholz et al. 2017; Pennington et al. 2017). SELU's 3/4 is PyTorch's choice for
/// self-normalising networks, whose paper uses gain 1 (LeCun normal).
public enum Nonlinearity: Sendable, Equatable {
    /// The identity (also the gain PyTorch uses for conv and conv-transpose layers).
    case linear
    /// conv1d, conv2d, conv3d and their transposes: gain 1, kept for PyTorch name parity.
    case convolution(String)
    /// The logistic sigmoid.
    case sigmoid
    /// The hyperbolic tangent.
    case tanh
    /// The rectifier max(0, x).
    case relu
    /// max(x, a·x) with negative slope `a`.
    case leakyRelu(negativeSlope: Double)
    /// Scaled exponential linear unit (Klambauer et al. 2017).
    case selu

    /// Every name accepted by ``init(name:parameter:)``.
    public static let names = [
        "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
        "conv_transpose2d", "conv_transpose3d", "sigmoid", "tanh", "relu",
        "leaky_relu", "selu",
    ]

    /// The default negative slope of `leaky_relu` in `calculate_gain` (0.01).
    public static let defaultNegativeSlope = 0.01

    /// Parses a PyTorch nonlinearity name (hyphens or underscores); `parameter` is
    /// leaky_relu's negative slope and is rejected for every other name.
    public init(name: String, parameter: Double? = nil) throws(InitializationError) {
        let normalized = name.lowercased().replacingHyphens()
        if let parameter, normalized != "leaky_relu" {
            throw .invalidArgument(
                name: "param", value: String(parameter),
                expected: "no parameter for \(normalized); only leaky_relu takes one")
        }
        switch normalized {
        case "linear", "identity": self = .linear
        case "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d":
            self = .convolution(normalized)
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case "relu": self = .relu
        case "leaky_relu":
            let slope = parameter ?? Nonlinearity.defaultNegativeSlope
            guard slope.isFinite else {
                throw .invalidArgument(name: "negative_slope", value: String(slope), expected: "a finite number")
            }
            self = .leakyRelu(negativeSlope: slope)
        case "selu": self = .selu
        default: throw .unknownNonlinearity(name, valid: Nonlinearity.names)
        }
    }

    /// The recommended gain: the factor by which to scale a unit-variance
    /// initialisation so the nonlinearity preserves the signal's second moment.
    public var gain: Double {
        switch self {
        case .linear, .convolution, .sigmoid: return 1
        case .tanh: return 5.0 / 3.0
        case .relu: return 2.0.squareRoot()
        case .leakyRelu(let slope): return (2.0 / (1 + slope * slope)).squareRoot()
        case .selu: return 0.75
        }
    }

    /// The PyTorch name.
    public var name: String {
        switch self {
        case .linear: return "linear"
        case .convolution(let name): return name
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .leakyRelu: return "leaky_relu"
        case .selu: return "selu"
        }
    }
}
